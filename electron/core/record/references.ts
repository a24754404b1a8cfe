/**
 * Rules that need the database or the drug catalog, so the contract's schemas cannot check
 * them: linked entries must belong to the same person, and a drug must exist and be given by a
 * route and in a unit that fit it. Failures are INVALID_INPUT naming the field, like any other.
 */
import type { EntryKind } from '../../shared/record.ts'
import { CoreError } from '../errors.ts'
import type { Db } from '../vault/database.ts'
import { entryOwner } from './entries.ts'
import { getProfile } from './profiles.ts'
import type { UsualDoseRange } from './unusualDose.ts'

export interface DrugInfo {
  id: string
  genericName: string
  otherNames: readonly string[]
  brandNames: readonly string[]
  class: string
  routes: readonly string[]
  doseUnits: readonly string[]
  /** Usual single-dose ranges by unit, where a source gives one (see unusualDose.ts). */
  usualDoses?: readonly UsualDoseRange[]
}

export interface DrugLookup {
  readonly drugs: readonly DrugInfo[]
  byId(id: string): DrugInfo | undefined
}

/** Fields that link to another entry of the same person: field, linked kind, name in messages. */
export const ENTRY_LINKS: Partial<
  Record<EntryKind, [field: string, kind: EntryKind, label: string][]>
> = {
  relapse: [['diagnosisId', 'diagnosis', 'diagnosis']],
  administration: [
    ['phaseId', 'phase', 'treatment phase'],
    ['transplantId', 'transplant', 'transplant']
  ],
  radiation: [['transplantId', 'transplant', 'transplant']]
}

function invalid(path: string, message: string): never {
  throw new CoreError('INVALID_INPUT', `${path}: ${message}`, [{ path, message }])
}

export function checkReferences(
  db: Db,
  kind: EntryKind,
  entry: Record<string, unknown>,
  drugs: DrugLookup
): void {
  getProfile(db, entry.profileId as string)
  checkLinks(db, kind, entry, drugs)
}

/**
 * checkReferences without looking up the person: for an import, whose person is hidden until
 * the last of it is saved (fhir/import/write.ts) and which checked them itself.
 */
export function checkLinks(
  db: Db,
  kind: EntryKind,
  entry: Record<string, unknown>,
  drugs: DrugLookup
): void {
  for (const [field, linkedKind, label] of ENTRY_LINKS[kind] ?? []) {
    const linked = entry[field]
    if (typeof linked !== 'string') continue
    if (entryOwner(db, linkedKind, linked) !== entry.profileId) {
      invalid(field, `That ${label} is not in this person's record.`)
    }
  }
  if (kind === 'administration') checkDrug(entry, drugs)
}

function checkDrug(entry: Record<string, unknown>, drugs: DrugLookup): void {
  const drug = drugs.byId(entry.drugId as string)
  if (!drug) invalid('drugId', 'Lantern does not know that drug. Choose one from the list.')
  if (!drug.routes.includes(entry.route as string)) {
    invalid('route', `${drug.genericName} is not given that way (${drug.routes.join(', ')}).`)
  }
  if (!drug.doseUnits.includes(entry.unit as string)) {
    invalid(
      'unit',
      `${drug.genericName} doses are not written in ${entry.unit} (use ${drug.doseUnits.join(', ')}).`
    )
  }
}
