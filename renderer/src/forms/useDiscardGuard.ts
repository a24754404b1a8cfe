import { nextTick, ref } from 'vue'

export interface DiscardGuardOptions {
  /** True when closing now would lose something typed. */
  hasWork: () => boolean
  /** Closes the form, dropping what was typed. */
  discard: () => void
}

/**
 * Esc never throws typed work away without asking. Pressed on a form with nothing typed, it
 * closes the form; with something typed, it asks first (DiscardQuestion), starting on "Keep
 * typing", so a second Esc, or Enter by habit, keeps everything and puts the cursor back where
 * it was.
 */
export function useDiscardGuard(options: DiscardGuardOptions) {
  const asking = ref(false)
  let returnTo: HTMLElement | null = null

  function escape(): void {
    if (asking.value) return keep()
    if (!options.hasWork()) return options.discard()
    const active = document.activeElement
    returnTo = active instanceof HTMLElement && active !== document.body ? active : null
    asking.value = true
  }

  function keep(): void {
    asking.value = false
    const back = returnTo
    returnTo = null
    void nextTick(() => back?.isConnected && back.focus())
  }

  function discard(): void {
    asking.value = false
    returnTo = null
    options.discard()
  }

  return { asking, escape, keep, discard }
}

export type DiscardGuard = ReturnType<typeof useDiscardGuard>
