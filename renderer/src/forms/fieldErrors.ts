import type { ZodType } from 'zod'
import { fieldProblems, type FieldProblem } from '@shared/fieldProblems.ts'
import { t, type MessageKey } from '../i18n/index.ts'

/** Messages beside fields, by the field's path ('dose', 'schedule.end'): the first one per path. */
export type FieldErrors = Record<string, string>

export interface MessageOptions {
  /**
   * The form's name for a contract path, where they differ: 'entry.dose' is the entry form's
   * 'dose'; 'feverThreshold.value' is the fever field's.
   */
  field?: (path: string) => string
  /** This screen's own words for a path, where the contract's general ones would say less. */
  say?: Record<string, MessageKey | (() => string)>
}

/**
 * The renderer's one way from the contract's field problems (an ApiError's `fields`, or the
 * same check made here before sending) to the messages shown beside the fields.
 */
export function fieldMessages(
  fields: readonly FieldProblem[],
  options: MessageOptions = {}
): FieldErrors {
  const errors: FieldErrors = {}
  for (const field of fields) {
    const path = options.field ? options.field(field.path) : field.path
    const own = options.say?.[path]
    errors[path] ??= own === undefined ? field.message : typeof own === 'function' ? own() : t(own)
  }
  return errors
}

/**
 * Checks input with the contract's own schema before it is sent, so a problem is shown beside
 * its field in the very words the core would use, and nothing is sent. Empty when all is well.
 */
export function checkInput(schema: ZodType, input: unknown, options?: MessageOptions): FieldErrors {
  const result = schema.safeParse(input)
  return result.success ? {} : fieldMessages(fieldProblems(result.error.issues), options)
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0
}
