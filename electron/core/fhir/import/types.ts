/**
 * What reading a FHIR file gives: everything that would be saved, and what would not be with
 * the reason, so the person can see both before anything is written.
 */
import type { z } from 'zod'
import type { BodySystem, Responsible } from '../../../shared/careplan.ts'
import type { ENTRY_SCHEMAS, EntryKind, Person } from '../../../shared/record.ts'

/** An entry as its kind's schema returned it, with a new id and without its owner (not made yet). */
export type ImportedValues<K extends EntryKind> = Omit<
  z.output<(typeof ENTRY_SCHEMAS)[K]>,
  'profileId' | 'id'
> & { id: string }

export interface ImportedEntry<K extends EntryKind> {
  values: ImportedValues<K>
  /** When the entry was first saved and last changed, as a Lantern export keeps them. */
  times: { createdAt: string; updatedAt: string } | null
}

export type ImportedEntries = { [K in EntryKind]: ImportedEntry<K>[] }

export interface ImportedPerson {
  displayName: string
  /** The person's details as personSchema returned them, without the profile id. */
  details: Omit<Person, 'profileId'>
  isSample: boolean
  times: { createdAt: string; updatedAt: string } | null
}

/** What the person did with their care plan, as a Lantern export carries it. */
export interface ImportedPlanState {
  /** The rules version the exported plan was worked out with, for "what changed" after import. */
  rulesVersion: string
  /** Each plan item as exported, for the snapshot "what changed" compares with. */
  snapshot: Record<string, { title: string; fingerprint: string }>
  /** The person's own items; `key` is the exported "own.<id>", replaced when saved. */
  ownItems: {
    key: string
    title: string
    system: BodySystem
    what: string | null
    everyMonths: number | null
    firstDue: string | null
    responsible: Responsible
  }[]
  completions: { itemKey: string; doneOn: string | null; notedOn: string; note: string | null }[]
  states: {
    itemKey: string
    snoozedUntil: string | null
    dismissed: { reason: string; on: string } | null
    responsible: Responsible | null
  }[]
  firstSeen: { itemKey: string; on: string }[]
  reviews: { reviewedWith: string; reviewedOn: string; note: string | null }[]
}

export interface FhirImportPlan {
  /** 'lantern': a bundle Lantern made, restored exactly; 'other-system': mapped where it fits. */
  source: 'lantern' | 'other-system'
  person: ImportedPerson
  entries: ImportedEntries
  planState: ImportedPlanState | null
  /** What will be saved, in words, with how many. */
  willImport: { what: string; count: number }[]
  /** What will not be saved, and why, in words. */
  notImported: { what: string; why: string }[]
}
