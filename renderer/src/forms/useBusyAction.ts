import { ref } from 'vue'
import { toApiError, type ApiError } from '../api/client.ts'

/**
 * What to say when an action fails: a message for the screen, or null when the screen has
 * already said it its own way (a message beside a field, a status line).
 */
export type FailureMessage = (error: ApiError, caught: unknown) => string | null

/**
 * The lock guard, the one place it is written. A call that finds the vault locked has already
 * moved the app to the unlock screen (api/client.ts tells the session), and what was typed is
 * kept (autosave, drafts): so nothing is shown here, least of all an error that reads as if the
 * person did something wrong. Any other failure goes to `handle`.
 */
export function unlessLocked(caught: unknown, handle: (error: ApiError) => void): void {
  if (!lockedOut(caught)) handle(toApiError(caught))
}

/** True when a call failed because the vault is locked: stop, and say nothing (see above). */
export function lockedOut(caught: unknown): boolean {
  return toApiError(caught).code === 'VAULT_LOCKED'
}

/**
 * One change at a time: a second press while one is running does nothing, `busy` says so (for
 * aria-busy and a "Saving…" label), and `doing` names which of several things is running (the
 * row whose Undo was pressed). A failure shows `failed`'s message as `problem`; a lock shows
 * nothing (see unlessLocked). `act` resolves true once the action has gone through.
 */
export function useBusyAction(failed: string | FailureMessage) {
  const busy = ref(false)
  const doing = ref<string | null>(null)
  const problem = ref<string | null>(null)

  async function act(action: () => Promise<void>, what: string | null = null): Promise<boolean> {
    if (busy.value) return false
    busy.value = true
    doing.value = what
    problem.value = null
    try {
      await action()
      return true
    } catch (caught) {
      unlessLocked(caught, (error) => {
        problem.value = typeof failed === 'string' ? failed : failed(error, caught)
      })
      return false
    } finally {
      busy.value = false
      doing.value = null
    }
  }

  return { busy, doing, problem, act }
}
