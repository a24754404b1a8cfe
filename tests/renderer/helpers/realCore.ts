/**
 * window.lantern as the preload builds it (buildBridge from the contract), except that each
 * call runs the one dispatch wrapper in-process on a real core with a real encrypted vault,
 * instead of crossing IPC. Stores under test then talk to the same code the app does.
 */
import type { Core } from '../../../electron/core/api.ts'
import { dispatch } from '../../../electron/core/dispatch.ts'
import { buildBridge } from '../../../electron/shared/contract.ts'
import { newCore } from '../../unit/helpers/vaultFixture.ts'

export function installRealCore(): Core {
  const core = newCore()
  const bridge = buildBridge((method, input) => dispatch(core.handlers, method, input))
  Object.defineProperty(window, 'lantern', { value: bridge, configurable: true })
  return core
}
