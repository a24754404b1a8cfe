/**
 * Undo of a deletion. Deleting an entry can take others with it (a diagnosis's relapses) and
 * clear links to it (a medicine's phase or transplant, a radiation course's transplant); Undo
 * puts all of it back in one transaction, so the record is never left half restored.
 */
import type { ParsedInput } from '../../shared/contract.ts'
import type { EntryKind } from '../../shared/record.ts'
import { CoreError } from '../errors.ts'
import type { Db } from '../vault/database.ts'
import { entryOwner, relinkEntries, restoreEntry } from './entries.ts'
import { getProfile } from './profiles.ts'
import { checkReferences, type DrugLookup, ENTRY_LINKS } from './references.ts'

export type RestoreInput = ParsedInput<'record.restore'>

/** Kinds that other entries link to come back first, so the links can be checked. */
const LINKED_TO = new Set(
  Object.values(ENTRY_LINKS).flatMap((links) => links.map(([, kind]) => kind))
)

/**
 * Puts the entries back with their ids and times, then the links, with the same checks as a
 * save but one: an unusual dose is not asked about again (it was answered, or was usual, when
 * saved; its mark comes back as it was). Any failure rolls everything back; its field paths name the entry or link at fault
 * ('entries.2.entry.diagnosisId', 'links.0.to').
 */
export function restoreDeleted(db: Db, input: RestoreInput, drugs: DrugLookup): void {
  const { profileId, entries, links } = input
  db.transaction(() => {
    getProfile(db, profileId)
    const order = entries
      .map((item, index) => ({ item, index }))
      .sort((a, b) => Number(LINKED_TO.has(b.item.kind)) - Number(LINKED_TO.has(a.item.kind)))
    for (const { item, index } of order) {
      const { kind, entry, createdAt, updatedAt } = item
      const id = entry.id
      // The contract requires the id; this keeps the type honest.
      if (id === undefined) throw new CoreError('INVALID_INPUT', 'An entry needs its id.')
      inPlace(`entries.${index}.entry`, () => {
        checkReferences(db, kind, entry, drugs)
        // Not asked about again: the dose was saved, usual or confirmed, against the record as
        // it stood then. Against the record now (other doses of the drug added since) a save
        // might ask, and Undo would fail with a question nobody can answer from the undo bar.
        restoreEntry(db, kind, { ...entry, id }, { createdAt, updatedAt })
      })
    }
    // A phase's Undo relinks every dose it held (hundreds) to the same phase: its owner is
    // looked up once, and the doses are relinked by one statement.
    const owners = new Map<string, string | null>()
    const groups = new Map<string, { kind: EntryKind; field: string; to: string; ids: string[] }>()
    links.forEach((link, index) => {
      const [target, label] = linkedKind(link.kind, link.field)
      const ownerKey = `${target}:${link.to}`
      if (!owners.has(ownerKey)) owners.set(ownerKey, entryOwner(db, target, link.to))
      if (owners.get(ownerKey) !== profileId) {
        const message = `That ${label} is not in this person’s record.`
        throw new CoreError('INVALID_INPUT', `links.${index}.to: ${message}`, [
          { path: `links.${index}.to`, message }
        ])
      }
      const groupKey = `${link.kind}:${link.field}:${link.to}`
      const group = groups.get(groupKey) ?? {
        kind: link.kind,
        field: link.field,
        to: link.to,
        ids: []
      }
      group.ids.push(link.id)
      groups.set(groupKey, group)
    })
    for (const { kind, field, to, ids } of groups.values()) {
      relinkEntries(db, kind, { profileId, field, to, ids })
    }
  })()
}

/** The kind a link field points at, and its name in messages. */
function linkedKind(kind: EntryKind, field: string): [EntryKind, string] {
  const link = ENTRY_LINKS[kind]?.find(([name]) => name === field)
  if (!link) throw new Error(`${kind}.${field} links to nothing`)
  return [link[1], link[2]]
}

/** Runs a check or write for one entry; its field problems then name that entry. */
function inPlace(prefix: string, step: () => void): void {
  try {
    step()
  } catch (error) {
    if (!(error instanceof CoreError) || !error.fields) throw error
    const fields = error.fields.map((f) => ({ ...f, path: `${prefix}.${f.path}` }))
    throw new CoreError(error.code, fields.map((f) => `${f.path}: ${f.message}`).join(' '), fields)
  }
}
