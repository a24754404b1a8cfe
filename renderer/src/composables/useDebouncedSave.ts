import { onBeforeUnmount, ref } from 'vue'
import { toApiError } from '../api/client.ts'
import { errorMessage } from '../i18n/errors.ts'
import { t } from '../i18n/index.ts'

/**
 * 'partial': everything that could be saved is, and a field with a problem (its message beside
 * it) waits until it is put right.
 */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'partial' | 'invalid' | 'failed'

export const AUTOSAVE_DELAY_MS = 800

export interface DebouncedSaveOptions<T> {
  /** The values to save, read at the moment of saving. */
  snapshot: () => T
  /** Saves them; throws to report that nothing was saved (INVALID_INPUT with fields: 'invalid'). */
  save: (value: T) => Promise<void>
  /** A reason not to save anything yet, or null when the values can be sent. */
  blocker?: () => string | null
  /**
   * For forms that save their valid fields and hold back the rest (the snapshot leaves those
   * out): after each save, what is held back in words ('partial'), or null when nothing is.
   */
  heldBack?: () => string | null
  /** False while changes wait for an explicit save (a new record entry); `flush(true)` still saves. */
  enabled?: () => boolean
  /** Typing that would be lost beyond an invalid or failed save (e.g. an unsaved new entry). */
  unsaved?: () => boolean
  /** Keeps the form as it is in the vault (a draft), for typing that cannot be saved yet. */
  keepDraft?: () => Promise<void>
}

interface Live {
  flush: () => Promise<boolean>
  unsaved: () => boolean
  keepDraft: () => Promise<void>
}

/** Every autosaving form on screen, whichever view it belongs to. */
const live = new Set<Live>()

/** Saves every valid pending edit now: before the vault locks, and before leaving the page. */
export async function flushPendingSaves(): Promise<void> {
  await Promise.all([...live].map((form) => form.flush().catch(() => false)))
}

/** Keeps every form with unsaved work as a draft in the vault: before it locks or closes. */
export async function keepDrafts(): Promise<void> {
  await Promise.all(
    [...live].map(async (form) => {
      try {
        if (form.unsaved()) await form.keepDraft()
      } catch {
        // A draft that could not be kept must not stop the vault from locking.
      }
    })
  )
}

/** True when some open form holds typing that is not (and cannot yet be) saved. */
export function hasUnsavedWork(): boolean {
  return [...live].some((form) => form.unsaved())
}

/**
 * Saves a form by itself: `changed()` after each edit waits for a pause in typing, `flush()`
 * (on blur, or when the form goes away) saves at once. Only one save runs at a time; an edit
 * made during a save is saved right after it. Values already saved are not sent again.
 * `state` and `reason` say where things stand, for SaveStatus.
 */
export function useDebouncedSave<T>(options: DebouncedSaveOptions<T>) {
  const state = ref<SaveState>('idle')
  const reason = ref<string | null>(null)
  const savedAt = ref<Date | null>(null)

  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | null = null
  let again = false
  let lastSaved: string | null = null

  /** Remembers the values as they are now as already saved (e.g. just loaded). */
  function markSaved(value: T = options.snapshot()) {
    lastSaved = JSON.stringify(value)
  }

  function changed() {
    clearTimeout(timer)
    if (state.value !== 'saving') state.value = 'pending'
    timer = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS)
  }

  function holdBack(): void {
    const held = options.heldBack?.() ?? null
    if (held !== null) {
      state.value = 'partial'
      reason.value = held
    }
  }

  async function run(): Promise<void> {
    do {
      again = false
      reason.value = options.blocker?.() ?? null
      if (reason.value !== null) {
        state.value = 'invalid'
        return
      }
      const value = options.snapshot()
      const serialised = JSON.stringify(value)
      if (serialised === lastSaved) {
        state.value = savedAt.value ? 'saved' : 'idle'
        holdBack()
        continue
      }
      state.value = 'saving'
      try {
        await options.save(value)
        lastSaved = serialised
        savedAt.value = new Date()
        state.value = 'saved'
        holdBack()
      } catch (caught) {
        const apiError = toApiError(caught)
        // A dose waiting for "yes, this is right" is not saved, and stays typed (a draft on lock).
        const question = apiError.code === 'DOSE_NEEDS_CONFIRMATION'
        const invalid =
          question || (apiError.code === 'INVALID_INPUT' && apiError.fields.length > 0)
        state.value = invalid ? 'invalid' : 'failed'
        reason.value = question
          ? t('common.saveStatus.checkDose')
          : invalid
            ? t('common.saveStatus.checkFields')
            : errorMessage(apiError)
      }
    } while (again)
  }

  /** Saves now, if anything changed since the last save; true when nothing is left unsaved. */
  async function flush(force = false): Promise<boolean> {
    clearTimeout(timer)
    if (!force && options.enabled?.() === false) return false
    if (running) again = true
    else running = run().finally(() => (running = null))
    await running
    return !unfinished()
  }

  /** Something typed is not saved: refused, failed, or held back beside its field. */
  function unfinished(): boolean {
    return state.value === 'invalid' || state.value === 'failed' || state.value === 'partial'
  }

  const registration: Live = {
    flush: () => flush(),
    unsaved: () => options.unsaved?.() === true || unfinished(),
    keepDraft: () => options.keepDraft?.() ?? Promise.resolve()
  }
  live.add(registration)
  onBeforeUnmount(() => void flush().finally(() => live.delete(registration)))

  return { state, reason, savedAt, changed, flush, markSaved }
}
