/**
 * How Lantern writes dates, numbers and dose units, for every screen and for the PDF: one
 * module, so the record, the summary, the care plan and paper never disagree.
 *
 * Dates are written "1 Sep 2021": day, three-letter month, year, in an order no reader of any
 * English can mistake. Record dates are calendar dates (YYYY-MM-DD), not moments, so they are
 * read in UTC and no time zone moves them a day. Month names come from Intl in the fixed
 * 'en-US' locale, whose short months are three letters in every ICU version; 'en-GB' now
 * writes "Sept", and Node (the core) and Chromium (the screens) need not ship the same ICU.
 * Numbers use the fixed 'en-GB' locale for the same reason: not the computer's own settings.
 */

import { calendarParts } from './calendarDate.ts'

export const NUMBER_LOCALE = 'en-GB'

/**
 * A value made the first time it is needed. Every formatter here waits for its first use:
 * making one loads the locale's data, and at load it cost the first screen 40–60 ms of work
 * on the renderer's thread before anything was drawn (measured with the bench's first screen).
 */
function onFirstUse<T>(make: () => T): () => T {
  let made: { value: T } | undefined
  return () => (made ??= { value: make() }).value
}

const months = onFirstUse(() => {
  const monthName = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' })
  return Array.from({ length: 12 }, (_, m) => monthName.format(new Date(Date.UTC(2000, m, 1))))
})

/** "1 Sep 2021" for "2021-09-01"; '' when there is no date; anything else as it was given. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const parts = calendarParts(iso)
  if (!parts) return iso
  return `${parts.day} ${months()[parts.month - 1]} ${parts.year}`
}

/** "3, 10, 17, 24 Mar 2021" or "24, 31 Mar, 7 Apr 2021": each month and year said once. */
export function formatDateList(isoDates: readonly string[]): string {
  const years: { year: number; months: { month: number; days: number[] }[] }[] = []
  for (const iso of isoDates) {
    const parts = calendarParts(iso)
    if (!parts) continue
    let y = years[years.length - 1]
    if (!y || y.year !== parts.year) years.push((y = { year: parts.year, months: [] }))
    let m = y.months[y.months.length - 1]
    if (!m || m.month !== parts.month) y.months.push((m = { month: parts.month, days: [] }))
    m.days.push(parts.day)
  }
  return years
    .map(
      (y) =>
        `${y.months.map((m) => `${m.days.join(', ')} ${months()[m.month - 1]}`).join(', ')} ${y.year}`
    )
    .join(', ')
}

/** The words around a date range; the screens pass their own (translated) ones. */
export interface RangeWords {
  /** Both ends known: "{from} to {to}". */
  range: string
  /** Only the start: "from {date}". */
  from: string
  /** Only the end: "until {date}". */
  until: string
}

export const RANGE_WORDS: RangeWords = {
  range: '{from} to {to}',
  from: 'from {date}',
  until: 'until {date}'
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole)
}

/**
 * "3 Mar 2021 to 24 Mar 2021", one date when both ends are the same day, "from 3 Mar 2021" or
 * "until 24 Mar 2021" when only one end is known, '' when neither is.
 */
export function formatDateRange(
  from: string | null | undefined,
  to: string | null | undefined,
  words: RangeWords = RANGE_WORDS
): string {
  if (from && to) {
    if (from === to) return formatDate(from)
    return fill(words.range, { from: formatDate(from), to: formatDate(to) })
  }
  if (from) return fill(words.from, { date: formatDate(from) })
  if (to) return fill(words.until, { date: formatDate(to) })
  return ''
}

/** A calendar date for a moment, on this computer's clock (YYYY-MM-DD). */
export function localIsoDate(moment: Date = new Date()): string {
  const local = new Date(moment.getTime() - moment.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 10)
}

const clock = onFirstUse(
  () =>
    new Intl.DateTimeFormat(NUMBER_LOCALE, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
)

/** "14:05": a time of day on this computer's clock, in 24 hours as clinic letters write it. */
export function formatTime(moment: Date | string): string {
  const date = typeof moment === 'string' ? new Date(moment) : moment
  return Number.isNaN(date.getTime()) ? '' : clock().format(date)
}

/** "3 Mar 2021, 14:05": a moment (a backup, a save), on this computer's clock. */
export function formatDateTime(moment: Date | string): string {
  const date = typeof moment === 'string' ? new Date(moment) : moment
  if (Number.isNaN(date.getTime())) return ''
  return `${formatDate(localIsoDate(date))}, ${formatTime(date)}`
}

/** Whole years from `birth` to `on` (both YYYY-MM-DD), or null if either is missing or wrong. */
export function ageOn(birth: string | null | undefined, on: string): number | null {
  const b = birth ? calendarParts(birth) : null
  const o = calendarParts(on)
  if (!b || !o) return null
  let age = o.year - b.year
  if (o.month < b.month || (o.month === b.month && o.day < b.day)) age -= 1
  return age >= 0 ? age : null
}

const typedNumber = onFirstUse(
  () => new Intl.NumberFormat(NUMBER_LOCALE, { maximumFractionDigits: 3 })
)

/**
 * A number as it was entered (a dose of 1.5, a weight of 20.5, 2,500 IU): its own decimals up
 * to three, with thousands grouped, and no trailing zeros.
 */
export function formatNumber(value: number): string {
  return typedNumber().format(value)
}

const amountLarge = onFirstUse(
  () => new Intl.NumberFormat(NUMBER_LOCALE, { maximumFractionDigits: 1 })
)
const amountSmall = onFirstUse(
  () => new Intl.NumberFormat(NUMBER_LOCALE, { maximumSignificantDigits: 3 })
)

/**
 * A computed amount (a cumulative dose, a total in Gy): from 10 up, at most one decimal
 * ("48,450", "137.5", "85.8"); below 10, three significant figures ("4.57", "0.762"), so a
 * small dose is not rounded away. Enough precision to check against a guideline, none that
 * is noise.
 */
export function formatAmount(value: number): string {
  return Math.abs(value) >= 10 ? amountLarge().format(value) : amountSmall().format(value)
}

/** 'mg/m2' → 'mg/m²': units are stored in ASCII and always shown with a real superscript. */
export function formatUnit(unit: string): string {
  return unit.replace(/m2\b/g, 'm²')
}

const conjunction = onFirstUse(
  () => new Intl.ListFormat(NUMBER_LOCALE, { style: 'long', type: 'conjunction' })
)

/** "Date of birth, Phone and Email": a list in a sentence. */
export function formatList(items: readonly string[]): string {
  return conjunction().format(items)
}
