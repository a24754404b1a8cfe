/**
 * How a person's pages write dates, ages and doses. Record dates are calendar dates
 * (YYYY-MM-DD), not moments: they are formatted in UTC so no time zone moves them a day.
 */
import { currentLocale, t, type MessageKey } from '../../i18n/index.ts'

/** "3 Mar 2021": day, short month and year, in an order no reader can mistake. */
function calendarLocale(): string {
  // English as written in most of the world (and in clinic letters): day before month.
  return currentLocale() === 'en' ? 'en-GB' : currentLocale()
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const date = new Date(`${iso}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return iso
  const format = new Intl.DateTimeFormat(calendarLocale(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC'
  })
  if (currentLocale() !== 'en') return format.format(date)
  // Three-letter months everywhere ("Sep", not "Sept"), in day-month-year order.
  const part = (type: string) => format.formatToParts(date).find((p) => p.type === type)?.value
  return `${part('day')} ${(part('month') ?? '').slice(0, 3)} ${part('year')}`
}

/** "3 Mar 2021 – 20 Aug 2024", or one end alone when only one is known. */
export function formatRange(from: string | null | undefined, to: string | null | undefined) {
  if (from && to) {
    if (from === to) return formatDate(from)
    return t('person.summary.dateRange', { from: formatDate(from), to: formatDate(to) })
  }
  if (from) return t('person.summary.dateFrom', { from: formatDate(from) })
  if (to) return t('person.summary.dateUntil', { to: formatDate(to) })
  return ''
}

/** Today on this computer, as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 10)
}

/** Whole years from `birth` to `on` (both YYYY-MM-DD), or null if either is missing. */
export function ageOn(birth: string | null | undefined, on: string = todayIso()): number | null {
  if (!birth) return null
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number]
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number]
  let age = oy - by
  if (om < bm || (om === bm && od < bd)) age -= 1
  return age >= 0 ? age : null
}

/** "Born 12 Oct 2016 (age 10)". */
export function bornLine(dateOfBirth: string | null | undefined): string {
  if (!dateOfBirth) return ''
  const age = ageOn(dateOfBirth)
  const date = formatDate(dateOfBirth)
  return age === null
    ? t('person.born', { date })
    : t('person.bornWithAge', { date, age: t('person.age', { count: age }) })
}

/**
 * A dose total for people: whole numbers from 100 up ("688", "48,450"), three significant
 * figures below ("85.8", "37.5", "1.53"). Enough precision to check, none that is noise.
 */
export function formatAmount(value: number): string {
  const options: Intl.NumberFormatOptions =
    Math.abs(value) >= 100 ? { maximumFractionDigits: 0 } : { maximumSignificantDigits: 3 }
  return new Intl.NumberFormat(currentLocale(), options).format(value)
}

/** "mg/m2" → "mg/m²" wherever a unit is shown. */
export function unitLabel(unit: string): string {
  return unit.replace(/m2\b/g, 'm²')
}

export function perM2Unit(baseUnit: string): string {
  return `${baseUnit}/m²`
}

/** "Daunorubicin": generic names start with a capital at the start of a table cell. */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase(currentLocale()) + text.slice(1)
}

/** A clock time for "undo until 14:05". */
export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { hour: 'numeric', minute: '2-digit' }).format(
    new Date(iso)
  )
}

export type LabelGroup =
  | 'sexes'
  | 'conditions'
  | 'lateralities'
  | 'receptorStatuses'
  | 'findingKinds'
  | 'relapseSites'
  | 'phaseKinds'
  | 'routes'
  | 'drugClasses'
  | 'radiationFields'
  | 'transplantTypes'
  | 'cellSources'
  | 'gvhdKinds'
  | 'gvhdStatuses'
  | 'complicationStatuses'
  | 'procedureKinds'
  | 'supportiveCareKinds'

/** The human words for one of the record's stored values; the value itself if none exist. */
export function label(group: LabelGroup, value: string | null | undefined): string {
  if (!value) return ''
  const key = `person.${group}.${value}`
  const text = t(key as MessageKey)
  return text === key ? value : text
}
