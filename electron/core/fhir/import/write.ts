/**
 * Saves a FHIR import the person confirmed: a new person, every entry, and what they did with
 * their care plan, all or nothing: a failure anywhere leaves the vault as it was.
 * Everything goes through the record's own query modules and the same reference checks as a
 * save from a form (a link must stay inside the person's record; a drug must be given by a route
 * and in a unit that fit it).
 */
import { ENTRY_KINDS, type EntryKind } from '../../../shared/record.ts'
import {
  addCompletion,
  addReview,
  recordFirstSeen,
  saveOwnItem,
  saveSnapshot,
  updateItemState
} from '../../careplan/planState.ts'
import { CoreError } from '../../errors.ts'
import { nextTurn } from '../../nextTurn.ts'
import { restoreEntry } from '../../record/entries.ts'
import {
  createProfile,
  hideWhileImporting,
  removeUnfinishedImport,
  showImported,
  updatePerson
} from '../../record/profiles.ts'
import { ENTRY_LINKS, checkLinks, type DrugLookup } from '../../record/references.ts'
import type { Db } from '../../vault/database.ts'
import { KIND_WORDS } from './entries.ts'
import type { FhirImportPlan, ImportedEntry, ImportedPlanState } from './types.ts'

/** Kinds other entries link to are saved first, so each link is checked against a saved entry. */
const LINKED_TO = new Set(Object.values(ENTRY_LINKS).flatMap((links) => links.map(([, k]) => k)))
const SAVE_ORDER: EntryKind[] = [
  ...ENTRY_KINDS.filter((k) => LINKED_TO.has(k)),
  ...ENTRY_KINDS.filter((k) => !LINKED_TO.has(k))
]

function savePlanState(db: Db, profileId: string, state: ImportedPlanState): void {
  // The person's own items get new ids, and with them new keys; whatever was recorded against
  // an item follows it to its new key.
  const keys = new Map<string, string>()
  for (const { key, ...item } of state.ownItems) {
    keys.set(key, `own.${saveOwnItem(db, profileId, item)}`)
  }
  const keyOf = (key: string) => keys.get(key) ?? (key.startsWith('own.') ? null : key)

  // A known date removes "done, date not known" noted on or after it (addCompletion), so those
  // go in last: the ones that survive in the exported plan were noted after the known date.
  const completions = [
    ...state.completions.filter((c) => c.doneOn !== null),
    ...state.completions.filter((c) => c.doneOn === null)
  ]
  for (const c of completions) {
    const key = keyOf(c.itemKey)
    if (key) addCompletion(db, profileId, key, c.doneOn, c.note, c.notedOn)
  }
  for (const s of state.states) {
    const key = keyOf(s.itemKey)
    if (!key) continue
    if (s.snoozedUntil) updateItemState(db, profileId, key, { snoozedUntil: s.snoozedUntil })
    if (s.dismissed) updateItemState(db, profileId, key, { dismissed: s.dismissed })
    if (s.responsible) updateItemState(db, profileId, key, { responsible: s.responsible })
  }
  const byDay = new Map<string, string[]>()
  for (const { itemKey, on } of state.firstSeen) {
    const key = keyOf(itemKey)
    if (key) byDay.set(on, [...(byDay.get(on) ?? []), key])
  }
  for (const [on, list] of byDay) recordFirstSeen(db, profileId, list, on)
  // The plan lists reviews newest first by date, then by when each was added, which the export
  // does not carry; in its order, reviews of the same day are newest first. Saved oldest first,
  // a millisecond apart, they keep that order rather than tie.
  const reviews = [...state.reviews].reverse()
  const addedFrom = Date.now() - reviews.length
  const addedAt = db.prepare(
    'UPDATE careplan_reviews SET created_at = ? WHERE rowid = last_insert_rowid()'
  )
  reviews.forEach((review, i) => {
    addReview(db, profileId, review)
    addedAt.run(new Date(addedFrom + i).toISOString())
  })
  // "What changed" then compares with the plan as it was exported, not with nothing.
  if (state.rulesVersion) {
    saveSnapshot(db, profileId, { rulesVersion: state.rulesVersion, items: state.snapshot })
  }
}

/** How long one part of an import's entries may hold the core's thread before its next turn. */
const PART_MS = 8

interface Row {
  kind: EntryKind
  entry: ImportedEntry<EntryKind>
  /** Its place among the entries of its kind, for the message if it is refused. */
  index: number
}

function saveRow(db: Db, profileId: string, { kind, entry, index }: Row, drugs: DrugLookup) {
  const values = { ...(entry.values as Record<string, unknown> & { id: string }), profileId }
  const now = new Date().toISOString()
  try {
    checkLinks(db, kind, values, drugs)
    restoreEntry(db, kind, values, entry.times ?? { createdAt: now, updatedAt: now })
  } catch (error) {
    if (!(error instanceof CoreError)) throw error
    throw new CoreError(
      error.code,
      `The ${KIND_WORDS[kind][0]} number ${index + 1} could not be imported: ${error.message}`,
      error.fields
    )
  }
}

/**
 * Saves the plan `readFhirFile` made, once the person has confirmed it. All or nothing: the
 * person is hidden (like a deleted one) while their entries are saved in parts of a few
 * milliseconds, each its own transaction with a turn between, so the core keeps answering
 * (2,000 doses in one transaction held its thread 45 to 85 ms); the last part shows them, with
 * their plan state. An entry the checks refuse removes everything saved so far and names the
 * entry; a lock or a kill meanwhile leaves a hidden person, whom the purge removes
 * (IMPORTING_DELETED_AT). `db` is asked again after each turn: the vault may have locked.
 */
export async function saveFhirImport(
  db: () => Db,
  plan: FhirImportPlan,
  drugs: DrugLookup
): Promise<{ profileId: string }> {
  const { person } = plan
  const first = db()
  const profileId = first.transaction(() => {
    const id = createProfile(first, person.displayName).id
    updatePerson(first, { ...person.details, profileId: id })
    if (person.times || person.isSample) {
      const now = new Date().toISOString()
      first
        .prepare('UPDATE profiles SET is_sample = ?, created_at = ?, updated_at = ? WHERE id = ?')
        .run(
          person.isSample ? 1 : 0,
          person.times?.createdAt ?? now,
          person.times?.updatedAt ?? now,
          id
        )
    }
    hideWhileImporting(first, id)
    return id
  })()
  try {
    // Kinds other entries link to first, so each link is checked against a saved entry.
    const rows: Row[] = SAVE_ORDER.flatMap((kind) =>
      (plan.entries[kind] as ImportedEntry<EntryKind>[]).map((entry, index) => ({
        kind,
        entry,
        index
      }))
    )
    for (let at = 0; at < rows.length;) {
      await nextTurn()
      const started = performance.now()
      const part = db()
      part.transaction(() => {
        do saveRow(part, profileId, rows[at++]!, drugs)
        while (at < rows.length && performance.now() - started < PART_MS)
      })()
    }
    await nextTurn()
    const last = db()
    last.transaction(() => {
      if (!showImported(last, profileId)) {
        throw new CoreError('NOT_FOUND', 'The import was cut short. Choose the file again.')
      }
      if (plan.planState) savePlanState(last, profileId, plan.planState)
    })()
    return { profileId }
  } catch (error) {
    try {
      removeUnfinishedImport(db(), profileId)
    } catch {
      // Locked meanwhile: the purge as the vault closed removed the hidden person already.
    }
    throw error
  }
}
