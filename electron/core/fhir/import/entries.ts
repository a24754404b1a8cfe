/**
 * What both readers share: checking an entry with its kind's own schema from the contract,
 * keeping links between entries only where both ends are imported, and saying in words what
 * will be imported.
 */
import { ENTRY_KINDS, ENTRY_SCHEMAS, type EntryKind } from '../../../shared/record.ts'
import { ENTRY_LINKS } from '../../record/references.ts'
import type { FhirImportPlan, ImportedEntries, ImportedEntry, ImportedValues } from './types.ts'

/**
 * Stands in for the person's id while an entry is checked: the person is made only when the
 * import is confirmed, and the schemas require an owner.
 */
const NOT_YET_MADE = '00000000-0000-4000-8000-000000000000'

/** Each kind in words, one and many, for the lists the person reads. */
export const KIND_WORDS: Record<EntryKind, [one: string, many: string]> = {
  measurement: ['height and weight measurement', 'height and weight measurements'],
  diagnosis: ['diagnosis', 'diagnoses'],
  relapse: ['relapse', 'relapses'],
  careTeamMember: ['care team member', 'care team members'],
  phase: ['treatment phase', 'treatment phases'],
  administration: ['medicine given', 'medicines given'],
  radiation: ['radiotherapy course', 'radiotherapy courses'],
  transplant: ['stem cell transplant', 'stem cell transplants'],
  procedure: ['surgery or procedure', 'surgeries and procedures'],
  supportiveCare: ['supportive care entry', 'supportive care entries'],
  complication: ['complication or side effect', 'complications and side effects']
}

export function emptyEntries(): ImportedEntries {
  return Object.fromEntries(ENTRY_KINDS.map((k) => [k, []])) as unknown as ImportedEntries
}

/** The schema's problems as one sentence, each with the field it is about. */
function problems(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join(' ')
}

/**
 * The entry as the contract's schema for its kind accepts it (defaults filled in, text trimmed),
 * or the schema's own message. Nothing reaches the vault that a form could not have saved.
 */
export function checkEntry<K extends EntryKind>(
  kind: K,
  raw: Record<string, unknown>,
  id: string
): { values: ImportedValues<K> } | { problem: string } {
  const parsed = ENTRY_SCHEMAS[kind].safeParse({ ...raw, id, profileId: NOT_YET_MADE })
  if (!parsed.success) return { problem: problems(parsed.error.issues) }
  return { values: withoutOwner(parsed.data as { profileId: string }) as ImportedValues<K> }
}

/** A checked value without the stand-in owner it was checked with. */
export function withoutOwner<T extends { profileId: string }>(value: T): Omit<T, 'profileId'> {
  const copy: Partial<T> = { ...value }
  delete copy.profileId
  return copy as Omit<T, 'profileId'>
}

export function addEntry<K extends EntryKind>(
  entries: ImportedEntries,
  kind: K,
  entry: ImportedEntry<K>
): void {
  ;(entries[kind] as ImportedEntry<K>[]).push(entry)
}

/**
 * Links whose other end is not imported: a relapse without its diagnosis cannot be saved, so it
 * is left out; a medicine or radiotherapy course loses only its link to a phase or transplant.
 */
export function dropBrokenLinks(
  entries: ImportedEntries,
  notImported: FhirImportPlan['notImported']
): void {
  const ids = (kind: EntryKind) => new Set(entries[kind].map((e) => e.values.id))
  for (const [kind, links] of Object.entries(ENTRY_LINKS) as [
    EntryKind,
    [string, EntryKind, string][]
  ][]) {
    const list = entries[kind] as ImportedEntry<EntryKind>[]
    const kept: ImportedEntry<EntryKind>[] = []
    for (const entry of list) {
      const values = entry.values as Record<string, unknown>
      let keep = true
      for (const [field, linkedKind, label] of links) {
        const to = values[field]
        if (typeof to !== 'string' || ids(linkedKind).has(to)) continue
        if (kind === 'relapse') {
          notImported.push({
            what: `A ${KIND_WORDS.relapse[0]}`,
            why: `The ${label} it belongs to is not imported.`
          })
          keep = false
        } else {
          values[field] = null
          notImported.push({
            what: `The link from a ${KIND_WORDS[kind][0]} to its ${label}`,
            why: `That ${label} is not imported; the entry is imported without the link.`
          })
        }
      }
      if (keep) kept.push(entry)
    }
    ;(entries as Record<EntryKind, ImportedEntry<EntryKind>[]>)[kind] = kept
  }
}

export function willImportOf(
  plan: Pick<FhirImportPlan, 'person' | 'entries' | 'planState'>
): FhirImportPlan['willImport'] {
  const out: FhirImportPlan['willImport'] = [
    { what: `The person (${plan.person.displayName}) and their details`, count: 1 }
  ]
  const allergies = plan.person.details.allergies?.length ?? 0
  if (allergies > 0) out.push({ what: 'Allergies', count: allergies })
  for (const kind of ENTRY_KINDS) {
    const n = plan.entries[kind].length
    if (n > 0) out.push({ what: capitalise(KIND_WORDS[kind][n === 1 ? 0 : 1]), count: n })
  }
  const state = plan.planState
  if (state) {
    const add = (what: string, count: number) => {
      if (count > 0) out.push({ what, count })
    }
    add('Your own care plan items', state.ownItems.length)
    add('Care plan checks marked done', state.completions.length)
    add('Care plan items snoozed, set aside or given to someone', state.states.length)
    add('Care plan reviews', state.reviews.length)
  }
  return out
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
