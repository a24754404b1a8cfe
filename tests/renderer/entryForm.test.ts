/**
 * A record entry form on the Record page, against a real core: a new entry is kept only when
 * Save is pressed, then the form closes into its row with the keyboard on that row; an edit
 * saves itself; Esc never drops typing without asking; and a lock or a close in the middle of a
 * save loses nothing and is never shown as the person's mistake.
 */
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import type { Entry } from '../../electron/shared/record.ts'
import type { Core } from '../../electron/core/api.ts'
import { call } from '../../renderer/src/api/client.ts'
import RecordSection from '../../renderer/src/components/record/RecordSection.vue'
import MeasurementForm from '../../renderer/src/components/record/forms/MeasurementForm.vue'
import { provenanceDraft, provenanceInput } from '../../renderer/src/components/record/draft.ts'
import { AUTOSAVE_DELAY_MS, keepDrafts } from '../../renderer/src/composables/useDebouncedSave.ts'
import { useEntryForm } from '../../renderer/src/composables/useEntryForm.ts'
import { useDraftsStore } from '../../renderer/src/stores/drafts.ts'
import { useProfilesStore } from '../../renderer/src/stores/profiles.ts'
import { useRecordStore } from '../../renderer/src/stores/record.ts'
import { useSessionStore } from '../../renderer/src/stores/session.ts'
import { PASSPHRASE, cleanupTempDirs } from '../unit/helpers/vaultFixture.ts'
import { installRealCore } from './helpers/realCore.ts'
import { mountOnPage, withSetup } from './helpers/withSetup.ts'

let core: Core
let profileId: string
const mounted: VueWrapper[] = []

beforeEach(async () => {
  core = installRealCore().core
  setActivePinia(createPinia())
  await useSessionStore().create(PASSPHRASE)
  useSessionStore().recoveryCodeKept()
  profileId = (await useProfilesStore().add('Maya')).id
  await Promise.all([useRecordStore().load(profileId), useDraftsStore().load(profileId)])
})

afterEach(async () => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount()
  document.body.innerHTML = ''
  vi.useRealTimers()
  await flushPromises()
  await cleanupTempDirs()
})

/** What the vault holds, read from the core itself. */
async function measurements(): Promise<Entry<'measurement'>[]> {
  return (await core.handlers['record.list']({
    profileId,
    kind: 'measurement'
  })) as Entry<'measurement'>[]
}

/** The Record page's Measurements section, with its add and edit forms. */
function openSection() {
  const store = useRecordStore()
  const wrapper = mountOnPage(
    () => () =>
      h(
        RecordSection,
        { kind: 'measurement', entries: store.list('measurement') },
        {
          form: ({
            entry,
            close,
            created
          }: {
            entry: Entry<'measurement'> | null
            close: () => void
            created?: (id: string) => void
          }) =>
            h(MeasurementForm, {
              profileId,
              entry,
              onClose: close,
              onCreated: (id: string) => created?.(id)
            })
        }
      )
  )
  mounted.push(wrapper)
  const field = (label: string) => {
    const forId = wrapper.findAll('label').find((l) => l.text().startsWith(label))!
    return wrapper.get<HTMLInputElement>(`#${forId.attributes('for')}`)
  }
  const button = (name: string) => wrapper.findAll('button').find((b) => b.text() === name)
  const escape = async () => {
    document.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })
    )
    await flushPromises()
  }
  return { wrapper, field, button, escape }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await flushPromises()
}

describe('a new entry (explicit save)', () => {
  it('is kept only on Save; the form then closes into its row, with the keyboard on its Edit', async () => {
    const { wrapper, field } = openSection()
    await wrapper.get('.add-button').trigger('click')
    await settle()
    expect(document.activeElement).toBe(field('Date measured').element)
    await field('Date measured').setValue('2024-03-01')
    await field('Height').setValue('120')
    await settle()
    expect(await measurements()).toEqual([])

    await wrapper.get('form').trigger('submit')
    await settle()
    const [saved] = await measurements()
    expect(saved).toMatchObject({ measuredOn: '2024-03-01', heightCm: 120 })
    expect(wrapper.find('form').exists()).toBe(false)
    expect(document.activeElement?.getAttribute('data-edit')).toBe(saved!.id)
    expect(wrapper.get('[role="status"]').text()).toContain('Added')
  })

  it('with a problem: nothing is sent, the message is beside the field, and the cursor is on it', async () => {
    const { wrapper, field } = openSection()
    await wrapper.get('.add-button').trigger('click')
    await field('Date measured').setValue('2024-03-01')
    await field('Weight').setValue('900')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(await measurements()).toEqual([])
    const weight = field('Weight')
    expect(weight.attributes('aria-invalid')).toBe('true')
    expect(wrapper.get(`#${weight.element.id}-error`).text()).toBe(
      'Enter the weight in kilograms (at most 400).'
    )
    expect(document.activeElement).toBe(weight.element)
  })

  it('Esc asks before dropping what was typed; a second Esc keeps typing, in the same field', async () => {
    const { wrapper, field, button, escape } = openSection()
    await wrapper.get('.add-button').trigger('click')
    await field('Height').setValue('120')
    field('Height').element.focus()

    await escape()
    expect(wrapper.find('form').exists()).toBe(true)
    expect(wrapper.text()).toContain('Close this form without saving what you typed?')
    expect(document.activeElement?.textContent?.trim()).toBe('Keep typing')

    await escape()
    expect(wrapper.text()).not.toContain('Close this form without saving')
    expect(field('Height').element.value).toBe('120')
    expect(document.activeElement).toBe(field('Height').element)

    await escape()
    await button('Close without saving')!.trigger('click')
    await settle()
    expect(wrapper.find('form').exists()).toBe(false)
    expect(await measurements()).toEqual([])
  })

  it('Esc on a form with nothing typed closes it, back to Add', async () => {
    const { wrapper, escape } = openSection()
    await wrapper.get('.add-button').trigger('click')
    await settle()
    await escape()
    expect(wrapper.find('form').exists()).toBe(false)
    expect(document.activeElement?.classList.contains('add-button')).toBe(true)
  })
})

/** Maya's measurement, saved, with its form opened by Edit. */
async function editSaved() {
  const saved = await useRecordStore().save('measurement', {
    profileId,
    measuredOn: '2024-03-01',
    heightCm: 120,
    weightKg: 24
  })
  const section = openSection()
  await settle()
  await section.wrapper.get(`[data-edit="${saved.id}"]`).trigger('click')
  await settle()
  return { ...section, saved }
}

describe('an entry opened with Edit (autosave)', () => {
  it('saves an edit by itself after a pause in typing', async () => {
    const { field } = await editSaved()
    vi.useFakeTimers()
    await field('Weight').setValue('25')
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 50)
    expect((await measurements())[0]!.weightKg).toBe(24)
    await vi.advanceTimersByTimeAsync(100)
    await settle()
    expect((await measurements())[0]!.weightKg).toBe(25)
  })

  it('when the core locks under a save, nothing is shown as a mistake and nothing half-saved', async () => {
    const { field } = await editSaved()
    // The core locks by itself (the computer went to sleep) just as the save arrives.
    const save = window.lantern.record.save
    Object.defineProperty(window.lantern.record, 'save', {
      configurable: true,
      value: async (input: Parameters<typeof save>[0]) => {
        await core.handlers['vault.lock']({})
        return save(input)
      }
    })
    const messages: string[] = []
    const seen = new MutationObserver(() => {
      for (const problem of document.querySelectorAll('.field-error, [aria-invalid="true"]')) {
        messages.push(problem.textContent ?? problem.id)
      }
    })
    seen.observe(document.body, { subtree: true, childList: true, attributes: true })
    await field('Weight').setValue('25')
    field('Weight').element.dispatchEvent(new FocusEvent('focusout', { bubbles: true }))
    await settle()
    seen.disconnect()

    // The unlock screen takes over; no field ever said the person got something wrong.
    expect(useSessionStore().screen).toBe('locked')
    expect(messages).toEqual([])
    await call('vault.unlock', { passphrase: PASSPHRASE })
    expect((await measurements())[0]).toMatchObject({ weightKg: 24, heightCm: 120 })
  })

  it('a save refused because the vault locked puts no message beside any field', async () => {
    await useRecordStore().save('measurement', {
      profileId,
      measuredOn: '2024-03-01',
      heightCm: 120,
      weightKg: 24
    })
    const [saved] = await measurements()
    const { result: form } = withSetup(() =>
      useEntryForm({
        kind: 'measurement',
        profileId: () => profileId,
        entry: saved,
        toDraft: (e) => ({ weightKg: String(e?.weightKg ?? ''), p: provenanceDraft(e) }),
        toInput: (d, id) => ({
          profileId: id,
          measuredOn: '2024-03-01',
          heightCm: 120,
          weightKg: Number(d.weightKg),
          ...provenanceInput(d.p)
        })
      })
    )
    await core.handlers['vault.lock']({})
    form.draft.weightKg = '25'
    expect(await form.flush()).toBe(false)
    expect(form.errors).toEqual({})
    expect(form.question).toBeNull()
    expect([form.state, form.failure]).toEqual(['failed', 'Lantern is locked.'])
    expect(form.draft.weightKg).toBe('25')
  })

  it('locking while a save is under way waits for it, saves the typing that came after, then locks', async () => {
    const { field } = await editSaved()
    let release: () => void = () => undefined
    const save = window.lantern.record.save
    let calls = 0
    Object.defineProperty(window.lantern.record, 'save', {
      configurable: true,
      value: async (input: Parameters<typeof save>[0]) => {
        // The first save is slow (a busy core); the vault is still open until it is done.
        if (++calls === 1) await new Promise<void>((resolve) => (release = resolve))
        return save(input)
      }
    })
    await field('Weight').setValue('25')
    field('Weight').element.dispatchEvent(new FocusEvent('focusout', { bubbles: true }))
    await flushPromises()
    await field('Height').setValue('121')
    const locking = useSessionStore().lock()
    release()
    await locking
    await settle()

    expect(useSessionStore().screen).toBe('locked')
    await call('vault.unlock', { passphrase: PASSPHRASE })
    expect((await measurements())[0]).toMatchObject({ weightKg: 25, heightCm: 121 })
  })

  it('closing the form in the middle of a save still saves what was typed after it', async () => {
    const { field, wrapper } = await editSaved()
    let release: () => void = () => undefined
    const save = window.lantern.record.save
    let calls = 0
    Object.defineProperty(window.lantern.record, 'save', {
      configurable: true,
      value: async (input: Parameters<typeof save>[0]) => {
        if (++calls === 1) await new Promise<void>((resolve) => (release = resolve))
        return save(input)
      }
    })
    await field('Weight').setValue('25')
    field('Weight').element.dispatchEvent(new FocusEvent('focusout', { bubbles: true }))
    await flushPromises()
    await field('Height').setValue('121')
    // The page goes away (another tab, the window closing) while the first save is out.
    wrapper.unmount()
    mounted.splice(mounted.indexOf(wrapper), 1)
    await keepDrafts()
    release()
    await settle()
    expect((await measurements())[0]).toMatchObject({ weightKg: 25, heightCm: 121 })
  })
})
