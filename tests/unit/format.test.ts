/**
 * Dates, numbers and dose units as every screen and the PDF write them: one module
 * (electron/shared/format.ts, re-exported by renderer/src/lib/format.ts: see
 * formatScreens.test.ts), so "1 Sep 2021" on the record is "1 Sep 2021" on the summary, and
 * 137.5 mg/m² is not 138 elsewhere.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  ageOn,
  formatAmount,
  formatDate,
  formatDateList,
  formatDateRange,
  formatDateTime,
  formatList,
  formatNumber,
  formatTime,
  formatUnit,
  localIsoDate
} from '../../electron/shared/format.ts'
import { DOSE_UNITS } from '../../electron/shared/limits.ts'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** The obvious way: split the ISO date and look the month up in a table. */
function referenceDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return `${d} ${MONTHS[m - 1]} ${y}`
}

/** Any real calendar date Lantern accepts (1900 to 2100). */
const isoDates = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z') })
  .filter((d) => !Number.isNaN(d.getTime()))
  .map((d) => d.toISOString().slice(0, 10))

describe('dates', () => {
  it('writes day, three-letter month and year, in English, whatever ICU the runtime ships', () => {
    expect(formatDate('2021-09-01')).toBe('1 Sep 2021')
    expect(formatDate('2016-10-12')).toBe('12 Oct 2016')
    expect(formatDate('2024-06-30')).toBe('30 Jun 2024')
    for (let m = 1; m <= 12; m++) {
      const iso = `2021-${String(m).padStart(2, '0')}-15`
      expect(formatDate(iso)).toBe(`15 ${MONTHS[m - 1]} 2021`)
    }
  })

  it('agrees with the obvious month table for every date from 1900 to 2100', () => {
    fc.assert(
      fc.property(isoDates, (iso) => formatDate(iso) === referenceDate(iso)),
      { numRuns: 2000 }
    )
  })

  it('writes nothing for no date, and what was given for something that is not a date', () => {
    expect(formatDate(null)).toBe('')
    expect(formatDate(undefined)).toBe('')
    expect(formatDate('')).toBe('')
    expect(formatDate('2021-02-30')).toBe('2021-02-30')
    expect(formatDate('soon')).toBe('soon')
  })

  it('lists the dates of a schedule with each month and year said once', () => {
    expect(formatDateList(['2021-03-03', '2021-03-10', '2021-03-17', '2021-03-24'])).toBe(
      '3, 10, 17, 24 Mar 2021'
    )
    expect(formatDateList(['2021-03-24', '2021-03-31', '2021-04-07'])).toBe(
      '24, 31 Mar, 7 Apr 2021'
    )
    expect(formatDateList(['2021-12-29', '2022-01-05'])).toBe('29 Dec 2021, 5 Jan 2022')
    expect(formatDateList(['2021-09-01'])).toBe(formatDate('2021-09-01'))
  })

  it('writes a range with both ends, one end, the same day once, or nothing', () => {
    expect(formatDateRange('2021-02-22', '2021-03-21')).toBe('22 Feb 2021 to 21 Mar 2021')
    expect(formatDateRange('2021-02-22', null)).toBe('from 22 Feb 2021')
    expect(formatDateRange(undefined, '2021-03-21')).toBe('until 21 Mar 2021')
    expect(formatDateRange('2021-09-01', '2021-09-01')).toBe('1 Sep 2021')
    expect(formatDateRange(null, null)).toBe('')
  })

  it('writes a moment as its local date and a 24-hour time', () => {
    const moment = new Date(2021, 8, 1, 14, 5)
    expect(formatTime(moment)).toBe('14:05')
    expect(formatTime(new Date(2021, 8, 1, 9, 7))).toBe('09:07')
    expect(formatDateTime(moment)).toBe('1 Sep 2021, 14:05')
    expect(formatDateTime(moment.toISOString())).toBe('1 Sep 2021, 14:05')
    expect(formatDateTime('not a time')).toBe('')
    expect(localIsoDate(new Date(2021, 0, 1, 0, 30))).toBe('2021-01-01')
  })

  it('counts whole years of age, the birthday itself included', () => {
    expect(ageOn('2016-10-12', '2021-10-11')).toBe(4)
    expect(ageOn('2016-10-12', '2021-10-12')).toBe(5)
    expect(ageOn('2016-02-29', '2021-02-28')).toBe(4)
    expect(ageOn('2016-02-29', '2021-03-01')).toBe(5)
    expect(ageOn(null, '2021-01-01')).toBeNull()
    expect(ageOn('2022-01-01', '2021-01-01')).toBeNull()
  })

  it('counts age as the obvious calendar comparison does', () => {
    fc.assert(
      fc.property(isoDates, isoDates, (birth, on) => {
        const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number]
        const [oy, om, od] = on.split('-').map(Number) as [number, number, number]
        const hadBirthday = om * 100 + od >= bm * 100 + bd
        const years = oy - by - (hadBirthday ? 0 : 1)
        return ageOn(birth, on) === (years >= 0 ? years : null)
      }),
      { numRuns: 1000 }
    )
  })
})

describe('dose units', () => {
  it('shows every per-square-metre unit with a real superscript ² and leaves the rest alone', () => {
    for (const unit of DOSE_UNITS) {
      const shown = formatUnit(unit)
      if (unit.endsWith('/m2')) expect(shown).toBe(`${unit.slice(0, -1)}²`)
      else expect(shown).toBe(unit)
      expect(shown).not.toMatch(/m2/)
    }
    expect(formatUnit('mg/m2')).toBe('mg/m²')
    expect(formatUnit('IU/m2')).toBe('IU/m²')
  })
})

describe('numbers', () => {
  it('writes a number as entered: its own decimals up to three, thousands grouped', () => {
    expect(formatNumber(1.5)).toBe('1.5')
    expect(formatNumber(20.5)).toBe('20.5')
    expect(formatNumber(2500)).toBe('2,500')
    expect(formatNumber(12)).toBe('12')
    expect(formatNumber(0.1 + 0.2)).toBe('0.3')
    expect(formatNumber(1.23456)).toBe('1.235')
  })

  it('writes a computed amount with one decimal from 10 up and three figures below', () => {
    expect(formatAmount(48450)).toBe('48,450')
    expect(formatAmount(137.5)).toBe('137.5')
    expect(formatAmount(85.75)).toBe('85.8')
    expect(formatAmount(100)).toBe('100')
    expect(formatAmount(4.5717)).toBe('4.57')
    expect(formatAmount(0.761943)).toBe('0.762')
    expect(formatAmount(0)).toBe('0')
  })

  it('never moves an amount by more than its shown precision', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (value) => {
        const shown = Number(formatAmount(value).replace(/,/g, ''))
        const allowed = value >= 10 ? 0.05 : Math.max(value * 0.005, 5e-4)
        return Math.abs(shown - value) <= allowed + 1e-9
      }),
      { numRuns: 2000 }
    )
  })
})

describe('lists', () => {
  it('joins a list in a sentence the British way', () => {
    expect(formatList(['Date of birth'])).toBe('Date of birth')
    expect(formatList(['Date of birth', 'Email'])).toBe('Date of birth and Email')
    expect(formatList(['Date of birth', 'Phone', 'Email'])).toBe('Date of birth, Phone and Email')
  })
})

describe('the formatters are made when first used, not when the module loads', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    vi.resetModules()
  })

  // Making an Intl formatter loads its locale's data: at load, the screens' first draw waited
  // 40–60 ms for formatters nobody had used yet.
  it('loading the module makes none, and each is made once', async () => {
    const made = [
      vi.spyOn(Intl, 'DateTimeFormat'),
      vi.spyOn(Intl, 'NumberFormat'),
      vi.spyOn(Intl, 'ListFormat')
    ]
    vi.resetModules()
    const fresh = await import('../../electron/shared/format.ts')
    expect(made.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0])

    expect(fresh.formatDate('2021-09-01')).toBe('1 Sep 2021')
    expect(fresh.formatDate('2022-03-15')).toBe('15 Mar 2022')
    expect(fresh.formatAmount(137.456)).toBe('137.5')
    expect(fresh.formatAmount(4.5678)).toBe('4.57')
    expect(fresh.formatList(['a', 'b', 'c'])).toBe('a, b and c')
    expect(fresh.formatList(['d', 'e'])).toBe('d and e')
    // One month-name formatter; two number formatters (large and small amounts); one list.
    expect(made.map((spy) => spy.mock.calls.length)).toEqual([1, 2, 1])
  })
})
