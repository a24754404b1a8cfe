/**
 * Unusual doses: a slip of the keyboard (15 for 1.5) or a wrong unit is the likeliest way a
 * record gets a wrong number, and a wrong number is what a family can least afford. A dose far
 * from what is usual is never refused and never saved silently: the person is asked to check it,
 * and it is saved, marked as confirmed, once they say it is right.
 *
 * checkDose() alone decides what is unusual, from two things:
 *
 * - The usual range. Where the drug catalog gives a usual single-dose range for a kind of unit
 *   (from a drug label or a published protocol, with its citation), a dose below its lowest or
 *   above its highest value is unusual. A range applies to doses in units of the same kind (mg/m²
 *   and g/m² alike, never mg or mg/kg) and, where it names routes, to those routes only.
 * - The person's own doses. The "other doses" are the person's other recorded administrations
 *   of the same drug, by the same route, in a unit of the same kind, each entry counted once
 *   whatever its schedule, the entry being edited left out. When there is at least one, a dose
 *   more than three times their median (the middle value, or the mean of the two middle values)
 *   is unusual. Lower doses are not questioned by this rule: doses are often reduced.
 *
 * Drugs with no sourced range get the second check only.
 */
import type { DoseUnit } from '../../shared/limits.ts'
import type { EntryKind } from '../../shared/record.ts'
import { CoreError } from '../errors.ts'
import type { Db } from '../vault/database.ts'
import { UNIT_MEANING } from './doses.ts'
import type { DrugLookup } from './references.ts'
import { cachedStatement } from '../vault/statements.ts'

/** A usual single-dose range, as the drug catalog gives it (content/drugs/catalog.json). */
export interface UsualDoseRange {
  unit: DoseUnit
  min: number
  max: number
  /** The routes it applies to; every route when absent. */
  routes?: readonly string[]
  source: string
  section: string
  /** In a sentence: how the range was read from the source. */
  basis: string
}

export interface DoseToCheck {
  drugId: string
  route: string
  dose: number
  unit: DoseUnit
}

/** How many times the median of the person's other doses a dose may be before it is questioned. */
export const RELATIVE_LIMIT = 3

/** Floating point leeway, so that 3 × 0.5 or a dose exactly at a range's end is not "outside". */
const LEEWAY = 1e-9

export type DoseCheck =
  | { unusual: false }
  | {
      unusual: true
      reason: 'above-range' | 'below-range'
      range: UsualDoseRange
      message: string
    }
  | {
      unusual: true
      reason: 'above-others'
      /** The median of the other doses, in the checked dose's unit. */
      median: number
      message: string
    }

/** Units of one kind measure the same thing per the same basis: mg/m² and g/m², not mg/kg. */
export function sameKindOfUnit(a: DoseUnit, b: DoseUnit): boolean {
  const x = UNIT_MEANING[a]
  const y = UNIT_MEANING[b]
  return x.quantity === y.quantity && x.per === y.per
}

function inBaseUnit(dose: number, unit: DoseUnit): number {
  return dose * UNIT_MEANING[unit].factor
}

/** The range that applies to a dose in this unit by this route, if the catalog has one. */
export function applicableRange(
  ranges: readonly UsualDoseRange[] | undefined,
  unit: DoseUnit,
  route: string
): UsualDoseRange | undefined {
  return ranges?.find(
    (r) => sameKindOfUnit(r.unit, unit) && (r.routes === undefined || r.routes.includes(route))
  )
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * Decides whether a dose needs the person to check it. `others` may hold any of the person's
 * doses of the drug: only those by the same route in a unit of the same kind count.
 */
export function checkDose(
  dose: DoseToCheck,
  drug: { genericName: string; usualDoses?: readonly UsualDoseRange[] } | undefined,
  others: readonly DoseToCheck[]
): DoseCheck {
  const name = drug?.genericName ?? dose.drugId
  const value = inBaseUnit(dose.dose, dose.unit)
  const unit = shown(dose.unit)

  const range = applicableRange(drug?.usualDoses, dose.unit, dose.route)
  if (range) {
    const lowest = inBaseUnit(range.min, range.unit)
    const highest = inBaseUnit(range.max, range.unit)
    const usual = `usually ${amount(range.min)} to ${amount(range.max)} ${shown(range.unit)}`
    if (value > highest * (1 + LEEWAY)) {
      const ratio = value / highest
      return {
        unusual: true,
        reason: 'above-range',
        range,
        message:
          ratio >= 1.5
            ? `This is about ${times(ratio)} times the highest usual ${name} dose in ${unit} (${usual}): check the number and the unit.`
            : `This is above the usual ${name} dose in ${unit} (${usual}): check the number and the unit.`
      }
    }
    if (value < lowest * (1 - LEEWAY)) {
      return {
        unusual: true,
        reason: 'below-range',
        range,
        message: `This is below the usual ${name} dose in ${unit}, about ${percent(value / lowest)} of the lowest (${usual}): check the number and the unit.`
      }
    }
  }

  const comparable = others
    .filter((o) => o.drugId === dose.drugId && o.route === dose.route)
    .filter((o) => sameKindOfUnit(o.unit, dose.unit))
    .map((o) => inBaseUnit(o.dose, o.unit))
  if (comparable.length > 0) {
    const typical = median(comparable)
    if (value > RELATIVE_LIMIT * typical * (1 + LEEWAY)) {
      const inUnit = typical / UNIT_MEANING[dose.unit].factor
      return {
        unusual: true,
        reason: 'above-others',
        median: inUnit,
        message: `This is about ${times(value / typical)} times the other ${name} doses ${ROUTE_WORDS[dose.route] ?? dose.route} in this record (typically ${amount(inUnit)} ${unit}): check the number and the unit.`
      }
    }
  }
  return { unusual: false }
}

/** The person's other recorded doses of a drug, leaving out the entry being edited. */
export function otherDoses(
  db: Db,
  profileId: string,
  drugId: string,
  exceptId: string | null
): DoseToCheck[] {
  return cachedStatement(
    db,
    `SELECT drug_id AS drugId, route, dose, dose_unit AS unit FROM drug_administrations
     WHERE profile_id = ? AND drug_id = ? AND id IS NOT ?`
  ).all(profileId, drugId, exceptId) as DoseToCheck[]
}

/**
 * For an entry about to be saved: an unusual dose the input does not confirm is refused with
 * DOSE_NEEDS_CONFIRMATION beside the dose, and nothing is saved. Otherwise the entry comes back
 * with `confirmedUnusual` as it should be stored: true only for a confirmed dose that is still
 * unusual, so a dose edited back to a usual value loses the mark. Other kinds pass unchanged.
 */
export function settleUnusualDose(
  db: Db,
  kind: EntryKind,
  entry: Record<string, unknown>,
  drugs: DrugLookup
): Record<string, unknown> {
  if (kind !== 'administration') return entry
  const dose: DoseToCheck = {
    drugId: entry.drugId as string,
    route: entry.route as string,
    dose: entry.dose as number,
    unit: entry.unit as DoseUnit
  }
  const others = otherDoses(
    db,
    entry.profileId as string,
    dose.drugId,
    typeof entry.id === 'string' ? entry.id : null
  )
  const verdict = checkDose(dose, drugs.byId(dose.drugId), others)
  if (!verdict.unusual) return { ...entry, confirmedUnusual: false }
  if (entry.confirmedUnusual !== true) {
    throw new CoreError('DOSE_NEEDS_CONFIRMATION', verdict.message, [
      { path: 'dose', message: verdict.message }
    ])
  }
  return { ...entry, confirmedUnusual: true }
}

const ROUTE_WORDS: Record<string, string> = {
  iv: 'into a vein',
  oral: 'by mouth',
  intrathecal: 'into the spinal fluid',
  im: 'into a muscle',
  subcutaneous: 'under the skin'
}

function shown(unit: DoseUnit): string {
  return unit.replace('m2', 'm²')
}

function amount(n: number): string {
  return n.toLocaleString('en', { maximumSignificantDigits: 3 })
}

/** "7.5", "12": whole numbers from ten up, one decimal below. */
function times(ratio: number): string {
  return ratio >= 10 ? Math.round(ratio).toLocaleString('en') : String(Math.round(ratio * 10) / 10)
}

function percent(fraction: number): string {
  const p = fraction * 100
  return `${p >= 1 ? Math.round(p) : Number(p.toPrecision(1))}%`
}
