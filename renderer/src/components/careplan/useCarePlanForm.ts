import { nextTick, ref, type Ref } from 'vue'
import type { ZodType } from 'zod'
import { toApiError } from '../../api/client.ts'
import { provideFieldContext, type FieldErrors } from '../../composables/useEntryForm.ts'
import { errorMessage } from '../../i18n/errors.ts'
import { t } from '../../i18n/index.ts'

let counter = 0

/**
 * What every care plan form shares: ids for its fields, the message beside each field that
 * needs another look, and one submit that changes nothing unless the input is valid.
 *
 * Input is checked first with the contract's own schema (the very messages the core would give);
 * whatever the core still refuses comes back as ApiError fields and is shown the same way.
 */
export function useCarePlanForm(name: string, root: Readonly<Ref<HTMLElement | null>>) {
  const prefix = `careplan-${name}-${++counter}`
  const errors = ref<FieldErrors>({})
  /** A problem that belongs to no single field (the item has gone, the core failed). */
  const problem = ref<string | null>(null)
  const busy = ref(false)

  provideFieldContext({
    idFor: (field) => `${prefix}-${field.replace(/\W+/g, '-')}`,
    errorFor: (field) => errors.value[field]
  })

  async function focusProblem(): Promise<void> {
    await nextTick()
    root.value?.querySelector<HTMLElement>('[aria-invalid="true"], .form-problem')?.focus()
  }

  /** Checks `input` with `schema`; shows each problem beside its field. */
  function check(schema: ZodType, input: unknown): boolean {
    const result = schema.safeParse(input)
    if (result.success) {
      errors.value = {}
      return true
    }
    const problems: FieldErrors = {}
    for (const issue of result.error.issues) {
      problems[issue.path.map(String).join('.')] ??= issue.message
    }
    errors.value = problems
    void focusProblem()
    return false
  }

  /**
   * Checks, then sends. Resolves true when the core saved it; otherwise the messages are shown
   * and nothing has changed.
   */
  async function submit(
    schema: ZodType,
    input: unknown,
    send: () => Promise<unknown>
  ): Promise<boolean> {
    if (busy.value) return false
    problem.value = null
    if (!check(schema, input)) return false
    busy.value = true
    try {
      await send()
      return true
    } catch (caught) {
      const apiError = toApiError(caught)
      if (apiError.code === 'VAULT_LOCKED') return false
      const problems: FieldErrors = {}
      for (const field of apiError.fields) problems[field.path] ??= field.message
      errors.value = problems
      if (Object.keys(problems).length === 0) {
        problem.value =
          apiError.code === 'INTERNAL' ? t('careplan.item.changeFailed') : errorMessage(apiError)
      }
      void focusProblem()
      return false
    } finally {
      busy.value = false
    }
  }

  return { prefix, errors, problem, busy, check, submit }
}
