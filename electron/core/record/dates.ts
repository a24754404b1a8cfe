/**
 * Calendar dates as the record keeps them: 'YYYY-MM-DD' strings, no time and no time zone, so a
 * dose given on 3 March stays on 3 March wherever the laptop travels.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The day number of a real calendar date, or null for anything else ("2021-02-30", "21-2-3").
 * Checked field by field rather than by writing the date out again and comparing: a record's
 * documents read thousands of dates, and this is most of what that costs (the old way is kept
 * in tests/unit/dates.test.ts, and the two are compared over random input).
 */
function calendarDay(text: string): number | null {
  const m = ISO_DATE.exec(text)
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])]
  const ms = Date.UTC(year, month, day)
  const date = new Date(ms)
  // Date.UTC reads years 0–99 as 1900–1999, and rolls 30 February into March: both fail here.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) {
    return null
  }
  return ms / DAY_MS
}

export function isIsoDate(text: string): boolean {
  return calendarDay(text) !== null
}

/** Days since 1970-01-01 (UTC). */
export function dayNumber(isoDate: string): number {
  const day = calendarDay(isoDate)
  if (day === null) throw new Error(`dayNumber: not a calendar date: ${isoDate}`)
  return day
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
