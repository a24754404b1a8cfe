import { ref, type Ref } from 'vue'
import type { ZodType } from 'zod'
import type { ApiError } from '../api/client.ts'
import { errorMessage } from '../i18n/errors.ts'
import { t, type MessageKey } from '../i18n/index.ts'
import { fieldId, formPrefix, provideFieldContext } from './fieldContext.ts'
import {
  checkInput,
  fieldMessages,
  hasErrors,
  type FieldErrors,
  type MessageOptions
} from './fieldErrors.ts'
import { focusProblem as focusProblemIn } from './focus.ts'
import { useBusyAction } from './useBusyAction.ts'

export interface SubmitFormOptions {
  /** The form element, when the form's frame holds it (FormShell); otherwise bind `root`. */
  root?: Readonly<Ref<HTMLElement | null>>
  /** How the contract's field paths and words map onto this form's fields (fieldErrors.ts). */
  messages?: MessageOptions
  /**
   * This screen's own answer to a failure that is not a lock: a message for the whole form,
   * messages for fields (a wrong passphrase beside its field), null once it has shown the
   * failure its own way, or undefined for the usual answer: the core's messages beside their
   * fields, or else the general message for the error's code.
   */
  failed?: (error: ApiError) => string | FieldErrors | null | undefined
  /** What to say when the core failed inside (INTERNAL), if this screen can say more. */
  failedInside?: MessageKey
  /** The form's values as typed, so `changed()` can tell whether anything was typed. */
  values?: () => unknown
}

/**
 * The explicit-save mode of the form toolkit (see useEntryForm and useFieldwiseAutosave for
 * the modes that save by themselves): ids and messages for the fields, one submit at a time,
 * nothing sent while a field has a problem, the core's refusals beside their fields, the
 * cursor taken to the first problem, and a lock that shows nothing (useBusyAction).
 */
export function useSubmitForm(name: string, options: SubmitFormOptions = {}) {
  const prefix = formPrefix(name)
  const errors = ref<FieldErrors>({})
  const root = options.root ?? ref<HTMLElement | null>(null)
  const action = useBusyAction((error) => {
    const own = options.failed?.(error)
    if (typeof own === 'object' && own !== null) {
      errors.value = own
      return null
    }
    if (own !== undefined) return own
    errors.value = fieldMessages(error.fields, options.messages)
    if (hasErrors(errors.value)) return null
    return error.code === 'INTERNAL' && options.failedInside
      ? t(options.failedInside)
      : errorMessage(error)
  })
  let typed = JSON.stringify(options.values?.() ?? null)

  provideFieldContext({
    idFor: (field) => fieldId(prefix, field),
    errorFor: (field) => errors.value[field]
  })

  const idFor = (field: string) => fieldId(prefix, field)
  const focusProblem = () => focusProblemIn(root.value)

  /** `input`'s problems by the contract's `schema`, in this form's words. */
  function problemsWith(schema: ZodType, input: unknown): FieldErrors {
    return checkInput(schema, input, options.messages)
  }

  /** Shows `problems` beside their fields (and takes the cursor there); true when none. */
  function show(problems: FieldErrors): boolean {
    errors.value = problems
    if (!hasErrors(problems)) return true
    void focusProblem()
    return false
  }

  /**
   * Sends with `send` unless `problems` (found before sending) says a field needs another look.
   * Resolves true once the core took it; otherwise every message is on screen, the cursor is
   * at the first, and nothing has changed.
   */
  async function submit(send: () => Promise<void>, problems: FieldErrors = {}): Promise<boolean> {
    if (action.busy.value) return false
    action.problem.value = null
    if (!show(problems)) return false
    const done = await action.act(send)
    if (done) typed = JSON.stringify(options.values?.() ?? null)
    else if (action.problem.value !== null || hasErrors(errors.value)) void focusProblem()
    return done
  }

  /** Whether the values differ from when the form opened or was last sent. */
  function changed(): boolean {
    return JSON.stringify(options.values?.() ?? null) !== typed
  }

  return {
    prefix,
    root,
    errors,
    problem: action.problem,
    busy: action.busy,
    idFor,
    problemsWith,
    show,
    submit,
    changed,
    focusProblem
  }
}
