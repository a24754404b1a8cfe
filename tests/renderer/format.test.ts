/**
 * What the screens write for a person's record: a dose with its route and schedule, the dates
 * of a repeating schedule, a birth date with the age, ranges, and numbers as typed. The shared
 * date and amount rules themselves are covered in tests/unit/format.test.ts; these are the
 * renderer's own modules on top (renderer/src/lib/format.ts, components/record/format.ts).
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Entry } from '../../electron/shared/record.ts'
import {
  addDays,
  everyText,
  formatDose,
  scheduleDates,
  schedulePreview
} from '../../renderer/src/components/record/format.ts'
import {
  ageOn,
  bornLine,
  formatNumber,
  formatRange,
  label,
  todayIso
} from '../../renderer/src/lib/format.ts'

/** The obvious calendar: month lengths and the leap-year rule, one day at a time. */
function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function stepDays(iso: string, days: number): string {
  let [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  for (let i = 0; i < days; i++) {
    d += 1
    if (d > daysIn(y, m)) {
      d = 1
      m += 1
      if (m > 12) {
        m = 1
        y += 1
      }
    }
  }
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`
}

const calendarDate = fc
  .record({
    year: fc.integer({ min: 1900, max: 2100 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 })
  })
  .filter(({ year, month, day }) => day <= daysIn(year, month))
  .map(
    ({ year, month, day }) =>
      `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  )

/** Thousands grouped with commas, by hand: "1234567" → "1,234,567". */
function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',')
}

function administration(
  dose: number,
  unit: string,
  route: string,
  schedule: Entry<'administration'>['schedule']
): Entry<'administration'> {
  return { dose, unit, route, schedule } as Entry<'administration'>
}

afterEach(() => {
  vi.useRealTimers()
})

describe('a dose on screen', () => {
  it('reads as the dose as typed, the unit with ², the short route and the schedule', () => {
    expect(
      formatDose(administration(1.5, 'mg/m2', 'iv', { kind: 'once', date: '2021-03-03' }))
    ).toBe('1.5 mg/m² IV, on 3 Mar 2021')
    expect(
      formatDose(
        administration(25, 'mg/m2', 'oral', {
          kind: 'repeat',
          start: '2021-03-03',
          intervalDays: 7,
          count: 4
        })
      )
    ).toBe('25 mg/m² by mouth, weekly × 4 from 3 Mar 2021')
    expect(
      formatDose(
        administration(2500, 'IU/m2', 'im', {
          kind: 'repeat',
          start: '2021-02-28',
          intervalDays: 14,
          end: '2021-04-11'
        })
      )
    ).toBe('2,500 IU/m² IM, every 2 weeks from 28 Feb 2021 to 11 Apr 2021')
  })

  it('never rounds a small dose away, and stops at three decimals', () => {
    const once = { kind: 'once', date: '2021-03-03' } as const
    expect(formatDose(administration(0.025, 'mg/kg', 'iv', once))).toBe(
      '0.025 mg/kg IV, on 3 Mar 2021'
    )
    expect(formatDose(administration(1.23456, 'mg', 'iv', once))).toBe('1.235 mg IV, on 3 Mar 2021')
    expect(formatDose(administration(1.5, 'mg', 'iv', once))).not.toContain('1.50')
  })

  it('names the repeat in words: daily, weekly, every n weeks, every n days', () => {
    expect(everyText(1)).toBe('daily')
    expect(everyText(7)).toBe('weekly')
    expect(everyText(21)).toBe('every 3 weeks')
    expect(everyText(10)).toBe('every 10 days')
  })

  it('shows a route a newer Lantern stored as it was stored, not as a message key', () => {
    expect(label('routesShort', 'iv')).toBe('IV')
    expect(label('routesShort', 'intraarterial')).toBe('intraarterial')
    expect(label('routesShort', null)).toBe('')
  })
})

describe('the dates of a repeating schedule', () => {
  it('adds days as the calendar does, across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01')
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01')
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 0, max: 800 }), (start, days) => {
        expect(addDays(start, days)).toBe(stepDays(start, days))
      }),
      { numRuns: 1000 }
    )
  })

  it('lists exactly the doses given: the count, or every date up to and including the end', () => {
    fc.assert(
      fc.property(
        calendarDate,
        fc.integer({ min: 1, max: 35 }),
        fc.integer({ min: 1, max: 40 }),
        (start, interval, count) => {
          const expected = Array.from({ length: count }, (_, i) => stepDays(start, i * interval))
          expect(scheduleDates(start, interval, { count })).toEqual(expected)
          const end = expected[expected.length - 1] as string
          expect(scheduleDates(start, interval, { end })).toEqual(expected)
          // An end date between two doses ends the list at the dose before it.
          if (interval > 1) {
            expect(scheduleDates(start, interval, { end: stepDays(end, interval - 1) })).toEqual(
              expected
            )
          }
        }
      ),
      { numRuns: 1000 }
    )
  })

  it('previews the doses with each month said once, and long runs by their start and end', () => {
    expect(schedulePreview(scheduleDates('2021-03-03', 7, { count: 4 }))).toBe(
      '4 doses: 3, 10, 17, 24 Mar 2021'
    )
    expect(schedulePreview(['2021-03-03'])).toBe('1 dose: 3 Mar 2021')
    expect(schedulePreview(scheduleDates('2021-12-20', 7, { count: 10 }))).toBe(
      '10 doses: 20, 27 Dec 2021, 3, 10 Jan 2022 … 21 Feb 2022'
    )
  })
})

describe('numbers as typed', () => {
  it('groups thousands and keeps up to three decimals, trailing zeros dropped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (thousandths) => {
        const whole = grouped(String(Math.floor(thousandths / 1000)))
        const fraction = String(thousandths % 1000)
          .padStart(3, '0')
          .replace(/0+$/, '')
        expect(formatNumber(thousandths / 1000)).toBe(fraction ? `${whole}.${fraction}` : whole)
      }),
      { numRuns: 2000 }
    )
  })
})

describe('dates about a person', () => {
  it('gives the age from the birthday itself, not a day before', () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date(2026, 9, 11, 12))
    expect(todayIso()).toBe('2026-10-11')
    expect(bornLine('2016-10-12')).toBe('Born 12 Oct 2016 (age 9)')
    vi.setSystemTime(new Date(2026, 9, 12, 12))
    expect(bornLine('2016-10-12')).toBe('Born 12 Oct 2016 (age 10)')
    expect(ageOn('2016-10-12')).toBe(10)
  })

  it('writes no age it cannot know: no date, a date not in the calendar, a birth after today', () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date(2026, 9, 12, 12))
    expect(bornLine(null)).toBe('')
    expect(bornLine('')).toBe('')
    expect(bornLine('2016-02-30')).toBe('Born 2016-02-30')
    expect(bornLine('2030-01-01')).toBe('Born 1 Jan 2030')
    expect(ageOn(undefined)).toBeNull()
  })

  it('writes a range with the screen’s words, one date for a single day, nothing for none', () => {
    expect(formatRange('2021-02-22', '2021-03-21')).toBe('22 Feb 2021 to 21 Mar 2021')
    expect(formatRange('2021-02-22', null)).toBe('from 22 Feb 2021')
    expect(formatRange(undefined, '2021-03-21')).toBe('until 21 Mar 2021')
    expect(formatRange('2021-09-01', '2021-09-01')).toBe('1 Sep 2021')
    expect(formatRange(null, null)).toBe('')
  })
})
