/**
 * Helpers for turning an entry into what its form edits (strings, mostly) and back into the
 * contract's input. Empty text becomes null, so clearing a field clears it in the record.
 */
import type { Entry, EntryKind } from '@shared/record.ts'

export interface ProvenanceDraft {
  source: string
  checkedBy: string
  checkedOn: string
  notes: string
}

export function text(value: string | null | undefined): string {
  return value ?? ''
}

export function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value)
}

/** '' → null; '1,5' → 1.5; anything unreadable is passed on so the schema names the problem. */
export function toNumber(value: string): number | string | null {
  const trimmed = value.trim()
  if (trimmed === '') return null
  const n = Number(trimmed.replace(',', '.'))
  return Number.isFinite(n) ? n : trimmed
}

/** Like toNumber, but a required number: empty becomes undefined so "Enter …" is the message. */
export function toRequiredNumber(value: string): number | string | undefined {
  return toNumber(value) ?? undefined
}

export function toText(value: string): string | null {
  return value.trim() === '' ? null : value
}

export function toDate(value: string): string | null {
  return value === '' ? null : value
}

export function lines(list: readonly string[] | undefined): string {
  return (list ?? []).join('\n')
}

export function toLines(value: string, separator: RegExp = /\n/): string[] {
  return value
    .split(separator)
    .map((line) => line.trim())
    .filter(Boolean)
}

export function provenanceDraft(entry: Entry<EntryKind> | null): ProvenanceDraft {
  return {
    source: entry?.source ?? 'typed',
    checkedBy: text(entry?.checkedBy),
    checkedOn: text(entry?.checkedOn),
    notes: text(entry?.notes)
  }
}

export function provenanceInput(draft: ProvenanceDraft) {
  return {
    source: draft.source,
    checkedBy: toText(draft.checkedBy),
    checkedOn: toDate(draft.checkedOn),
    notes: toText(draft.notes)
  }
}

/** One GVHD episode as the transplant form edits it. */
export interface GvhdDraft {
  kind: string
  organs: string[]
  organsOther: string
  grade: string
  startedOn: string
  status: string
}

export function gvhdDraft(episode: Entry<'transplant'>['gvhd'][number] | null): GvhdDraft {
  return {
    kind: episode?.kind ?? 'acute',
    organs: [...(episode?.organs ?? [])],
    organsOther: text(episode?.organsOther),
    grade: text(episode?.grade),
    startedOn: text(episode?.startedOn),
    status: episode?.status ?? 'active'
  }
}

/** The other organs count only while Other is ticked, as the form shows them. */
export function gvhdInput(draft: GvhdDraft) {
  return {
    kind: draft.kind,
    organs: draft.organs,
    organsOther: draft.organs.includes('other') ? toText(draft.organsOther) : null,
    grade: toText(draft.grade),
    startedOn: toDate(draft.startedOn),
    status: draft.status
  }
}
