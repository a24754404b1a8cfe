/**
 * When a check-up is next due: the first one from its start (the latest of its anchors, such as
 * "no later than 2 years after treatment ended"), then every so often after the last time it
 * was done, at an interval that may depend on age. Pure date arithmetic on 'YYYY-MM-DD'.
 */
import { addMonths, ageInYears } from '../record/dates.ts'
import type { RuleSchedule } from './content.ts'

export interface ScheduleContext {
  dateOfBirth: string | null
  therapyEnd: string | null
  exposureEnd: string | null
}

export type NextDue =
  | { state: 'due'; date: string }
  | { state: 'complete' }
  | { state: 'needs-date'; missing: string[] }

const ANCHOR_MISSING: Record<string, string> = {
  'therapy-end': 'Add the date treatment ended (on the Details page) to see when this is due.',
  'exposure-end': 'Add the dates of the treatment this check is for to see when it is due.',
  birth: 'Add the date of birth (on the Details page) to see when this is due.'
}

function anchorDate(from: string, context: ScheduleContext): string | null {
  if (from === 'therapy-end') return context.therapyEnd
  if (from === 'exposure-end') return context.exposureEnd ?? context.therapyEnd
  return context.dateOfBirth
}

/** The interval that applies to someone of this age; the shortest when the age is unknown. */
export function intervalMonths(
  bands: NonNullable<RuleSchedule['every']>,
  age: number | null
): number {
  if (age === null) return Math.min(...bands.map((b) => b.months))
  const band = bands.find((b) => b.untilAge === undefined || age < b.untilAge)
  return (band ?? bands.at(-1)!).months
}

/**
 * @param lastDone the latest date the check was done, or null
 */
export function nextDue(
  schedule: RuleSchedule,
  context: ScheduleContext,
  lastDone: string | null
): NextDue {
  const ageOn = (date: string) =>
    context.dateOfBirth ? ageInYears(context.dateOfBirth, date) : null

  if (lastDone !== null) {
    if (schedule.every) {
      return {
        state: 'due',
        date: addMonths(lastDone, intervalMonths(schedule.every, ageOn(lastDone)))
      }
    }
    const age = ageOn(lastDone)
    if (
      schedule.againAtAge !== undefined &&
      context.dateOfBirth &&
      age !== null &&
      age < schedule.againAtAge
    ) {
      return { state: 'due', date: addMonths(context.dateOfBirth, schedule.againAtAge * 12) }
    }
    return { state: 'complete' }
  }

  const starts: string[] = []
  const missing: string[] = []
  for (const anchor of schedule.start) {
    const date = anchorDate(anchor.from, context)
    if (date === null) missing.push(ANCHOR_MISSING[anchor.from]!)
    else starts.push(addMonths(date, anchor.months))
  }
  if (missing.length > 0) return { state: 'needs-date', missing: [...new Set(missing)] }
  return { state: 'due', date: starts.sort().at(-1)! }
}
