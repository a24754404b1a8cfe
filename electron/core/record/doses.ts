/**
 * Cumulative doses: what a survivor's future doctors most need and what families can rarely
 * recall. Pure functions over the recorded administrations and body measurements.
 *
 * Each recorded dose is converted twice: to an absolute amount (mg, IU, units or cells) and to
 * an amount per m² of body surface area, because guidelines state thresholds per m² while
 * clinic letters often give flat doses. A conversion that needs a height or weight the record
 * does not have is not guessed: the dose is counted as unconverted and reported.
 */
import { type DoseUnit } from '../../shared/limits.ts'
import type { CumulativeDose, MeasurementUsed, Quantity } from '../../shared/summary.ts'
import { type BodySize, bodySizeLookup, type Measurement } from './bodySize.ts'
import { type Schedule, expandSchedule } from './schedule.ts'

export interface UnitMeaning {
  quantity: Quantity
  /** Factor to the base unit of the quantity: mg for mass, else the unit itself. */
  factor: number
  per: 'm2' | 'kg' | 'none'
}

export const UNIT_MEANING: Record<DoseUnit, UnitMeaning> = {
  'mg/m2': { quantity: 'mass', factor: 1, per: 'm2' },
  'mg/kg': { quantity: 'mass', factor: 1, per: 'kg' },
  mg: { quantity: 'mass', factor: 1, per: 'none' },
  'g/m2': { quantity: 'mass', factor: 1000, per: 'm2' },
  g: { quantity: 'mass', factor: 1000, per: 'none' },
  'mcg/m2': { quantity: 'mass', factor: 0.001, per: 'm2' },
  'mcg/kg': { quantity: 'mass', factor: 0.001, per: 'kg' },
  mcg: { quantity: 'mass', factor: 0.001, per: 'none' },
  'IU/m2': { quantity: 'IU', factor: 1, per: 'm2' },
  'IU/kg': { quantity: 'IU', factor: 1, per: 'kg' },
  IU: { quantity: 'IU', factor: 1, per: 'none' },
  'units/m2': { quantity: 'units', factor: 1, per: 'm2' },
  'units/kg': { quantity: 'units', factor: 1, per: 'kg' },
  units: { quantity: 'units', factor: 1, per: 'none' },
  'cells/kg': { quantity: 'cells', factor: 1, per: 'kg' },
  cells: { quantity: 'cells', factor: 1, per: 'none' }
}

export const BASE_UNIT: Record<Quantity, string> = {
  mass: 'mg',
  IU: 'IU',
  units: 'units',
  cells: 'cells'
}

export function unitQuantity(unit: DoseUnit): Quantity {
  return UNIT_MEANING[unit].quantity
}

export interface Administration {
  id: string
  drugId: string
  route: string
  dose: number
  unit: DoseUnit
  schedule: Schedule
  /** True when the dose was estimated (e.g. from the protocol) rather than taken from records. */
  estimated: boolean
}

export interface DoseEvent {
  administrationId: string
  date: string
  /** In the base unit (mg, IU, units, cells), or null when body size was needed and missing. */
  absolute: number | null
  /** Per m² in the base unit, or null when body size was needed and missing. */
  perM2: number | null
  bsaM2: number | null
  /** The dates of the height and weight the conversion used; null when it used none. */
  heightFrom: string | null
  weightFrom: string | null
  estimated: boolean
}

export interface ConvertedDose {
  absolute: number | null
  perM2: number | null
  bsaM2: number | null
  heightFrom: string | null
  weightFrom: string | null
}

/** Converts one dose, given the body size on its date. */
export function convertDose(dose: number, unit: DoseUnit, size: BodySize): ConvertedDose {
  const meaning = UNIT_MEANING[unit]
  const base = dose * meaning.factor
  const bsa = size.bsaM2
  // Only what the conversion used, so "converted with the measurement of …" is true.
  const byArea = {
    bsaM2: bsa,
    heightFrom: bsa === null ? null : size.heightFrom,
    weightFrom: bsa === null ? null : size.weightFrom
  }
  switch (meaning.per) {
    case 'm2':
      return { absolute: bsa === null ? null : base * bsa, perM2: base, ...byArea }
    case 'kg': {
      const absolute = size.weightKg === null ? null : base * size.weightKg
      return {
        absolute,
        perM2: absolute === null || bsa === null ? null : absolute / bsa,
        ...byArea,
        weightFrom: absolute === null ? null : size.weightFrom
      }
    }
    case 'none':
      return { absolute: base, perM2: bsa === null ? null : base / bsa, ...byArea }
  }
}

export function doseEvents(
  administrations: readonly Administration[],
  measurements: readonly Measurement[]
): DoseEvent[] {
  const events: DoseEvent[] = []
  const bodySizeOn = bodySizeLookup(measurements)
  for (const a of administrations) {
    for (const date of expandSchedule(a.schedule)) {
      events.push({
        administrationId: a.id,
        date,
        ...convertDose(a.dose, a.unit, bodySizeOn(date)),
        estimated: a.estimated
      })
    }
  }
  return events
}

/**
 * Totals per drug, route and kind of quantity: intrathecal and systemic doses of the same drug
 * are kept apart, as follow-up guidelines consider them separately.
 *
 * @param events the same administrations' doseEvents, when the caller needs them too: working
 *   them out is most of the cost (a dated body size for each of thousands of doses)
 */
export function cumulativeDoses(
  administrations: readonly Administration[],
  measurements: readonly Measurement[],
  events: readonly DoseEvent[] = doseEvents(administrations, measurements)
): CumulativeDose[] {
  const byId = new Map(administrations.map((a) => [a.id, a]))
  const groups = new Map<string, CumulativeDose>()
  const used = new Map<CumulativeDose, Map<string, MeasurementUsed>>()
  for (const event of events) {
    const a = byId.get(event.administrationId)!
    const quantity = unitQuantity(a.unit)
    const key = `${a.drugId}\u0000${a.route}\u0000${quantity}`
    let group = groups.get(key)
    if (!group) {
      group = {
        drugId: a.drugId,
        route: a.route,
        quantity,
        baseUnit: BASE_UNIT[quantity],
        doses: 0,
        firstDate: event.date,
        lastDate: event.date,
        absoluteTotal: 0,
        perM2Total: 0,
        unconvertedAbsolute: 0,
        unconvertedPerM2: 0,
        estimatedDoses: 0,
        measurementsUsed: []
      }
      groups.set(key, group)
      used.set(group, new Map())
    }
    group.doses++
    if (event.date < group.firstDate) group.firstDate = event.date
    if (event.date > group.lastDate) group.lastDate = event.date
    if (event.absolute === null) group.unconvertedAbsolute++
    else group.absoluteTotal += event.absolute
    if (event.perM2 === null) group.unconvertedPerM2++
    else group.perM2Total += event.perM2
    if (event.estimated) group.estimatedDoses++
    if (event.heightFrom !== null || event.weightFrom !== null) {
      const byPair = used.get(group)!
      const pair = `${event.heightFrom}\u0000${event.weightFrom}`
      const seen = byPair.get(pair)
      if (seen) seen.doses++
      else
        byPair.set(pair, { heightFrom: event.heightFrom, weightFrom: event.weightFrom, doses: 1 })
    }
  }
  const first = (m: MeasurementUsed) => m.weightFrom ?? m.heightFrom ?? ''
  for (const [group, byPair] of used) {
    group.measurementsUsed = [...byPair.values()].sort(
      (a, b) =>
        first(a).localeCompare(first(b)) || (a.heightFrom ?? '').localeCompare(b.heightFrom ?? '')
    )
  }
  // A total order, so the rows never change places with the order things were entered in.
  return [...groups.values()].sort(
    (x, y) =>
      x.firstDate.localeCompare(y.firstDate) ||
      x.drugId.localeCompare(y.drugId) ||
      x.route.localeCompare(y.route) ||
      x.quantity.localeCompare(y.quantity)
  )
}

/**
 * Number of intrathecal injections (lumbar punctures with chemotherapy). Triple intrathecal
 * therapy gives three drugs in one injection, so doses on the same date count once.
 */
export function intrathecalInjections(administrations: readonly Administration[]): number {
  const dates = new Set<string>()
  for (const a of administrations) {
    if (a.route !== 'intrathecal') continue
    for (const date of expandSchedule(a.schedule)) dates.add(date)
  }
  return dates.size
}
