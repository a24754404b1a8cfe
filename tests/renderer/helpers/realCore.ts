/**
 * window.lantern as the preload builds it (buildBridge from the contract), except that each
 * call runs the one dispatch wrapper in-process on a real core with a real encrypted vault,
 * instead of crossing IPC (its data copied as IPC copies it). Stores under test then talk to the same code the app does.
 */
import type { Core } from '../../../electron/core/api.ts'
import { dispatch } from '../../../electron/core/dispatch.ts'
import { buildBridge } from '../../../electron/shared/contract.ts'
import { newCore } from '../../unit/helpers/vaultFixture.ts'

export function installRealCore(): Core {
  const core = newCore()
  // Copied both ways by structured clone, as Electron's IPC does: a store that sent a Vue
  // proxy, a function or a class instance would fail here as it would in the app.
  const bridge = buildBridge(
    async (method, input) =>
      structuredClone(await dispatch(core.handlers, method, structuredClone(input))),
    // No shell here to ask the page to save before closing.
    { on: () => undefined, send: () => undefined }
  )
  Object.defineProperty(window, 'lantern', { value: bridge, configurable: true })
  return core
}
