/**
 * Autosave is what stands between a parent's typing and the vault: a pause in typing saves
 * once, with the latest values; a refused or failed save says so and keeps the values; locking
 * and closing save (or keep as a draft) whatever is pending.
 */
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../renderer/src/api/client.ts'
import {
  AUTOSAVE_DELAY_MS,
  flushPendingSaves,
  hasUnsavedWork,
  keepDrafts,
  useDebouncedSave,
  type DebouncedSaveOptions
} from '../../renderer/src/composables/useDebouncedSave.ts'
import { withSetup } from './helpers/withSetup.ts'

interface Form {
  dose: string
  note: string
}

const mounted: VueWrapper[] = []

/** A form on screen with an autosave, whose saves are recorded (or made to fail). */
function openForm(extra: Partial<DebouncedSaveOptions<Form>> = {}) {
  const form: Form = { dose: '', note: '' }
  const saved: Form[] = []
  const drafts: Form[] = []
  let failWith: ApiError | null = null
  const { result, wrapper } = withSetup(() =>
    useDebouncedSave<Form>({
      snapshot: () => ({ ...form }),
      save: async (value) => {
        if (failWith) throw failWith
        saved.push(value)
      },
      keepDraft: async () => {
        drafts.push({ ...form })
      },
      ...extra
    })
  )
  mounted.push(wrapper)
  return {
    form,
    saved,
    drafts,
    saver: result,
    wrapper,
    failNextSavesWith(error: ApiError | null) {
      failWith = error
    },
    type(field: keyof Form, value: string) {
      form[field] = value
      result.changed()
    }
  }
}

const locked = () => new ApiError({ code: 'VAULT_LOCKED', message: 'Lantern is locked.' })

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(async () => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount()
  await vi.runAllTimersAsync()
  await flushPromises()
  vi.useRealTimers()
})

describe('autosave after a pause in typing', () => {
  it('waits AUTOSAVE_DELAY_MS after the last change, then saves once with the last values', async () => {
    const { saved, saver, type } = openForm()
    type('dose', '1')
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100)
    type('dose', '1.5')
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100)
    type('note', 'day 8')
    expect(saver.state.value).toBe('pending')
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1)
    expect(saved).toEqual([])

    await vi.advanceTimersByTimeAsync(1)
    expect(saved).toEqual([{ dose: '1.5', note: 'day 8' }])
    expect(saver.state.value).toBe('saved')
    expect(saver.savedAt.value).toBeInstanceOf(Date)

    // Nothing changed since: no second save, however long the form stays open.
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 10)
    await saver.flush()
    expect(saved).toHaveLength(1)
  })

  it('saves at once on flush() (leaving the field), without waiting for the pause', async () => {
    const { saved, saver, type } = openForm()
    type('dose', '2')
    expect(await saver.flush()).toBe(true)
    expect(saved).toEqual([{ dose: '2', note: '' }])
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2)
    expect(saved).toHaveLength(1)
  })

  it('saves an edit made during a save right after it, with the newer values', async () => {
    let release: () => void = () => undefined
    const saved: Form[] = []
    const { saver, type, form } = openForm({
      save: (value) => {
        saved.push(value)
        return saved.length === 1
          ? new Promise<void>((resolve) => (release = resolve))
          : Promise.resolve()
      }
    })
    type('dose', '1')
    const first = saver.flush()
    form.dose = '10'
    const second = saver.flush()
    release()
    await Promise.all([first, second])
    expect(saved).toEqual([
      { dose: '1', note: '' },
      { dose: '10', note: '' }
    ])
    expect(saver.state.value).toBe('saved')
  })
})

describe('a save that does not go through', () => {
  it('is "invalid", with a message pointing at the fields, when the core refuses a field', async () => {
    const { saver, type, failNextSavesWith } = openForm()
    failNextSavesWith(
      new ApiError({
        code: 'INVALID_INPUT',
        message: 'Check the dose.',
        fields: [{ path: 'dose', message: 'A dose is more than 0.' }]
      })
    )
    type('dose', '-2')
    expect(await saver.flush()).toBe(false)
    expect(saver.state.value).toBe('invalid')
    expect(saver.reason.value).toBe('fix the field marked with a message.')
    expect(hasUnsavedWork()).toBe(true)
  })

  it('keeps the typed values when the vault locks mid-save, and saves them once it can', async () => {
    const { saved, drafts, saver, type, failNextSavesWith } = openForm()
    type('dose', '1.5')
    type('note', 'after the scan')
    failNextSavesWith(locked())
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)

    // Not saved, and said so: the form reports unsaved work, in words.
    expect(saved).toEqual([])
    expect(saver.state.value).toBe('failed')
    expect(saver.reason.value).toBe('Lantern is locked.')
    expect(hasUnsavedWork()).toBe(true)

    // Locking or closing keeps it as a draft, with what was typed.
    await keepDrafts()
    expect(drafts).toEqual([{ dose: '1.5', note: 'after the scan' }])

    // Unlocked again: the same values are sent, not skipped as if already saved.
    failNextSavesWith(null)
    expect(await saver.flush()).toBe(true)
    expect(saved).toEqual([{ dose: '1.5', note: 'after the scan' }])
    expect(hasUnsavedWork()).toBe(false)
  })

  it('shows the block reason and sends nothing while the form says it cannot be saved', async () => {
    const { saved, saver, type } = openForm({ blocker: () => 'Pick a drug first.' })
    type('dose', '3')
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
    expect(saved).toEqual([])
    expect(saver.state.value).toBe('invalid')
    expect(saver.reason.value).toBe('Pick a drug first.')
  })
})

describe('closing the window or locking the vault', () => {
  it('saves every form’s pending change before the pause is over', async () => {
    const dose = openForm()
    const note = openForm()
    dose.type('dose', '4')
    note.type('note', 'nausea on day 2')
    // What the page's onBeforeClose handler (renderer/src/main.ts) and lock() run first.
    await flushPendingSaves()
    expect(dose.saved).toEqual([{ dose: '4', note: '' }])
    expect(note.saved).toEqual([{ dose: '', note: 'nausea on day 2' }])
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2)
    expect(dose.saved).toHaveLength(1)
    expect(note.saved).toHaveLength(1)
  })

  it('keeps a new entry not yet saved as a draft, and nothing for a form with all saved', async () => {
    let typedNewEntry = false
    const newEntry = openForm({ enabled: () => false, unsaved: () => typedNewEntry })
    const done = openForm()
    done.type('dose', '1')
    await done.saver.flush()

    newEntry.type('dose', '250')
    typedNewEntry = true
    await flushPendingSaves()
    expect(newEntry.saved).toEqual([])
    await keepDrafts()
    expect(newEntry.drafts).toEqual([{ dose: '250', note: '' }])
    expect(done.drafts).toEqual([])
  })

  it('saves a pending change when its form goes away', async () => {
    const { saved, type, wrapper } = openForm()
    type('dose', '7')
    wrapper.unmount()
    mounted.splice(mounted.indexOf(wrapper), 1)
    await flushPromises()
    expect(saved).toEqual([{ dose: '7', note: '' }])
    expect(hasUnsavedWork()).toBe(false)
  })
})
