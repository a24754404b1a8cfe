/**
 * The renderer's runtime way into window.lantern, kept apart from contract.ts so that the first
 * screen does not load zod and every schema of the contract just to make a call: this module
 * imports nothing but types, all of them from the contract.
 */
import type { BridgeMethod, LanternBridge, MethodName } from './contract.ts'

/**
 * The bridge's function for `method`, typed from the contract, or undefined when the bridge has
 * none. Only the bridge's own properties count, never what objects inherit.
 */
export function bridgeMethod<M extends MethodName>(
  bridge: LanternBridge,
  method: M
): BridgeMethod<M> | undefined {
  const [domain, verb] = method.split('.')
  const group = Object.entries(bridge).find(([name]) => name === domain)?.[1]
  const found = group && Object.entries(group).find(([name]) => name === verb)?.[1]
  if (typeof found !== 'function') return undefined
  // LanternBridge places BridgeMethod<M> at bridge[domain][verb] for every method M, but the
  // compiler cannot split a generic M into its domain and verb to follow that, so `found` is
  // any method's function to it. This is the one place that says which.
  return found as BridgeMethod<M>
}
