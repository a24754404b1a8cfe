/**
 * The dose arithmetic against slow, obviously right references, over random records
 * (fast-check, 1,000 runs each). The references share nothing with the code under test but the
 * Mosteller formula: they scan every measurement, walk the calendar a day at a time and convert
 * units from their own table.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bodySizeLookup, mostellerBsa } from '../../electron/core/record/bodySize.ts'
import {
  type Administration,
  convertDose,
  cumulativeDoses,
  intrathecalInjections
} from '../../electron/core/record/doses.ts'
import { anthracyclineDoxEquivalent } from '../../electron/core/record/equivalents.ts'
import { doseCount, expandSchedule, type Schedule } from '../../electron/core/record/schedule.ts'
import type { DoseUnit } from '../../electron/shared/limits.ts'
import type { CumulativeDose } from '../../electron/shared/summary.ts'

const RUNS = { numRuns: 1000 }

// ---- A calendar of our own: no Date, one day at a time ----

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const daysIn = (y: number, m: number) =>
  [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!
const pad = (n: number, width = 2) => String(n).padStart(width, '0')
const parse = (d: string) => d.split('-').map(Number) as [number, number, number]

function nextDay(date: string): string {
  let [y, m, d] = parse(date)
  d++
  if (d > daysIn(y, m)) {
    d = 1
    m++
    if (m > 12) {
      m = 1
      y++
    }
  }
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`
}

/** Days since 2015-01-01, by walking (remembered: the tests ask about the same dates often). */
const ORIGIN = '2015-01-01'
const ordinals = new Map<string, number>()
function ordinal(date: string): number {
  let n = ordinals.get(date)
  if (n === undefined) {
    n = 0
    for (let d = ORIGIN; d !== date; d = nextDay(d)) n++
    ordinals.set(date, n)
  }
  return n
}
const daysBetween = (a: string, b: string) => ordinal(b) - ordinal(a)

function plusDays(date: string, n: number): string {
  let d = date
  for (let i = 0; i < n; i++) d = nextDay(d)
  return d
}

/** Every dose date of a schedule, by walking the calendar one day at a time. */
function naiveExpand(schedule: Schedule): string[] {
  if (schedule.kind === 'once') return [schedule.date]
  const dates: string[] = []
  let sinceLast = 0
  for (let d = schedule.start; ; d = nextDay(d), sinceLast++) {
    if (schedule.end !== undefined && d > schedule.end) break
    if (sinceLast % schedule.intervalDays === 0) {
      dates.push(d)
      if (schedule.count !== undefined && dates.length === schedule.count) break
    }
  }
  return dates
}

// ---- Body size by linear scan ----

interface M {
  measuredOn: string
  heightCm?: number | null
  weightKg?: number | null
}

/**
 * The documented rule, as a person would apply it with the list in front of them: the value
 * measured nearest the dose date; on a tie in distance the earlier date; two values on one date,
 * the one entered last (a correction).
 */
function scanNearest(ms: readonly M[], pick: 'heightCm' | 'weightKg', date: string) {
  let best: { value: number; date: string; distance: number } | null = null
  for (const m of ms) {
    const value = m[pick]
    if (value === null || value === undefined) continue
    const distance = Math.abs(daysBetween(m.measuredOn, date))
    if (
      best === null ||
      distance < best.distance ||
      (distance === best.distance && m.measuredOn <= best.date)
    ) {
      best = { value, date: m.measuredOn, distance }
    }
  }
  return best
}

function scanBodySize(ms: readonly M[], date: string) {
  const h = scanNearest(ms, 'heightCm', date)
  const w = scanNearest(ms, 'weightKg', date)
  return {
    bsaM2: h && w ? mostellerBsa(h.value, w.value) : null,
    weightKg: w?.value ?? null,
    heightFrom: h?.date ?? null,
    weightFrom: w?.date ?? null
  }
}

// ---- Unit conversion from a table of our own ----

const REF_UNITS: Record<DoseUnit, { toBase: number; per: 'm2' | 'kg' | 'none'; q: string }> = {
  'mg/m2': { toBase: 1, per: 'm2', q: 'mass' },
  'mg/kg': { toBase: 1, per: 'kg', q: 'mass' },
  mg: { toBase: 1, per: 'none', q: 'mass' },
  'g/m2': { toBase: 1000, per: 'm2', q: 'mass' },
  g: { toBase: 1000, per: 'none', q: 'mass' },
  'mcg/m2': { toBase: 1 / 1000, per: 'm2', q: 'mass' },
  'mcg/kg': { toBase: 1 / 1000, per: 'kg', q: 'mass' },
  mcg: { toBase: 1 / 1000, per: 'none', q: 'mass' },
  'IU/m2': { toBase: 1, per: 'm2', q: 'IU' },
  'IU/kg': { toBase: 1, per: 'kg', q: 'IU' },
  IU: { toBase: 1, per: 'none', q: 'IU' },
  'units/m2': { toBase: 1, per: 'm2', q: 'units' },
  'units/kg': { toBase: 1, per: 'kg', q: 'units' },
  units: { toBase: 1, per: 'none', q: 'units' },
  'cells/kg': { toBase: 1, per: 'kg', q: 'cells' },
  cells: { toBase: 1, per: 'none', q: 'cells' }
}

interface RefTotal {
  doses: number
  firstDate: string
  lastDate: string
  absoluteTotal: number
  perM2Total: number
  unconvertedAbsolute: number
  unconvertedPerM2: number
  estimatedDoses: number
}

/** Cumulative totals the long way: every dose, its body size by scan, its units by table. */
function referenceTotals(
  administrations: readonly Administration[],
  ms: readonly M[]
): Map<string, RefTotal> {
  const totals = new Map<string, RefTotal>()
  for (const a of administrations) {
    const unit = REF_UNITS[a.unit]
    for (const date of naiveExpand(a.schedule)) {
      const size = scanBodySize(ms, date)
      const base = a.dose * unit.toBase
      let absolute: number | null
      let perM2: number | null
      if (unit.per === 'm2') {
        absolute = size.bsaM2 === null ? null : base * size.bsaM2
        perM2 = base
      } else if (unit.per === 'kg') {
        absolute = size.weightKg === null ? null : base * size.weightKg
        perM2 = absolute === null || size.bsaM2 === null ? null : absolute / size.bsaM2
      } else {
        absolute = base
        perM2 = size.bsaM2 === null ? null : base / size.bsaM2
      }
      const key = `${a.drugId}/${a.route}/${unit.q}`
      const t = totals.get(key) ?? {
        doses: 0,
        firstDate: date,
        lastDate: date,
        absoluteTotal: 0,
        perM2Total: 0,
        unconvertedAbsolute: 0,
        unconvertedPerM2: 0,
        estimatedDoses: 0
      }
      t.doses++
      if (date < t.firstDate) t.firstDate = date
      if (date > t.lastDate) t.lastDate = date
      if (absolute === null) t.unconvertedAbsolute++
      else t.absoluteTotal += absolute
      if (perM2 === null) t.unconvertedPerM2++
      else t.perM2Total += perM2
      if (a.estimated) t.estimatedDoses++
      totals.set(key, t)
    }
  }
  return totals
}

const keyOf = (c: CumulativeDose) => `${c.drugId}/${c.route}/${c.quantity}`

/** Equal up to floating point: sums in another order differ in the last bits. */
function close(actual: number, expected: number, what: string) {
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected))
  if (Math.abs(actual - expected) > tolerance) {
    throw new Error(`${what}: ${actual} is not ${expected}`)
  }
}

function expectSameTotals(actual: readonly CumulativeDose[], expected: Map<string, RefTotal>) {
  expect(actual.map(keyOf).sort()).toEqual([...expected.keys()].sort())
  for (const c of actual) {
    const r = expected.get(keyOf(c))!
    expect({
      doses: c.doses,
      firstDate: c.firstDate,
      lastDate: c.lastDate,
      unconvertedAbsolute: c.unconvertedAbsolute,
      unconvertedPerM2: c.unconvertedPerM2,
      estimatedDoses: c.estimatedDoses
    }).toEqual({
      doses: r.doses,
      firstDate: r.firstDate,
      lastDate: r.lastDate,
      unconvertedAbsolute: r.unconvertedAbsolute,
      unconvertedPerM2: r.unconvertedPerM2,
      estimatedDoses: r.estimatedDoses
    })
    close(c.absoluteTotal, r.absoluteTotal, `${keyOf(c)} absolute`)
    close(c.perM2Total, r.perM2Total, `${keyOf(c)} per m²`)
  }
}

function expectSameCumulative(a: readonly CumulativeDose[], b: readonly CumulativeDose[]) {
  expect(a.map(keyOf)).toEqual(b.map(keyOf))
  a.forEach((x, i) => {
    const y = b[i]!
    const { absoluteTotal: ax, perM2Total: ap, ...restA } = x
    const { absoluteTotal: bx, perM2Total: bp, ...restB } = y
    expect(restA).toEqual(restB)
    close(ax, bx, `${keyOf(x)} absolute`)
    close(ap, bp, `${keyOf(x)} per m²`)
  })
}

// ---- Arbitraries ----

/** Dates within a few years: near enough to each other for ties, gaps and duplicates. */
const BASE = '2020-12-20'
const dateIn = (from: number, to: number) =>
  fc.integer({ min: from, max: to }).map((n) => plusDays(BASE, n))

/** A height or a weight, or neither, as a record may hold. */
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 })
const measurement: fc.Arbitrary<M> = fc.record({
  measuredOn: dateIn(0, 400),
  heightCm: maybe(fc.integer({ min: 500, max: 1900 }).map((n) => n / 10)),
  weightKg: maybe(fc.integer({ min: 30, max: 900 }).map((n) => n / 10))
})
const measurements = fc.array(measurement, { maxLength: 8 })

/** Dose dates before, among, on and after the measurements. */
const doseDate = fc.oneof(dateIn(-60, 460), dateIn(0, 400))

const schedule: fc.Arbitrary<Schedule> = fc.oneof(
  doseDate.map((date) => ({ kind: 'once' as const, date })),
  fc
    .record({
      start: doseDate,
      intervalDays: fc.integer({ min: 1, max: 40 }),
      count: fc.integer({ min: 1, max: 12 })
    })
    .map((s) => ({ kind: 'repeat' as const, ...s })),
  fc
    .record({
      start: doseDate,
      intervalDays: fc.integer({ min: 1, max: 40 }),
      span: fc.integer({ min: 0, max: 90 })
    })
    .map(({ start, intervalDays, span }) => ({
      kind: 'repeat' as const,
      start,
      intervalDays,
      end: plusDays(start, span)
    }))
)

const UNITS = Object.keys(REF_UNITS) as DoseUnit[]
const DRUG_IDS = ['doxorubicin', 'daunorubicin', 'idarubicin', 'vincristine', 'made-up-cycline']

let nextId = 0
const administration: fc.Arbitrary<Administration> = fc
  .record({
    drugId: fc.constantFrom(...DRUG_IDS),
    route: fc.constantFrom('iv', 'oral', 'intrathecal'),
    dose: fc.integer({ min: 1, max: 20_000 }).map((n) => n / 10),
    unit: fc.constantFrom(...UNITS),
    schedule,
    estimated: fc.boolean()
  })
  .map((a) => ({ id: `a${nextId++}`, ...a }))
const administrations = fc.array(administration, { maxLength: 6 })

// ---- Properties ----

describe('body size lookup', () => {
  it('matches a linear scan of the measurements for every dose date, before, among, on and after them', () => {
    fc.assert(
      fc.property(
        measurements,
        fc.array(doseDate, { minLength: 1, maxLength: 12 }),
        (ms, dates) => {
          const lookup = bodySizeLookup(ms)
          // Each date twice: the second answer comes from the lookup's cache.
          for (const date of [...dates, ...dates]) {
            expect(lookup(date), date).toEqual(scanBodySize(ms, date))
          }
        }
      ),
      RUNS
    )
  })
})

describe('schedules', () => {
  it('expand to the same dates as walking the calendar a day at a time', () => {
    fc.assert(
      fc.property(schedule, (s) => {
        const dates = expandSchedule(s)
        expect(dates).toEqual(naiveExpand(s))
        expect(doseCount(s)).toBe(dates.length)
      }),
      RUNS
    )
  })
})

describe('cumulative doses', () => {
  it('match totals worked dose by dose with a linear scan for body size', () => {
    fc.assert(
      fc.property(administrations, measurements, (given, ms) => {
        expectSameTotals(cumulativeDoses(given, ms), referenceTotals(given, ms))
      }),
      RUNS
    )
  })

  it('do not depend on the order the administrations or measurements were entered in', () => {
    fc.assert(
      fc.property(
        administrations.chain((a) =>
          fc.tuple(fc.constant(a), fc.shuffledSubarray(a, { minLength: a.length }))
        ),
        measurements.chain((m) =>
          fc.tuple(fc.constant(m), fc.shuffledSubarray(m, { minLength: m.length }))
        ),
        ([given, reordered], [ms, msReordered]) => {
          // Two values on one date: the later entered wins, so only dates without a rival move.
          const dates = ms.map((m) => m.measuredOn)
          const unique = msReordered.filter(
            (m) => dates.indexOf(m.measuredOn) === dates.lastIndexOf(m.measuredOn)
          )
          const keep = [...ms.filter((m) => !unique.includes(m)), ...unique]
          expectSameCumulative(cumulativeDoses(reordered, keep), cumulativeDoses(given, ms))
          expect(intrathecalInjections(reordered)).toBe(intrathecalInjections(given))
        }
      ),
      RUNS
    )
  })

  it('are the same when a repeating schedule is split into two entries', () => {
    fc.assert(
      fc.property(
        administration,
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 1, max: 29 }),
        fc.boolean(),
        measurements,
        (a, count, at, byEnd, ms) => {
          const first = Math.min(at, count - 1)
          const start = a.schedule.kind === 'once' ? a.schedule.date : a.schedule.start
          const interval = a.schedule.kind === 'once' ? 7 : a.schedule.intervalDays
          const part = (from: string, n: number): Schedule =>
            byEnd
              ? {
                  kind: 'repeat',
                  start: from,
                  intervalDays: interval,
                  end: plusDays(from, (n - 1) * interval + (interval - 1))
                }
              : { kind: 'repeat', start: from, intervalDays: interval, count: n }
          const whole = { ...a, schedule: part(start, count) }
          const halves = [
            { ...a, id: `${a.id}-1`, schedule: part(start, first) },
            {
              ...a,
              id: `${a.id}-2`,
              schedule: part(plusDays(start, first * interval), count - first)
            }
          ]
          expectSameCumulative(cumulativeDoses(halves, ms), cumulativeDoses([whole], ms))
        }
      ),
      RUNS
    )
  })

  it('convert mg, mg/m² and mg/kg of one drug consistently on the body size of the day', () => {
    fc.assert(
      fc.property(
        measurements,
        schedule,
        fc.integer({ min: 1, max: 5000 }).map((n) => n / 10),
        (ms, s, x) => {
          const lookup = bodySizeLookup(ms)
          const give = (dose: number, unit: DoseUnit): Administration[] => [
            {
              id: unit,
              drugId: 'etoposide',
              route: 'iv',
              dose,
              unit,
              schedule: s,
              estimated: false
            }
          ]
          const total = (dose: number, unit: DoseUnit) => cumulativeDoses(give(dose, unit), ms)[0]!
          const dates = expandSchedule(s)
          const weights = dates.map((d) => lookup(d).weightKg)
          const areas = dates.map((d) => lookup(d).bsaM2)

          // X mg/kg is X × weight mg on each day, and the same per m².
          const perKg = total(x, 'mg/kg')
          if (weights.every((w) => w !== null)) {
            close(
              perKg.absoluteTotal,
              weights.reduce((sum, w) => sum + x * w!, 0),
              'mg/kg → mg'
            )
          }
          // X mg/m² is X × BSA mg on each day; its per-m² total is X per dose.
          const perM2 = total(x, 'mg/m2')
          close(perM2.perM2Total, x * dates.length, 'mg/m² per m²')
          if (areas.every((a) => a !== null)) {
            close(
              perM2.absoluteTotal,
              areas.reduce((sum, a) => sum + x * a!, 0),
              'mg/m² → mg'
            )
            // And X mg on a day is X / BSA mg/m².
            close(
              total(x, 'mg').perM2Total,
              areas.reduce((sum, a) => sum + x / a!, 0),
              'mg → mg/m²'
            )
          }
          // The same dose in g, mcg: the same milligrams.
          close(total(x / 1000, 'g/m2').perM2Total, perM2.perM2Total, 'g/m² = mg/m²')
          close(total(x * 1000, 'mcg/kg').absoluteTotal, perKg.absoluteTotal, 'mcg/kg = mg/kg')
          // One dose converted alone agrees with the totals.
          if (dates.length === 1) {
            const one = convertDose(x, 'mg/kg', lookup(dates[0]!))
            close(one.absolute ?? 0, perKg.absoluteTotal, 'one dose')
          }
        }
      ),
      RUNS
    )
  })
})

describe('doxorubicin equivalents', () => {
  const classOf = (id: string) => (id === 'vincristine' ? 'vinca-alkaloid' : 'anthracycline')
  const factors = fc.record({
    doxorubicin: fc.constant(1),
    daunorubicin: fc.integer({ min: 1, max: 20 }).map((n) => n / 10),
    idarubicin: fc.integer({ min: 1, max: 100 }).map((n) => n / 10)
  })

  it('match the sum, dose by dose, of each systemic mg/m² times its drug’s factor', () => {
    fc.assert(
      fc.property(administrations, measurements, factors, (given, ms, table) => {
        const result = anthracyclineDoxEquivalent(
          cumulativeDoses(given, ms),
          { id: 'test', version: '1', factors: table },
          classOf
        )
        let total = 0
        let unconverted = 0
        const drugs = new Set<string>()
        for (const a of given) {
          if (classOf(a.drugId) !== 'anthracycline' || a.route === 'intrathecal') continue
          if (REF_UNITS[a.unit].q !== 'mass') continue
          drugs.add(a.drugId)
          for (const date of naiveExpand(a.schedule)) {
            const size = scanBodySize(ms, date)
            const unit = REF_UNITS[a.unit]
            const base = a.dose * unit.toBase
            const perM2 =
              unit.per === 'm2'
                ? base
                : size.bsaM2 === null
                  ? null
                  : unit.per === 'kg'
                    ? size.weightKg === null
                      ? null
                      : (base * size.weightKg) / size.bsaM2
                    : base / size.bsaM2
            if (perM2 === null) unconverted++
            else if (a.drugId in table) total += perM2 * table[a.drugId as keyof typeof table]
          }
        }
        if (drugs.size === 0) {
          expect(result).toBeNull()
          return
        }
        close(result!.total, total, 'doxorubicin-equivalent total')
        expect(result!.unconvertedDoses).toBe(unconverted)
        expect(result!.parts.map((p) => p.drugId).sort()).toEqual([...drugs].sort())
        expect(result!.unknownFactor).toEqual(
          drugs.has('made-up-cycline') ? ['made-up-cycline'] : []
        )
        expect(result!.incomplete).toBe(unconverted > 0 || drugs.has('made-up-cycline'))
      }),
      RUNS
    )
  })
})
