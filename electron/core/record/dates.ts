/**
 * Calendar dates as the record keeps them: 'YYYY-MM-DD' strings, no time and no time zone, so a
 * dose given on 3 March stays on 3 March wherever the laptop travels.
 */
import { calendarParts } from '../../shared/calendarDate.ts'

const DAY_MS = 24 * 60 * 60 * 1000

export function isIsoDate(text: string): boolean {
  return calendarParts(text) !== null
}

/** Days since 1970-01-01 (UTC). */
export function dayNumber(isoDate: string): number {
  const parts = calendarParts(isoDate)
  if (!parts) throw new Error(`dayNumber: not a calendar date: ${isoDate}`)
  return parts.utcMs / DAY_MS
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export function addDays(isoDate: string, days: number): string {
  return fromDayNumber(dayNumber(isoDate) + days)
}

/** Whole years between two dates, as a person counts birthdays. */
export function ageInYears(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number]
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

/** The same day n months later; the 31st becomes the month's last day when it has fewer. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  const monthIndex = y * 12 + (m - 1) + months
  const year = Math.floor(monthIndex / 12)
  const month = monthIndex - year * 12
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  const day = Math.min(d, lastDay)
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
