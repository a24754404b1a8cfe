/**
 * The record's calendar dates (electron/core/record/dates.ts, on electron/shared/calendarDate.ts,
 * the one check the schemas and the formatting module use too). It checks a date field by field
 * instead of writing it out again and comparing, for speed. The first way is kept here,
 * obviously right, and the two must agree on any text at all.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dayNumber, fromDayNumber, isIsoDate } from '../../electron/core/record/dates.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/** The earlier isIsoDate: a real date is one that reads back the same. */
function slowIsIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return false
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return date.toISOString().slice(0, 10) === text
}

function slowDayNumber(isoDate: string): number {
  if (!slowIsIsoDate(isoDate)) throw new Error('not a date')
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS)
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

/** Date-shaped text, real or not: any year, month 0–13, day 0–32. */
const dateShaped = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 })
  )
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`)

describe('calendar dates', () => {
  it('agree with the obvious version on date-shaped text and on any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          dateShaped,
          fc.string(),
          fc.constantFrom('2024-02-29', '2023-02-29', '0050-01-01', '1900-02-29', '2000-02-29')
        ),
        (text) => {
          expect(isIsoDate(text)).toBe(slowIsIsoDate(text))
          if (slowIsIsoDate(text)) expect(dayNumber(text)).toBe(slowDayNumber(text))
          else expect(() => dayNumber(text)).toThrow(/not a calendar date/)
        }
      ),
      { numRuns: 20_000 }
    )
  })

  // Years before 100 are not dates here, as before (Date.UTC reads them as 1900–1999).
  it('count days across leap years and back', () => {
    expect(dayNumber('1970-01-01')).toBe(0)
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2)
    expect(dayNumber('2023-03-01') - dayNumber('2023-02-28')).toBe(1)
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('1000-01-01'), max: dayNumber('9999-12-31') }),
        (day) => {
          expect(dayNumber(fromDayNumber(day))).toBe(day)
        }
      ),
      { numRuns: 5_000 }
    )
  })
})
