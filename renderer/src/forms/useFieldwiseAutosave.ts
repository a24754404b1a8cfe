import { ref, type Ref } from 'vue'
import type { ZodType } from 'zod'
import { toApiError } from '../api/client.ts'
import { useDebouncedSave } from '../composables/useDebouncedSave.ts'
import { t, type MessageKey } from '../i18n/index.ts'
import { formatList } from '../lib/format.ts'
import { fieldId, formPrefix, provideFieldContext } from './fieldContext.ts'
import { checkInput, fieldMessages, type FieldErrors, type MessageOptions } from './fieldErrors.ts'
import { focusProblem } from './focus.ts'

export interface FieldwiseAutosaveOptions<T> {
  name: string
  /** The form element: the cursor goes to its first field with a message. */
  root: Readonly<Ref<HTMLElement | null>>
  /** Every field as the contract takes it (with the person's id): what would be saved. */
  input: () => Record<string, unknown>
  /** The contract's schema for that input: its messages are the ones shown. */
  schema: ZodType
  /** Problems the schema cannot see (a date typed only in part), by field. */
  extra?: () => FieldErrors
  /** How contract paths map onto the form's fields (fieldErrors.ts). */
  messages?: MessageOptions
  /**
   * The part of the input a field belongs to (default: the path's first step): a part with a
   * problem is left out of the save as a whole, so the stored value stays as it was.
   */
  partOf?: (field: string) => string
  /**
   * Each part's name, in the page's order, for "Saved, except …"; a refusal about anything
   * else fails the save.
   */
  parts: Record<string, MessageKey>
  /** Whether a problem is shown yet (a half-typed date: once the field is left). */
  shown?: (field: string) => boolean
  save: (value: T) => Promise<void>
}

/**
 * The autosave mode for a page of fields that each stand on their own (the Details page): every
 * field that can be saved is saved by itself as it is typed, and one that needs another look
 * keeps what was typed, with its message beside it, and is left out until it is put right, so
 * fixing one field never costs another. The core's refusals are shown the same way.
 */
export function useFieldwiseAutosave<T>(options: FieldwiseAutosaveOptions<T>) {
  const prefix = formPrefix(options.name)
  const partOf = options.partOf ?? ((field: string) => field.split('.')[0] ?? field)
  /** Messages beside fields, as of the last save. */
  const errors = ref<FieldErrors>({})
  /** What the core refused, by field, until that part is edited again. */
  const refused = ref<FieldErrors>({})

  provideFieldContext({
    idFor: (field) => fieldId(prefix, field),
    errorFor: (field) => errors.value[field]
  })

  function problems(): FieldErrors {
    return {
      ...checkInput(options.schema, options.input(), options.messages),
      ...refused.value,
      ...options.extra?.()
    }
  }

  /** Every part that can be saved; one with a problem is left out. */
  function snapshot(): T {
    const held = new Set(Object.keys(problems()).map(partOf))
    const value: Record<string, unknown> = {}
    for (const [key, v] of Object.entries(options.input())) {
      if (!held.has(partOf(key))) value[key] = v
    }
    // Every value left in passed the contract's schema just above.
    return value as T
  }

  const saver = useDebouncedSave<T>({
    snapshot,
    heldBack: () => {
      const shown = Object.entries(problems()).filter(([field]) => options.shown?.(field) ?? true)
      errors.value = Object.fromEntries(shown)
      const parts = new Set(shown.map(([field]) => partOf(field)))
      // Named in the order the page shows them.
      const held = Object.entries(options.parts).flatMap(([part, key]) =>
        parts.has(part) ? [key] : []
      )
      if (held.length === 0) return null
      return t('common.saveStatus.heldBack', {
        count: held.length,
        fields: formatList(held.map((key) => t(key)))
      })
    },
    save: async (value) => {
      try {
        await options.save(value)
      } catch (caught) {
        // The core refused a field the form let through: show it there and save the rest.
        const refusedNow = Object.entries(
          fieldMessages(toApiError(caught).fields, options.messages)
        ).filter(([field]) => partOf(field) in options.parts)
        if (refusedNow.length === 0) throw caught
        refused.value = { ...Object.fromEntries(refusedNow), ...refused.value }
        await options.save(snapshot())
      }
    }
  })

  /** After an edit: the core's refusal of that part (or of every part) no longer applies. */
  function edited(field?: string): void {
    const part = field === undefined ? null : partOf(field)
    refused.value = Object.fromEntries(
      Object.entries(refused.value).filter(([f]) => part !== null && partOf(f) !== part)
    )
    saver.changed()
  }

  /** Remembers the values as they are now as the stored ones (just filled in). */
  const markSaved = () => saver.markSaved(snapshot())

  return {
    prefix,
    errors,
    saver,
    idFor: (field: string) => fieldId(prefix, field),
    edited,
    markSaved,
    focusProblem: () => focusProblem(options.root.value)
  }
}
