/**
 * The core's other shortcuts against slow, obviously right references (fast-check, 1,000 runs
 * each): calendar arithmetic (dates.ts) against walking a calendar of our own, the longest run
 * of steroid days (careplan/facts.ts) against checking every start, intrathecal injections
 * against counting dates, the search snippet that reads only its window against one that reads
 * everything, and the documents' search index kept up to date one document at a time against
 * one built afresh from the documents that remain.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { longestRun } from '../../electron/core/careplan/facts.ts'
import {
  buildDocumentIndex,
  type SearchableDocument,
  snippet
} from '../../electron/core/library/search.ts'
import {
  addDays,
  addMonths,
  ageInYears,
  dayNumber,
  fromDayNumber,
  isIsoDate
} from '../../electron/core/record/dates.ts'
import { type Administration, intrathecalInjections } from '../../electron/core/record/doses.ts'
import { expandSchedule } from '../../electron/core/record/schedule.ts'
import { referenceSnippet } from './helpers/referenceSearch.ts'
import { expectSameResults } from './helpers/sameResults.ts'

const RUNS = { numRuns: 1000 }

// ---- A calendar of our own ----

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const daysIn = (y: number, m: number) =>
  [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!
const pad = (n: number, width = 2) => String(n).padStart(width, '0')
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`
const parse = (d: string) => d.split('-').map(Number) as [number, number, number]

function nextDay(date: string): string {
  let [y, m, d] = parse(date)
  if (++d > daysIn(y, m)) {
    d = 1
    if (++m > 12) {
      m = 1
      y++
    }
  }
  return iso(y, m, d)
}

function previousDay(date: string): string {
  let [y, m, d] = parse(date)
  if (--d < 1) {
    if (--m < 1) {
      m = 12
      y--
    }
    d = daysIn(y, m)
  }
  return iso(y, m, d)
}

function walk(date: string, days: number): string {
  let d = date
  for (let i = 0; i < Math.abs(days); i++) d = days > 0 ? nextDay(d) : previousDay(d)
  return d
}

/** Any day from 1900 to 2100, the range the record accepts. */
const calendarDate = fc
  .record({
    y: fc.integer({ min: 1900, max: 2100 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 })
  })
  .map(({ y, m, d }) => iso(y, m, Math.min(d, daysIn(y, m))))

describe('calendar dates (dates.ts)', () => {
  it('a date is real exactly when our own calendar has that day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const real = m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
          expect(isIsoDate(iso(y, m, d))).toBe(real)
        }
      ),
      RUNS
    )
  })

  it('adding days lands where walking the calendar day by day does, and day numbers count days', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -800, max: 800 }), (date, days) => {
        const landed = addDays(date, days)
        expect(landed).toBe(walk(date, days))
        expect(dayNumber(landed) - dayNumber(date)).toBe(days)
        expect(fromDayNumber(dayNumber(date))).toBe(date)
      }),
      RUNS
    )
  })

  it('day numbers count from 1970-01-01, as walking there does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3000, max: 3000 }), (days) => {
        expect(dayNumber(walk('1970-01-01', days))).toBe(days)
      }),
      RUNS
    )
  })

  it('adding months: the same day n months on, or the last day of a shorter month', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 0, max: 600 }), (date, months) => {
        let [y, m] = parse(date)
        for (let i = 0; i < months; i++) {
          if (++m > 12) {
            m = 1
            y++
          }
        }
        const day = Math.min(parse(date)[2], daysIn(y, m))
        expect(addMonths(date, months)).toBe(iso(y, m, day))
      }),
      RUNS
    )
  })

  it('age in whole years counts the birthdays passed, walking day by day', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: 0, max: 3000 }), (birth, days) => {
        const [, bm, bd] = parse(birth)
        let age = 0
        let on = birth
        for (let i = 0; i < days; i++) {
          on = nextDay(on)
          const [y, m, d] = parse(on)
          // A 29 February birthday comes on 1 March in other years, as ageInYears documents.
          const birthday =
            bm === 2 && bd === 29 && !isLeap(y) ? m === 3 && d === 1 : m === bm && d === bd
          if (birthday) age++
        }
        expect(ageInYears(birth, on)).toBe(age)
      }),
      { numRuns: 1000 }
    )
  })
})

describe('longest run of consecutive days (careplan/facts.ts)', () => {
  it('matches trying every day as the start of a run, the earliest longest one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 60 }),
        calendarDate.filter((d) => d < '2099-01-01'),
        (offsets, base) => {
          const dates = offsets.map((n) => walk(base, n))
          const set = new Set(dates)
          let best: { days: number; start: string } | null = null
          for (const start of [...set].sort()) {
            let days = 0
            for (let d = start; set.has(d); d = nextDay(d)) days++
            if (best === null || days > best.days) best = { days, start }
          }
          expect(longestRun(dates)).toEqual(best)
        }
      ),
      RUNS
    )
  })
})

describe('intrathecal injections (record/doses.ts)', () => {
  it('are the number of distinct days with an intrathecal dose', () => {
    const entry = fc.record({
      route: fc.constantFrom('intrathecal', 'iv'),
      drugId: fc.constantFrom('methotrexate', 'cytarabine', 'hydrocortisone'),
      start: fc.integer({ min: 0, max: 60 }),
      interval: fc.integer({ min: 1, max: 14 }),
      count: fc.integer({ min: 1, max: 6 })
    })
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 10 }), (entries) => {
        const given: Administration[] = entries.map((e, i) => ({
          id: `a${i}`,
          drugId: e.drugId,
          route: e.route,
          dose: 12,
          unit: 'mg',
          schedule: {
            kind: 'repeat',
            start: walk('2021-03-01', e.start),
            intervalDays: e.interval,
            count: e.count
          },
          estimated: false
        }))
        const days: string[] = []
        for (const e of entries) {
          if (e.route !== 'intrathecal') continue
          for (let k = 0; k < e.count; k++) {
            const day = walk('2021-03-01', e.start + k * e.interval)
            if (!days.includes(day)) days.push(day)
          }
        }
        expect(intrathecalInjections(given)).toBe(days.length)
        // And the dates expand as the walk does.
        given.forEach((a, i) => expect(expandSchedule(a.schedule)).toHaveLength(entries[i]!.count))
      }),
      RUNS
    )
  })
})

// ---- Search ----

const VOCABULARY = [
  'leukemia',
  'leukaemia',
  'tumour',
  'therapies',
  'blast',
  'blasts',
  'marrow',
  'ALL',
  'allogeneic',
  'heart',
  'café',
  'children’s',
  'dose',
  'doses',
  'radiation',
  'the',
  'of',
  'and'
]

const word = fc.constantFrom(...VOCABULARY)
const separator = fc.constantFrom(' ', ', ', '. ', ' — ', '\n', ' (', ') ')
const text = fc
  .array(fc.tuple(word, separator), { maxLength: 120, size: 'max' })
  .map((pairs) => pairs.map(([w, s]) => w + s).join(''))
const query = fc
  .array(
    word.chain((w) => fc.integer({ min: 1, max: w.length }).map((n) => w.slice(0, n))),
    { minLength: 1, maxLength: 3 }
  )
  .map((words) => words.join(' '))

describe('search snippet (library/search.ts)', () => {
  it('reads only its window, found from the words noted as the text was indexed, yet shows what reading every word would', () => {
    fc.assert(
      fc.property(text, query, (t, q) => {
        expect(snippet(t, q)).toEqual(referenceSnippet(t, q))
      }),
      RUNS
    )
  })
})

describe('the documents’ search index (library/search.ts)', () => {
  const section = fc.record({
    sectionId: fc.option(fc.constantFrom('intro', 'part-1', 'part-2'), { nil: null }),
    title: fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
    text: fc.array(word, { maxLength: 30 }).map((w) => w.join(' '))
  })
  const document = (id: string) =>
    fc.record({
      id: fc.constant(id),
      title: fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
      sections: fc.uniqueArray(section, {
        minLength: 1,
        maxLength: 3,
        selector: (s) => s.sectionId
      })
    })
  /** Import a document (under one of a few ids, so ones deleted come back) or delete one. */
  const step = fc.oneof(
    fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5').chain((id) => document(id)),
    fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5').map((id) => ({ remove: id }))
  )

  it('kept up to date one document at a time finds what an index built afresh finds', () => {
    fc.assert(
      fc.property(
        fc.array(document('d0'), { maxLength: 2 }).map((docs) => docs.slice(0, 1)),
        fc.array(step, { maxLength: 8 }),
        fc.array(query, { minLength: 1, maxLength: 3 }),
        (initial, steps, queries) => {
          const index = buildDocumentIndex(initial)
          const present = new Map<string, SearchableDocument>(initial.map((d) => [d.id, d]))
          for (const s of steps) {
            // As the app does: an import replaces nothing, so a re-used id is deleted first.
            if ('remove' in s) {
              if (!present.has(s.remove)) continue
              index.remove(s.remove)
              present.delete(s.remove)
            } else {
              if (present.has(s.id)) continue
              index.add(s)
              present.set(s.id, s)
            }
            for (const q of queries) {
              const fresh = buildDocumentIndex([...present.values()])
              expect(index.documentCount).toBe(fresh.documentCount)
              expectSameResults(index.search(q, 1000), fresh.search(q, 1000), q)
            }
          }
        }
      ),
      RUNS
    )
  })
})
