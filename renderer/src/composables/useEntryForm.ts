import { reactive, ref, toRaw, watch } from 'vue'
import type { ProvenanceDraft } from '../components/record/draft.ts'
import { asEntryInput, ENTRY_SCHEMAS, type Entry, type EntryKind } from '@shared/record.ts'
import { call, toApiError } from '../api/client.ts'
import { fieldId, formPrefix, provideFieldContext } from '../forms/fieldContext.ts'
import { checkInput, fieldMessages, type FieldErrors } from '../forms/fieldErrors.ts'
import { t } from '../i18n/index.ts'
import { useDraftsStore } from '../stores/drafts.ts'
import { useRecordStore } from '../stores/record.ts'
import { useDebouncedSave, type SaveState } from './useDebouncedSave.ts'

/**
 * Record entry forms, on the form toolkit (renderer/src/forms) and the shared autosave engine in
 * useDebouncedSave.
 *
 * A new entry is kept only when the person presses Save, so a half-typed one never appears in
 * the record; once saved, the form closes into the entry's row (EntryFormShell). An existing
 * entry, opened with Edit, saves every change by itself about 800 ms after the last keystroke,
 * or at once when focus leaves a field, whenever the form is valid. Invalid input is checked with the contract's own zod schema, shown beside its field,
 * and never sent; the core's INVALID_INPUT answer (unknown drug, unit that does not fit) is
 * shown the same way. When the core asks a question instead (DOSE_NEEDS_CONFIRMATION: an
 * unusual dose), nothing is saved and the question stays beside its field as `question` until
 * the form answers it or the field changes.
 *
 * What cannot be saved yet (a new entry not saved, an invalid edit) is kept in the vault as a
 * draft when it locks or the window closes, and the form opens with it again afterwards.
 */

/** The core names an entry's fields inside the save's input: 'entry.dose' is the form's 'dose'. */
const inEntry = { field: (path: string) => path.replace(/^entry\./, '') }

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
  const drafts = useDraftsStore()
  const prefix = formPrefix(`entry-${options.kind}`)
  const kept =
    drafts.profileId === options.profileId()
      ? drafts.find(options.kind, options.entry?.id ?? null)
      : undefined
  const draft = reactive({ ...options.toDraft(options.entry), ...kept?.data }) as D
  const errors = ref<FieldErrors>({})
  /** What the core asked about the input (an unusual dose), beside the field it names. */
  const question = ref<{ path: string; message: string } | null>(null)
  const savedId = ref<string | null>(options.entry?.id ?? null)
  const touched = ref(kept !== undefined)
  /** The draft this form was reopened from (or last kept as), until it is saved or closed. */
  const keptId = ref<string | null>(kept?.id ?? null)
  /** Shows the notice that the form holds what was typed before Lantern locked. */
  const restored = ref(kept !== undefined)

  /** Forgets the kept draft: the form was saved, cancelled or closed. */
  async function dropDraft(): Promise<void> {
    const id = keptId.value
    keptId.value = null
    restored.value = false
    if (id) await drafts.remove(id).catch(() => undefined)
  }

  provideFieldContext({
    idFor: (name) => fieldId(prefix, name),
    errorFor: (name) =>
      errors.value[name] ?? (question.value?.path === name ? question.value.message : undefined)
  })

  function input(): Record<string, unknown> {
    const built = options.toInput(draft, options.profileId())
    return savedId.value ? { ...built, id: savedId.value } : built
  }

  /** Checks without saving; shows the problems beside their fields. */
  function validate(): boolean {
    const problems = {
      ...options.check?.(draft),
      ...checkInput(ENTRY_SCHEMAS[options.kind], input())
    }
    errors.value = problems
    return Object.keys(problems).length === 0
  }

  const saver = useDebouncedSave({
    snapshot: () => options.toInput(draft, options.profileId()),
    blocker: () => (validate() ? null : t('common.saveStatus.checkFields')),
    enabled: () => savedId.value !== null,
    unsaved: () => !savedId.value && touched.value,
    keepDraft: async () => {
      const data = JSON.parse(JSON.stringify(toRaw(draft))) as Record<string, unknown>
      const { id } = await call('drafts.save', {
        profileId: options.profileId(),
        kind: options.kind,
        entryId: savedId.value,
        data
      })
      keptId.value = id
    },
    save: async () => {
      try {
        savedId.value = (await store.save(options.kind, asEntryInput(options.kind, input()))).id
        question.value = null
        void dropDraft()
      } catch (caught) {
        const apiError = toApiError(caught)
        const problems = fieldMessages(apiError.fields, inEntry)
        if (apiError.code === 'DOSE_NEEDS_CONFIRMATION') {
          const [path, message] = Object.entries(problems)[0] ?? []
          question.value = path && message ? { path, message } : null
          errors.value = {}
        } else {
          errors.value = problems
        }
        throw caught
      }
    }
  })
  if (options.entry) {
    // As saved in the record: a kept draft of an edit differs from it until it is saved.
    saver.markSaved(options.toInput(options.toDraft(options.entry), options.profileId()))
    saver.state.value = 'saved'
    saver.savedAt.value = new Date()
  }
  if (kept && !validate()) {
    saver.state.value = 'invalid'
    saver.reason.value = t('common.saveStatus.checkFields')
  } else if (kept && savedId.value) {
    saver.changed()
  }

  watch(
    draft,
    () => {
      touched.value = true
      // A new entry waits for Save; once Save found problems, recheck as they are fixed.
      if (savedId.value) saver.changed()
      else if (saver.state.value === 'invalid') validate()
    },
    { deep: true }
  )

  /** Saves now if there is an edit waiting (blur, Done, leaving, locking). */
  const flush = () => saver.flush()
  /** The explicit Save of a new entry (and of an existing one, if the person presses it). */
  const save = () => saver.flush(true)
  const { state, reason: failure } = saver

  return reactive({
    draft,
    errors,
    question,
    state,
    failure,
    savedId,
    touched,
    restored,
    prefix,
    validate,
    save,
    flush,
    dropDraft
  })
}

/** What the shared form frame needs from any entry form. */
export interface EntryFormControls {
  draft: { p: ProvenanceDraft }
  /** Problems by field name, as shown beside the fields. */
  errors: FieldErrors
  /** The start of every field id in this form (see FieldContext.idFor). */
  prefix: string
  state: SaveState
  failure: string | null
  savedId: string | null
  /** Something was typed since the form opened (or it reopened from a kept draft). */
  touched: boolean
  /** Reopened from a draft kept when Lantern locked. */
  restored: boolean
  save: () => Promise<boolean>
  flush: () => Promise<boolean>
  dropDraft: () => Promise<void>
}
