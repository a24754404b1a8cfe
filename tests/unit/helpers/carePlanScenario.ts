/**
 * Small records for care-plan scenarios, worked by hand in the tests that use them: a girl born
 * 2015-06-01, diagnosed with B-cell ALL in 2019, treatment ended 2021-06-30, unless a scenario
 * says otherwise. The engine runs with the rules that ship in content/careplan.
 */
import type { Completion, PlanItem } from '../../../electron/shared/careplan.ts'
import { buildPlanItems, type UserPlanState } from '../../../electron/core/careplan/engine.ts'
import { computeFacts, type PlanRecord } from '../../../electron/core/careplan/facts.ts'
import { shippedCarePlanContent } from '../../../electron/core/careplan/shippedContent.ts'
import type { Administration } from '../../../electron/core/record/doses.ts'
import type { DoseUnit } from '../../../electron/shared/limits.ts'
import { DRUGS } from './vaultFixture.ts'

export const CONTENT = shippedCarePlanContent()
export const TABLE = CONTENT.equivalenceTables.find((t) => t.id === CONTENT.anthracyclineTable)!
export const AS_OF = '2026-11-22'

// ---- Building records ----

let counter = 0
export function give(
  drugId: string,
  dose: number,
  date: string,
  options: { unit?: DoseUnit; route?: string; days?: number } = {}
): Administration {
  return {
    id: `a${++counter}`,
    drugId,
    route: options.route ?? 'iv',
    dose,
    unit: options.unit ?? 'mg/m2',
    schedule:
      options.days === undefined
        ? { kind: 'once', date }
        : { kind: 'repeat', start: date, intervalDays: 1, count: options.days },
    estimated: false
  }
}

type RecordParts = Partial<Omit<PlanRecord, 'profile'>> & {
  profile?: Partial<PlanRecord['profile']>
}

/** A girl born 2015-06-01, diagnosed with B-cell ALL at 4, treatment ended 2021-06-30. */
export function record(parts: RecordParts = {}): PlanRecord {
  return {
    profile: {
      dateOfBirth: '2015-06-01',
      sex: 'female',
      treatmentCompletedOn: '2021-06-30',
      ongoingTherapy: null,
      ...parts.profile
    },
    diagnoses: parts.diagnoses ?? [{ condition: 'b-cell-all', diagnosedOn: '2019-09-01' }],
    administrations: parts.administrations ?? [],
    measurements: parts.measurements ?? [],
    radiation: parts.radiation ?? [],
    transplants: parts.transplants ?? [],
    supportiveCare: parts.supportiveCare ?? []
  }
}

export function radiation(field: string, gy: number | null, endedOn = '2020-03-01') {
  return {
    field: field as PlanRecord['radiation'][number]['field'],
    fieldOther: null,
    totalDoseGy: gy,
    startedOn: endedOn,
    endedOn
  }
}

export const NO_USER: UserPlanState = {
  completions: new Map(),
  states: new Map(),
  ownItems: [],
  firstSeen: new Map()
}

export function doneOn(key: string, ...dates: string[]): UserPlanState {
  const completions: Completion[] = dates.map((d, i) => ({
    id: `c${i}`,
    doneOn: d,
    note: null,
    dateKnown: true
  }))
  return { ...NO_USER, completions: new Map([[key, completions]]) }
}

export function plan(r: PlanRecord, user = NO_USER, asOf = AS_OF) {
  return buildPlanItems(CONTENT, computeFacts(r, DRUGS, TABLE), user, asOf)
}

export function item(
  r: PlanRecord,
  key: string,
  user = NO_USER,
  asOf = AS_OF
): PlanItem | undefined {
  return plan(r, user, asOf).items.find((i) => i.key === key)
}
