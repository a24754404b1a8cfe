/**
 * How record entries read on screen: dates for people ("3 Mar 2021"), units with a real
 * superscript ("mg/m²"), and a dose with its schedule in one line.
 */
import type { Entry } from '@shared/record.ts'
import { currentLocale, t, type MessageKey } from '../../i18n/index.ts'

/** Day month year reads the same way everywhere, so English uses it too. */
function dateLocale(): string {
  const locale = currentLocale()
  return locale === 'en' ? 'en-GB' : locale
}

function utc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`)
}

/** "3 Mar 2021" */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return t('record.unknownDate')
  return new Intl.DateTimeFormat(dateLocale(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC'
  }).format(utc(iso))
}

function part(date: Date, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(dateLocale(), { ...options, timeZone: 'UTC' }).format(date)
}

/** "3, 10, 17, 24 Mar 2021" or "24, 31 Mar, 7 Apr 2021": each month and year said once. */
export function formatDateList(isoDates: readonly string[]): string {
  const years: { year: string; months: { month: string; days: string[] }[] }[] = []
  for (const iso of isoDates) {
    const date = utc(iso)
    const year = part(date, { year: 'numeric' })
    const month = part(date, { month: 'short' })
    const day = part(date, { day: 'numeric' })
    let y = years[years.length - 1]
    if (!y || y.year !== year) years.push((y = { year, months: [] }))
    let m = y.months[y.months.length - 1]
    if (!m || m.month !== month) y.months.push((m = { month, days: [] }))
    m.days.push(day)
  }
  return years
    .map((y) => `${y.months.map((m) => `${m.days.join(', ')} ${m.month}`).join(', ')} ${y.year}`)
    .join(', ')
}

/** "3 Mar 2021 to 24 Mar 2021", "from 3 Mar 2021", or '' when neither is known. */
export function formatRange(from?: string | null, to?: string | null): string {
  if (from && to) return t('record.dates.range', { from: formatDate(from), to: formatDate(to) })
  if (from) return t('record.dates.from', { date: formatDate(from) })
  if (to) return t('record.dates.until', { date: formatDate(to) })
  return ''
}

/** 'mg/m2' → 'mg/m²' */
export function formatUnit(unit: string): string {
  return unit.replace(/m2$/, 'm²')
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 3 }).format(value)
}

export function addDays(iso: string, days: number): string {
  const date = utc(iso)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** Every date of a repeating schedule, at most `limit` of them. */
export function scheduleDates(
  start: string,
  intervalDays: number,
  until: { count: number } | { end: string },
  limit = 2000
): string[] {
  const dates: string[] = []
  for (let i = 0; i < limit; i++) {
    const date = addDays(start, i * intervalDays)
    if ('count' in until ? i >= until.count : date > until.end) break
    dates.push(date)
  }
  return dates
}

/** "4 doses: 3, 10, 17, 24 Mar 2021"; long runs show the start and the last date. */
export function schedulePreview(dates: readonly string[]): string {
  const shown =
    dates.length <= 8
      ? formatDateList(dates)
      : `${formatDateList(dates.slice(0, 4))} … ${formatDate(dates[dates.length - 1])}`
  return t('record.administration.preview', { count: dates.length, dates: shown })
}

export function everyText(intervalDays: number): string {
  if (intervalDays === 1) return t('record.every.daily')
  if (intervalDays === 7) return t('record.every.weekly')
  if (intervalDays % 7 === 0) return t('record.every.weeks', { count: intervalDays / 7 })
  return t('record.every.days', { count: intervalDays })
}

/** "25 mg/m² IV, weekly × 4 from 3 Mar 2021" */
export function formatDose(a: Entry<'administration'>): string {
  const base = {
    dose: formatNumber(a.dose),
    unit: formatUnit(a.unit),
    route: t(`record.routeShort.${a.route}` as MessageKey)
  }
  const s = a.schedule
  if (s.kind === 'once') return t('record.dose.once', { ...base, date: formatDate(s.date) })
  const every = everyText(s.intervalDays)
  if (s.count !== undefined) {
    return t('record.dose.times', { ...base, every, count: s.count, date: formatDate(s.start) })
  }
  return t('record.dose.until', {
    ...base,
    every,
    from: formatDate(s.start),
    to: formatDate(s.end)
  })
}

/** The message for an enum value, e.g. label('record.phaseKind', 'induction'). */
export function label(group: string, value: string | null | undefined): string {
  if (!value) return ''
  return t(`${group}.${value}` as MessageKey)
}

/** Options for a <select> over an enum, labelled through i18n. */
export function options(group: string, values: readonly string[]) {
  return values.map((value) => ({ value, label: label(group, value) }))
}
