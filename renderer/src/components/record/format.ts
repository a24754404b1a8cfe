/**
 * How record entries read on screen beyond a single value: the dates of a repeating schedule
 * and a dose with its schedule in one line. Dates, numbers, units and labels themselves come
 * from lib/format.ts (re-exported here for the record's forms), so they read the same on
 * every screen.
 */
import type { Entry } from '@shared/record.ts'
import { t } from '../../i18n/index.ts'
import { formatDate, formatDateList, formatNumber, formatUnit, label } from '../../lib/format.ts'

export {
  formatDate,
  formatNumber,
  formatRange,
  formatUnit,
  label,
  options
} from '../../lib/format.ts'

function utc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`)
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
    route: label('routesShort', a.route)
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
