/**
 * When doses were given: one date, or a repeating pattern that stands for many dated doses
 * ("25 mg/m² weekly × 4 from 3 March", "75 mg/m² daily from 1 June to 30 November").
 */
import type { z } from 'zod'
import type { scheduleSchema } from '../../shared/record.ts'
import { addDays, dayNumber } from './dates.ts'

/**
 * One date, or every `intervalDays` days from `start`, either `count` times or up to and
 * including `end` (the contract's schema guarantees exactly one of the two).
 */
export type Schedule = z.output<typeof scheduleSchema>

/** Three years of daily doses with room to spare; anything larger is a typing mistake. */
export const MAX_DOSES_PER_ENTRY = 2000

export function doseCount(schedule: Schedule): number {
  if (schedule.kind === 'once') return 1
  if (schedule.count !== undefined) return schedule.count
  if (schedule.end === undefined) throw new Error('doseCount: a repeat needs a count or an end')
  const span = dayNumber(schedule.end) - dayNumber(schedule.start)
  return span < 0 ? 0 : Math.floor(span / schedule.intervalDays) + 1
}

export function expandSchedule(schedule: Schedule): string[] {
  if (schedule.kind === 'once') return [schedule.date]
  const count = doseCount(schedule)
  if (count > MAX_DOSES_PER_ENTRY) {
    throw new Error(`expandSchedule: ${count} doses exceed ${MAX_DOSES_PER_ENTRY}`)
  }
  const dates: string[] = []
  for (let i = 0; i < count; i++) dates.push(addDays(schedule.start, i * schedule.intervalDays))
  return dates
}
