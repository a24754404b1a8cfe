import { computed, inject, provide, type InjectionKey } from 'vue'

/**
 * What a field asks of the form around it: the id of its input, and the message beside it.
 * Every form provides one (useSubmitForm, useEntryForm, useFieldwiseAutosave), and every field
 * reads it (FormField and the fields built on it), so no form writes its own ids or wiring.
 */
export interface FieldContext {
  idFor(name: string): string
  errorFor(name: string): string | undefined
}

const FIELD_CONTEXT: InjectionKey<FieldContext> = Symbol('form-fields')

export function provideFieldContext(context: FieldContext): void {
  provide(FIELD_CONTEXT, context)
}

/** The form's field context; a field outside any form is a mistake in the code. */
export function useFieldContext(): FieldContext {
  const context = inject(FIELD_CONTEXT, null)
  if (!context) throw new Error('A field must sit inside a form built with renderer/src/forms.')
  return context
}

let formCounter = 0

/** A prefix for one form's ids, unique on the page: the same form may be open twice. */
export function formPrefix(name: string): string {
  return `${name}-${++formCounter}`
}

/** The id of a field's input: the form's prefix and the field's path ('schedule.end'). */
export function fieldId(prefix: string, name: string): string {
  return `${prefix}-${name.replace(/\W+/g, '-')}`
}

export interface FieldSource {
  /** The field's path in the form; its id and message come from the form's context. */
  name?: string
  /** An id of its own (a field that keeps a fixed one), instead of the form's. */
  id?: string
  /** A message from outside the form's context; null for none. */
  error?: string | null
  hint?: string
  /** Ids of other text that describes the input: a unit after it, a strength meter. */
  describedBy?: readonly string[]
}

/**
 * One field's wiring: the ids of its input, hint and message, and the attributes that tie them
 * together for assistive technology (aria-describedby: hint, other text, message; aria-invalid
 * while there is a message).
 */
export function useField(source: () => FieldSource) {
  const context = inject(FIELD_CONTEXT, null)
  const id = computed(() => {
    const { id, name } = source()
    if (id) return id
    if (!context || name === undefined) throw new Error('A field needs an id or a form around it.')
    return context.idFor(name)
  })
  const error = computed(() => {
    const { error, name } = source()
    if (error !== undefined) return error
    return name !== undefined ? (context?.errorFor(name) ?? null) : null
  })
  const hintId = computed(() => `${id.value}-hint`)
  const errorId = computed(() => `${id.value}-error`)
  const describedBy = computed(() => {
    const { hint, describedBy: others = [] } = source()
    const ids = [
      ...(hint ? [hintId.value] : []),
      ...others,
      ...(error.value ? [errorId.value] : [])
    ]
    return ids.length > 0 ? ids.join(' ') : undefined
  })
  const invalid = computed(() => (error.value ? ('true' as const) : undefined))
  /** For the input itself: v-bind="attrs". */
  const attrs = computed(() => ({
    id: id.value,
    'aria-invalid': invalid.value,
    'aria-describedby': describedBy.value
  }))
  return { id, error, hintId, errorId, describedBy, invalid, attrs }
}
