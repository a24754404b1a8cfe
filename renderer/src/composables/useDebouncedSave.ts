import { onBeforeUnmount, ref } from 'vue'

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'blocked' | 'failed'

export interface DebouncedSaveOptions<T> {
  /** The values to save, read at the moment of saving. */
  snapshot: () => T
  /** Saves them; throws to report that nothing was saved. */
  save: (value: T) => Promise<void>
  /** A reason not to save yet (e.g. a half-typed date), or null when the values can be sent. */
  blocker?: () => string | null
  /** Quiet time after the last change before saving, in milliseconds. */
  delay?: number
}

/**
 * Saves a form by itself: `changed()` after each edit waits for a pause in typing, `flush()`
 * (on blur, or when the form goes away) saves at once. Only one save runs at a time; an edit
 * made during a save is saved right after it. Values the core has already accepted are not
 * sent again. `state` says where things stand, for a visible "Saving… / Saved / Not saved".
 */
export function useDebouncedSave<T>(options: DebouncedSaveOptions<T>) {
  const delay = options.delay ?? 800
  const state = ref<SaveState>('idle')
  const error = ref<unknown>(null)
  const blockedBy = ref<string | null>(null)
  const savedAt = ref<Date | null>(null)

  let timer: ReturnType<typeof setTimeout> | null = null
  let running: Promise<void> | null = null
  let again = false
  let lastSaved: string | null = null
  let lastFailed: string | null = null

  function clearTimer() {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  /** Remembers the values as they are now as already saved (e.g. just loaded). */
  function markSaved(value: T = options.snapshot()) {
    lastSaved = JSON.stringify(value)
  }

  function changed() {
    clearTimer()
    if (state.value !== 'saving') state.value = 'pending'
    timer = setTimeout(() => void flush(), delay)
  }

  async function run(): Promise<void> {
    do {
      again = false
      const blocker = options.blocker?.() ?? null
      blockedBy.value = blocker
      if (blocker !== null) {
        state.value = 'blocked'
        return
      }
      const value = options.snapshot()
      const serialised = JSON.stringify(value)
      if (serialised === lastSaved) {
        state.value = savedAt.value ? 'saved' : 'idle'
        continue
      }
      if (serialised === lastFailed) {
        // Already refused as it is: wait for the next change rather than ask again.
        state.value = 'failed'
        continue
      }
      state.value = 'saving'
      try {
        await options.save(value)
        lastSaved = serialised
        lastFailed = null
        error.value = null
        savedAt.value = new Date()
        state.value = 'saved'
      } catch (caught) {
        error.value = caught
        state.value = 'failed'
        lastFailed = serialised
      }
    } while (again)
  }

  /** Saves now, if anything changed since the last save. */
  async function flush(): Promise<void> {
    clearTimer()
    if (running) {
      again = true
      return running
    }
    running = run().finally(() => {
      running = null
    })
    return running
  }

  onBeforeUnmount(() => {
    if (timer !== null) void flush()
  })

  return { state, error, blockedBy, savedAt, changed, flush, markSaved }
}
