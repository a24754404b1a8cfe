/**
 * The care plan for one person: read the record and what they did with the plan, run the
 * engine, and compare with the plan they last acknowledged to say what changed.
 */
import {
  CARE_PLAN_DISCLAIMER,
  type CarePlan,
  type PlanChange,
  type PlanItem
} from '../../shared/careplan.ts'
import { todayIso } from '../../shared/record.ts'
import { CoreError } from '../errors.ts'
import type { Administration } from '../record/doses.ts'
import { listEntries } from '../record/entries.ts'
import { getProfile } from '../record/profiles.ts'
import type { DrugLookup } from '../record/references.ts'
import type { Db } from '../vault/database.ts'
import { anthracyclineTableOf, type CarePlanContent } from './content.ts'
import { buildPlanItems, planStatus } from './engine.ts'
import { computeFacts, type PlanRecord } from './facts.ts'
import {
  listReviews,
  loadSnapshot,
  loadUserPlanState,
  recordFirstSeen,
  saveSnapshot,
  type Snapshot
} from './planState.ts'

export interface PlanContext {
  content: CarePlanContent
  drugs: DrugLookup
}

export function readPlanRecord(db: Db, profileId: string): PlanRecord {
  const profile = getProfile(db, profileId)
  return {
    profile,
    diagnoses: listEntries(db, 'diagnosis', profileId),
    administrations: listEntries(db, 'administration', profileId) as Administration[],
    measurements: listEntries(db, 'measurement', profileId),
    radiation: listEntries(db, 'radiation', profileId),
    transplants: listEntries(db, 'transplant', profileId),
    supportiveCare: listEntries(db, 'supportiveCare', profileId)
  }
}

/** What about an item, if it changed, the person should be told. Not the due date: that moves. */
function fingerprint(item: PlanItem): string {
  return JSON.stringify([item.kind, item.frequency, item.why, item.status])
}

function snapshotOf(rulesVersion: string, items: PlanItem[]): Snapshot {
  const entries = items
    .filter((i) => i.kind !== 'own')
    .map((i) => [i.key, { title: i.title, fingerprint: fingerprint(i) }] as const)
  return { rulesVersion, items: Object.fromEntries(entries) }
}

export function diffPlans(before: Snapshot, after: Snapshot, items: PlanItem[]): PlanChange[] {
  const changes: PlanChange[] = []
  if (before.rulesVersion !== after.rulesVersion) {
    changes.push({
      kind: 'rules-updated',
      key: null,
      title: 'The follow-up rules were updated',
      detail: `Lantern's guideline data changed from version ${before.rulesVersion} to ${after.rulesVersion}.`
    })
  }
  const byKey = new Map(items.map((i) => [i.key, i]))
  for (const [key, now] of Object.entries(after.items)) {
    const was = before.items[key]
    const item = byKey.get(key)!
    if (!was) {
      changes.push({
        kind: 'added',
        key,
        title: now.title,
        detail: item.why.join(' ') || 'New in the plan.'
      })
    } else if (was.fingerprint !== now.fingerprint) {
      const detail = item.frequency
        ? `Now: ${item.frequency}. ${item.why.join(' ')}`
        : item.why.join(' ')
      changes.push({ kind: 'changed', key, title: now.title, detail })
    }
  }
  for (const [key, was] of Object.entries(before.items)) {
    if (!(key in after.items)) {
      changes.push({
        kind: 'removed',
        key,
        title: was.title,
        detail: 'No longer matches the record. Any done dates are kept in case it comes back.'
      })
    }
  }
  return changes
}

/**
 * @param asOf the day the plan is worked out for (due, overdue)
 * @param today the real day: an item shown with a due date for the first time is remembered as
 *   appearing on it, so a date already past then is never counted as overdue
 */
export function carePlan(
  db: Db,
  profileId: string,
  context: PlanContext,
  asOf = todayIso(),
  today = todayIso()
): CarePlan {
  const { content, drugs } = context
  const record = readPlanRecord(db, profileId)
  const facts = computeFacts(record, drugs, anthracyclineTableOf(content))
  const user = loadUserPlanState(db, profileId)
  const { items, notes } = buildPlanItems(content, facts, user, asOf, today)
  const appeared = items.filter((i) => i.firstSeenOn !== null && !user.firstSeen.has(i.key))
  if (appeared.length > 0) {
    recordFirstSeen(
      db,
      profileId,
      appeared.map((i) => i.key),
      today
    )
  }

  const current = snapshotOf(content.version, items)
  const previous = loadSnapshot(db, profileId)
  // The first time, the whole plan is new: there is nothing to compare with, so remember it.
  if (!previous) saveSnapshot(db, profileId, current)

  return {
    profileId,
    asOf,
    rulesVersion: content.version,
    rulesCheckedOn: content.checkedOn,
    anthracycline: facts.anthracycline
      ? {
          doxorubicinEquivalentMgM2: Math.round(facts.anthracycline.total * 10) / 10,
          incomplete: facts.anthracycline.incomplete,
          table: { id: facts.anthracycline.table.id, version: facts.anthracycline.table.version }
        }
      : null,
    notes,
    items,
    status: planStatus(items),
    changes: previous ? diffPlans(previous, current, items) : null,
    reviews: listReviews(db, profileId),
    disclaimer: CARE_PLAN_DISCLAIMER
  }
}

/**
 * Keeps the plan as it stands as the one the next plan is compared with. `current` is that plan
 * when the caller has it already (the core remembers it until the vault is written).
 */
export function acknowledgeChanges(
  db: Db,
  profileId: string,
  context: PlanContext,
  current: CarePlan = carePlan(db, profileId, context)
): void {
  saveSnapshot(db, profileId, snapshotOf(context.content.version, current.items))
}

/**
 * The item must be in the person's plan as it stands (`current`), or the change is refused. The
 * core passes the plan it remembers: working it out again cost a long record 30 ms per change.
 */
export function requirePlanItem(current: CarePlan, itemKey: string): PlanItem {
  const item = current.items.find((i) => i.key === itemKey)
  if (!item) throw new CoreError('NOT_FOUND', 'That item is not in the care plan.')
  return item
}
