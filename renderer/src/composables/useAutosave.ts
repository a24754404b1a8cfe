import { inject, onBeforeUnmount, provide, reactive, ref, watch, type InjectionKey } from 'vue'
import type { ProvenanceDraft } from '../components/record/draft.ts'
import { ENTRY_SCHEMAS, type Entry, type EntryKind } from '@shared/record.ts'
import { toApiError } from '../api/client.ts'
import { errorMessage } from '../i18n/errors.ts'
import { useRecordStore } from '../stores/record.ts'

/**
 * Autosave for record entry forms.
 *
 * A new entry is kept only when the person presses Save, so a half-typed one never appears in
 * the record. From then on (and for any existing entry) every change is saved by itself about
 * 800 ms after the last keystroke, or at once when focus leaves a field, whenever the form is
 * valid. Invalid input is checked with the contract's own zod schema, shown beside its field,
 * and never sent; the core's INVALID_INPUT answer (unknown drug, unit that does not fit) is
 * shown the same way.
 */

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'invalid' | 'failed'

export const AUTOSAVE_DELAY_MS = 800

interface Pending {
  flush: () => Promise<boolean>
  /** True when something typed would be lost: an unsaved new entry, or an edit that is invalid. */
  unsaved: () => boolean
}

const openForms = new Set<Pending>()

/** Saves every valid pending edit now: before the vault locks, and before leaving the page. */
export async function flushPendingSaves(): Promise<void> {
  await Promise.all([...openForms].map((form) => form.flush().catch(() => false)))
}

/** True when some open form holds typing that is not (and cannot yet be) saved. */
export function hasUnsavedWork(): boolean {
  return [...openForms].some((form) => form.unsaved())
}

export interface FieldContext {
  idFor(name: string): string
  errorFor(name: string): string | undefined
}

const FIELD_CONTEXT: InjectionKey<FieldContext> = Symbol('entry-form-fields')

export function useFieldContext(): FieldContext {
  const context = inject(FIELD_CONTEXT, null)
  if (!context) throw new Error('A record field must sit inside an entry form.')
  return context
}

let formCounter = 0

/** Field problems keyed by path ('dose', 'schedule.end'), first message per path. */
export type FieldErrors = Record<string, string>

function zodProblems(kind: EntryKind, input: unknown): FieldErrors | null {
  const result = ENTRY_SCHEMAS[kind].safeParse(input)
  if (result.success) return null
  const problems: FieldErrors = {}
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.')
    problems[path] ??= issue.message
  }
  return problems
}

export interface EntryFormOptions<K extends EntryKind, D extends { p: ProvenanceDraft }> {
  kind: K
  profileId: () => string
  entry: Entry<K> | null
  toDraft: (entry: Entry<K> | null) => D
  toInput: (draft: D, profileId: string) => Record<string, unknown>
  /** Extra client-side checks beyond the schema (e.g. a unit the chosen drug does not use). */
  check?: (draft: D) => FieldErrors
}

export function useEntryForm<K extends EntryKind, D extends { p: ProvenanceDraft }>(
  options: EntryFormOptions<K, D>
) {
  const store = useRecordStore()
  const prefix = `entry-${options.kind}-${++formCounter}`
  const draft = reactive(options.toDraft(options.entry)) as D
  const errors = ref<FieldErrors>({})
  const state = ref<SaveState>(options.entry ? 'saved' : 'idle')
  const failure = ref<string | null>(null)
  const savedId = ref<string | null>(options.entry?.id ?? null)
  const touched = ref(false)

  let version = 0
  let savedVersion = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let inFlight: Promise<boolean> | null = null

  provide(FIELD_CONTEXT, {
    idFor: (name) => `${prefix}-${name.replace(/\W+/g, '-')}`,
    errorFor: (name) => errors.value[name]
  })

  function input(): Record<string, unknown> {
    const built = options.toInput(draft, options.profileId())
    return savedId.value ? { ...built, id: savedId.value } : built
  }

  /** Checks without saving; shows the problems beside their fields. */
  function validate(): boolean {
    const problems = { ...options.check?.(draft), ...zodProblems(options.kind, input()) }
    errors.value = problems
    return Object.keys(problems).length === 0
  }

  async function persist(): Promise<boolean> {
    clearTimeout(timer)
    if (inFlight) await inFlight
    if (savedId.value && version === savedVersion) return state.value !== 'invalid'
    const at = version
    failure.value = null
    if (!validate()) {
      state.value = 'invalid'
      return false
    }
    state.value = 'saving'
    inFlight = store
      .save(options.kind, input() as never)
      .then((saved) => {
        savedId.value = saved.id
        savedVersion = at
        state.value = version === at ? 'saved' : 'pending'
        if (version !== at) schedule()
        return true
      })
      .catch((caught: unknown) => {
        const apiError = toApiError(caught)
        if (apiError.code === 'INVALID_INPUT' && apiError.fields.length > 0) {
          const problems: FieldErrors = {}
          for (const field of apiError.fields) {
            problems[field.path.replace(/^entry\./, '')] ??= field.message
          }
          errors.value = problems
          state.value = 'invalid'
        } else {
          failure.value = errorMessage(apiError)
          state.value = 'failed'
        }
        return false
      })
      .finally(() => {
        inFlight = null
      })
    return inFlight
  }

  function schedule(): void {
    clearTimeout(timer)
    timer = setTimeout(() => void persist(), AUTOSAVE_DELAY_MS)
  }

  watch(
    draft,
    () => {
      version++
      touched.value = true
      if (!savedId.value) {
        // A new entry waits for Save; once Save found problems, recheck as they are fixed.
        if (state.value === 'invalid') validate()
        return
      }
      state.value = 'pending'
      schedule()
    },
    { deep: true }
  )

  /** Saves now if there is an edit waiting (blur, Done, leaving, locking). */
  async function flush(): Promise<boolean> {
    if (!savedId.value) return false
    if (version === savedVersion && !inFlight) return state.value !== 'invalid'
    return persist()
  }

  /** The explicit Save of a new entry (and of an existing one, if the person presses it). */
  function save(): Promise<boolean> {
    return persist()
  }

  const registration: Pending = {
    flush,
    unsaved: () =>
      (!savedId.value && touched.value) || state.value === 'invalid' || state.value === 'failed'
  }
  openForms.add(registration)
  onBeforeUnmount(() => {
    void flush().finally(() => openForms.delete(registration))
  })

  return reactive({ draft, errors, state, failure, savedId, prefix, validate, save, flush })
}

/** What the shared form frame needs from any entry form. */
export interface EntryFormControls {
  draft: { p: ProvenanceDraft }
  state: SaveState
  failure: string | null
  savedId: string | null
  save: () => Promise<boolean>
  flush: () => Promise<boolean>
}
