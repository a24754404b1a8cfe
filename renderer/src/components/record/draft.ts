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
