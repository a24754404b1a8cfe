/**
 * The one place the screens turn stored values into words: dates, numbers and dose units (from
 * electron/shared/format.ts, which the core's PDF uses too, so screen and paper agree), and
 * the labels of the record's lists of values (from the one catalogue in i18n/labels.ts).
 */
import {
  formatDate,
  formatDateRange,
  formatUnit,
  localIsoDate,
  ageOn as yearsBetween
} from '@shared/format.ts'
import { t, type MessageKey } from '../i18n/index.ts'
import type { labelMessages } from '../i18n/labels.ts'

export { formatDate, formatUnit }
export {
  formatAmount,
  formatDateList,
  formatDateTime,
  formatList,
  formatNumber,
  formatTime
} from '@shared/format.ts'

/** Today on this computer, as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  return localIsoDate(now)
}

/** Whole years from `birth` to `on` (both YYYY-MM-DD), or null if either is missing. */
export function ageOn(birth: string | null | undefined, on: string = todayIso()): number | null {
  return yearsBetween(birth, on)
}

/** "3 Mar 2021 to 24 Mar 2021", "from 3 Mar 2021", "until 24 Mar 2021", or ''. */
export function formatRange(from?: string | null, to?: string | null): string {
  return formatDateRange(from, to, {
    range: t('format.dateRange'),
    from: t('format.dateFrom'),
    until: t('format.dateUntil')
  })
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

/** The name of one of the record's lists of values: 'sexes', 'routes', 'relapseSites'… */
export type LabelGroup = keyof typeof labelMessages

/** The words for a stored value ('cns' → "Brain and spinal fluid (CNS)"); '' for none. */
export function label(group: LabelGroup, value: string | null | undefined): string {
  if (!value) return ''
  const key = `labels.${group}.${value}`
  const text = t(key as MessageKey)
  // A value from a newer Lantern, with no words here yet: show it as stored, not the key.
  return text === key ? value : text
}

/** Options for a <select> or radio group over a list of values, labelled from the catalogue. */
export function options(group: LabelGroup, values: readonly string[]) {
  return values.map((value) => ({ value, label: label(group, value) }))
}
