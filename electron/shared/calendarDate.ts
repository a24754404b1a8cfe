/**
 * A calendar date as the record keeps it ('YYYY-MM-DD', no time, no time zone) taken apart, or
 * null for anything that is not a real date ("2021-02-30", "21-2-3", "soon"). The one check the
 * schemas, the formatting module and the core's date arithmetic share.
 *
 * Checked field by field against Date.UTC rather than by writing the date out again and
 * comparing: a long record's documents read thousands of dates, and that was most of the cost.
 * Date.UTC reads years 0–99 as 1900–1999, so those are not dates here (the record's own range is
 * 1900 to 2100).
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export interface CalendarParts {
  year: number
  /** 1 to 12. */
  month: number
  day: number
  /** Milliseconds since 1970-01-01 at midnight UTC. */
  utcMs: number
}

export function calendarParts(text: string): CalendarParts | null {
  const match = ISO_DATE.exec(text)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const utcMs = Date.UTC(year, month - 1, day)
  const date = new Date(utcMs)
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return null
  }
  return { year, month, day, utcMs }
}
