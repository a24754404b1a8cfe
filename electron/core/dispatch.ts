/**
 * The one path from an untrusted request to a handler, shared by Electron IPC and the loopback
 * bridge: method allowlist, a bound on nesting, schema parse, and a plain result object.
 * Whoever calls this has already checked who is asking (IPC sender frame, bridge token).
 */
import {
  type ApiError,
  contract,
  inputShapeProblem,
  isMethodName,
  type Result
} from '../shared/contract.ts'
import { fieldProblems } from '../shared/fieldProblems.ts'
import type { Handlers } from './api.ts'
import { CoreError } from './errors.ts'

export async function dispatch(
  handlers: Handlers,
  method: unknown,
  input: unknown
): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    return failure({ code: 'UNKNOWN_METHOD', message: 'There is no such method.' })
  }
  const shapeProblem = inputShapeProblem(input)
  if (shapeProblem) return failure({ code: 'INVALID_INPUT', message: shapeProblem })
  let parsed
  try {
    parsed = contract[method].input.safeParse(input)
  } catch (error) {
    // A schema that throws is a bug, not bad input; it must still come back as an answer.
    console.error(`dispatch: ${method} input check failed: ${(error as Error)?.name ?? 'unknown'}`)
    return failure({ code: 'INTERNAL', message: 'Something went wrong inside Lantern.' })
  }
  if (!parsed.success) {
    const fields = fieldProblems(parsed.error.issues)
    return failure({
      code: 'INVALID_INPUT',
      message: fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join(' '),
      fields
    })
  }
  try {
    const handler = handlers[method] as (input: unknown) => unknown
    return { ok: true, value: await handler(parsed.data) }
  } catch (error) {
    if (error instanceof CoreError) {
      return failure({ code: error.code, message: error.message, fields: error.fields })
    }
    // Log the kind of failure, not the error object: messages from deep inside may quote data.
    console.error(`dispatch: ${method} failed: ${(error as Error)?.name ?? 'unknown error'}`)
    return failure({ code: 'INTERNAL', message: 'Something went wrong inside Lantern.' })
  }
}

function failure(error: ApiError): Result<never> {
  if (error.fields === undefined) delete error.fields
  return { ok: false, error }
}
