/**
 * The form toolkit every form is built on (renderer/src/forms): a field says what it is and
 * what is wrong with it to a screen reader as well as on screen; a refusal, from the form's own
 * check or from the core, reads the same and lands beside its field with the cursor on it; one
 * save at a time; a lock is never shown as a mistake; Esc never drops typing without asking.
 */
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { h, nextTick, ref } from 'vue'
import { carePlanInputs } from '../../electron/shared/careplan.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import type { Handlers } from '../../electron/core/api.ts'
import { ApiError } from '../../renderer/src/api/client.ts'
import ChoiceField from '../../renderer/src/forms/ChoiceField.vue'
import DiscardQuestion from '../../renderer/src/forms/DiscardQuestion.vue'
import { checkInput, fieldMessages } from '../../renderer/src/forms/fieldErrors.ts'
import { useDialogFocus } from '../../renderer/src/forms/focus.ts'
import FormProblem from '../../renderer/src/forms/FormProblem.vue'
import TextField from '../../renderer/src/forms/TextField.vue'
import { useBusyAction } from '../../renderer/src/forms/useBusyAction.ts'
import { useDiscardGuard } from '../../renderer/src/forms/useDiscardGuard.ts'
import { useSubmitForm, type SubmitFormOptions } from '../../renderer/src/forms/useSubmitForm.ts'
import { mountOnPage } from './helpers/withSetup.ts'

const mounted: VueWrapper[] = []

afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount()
  document.body.innerHTML = ''
})

const locked = () => new ApiError({ code: 'VAULT_LOCKED', message: 'Lantern is locked.' })

/**
 * A small form on the page, as a screen builds one: a date and a note through the toolkit's
 * fields, a reason given as radio buttons, its problem line, and a submit that calls `send`.
 */
function openForm(options: SubmitFormOptions = {}, send: () => Promise<void> = async () => {}) {
  let form!: ReturnType<typeof useSubmitForm>
  const doneOn = ref('')
  const note = ref('')
  const reason = ref('')
  const sent: { doneOn: string; note: string }[] = []
  const wrapper = mountOnPage(() => {
    const root = ref<HTMLFormElement | null>(null)
    form = useSubmitForm('test', { root, values: () => [doneOn.value, note.value], ...options })
    return () =>
      h('form', { ref: root }, [
        h(TextField, {
          name: 'doneOn',
          label: 'Date it was done',
          type: 'date',
          modelValue: doneOn.value,
          'onUpdate:modelValue': (v: string) => (doneOn.value = v)
        }),
        h(TextField, {
          name: 'note',
          label: 'Note',
          hint: 'What the test showed, in a few words.',
          suffix: 'words',
          modelValue: note.value,
          'onUpdate:modelValue': (v: string) => (note.value = v)
        }),
        h(ChoiceField, {
          name: 'reason',
          legend: 'Why',
          options: [
            { value: 'done', label: 'Done elsewhere' },
            { value: 'other', label: 'Something else' }
          ],
          modelValue: reason.value,
          'onUpdate:modelValue': (v: string | string[]) => (reason.value = String(v))
        }),
        h(FormProblem, { message: form.problem.value })
      ])
  })
  mounted.push(wrapper)
  const input = (label: string) => {
    const page = wrapper.element as HTMLElement
    const labelFor = [...page.querySelectorAll('label')].find(
      (l) => l.textContent?.trim().startsWith(label) && l.htmlFor
    )
    return page.querySelector<HTMLInputElement>(`#${labelFor!.htmlFor}`)!
  }
  return {
    form,
    wrapper,
    doneOn,
    note,
    sent,
    input,
    submit: (problems = {}) =>
      form.submit(async () => {
        sent.push({ doneOn: doneOn.value, note: note.value })
        await send()
      }, problems)
  }
}

function describedBy(element: Element): string[] {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent?.trim() ?? `(missing #${id})`)
}

describe('a field', () => {
  it('is named by its label and described by its hint and unit, with no problem while all is well', () => {
    const { input } = openForm()
    const note = input('Note')
    expect(note.getAttribute('aria-invalid')).toBeNull()
    expect(describedBy(note)).toEqual(['What the test showed, in a few words.', 'words'])
  })

  it('with a message: marked invalid, and the message is read with it, after its hint', async () => {
    const { form, input, wrapper } = openForm()
    form.show({ note: 'Keep the note under 500 characters.', reason: 'Choose one.' })
    await nextTick()
    const note = input('Note')
    expect(note.getAttribute('aria-invalid')).toBe('true')
    expect(describedBy(note)).toEqual([
      'What the test showed, in a few words.',
      'words',
      'Keep the note under 500 characters.'
    ])
    const message = document.getElementById(`${note.id}-error`)!
    expect(message.getAttribute('role')).toBe('alert')
    // The date beside it has no message, so nothing about it changed.
    expect(input('Date it was done').getAttribute('aria-invalid')).toBeNull()
    // A group of choices carries its message on the group, named by its legend.
    const group = wrapper.element.querySelector('fieldset')!
    expect(group.querySelector('legend')?.textContent?.trim()).toBe('Why')
    expect(group.getAttribute('aria-invalid')).toBe('true')
    expect(describedBy(group)).toEqual(['Choose one.'])
  })
})

describe('turning the contract’s field problems into messages', () => {
  it('keeps the first message for each field and maps paths onto the form’s fields', () => {
    const fields = [
      { path: 'entry.dose', message: 'A dose is more than 0.' },
      { path: 'entry.dose', message: 'A second problem with the dose.' },
      { path: 'entry.schedule.end', message: 'The end comes after the start.' }
    ]
    expect(fieldMessages(fields, { field: (path) => path.replace(/^entry\./, '') })).toEqual({
      dose: 'A dose is more than 0.',
      'schedule.end': 'The end comes after the start.'
    })
  })

  it('says a field in the screen’s own words where it has them', () => {
    expect(
      fieldMessages([{ path: 'displayName', message: 'Too small: expected string' }], {
        say: { displayName: 'people.nameRequired' }
      })
    ).toEqual({ displayName: 'Enter a name.' })
  })

  it('reads the same whether the form catches a problem before sending or the core refuses it', async () => {
    const input = {
      profileId: 'not-an-id',
      itemKey: '',
      doneOn: '2024-02-31',
      note: 'x'.repeat(2000)
    }
    const answer = await dispatch({} as Handlers, 'careplan.markDone', input)
    expect(answer.ok).toBe(false)
    const fromCore = fieldMessages(answer.ok ? [] : (answer.error.fields ?? []))
    expect(Object.keys(fromCore).length).toBeGreaterThan(1)
    expect(checkInput(carePlanInputs.markDone, input)).toEqual(fromCore)
  })
})

describe('an explicit save', () => {
  it('sends nothing while a field has a problem, and puts the cursor in the first one', async () => {
    const { submit, sent, input } = openForm()
    expect(await submit({ doneOn: 'Choose the date.', note: 'Too long.' })).toBe(false)
    await flushPromises()
    expect(sent).toEqual([])
    expect(document.activeElement).toBe(input('Date it was done'))
  })

  it('shows the core’s refusal beside its field, with the cursor on it', async () => {
    const refusal = new ApiError({
      code: 'INVALID_INPUT',
      message: 'note: too long',
      fields: [{ path: 'note', message: 'Keep the note under 500 characters.' }]
    })
    const { submit, form, input } = openForm({}, () => Promise.reject(refusal))
    expect(await submit()).toBe(false)
    await flushPromises()
    expect(form.errors.value).toEqual({ note: 'Keep the note under 500 characters.' })
    expect(form.problem.value).toBeNull()
    expect(document.activeElement).toBe(input('Note'))
  })

  it('says a failure that belongs to no field on the form, and takes the keyboard there', async () => {
    const failure = new ApiError({ code: 'INTERNAL', message: 'boom' })
    const { submit, form, wrapper } = openForm({ failedInside: 'careplan.item.changeFailed' }, () =>
      Promise.reject(failure)
    )
    expect(await submit()).toBe(false)
    await flushPromises()
    expect(form.problem.value).toBe('That could not be saved. Nothing was changed.')
    expect(document.activeElement).toBe(wrapper.element.querySelector('.form-problem'))
  })

  it('shows nothing as a mistake when the vault locks under it, and keeps what was typed', async () => {
    const { submit, form, wrapper, note, input } = openForm({}, () => Promise.reject(locked()))
    note.value = 'Echo normal'
    input('Note').focus()
    expect(await submit()).toBe(false)
    await flushPromises()
    expect(form.problem.value).toBeNull()
    expect(form.errors.value).toEqual({})
    expect(wrapper.element.querySelector('[aria-invalid="true"], .form-problem')).toBeNull()
    expect(note.value).toBe('Echo normal')
    expect(form.busy.value).toBe(false)
  })

  it('is busy while the core works, and a second press meanwhile sends nothing', async () => {
    let finish: () => void = () => undefined
    const { submit, sent, form } = openForm(
      {},
      () => new Promise<void>((resolve) => (finish = resolve))
    )
    const first = submit()
    expect(form.busy.value).toBe(true)
    expect(await submit()).toBe(false)
    finish()
    expect(await first).toBe(true)
    expect(sent).toHaveLength(1)
    expect(form.busy.value).toBe(false)
  })

  it('knows when something was typed, and forgets it once sent', async () => {
    const { submit, form, note } = openForm()
    expect(form.changed()).toBe(false)
    note.value = 'Normal'
    expect(form.changed()).toBe(true)
    await submit()
    expect(form.changed()).toBe(false)
  })
})

describe('the busy state and the lock guard for any action', () => {
  it('shows a failure, shows nothing for a lock, and names what is running', async () => {
    let action!: ReturnType<typeof useBusyAction>
    mounted.push(
      mountOnPage(() => {
        action = useBusyAction(() => 'That could not be deleted.')
        return () => h('div')
      })
    )
    expect(await action.act(() => Promise.reject(locked()))).toBe(false)
    expect(action.problem.value).toBeNull()
    expect(await action.act(() => Promise.reject(new Error('disk')))).toBe(false)
    expect(action.problem.value).toBe('That could not be deleted.')

    let finish: () => void = () => undefined
    const running = action.act(() => new Promise<void>((resolve) => (finish = resolve)), 'row-2')
    expect([action.busy.value, action.doing.value, action.problem.value]).toEqual([
      true,
      'row-2',
      null
    ])
    // One at a time: a second press meanwhile does nothing.
    let second = false
    expect(await action.act(async () => void (second = true), 'row-3')).toBe(false)
    expect(second).toBe(false)
    finish()
    expect(await running).toBe(true)
    expect([action.busy.value, action.doing.value]).toEqual([false, null])
  })
})

describe('Esc on a form', () => {
  /** A form that closes on Esc through the guard, with one field. */
  function openClosable(typed: string) {
    const closed: string[] = []
    const text = ref(typed)
    const wrapper = mountOnPage(() => {
      const guard = useDiscardGuard({
        hasWork: () => text.value !== '',
        discard: () => closed.push(text.value)
      })
      return () =>
        h('form', { onKeydown: (e: KeyboardEvent) => e.key === 'Escape' && guard.escape() }, [
          h('input', { id: 'typed', value: text.value }),
          guard.asking.value ? h(DiscardQuestion, { guard }) : null
        ])
    })
    mounted.push(wrapper)
    const press = async (target: Element) => {
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
      await flushPromises()
    }
    const field = (wrapper.element as HTMLElement).querySelector<HTMLInputElement>('#typed')!
    return { wrapper, closed, press, field }
  }

  it('closes at once when nothing was typed', async () => {
    const { press, field, closed } = openClosable('')
    await press(field)
    expect(closed).toEqual([''])
  })

  it('asks first when something was typed, starting on “Keep typing”; a second Esc keeps it all', async () => {
    const { press, field, closed, wrapper } = openClosable('Vincristine 1.5 mg/m²')
    field.focus()
    await press(field)
    expect(closed).toEqual([])
    const question = wrapper.get('[role="group"]')
    expect(question.text()).toContain('Close this form without saving what you typed?')
    expect(document.activeElement?.textContent?.trim()).toBe('Keep typing')

    await press(document.activeElement!)
    expect(closed).toEqual([])
    expect(wrapper.find('[role="group"]').exists()).toBe(false)
    expect(document.activeElement).toBe(field)
  })

  it('closes only when the person says so', async () => {
    const { press, field, closed, wrapper } = openClosable('Vincristine 1.5 mg/m²')
    await press(field)
    const close = wrapper.findAll('button').find((b) => b.text() === 'Close without saving')!
    await close.trigger('click')
    expect(closed).toEqual(['Vincristine 1.5 mg/m²'])
  })
})

describe('a dialog', () => {
  it('starts on its first field and gives the keyboard back to what opened it when it closes', async () => {
    const dialog = ref<HTMLDialogElement | null>(null)
    let focus!: ReturnType<typeof useDialogFocus>
    const wrapper = mountOnPage(() => {
      focus = useDialogFocus(dialog)
      return () =>
        h('div', [
          h('button', { id: 'opener', onClick: () => void focus.open() }, 'Export PDF'),
          h('dialog', { ref: dialog, onClose: () => focus.closed() }, [
            h('input', { id: 'first' }),
            h('button', 'Close')
          ])
        ])
    })
    mounted.push(wrapper)
    const opener = wrapper.get<HTMLButtonElement>('#opener').element
    opener.focus()
    await focus.open()
    expect(document.activeElement?.id).toBe('first')
    dialog.value!.close()
    await flushPromises()
    expect(document.activeElement).toBe(opener)
  })
})
