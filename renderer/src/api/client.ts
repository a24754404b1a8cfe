/**
 * The renderer's one way to reach the core. Typed from the contract: call('profiles.create',
 * { displayName }) resolves to a Profile or throws an ApiError with a stable code.
 *
 * Stores call this; components call stores. Nothing else touches window.lantern.
 */
import { bridgeMethod } from '@shared/bridgeMethod.ts'
import type {
  ApiError as ApiErrorShape,
  ErrorCode,
  InputArgs,
  LanternBridge,
  MethodName,
  MethodOutput,
  Result
} from '@shared/contract.ts'

export type FieldProblem = { path: string; message: string }

/** A failure reported by the core (or by the way to it), with the contract's error code. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly fields: readonly FieldProblem[]

  constructor(shape: ApiErrorShape) {
    super(shape.message)
    this.name = 'ApiError'
    this.code = shape.code
    this.fields = shape.fields ?? []
  }

  /** True when the core rejected the input at this field path (e.g. 'autoLockMinutes'). */
  hasField(path: string): boolean {
    return this.fields.some((field) => field.path === path)
  }
}

/** Turns anything thrown into an ApiError, so callers can always branch on `code`. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError({ code: 'INTERNAL', message: 'Something went wrong inside Lantern.' })
}

type LockedListener = () => void
const lockedListeners = new Set<LockedListener>()

/**
 * Called whenever any call fails with VAULT_LOCKED: the core locked without the renderer
 * asking (for example when the computer went to sleep), so the session must show the unlock
 * screen. Returns a function that removes the listener.
 */
export function onVaultLocked(listener: LockedListener): () => void {
  lockedListeners.add(listener)
  return () => lockedListeners.delete(listener)
}

/** A bridge that breaks its type (an older build, say) must not pass for an answer. */
function isWellFormed(result: unknown): boolean {
  if (typeof result !== 'object' || result === null || !('ok' in result)) return false
  return (
    result.ok === true ||
    (result.ok === false && 'error' in result && typeof result.error === 'object')
  )
}

export async function call<M extends MethodName>(
  method: M,
  ...input: InputArgs<M>
): Promise<MethodOutput<M>> {
  let result: Result<MethodOutput<M>>
  try {
    const invoke = bridgeMethod(window.lantern, method)
    if (!invoke) {
      throw new ApiError({ code: 'UNKNOWN_METHOD', message: `Lantern has no method ${method}.` })
    }
    result = await invoke(...input)
  } catch (error) {
    if (error instanceof ApiError) throw error
    throw new ApiError({ code: 'INTERNAL', message: 'Lantern could not reach its core.' })
  }
  if (!isWellFormed(result)) {
    throw new ApiError({
      code: 'INTERNAL',
      message: 'Lantern got an answer it did not understand.'
    })
  }
  if (result.ok) return result.value
  const error = new ApiError(result.error)
  if (error.code === 'VAULT_LOCKED') {
    for (const listener of [...lockedListeners]) listener()
  }
  throw error
}

/**
 * Runs `handler` when the shell asks the page to save before its window closes (or before the
 * core locks by itself); the shell waits, within a limit, until it has finished. Returns a
 * function that removes the handler.
 */
export function onBeforeClose(handler: () => Promise<void>): () => void {
  // A page opened without the preload or the bridge's script still starts; nothing will ask it.
  const bridge: Partial<LanternBridge> | undefined = window.lantern
  return bridge?.onBeforeClose?.(handler) ?? (() => undefined)
}
