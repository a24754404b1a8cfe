import { ref } from 'vue'
import { toApiError } from '../api/client.ts'

/**
 * One change at a time from a panel's buttons: a second click while one is running does nothing,
 * and a failure shows `failed()` (a lock is not a failure: the unlock screen takes over).
 */
export function useBusyAction(failed: () => string) {
  const busy = ref(false)
  const problem = ref<string | null>(null)

  async function act(action: () => Promise<void>): Promise<void> {
    if (busy.value) return
    busy.value = true
    problem.value = null
    try {
      await action()
    } catch (caught) {
      if (toApiError(caught).code !== 'VAULT_LOCKED') problem.value = failed()
    } finally {
      busy.value = false
    }
  }

  return { busy, problem, act }
}
