import type { ApiError, ErrorCode } from '../shared/contract.ts'

/**
 * An expected failure with a stable code. Anything else thrown inside the core is a bug and
 * reaches the renderer only as INTERNAL, without its message (which could hold a path or SQL).
 */
export class CoreError extends Error {
  readonly code: ErrorCode
  readonly fields: ApiError['fields']

  constructor(code: ErrorCode, message: string, fields?: ApiError['fields']) {
    super(message)
    this.name = 'CoreError'
    this.code = code
    this.fields = fields
  }
}
