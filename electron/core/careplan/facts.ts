/**
 * What the care-plan rules look at, computed once from the record: per-agent totals, the
 * anthracycline total as doxorubicin equivalents, intrathecal therapy, the longest unbroken run
 * of corticosteroids, radiation by field, transplants, transfusions, and the dates and ages
 * that go with them. Pure: the record comes in, facts go out.
 */
import type { Profile } from '../../shared/contract.ts'
import type { Entry } from '../../shared/record.ts'
import { ageInYears, dayNumber } from '../record/dates.ts'
import {
  type Administration,
  cumulativeDoses,
  doseEvents,
  intrathecalInjections,
  UNIT_MEANING
} from '../record/doses.ts'
import type { Measurement } from '../record/bodySize.ts'
import { anthracyclineDoxEquivalent } from '../record/equivalents.ts'
import type { DrugLookup } from '../record/references.ts'
import { expandSchedule } from '../record/schedule.ts'
import type { EquivalenceTable } from './content.ts'

export interface PlanRecord {
  profile: Pick<Profile, 'dateOfBirth' | 'sex' | 'treatmentCompletedOn' | 'ongoingTherapy'>
  diagnoses: Pick<Entry<'diagnosis'>, 'condition' | 'diagnosedOn'>[]
  administrations: Administration[]
  measurements: Measurement[]
  radiation: Pick<
    Entry<'radiation'>,
    'field' | 'fieldOther' | 'totalDoseGy' | 'startedOn' | 'endedOn'
  >[]
  /**
   * GVHD episodes as recorded, and the family's "no chronic GVHD" answer; written structurally
   * so records from before the organs became codes still evaluate (free-text organs match none).
   */
  transplants: (Pick<Entry<'transplant'>, 'type' | 'transplantedOn'> & {
    gvhd?: readonly { kind: string; organs: readonly string[] }[]
    noChronicGvhd?: boolean
  })[]
  supportiveCare: Pick<Entry<'supportiveCare'>, 'kind' | 'count'>[]
}

export interface DrugFact {
  drugId: string
  name: string
  drugClass: string
  routes: string[]
  firstDate: string
  lastDate: string
  /** Systemic (not intrathecal) mg per m², over the doses that could be converted. */
  systemicPerM2: number
  unconvertedPerM2: number
  /**
   * The largest single dose per m² by route (mg for mass), for "high-dose" thresholds; and the
   * routes with a dose that could not be put per m² (a height or weight is missing).
   */
  largestPerM2ByRoute: Map<string, number>
  unconvertedRoutes: Set<string>
}

export interface AnthracyclinePart {
  drugId: string
  name: string
  perM2: number
  factor: number | null
  equivalent: number | null
  firstDate: string
  lastDate: string
}

export interface RadiationFact {
  field: string
  label: string
  /** Sum over the courses to this field; null when a course's dose is not recorded. */
  totalGy: number | null
  firstDate: string | null
  lastDate: string | null
}

export interface Facts {
  dateOfBirth: string | null
  sex: Profile['sex']
  conditions: string[]
  firstDiagnosedOn: string | null
  /** The date treatment ended: as recorded, else the last recorded treatment. */
  therapyEnd: string | null
  therapyEndRecorded: boolean
  onTreatment: boolean
  drugs: Map<string, DrugFact>
  anthracycline: {
    parts: AnthracyclinePart[]
    total: number
    incomplete: boolean
    lastDate: string | null
    table: EquivalenceTable
  } | null
  intrathecal: {
    injections: number
    drugNames: string[]
    firstDate: string
    lastDate: string
  } | null
  corticosteroid: {
    longestRun: number
    runStart: string
    drugNames: string[]
    lastDate: string
  } | null
  radiation: Map<string, RadiationFact>
  transplants: { type: string; date: string | null }[]
  chronicGvhd: {
    /** Organ codes over every chronic episode (free text from before codes counts as none). */
    organs: Set<string>
    episodes: number
    /** Allogeneic transplants with no chronic episode and no "none" answer. */
    unanswered: number
  }
  /** null when a transfusion entry has no count. */
  redCellTransfusions: number | null
}

/** Lower case: labels sit inside sentences; the engine capitalises the first word of a line. */
const RADIATION_LABELS: Record<string, string> = {
  cranial: 'cranial radiation',
  craniospinal: 'craniospinal radiation',
  neck: 'neck radiation',
  'total-body': 'total body irradiation (TBI)',
  chest: 'chest radiation',
  'breast-or-chest-wall': 'breast or chest wall radiation',
  abdomen: 'abdominal radiation',
  'upper-abdomen': 'upper abdominal radiation',
  testicular: 'testicular radiation',
  other: 'radiation'
}

function latest(dates: (string | null | undefined)[]): string | null {
  const known = dates.filter((d): d is string => typeof d === 'string').sort()
  return known.at(-1) ?? null
}

function earliest(dates: (string | null | undefined)[]): string | null {
  return dates.filter((d): d is string => typeof d === 'string').sort()[0] ?? null
}

/** The longest run of consecutive calendar days in a set of dates, and where it starts. */
export function longestRun(dates: Iterable<string>): { days: number; start: string } | null {
  const days = [...new Set(dates)].map(dayNumber).sort((a, b) => a - b)
  if (days.length === 0) return null
  let best = { days: 1, startIndex: 0 }
  let runStart = 0
  for (let i = 1; i < days.length; i++) {
    if (days[i] !== days[i - 1]! + 1) runStart = i
    const length = i - runStart + 1
    if (length > best.days) best = { days: length, startIndex: runStart }
  }
  const start = [...new Set(dates)].sort()[best.startIndex]!
  return { days: best.days, start }
}

export function computeFacts(
  record: PlanRecord,
  drugs: DrugLookup,
  anthracyclineTable: EquivalenceTable
): Facts {
  const nameOf = (id: string) => drugs.byId(id)?.genericName ?? id
  const classOf = (id: string) => drugs.byId(id)?.class ?? 'other'

  const drugFacts = new Map<string, DrugFact>()
  const events = doseEvents(record.administrations, record.measurements)
  const cumulative = cumulativeDoses(record.administrations, record.measurements, events)
  for (const c of cumulative) {
    let fact = drugFacts.get(c.drugId)
    if (!fact) {
      fact = {
        drugId: c.drugId,
        name: nameOf(c.drugId),
        drugClass: classOf(c.drugId),
        routes: [],
        firstDate: c.firstDate,
        lastDate: c.lastDate,
        systemicPerM2: 0,
        unconvertedPerM2: 0,
        largestPerM2ByRoute: new Map(),
        unconvertedRoutes: new Set()
      }
      drugFacts.set(c.drugId, fact)
    }
    if (!fact.routes.includes(c.route)) fact.routes.push(c.route)
    if (c.firstDate < fact.firstDate) fact.firstDate = c.firstDate
    if (c.lastDate > fact.lastDate) fact.lastDate = c.lastDate
    if (c.route !== 'intrathecal' && c.quantity === 'mass') {
      fact.systemicPerM2 += c.perM2Total
      fact.unconvertedPerM2 += c.unconvertedPerM2
    }
  }

  const byId = new Map(record.administrations.map((a) => [a.id, a]))
  for (const event of events) {
    const a = byId.get(event.administrationId)!
    const fact = drugFacts.get(a.drugId)
    if (!fact || UNIT_MEANING[a.unit].quantity !== 'mass') continue
    if (event.perM2 === null) fact.unconvertedRoutes.add(a.route)
    else {
      const largest = fact.largestPerM2ByRoute.get(a.route) ?? 0
      if (event.perM2 > largest) fact.largestPerM2ByRoute.set(a.route, event.perM2)
    }
  }

  // The same function as the treatment summary's, so the two always show the same number.
  const equivalent = anthracyclineDoxEquivalent(cumulative, anthracyclineTable, classOf)
  const anthracycline: Facts['anthracycline'] = equivalent && {
    parts: equivalent.parts.map((p) => ({
      drugId: p.drugId,
      name: nameOf(p.drugId),
      perM2: p.perM2,
      factor: p.factor,
      equivalent: p.equivalent,
      firstDate: p.firstDate,
      lastDate: p.lastDate
    })),
    total: equivalent.total,
    incomplete: equivalent.incomplete,
    lastDate: latest(equivalent.parts.map((p) => p.lastDate)),
    table: anthracyclineTable
  }

  const itDrugs = record.administrations.filter((a) => a.route === 'intrathecal')
  const itDates = itDrugs.flatMap((a) => expandSchedule(a.schedule)).sort()
  const intrathecal =
    itDates.length === 0
      ? null
      : {
          injections: intrathecalInjections(record.administrations),
          drugNames: [...new Set(itDrugs.map((a) => nameOf(a.drugId)))],
          firstDate: itDates[0]!,
          lastDate: itDates.at(-1)!
        }

  const steroids = record.administrations.filter(
    (a) => classOf(a.drugId) === 'corticosteroid' && a.route !== 'intrathecal'
  )
  const steroidDates = steroids.flatMap((a) => expandSchedule(a.schedule))
  const run = longestRun(steroidDates)
  const corticosteroid = run
    ? {
        longestRun: run.days,
        runStart: run.start,
        drugNames: [...new Set(steroids.map((a) => nameOf(a.drugId)))],
        lastDate: latest(steroidDates)!
      }
    : null

  const radiation = new Map<string, RadiationFact>()
  for (const r of record.radiation) {
    const fact = radiation.get(r.field) ?? {
      field: r.field,
      label:
        r.field === 'other' && r.fieldOther
          ? `radiation (${r.fieldOther})`
          : RADIATION_LABELS[r.field]!,
      totalGy: 0,
      firstDate: null,
      lastDate: null
    }
    fact.totalGy =
      fact.totalGy === null || r.totalDoseGy == null ? null : fact.totalGy + r.totalDoseGy
    fact.firstDate = earliest([fact.firstDate, r.startedOn, r.endedOn])
    fact.lastDate = latest([fact.lastDate, r.endedOn, r.startedOn])
    radiation.set(r.field, fact)
  }

  const transfusions = record.supportiveCare.filter((s) => s.kind === 'red-cell-transfusions')
  const lastTreatment = latest([
    ...[...drugFacts.values()].map((d) => d.lastDate),
    ...[...radiation.values()].map((r) => r.lastDate),
    ...record.transplants.map((t) => t.transplantedOn)
  ])

  return {
    dateOfBirth: record.profile.dateOfBirth,
    sex: record.profile.sex,
    conditions: [...new Set(record.diagnoses.map((d) => d.condition))],
    firstDiagnosedOn: earliest(record.diagnoses.map((d) => d.diagnosedOn)),
    therapyEnd: record.profile.treatmentCompletedOn ?? lastTreatment,
    therapyEndRecorded: record.profile.treatmentCompletedOn !== null,
    onTreatment: record.profile.treatmentCompletedOn === null,
    drugs: drugFacts,
    anthracycline,
    intrathecal,
    corticosteroid,
    radiation,
    transplants: record.transplants.map((t) => ({ type: t.type, date: t.transplantedOn ?? null })),
    chronicGvhd: chronicGvhdOf(record.transplants),
    redCellTransfusions: transfusions.some((t) => t.count == null)
      ? null
      : transfusions.reduce((sum, t) => sum + (t.count ?? 0), 0)
  }
}

function chronicGvhdOf(transplants: PlanRecord['transplants']): Facts['chronicGvhd'] {
  const organs = new Set<string>()
  let episodes = 0
  let unanswered = 0
  for (const t of transplants) {
    const chronic = (t.gvhd ?? []).filter((g) => g.kind === 'chronic')
    episodes += chronic.length
    for (const g of chronic) for (const organ of g.organs) organs.add(organ)
    if (t.type === 'allogeneic' && chronic.length === 0 && !t.noChronicGvhd) unanswered += 1
  }
  return { organs, episodes, unanswered }
}

/** "at age 4" or "at ages 4 to 7", or "" when the date of birth is not recorded. */
export function agesText(facts: Facts, from: string | null, to: string | null): string {
  if (!facts.dateOfBirth || !from) return ''
  const first = ageInYears(facts.dateOfBirth, from)
  const last = to ? ageInYears(facts.dateOfBirth, to) : first
  return first === last ? ` at age ${first}` : ` at ages ${first} to ${last}`
}
