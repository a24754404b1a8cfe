/**
 * window.lantern as the preload builds it (buildBridge from the contract), except that each
 * call runs the one dispatch wrapper in-process on a real core with a real encrypted vault,
 * instead of crossing IPC (its data copied as IPC copies it). Stores under test then talk to the same code the app does.
 */
import type { Core } from '../../../electron/core/api.ts'
import { dispatch } from '../../../electron/core/dispatch.ts'
import { buildBridge } from '../../../electron/shared/bridge.ts'
import type { MethodName } from '../../../electron/shared/contract.ts'
import { newCore } from '../../unit/helpers/vaultFixture.ts'

export interface RealCore {
  core: Core
  /** Every method called through the bridge so far, in order. */
  calls: MethodName[]
  /**
   * Runs once each call has been answered, before the page gets the answer: what happens in the
   * core between two calls (the vault locking by itself, say).
   */
  afterCall: ((method: MethodName) => void | Promise<void>) | null
}

export function installRealCore(): RealCore {
  const real: RealCore = { core: newCore(), calls: [], afterCall: null }
  // Copied both ways by structured clone, as Electron's IPC does: a store that sent a Vue
  // proxy, a function or a class instance would fail here as it would in the app.
  const bridge = buildBridge(
    async (method, input) => {
      real.calls.push(method)
      const answer = structuredClone(
        await dispatch(real.core.handlers, method, structuredClone(input))
      )
      await real.afterCall?.(method)
      return answer
    },
    // No shell here to ask the page to save before closing.
    { on: () => undefined, send: () => undefined }
  )
  Object.defineProperty(window, 'lantern', { value: bridge, configurable: true })
  return real
}
