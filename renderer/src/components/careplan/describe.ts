/**
 * How the care plan page words what the core computed: group names, kinds, who is responsible,
 * and when an item is next due.
 */
import type { BodySystem, PlanItem, PlanItemKind, Responsible } from '@shared/careplan.ts'
import { t, type MessageKey } from '../../i18n/index.ts'
import { formatDate } from '../../lib/format.ts'

export function systemLabel(system: BodySystem): string {
  return t(`careplan.systems.${system}` as MessageKey)
}

export function kindLabel(kind: PlanItemKind): string {
  return t(`careplan.kinds.${kind}` as MessageKey)
}

export function responsibleLabel(who: Responsible): string {
  return t(`careplan.responsible.${who}` as MessageKey)
}

/** The "Next due" line of an item, in words. */
export function nextDueText(item: PlanItem): string {
  const date = formatDate(item.nextDue)
  switch (item.dueState) {
    case 'overdue':
      return date ? t('careplan.nextDue.overdue', { date }) : t('careplan.due.overdue')
    case 'no-record':
      if (!date) return t('careplan.due.no-record')
      return item.completions.length > 0
        ? t('careplan.nextDue.noRecordSince', { date })
        : t('careplan.nextDue.noRecord', { date })
    case 'due-soon':
      return date ? t('careplan.nextDue.dueSoon', { date }) : t('careplan.due.due-soon')
    case 'scheduled':
      return date ? t('careplan.nextDue.scheduled', { date }) : t('careplan.due.scheduled')
    case 'snoozed': {
      const until = formatDate(item.snoozedUntil ?? item.nextDue)
      if (!until) return t('careplan.due.snoozed')
      return date && item.snoozedUntil && item.nextDue && item.nextDue < item.snoozedUntil
        ? t('careplan.nextDue.snoozedWasDue', { date: until, due: date })
        : t('careplan.nextDue.snoozed', { date: until })
    }
    case 'complete':
      return t('careplan.nextDue.complete')
    case 'needs-date':
      return t('careplan.nextDue.needsDate')
    case 'no-schedule':
      return date ? t('careplan.nextDue.scheduled', { date }) : t('careplan.nextDue.noSchedule')
  }
}

/**
 * When the next due date counts from a check done on a date nobody knows: says so, since the
 * real date may be earlier. Null otherwise.
 */
export function undatedBasisText(item: PlanItem): string | null {
  const last = item.completions[0]
  if (!last || last.dateKnown || item.nextDue === null) return null
  return t('careplan.nextDue.fromUndated', { date: formatDate(last.notedOn) })
}

/** The "How often" line: the source's words, or why there are none. */
export function frequencyText(item: PlanItem): string {
  if (item.kind === 'ask') return t('careplan.nextDue.askNoSchedule')
  if (item.frequency) return item.frequency
  return hasNextDue(item) ? t('careplan.item.noFrequency') : t('careplan.nextDue.topicNoSchedule')
}

/** Whether a "Next due" line says anything: not for a topic with no schedule and no date. */
export function hasNextDue(item: PlanItem): boolean {
  if (item.kind === 'ask' && item.nextDue === null) return false
  return !(item.dueState === 'no-schedule' && item.nextDue === null)
}

/** The uuid of one of the person's own items ("own.<uuid>"), or null for a rule's item. */
export function ownItemId(item: PlanItem): string | null {
  return item.kind === 'own' && item.key.startsWith('own.') ? item.key.slice(4) : null
}

/** An id for the page, from an item's key ("heart.echocardiogram" → "item-heart-echocardiogram"). */
export function itemDomId(key: string): string {
  return `item-${key.replace(/[^a-z0-9-]/gi, '-')}`
}

/** YYYY-MM-DD `months` after `iso`, clamped to the end of a shorter month. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const target = new Date(Date.UTC(y, m - 1 + months, 1))
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)
  ).getUTCDate()
  target.setUTCDate(Math.min(d, lastDay))
  return target.toISOString().slice(0, 10)
}
