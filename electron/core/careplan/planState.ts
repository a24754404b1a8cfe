/**
 * Queries for what a person does with their care plan: done dates, snoozes, dismissals, who is
 * responsible, their own items, reviews, the day each item first appeared, and the snapshot the
 * "what changed" list compares to.
 * Every function takes the database first; every value is a bound parameter.
 */
import { randomUUID } from 'node:crypto'
import type { Completion, PlanReview, Responsible } from '../../shared/careplan.ts'
import { CoreError } from '../errors.ts'
import type { Db } from '../vault/database.ts'
import type { ItemState, OwnItem, UserPlanState } from './engine.ts'

const now = () => new Date().toISOString()

export function loadUserPlanState(db: Db, profileId: string): UserPlanState {
  const completions = new Map<string, Completion[]>()
  const rows = db
    .prepare(
      `SELECT id, item_key, done_on, note, date_known FROM careplan_completions
       WHERE profile_id = ? ORDER BY done_on`
    )
    .all(profileId) as {
    id: string
    item_key: string
    done_on: string
    note: string | null
    date_known: 0 | 1
  }[]
  for (const r of rows) {
    const list = completions.get(r.item_key) ?? []
    list.push(
      r.date_known
        ? { id: r.id, doneOn: r.done_on, note: r.note, dateKnown: true }
        : { id: r.id, doneOn: null, notedOn: r.done_on, note: r.note, dateKnown: false }
    )
    completions.set(r.item_key, list)
  }

  const firstSeen = new Map<string, string>()
  const seenRows = db
    .prepare('SELECT item_key, first_seen_on FROM careplan_items_seen WHERE profile_id = ?')
    .all(profileId) as { item_key: string; first_seen_on: string }[]
  for (const r of seenRows) firstSeen.set(r.item_key, r.first_seen_on)

  const states = new Map<string, ItemState>()
  const stateRows = db
    .prepare(
      `SELECT item_key, snoozed_until, dismissed_reason, dismissed_on, responsible
       FROM careplan_item_states WHERE profile_id = ?`
    )
    .all(profileId) as {
    item_key: string
    snoozed_until: string | null
    dismissed_reason: string | null
    dismissed_on: string | null
    responsible: Responsible | null
  }[]
  for (const r of stateRows) {
    states.set(r.item_key, {
      snoozedUntil: r.snoozed_until,
      dismissed:
        r.dismissed_reason && r.dismissed_on
          ? { reason: r.dismissed_reason, on: r.dismissed_on }
          : null,
      responsible: r.responsible
    })
  }

  const ownItems = (
    db
      .prepare(
        `SELECT id, title, system, what, every_months, first_due, responsible
         FROM careplan_own_items WHERE profile_id = ? ORDER BY created_at`
      )
      .all(profileId) as {
      id: string
      title: string
      system: OwnItem['system']
      what: string | null
      every_months: number | null
      first_due: string | null
      responsible: Responsible
    }[]
  ).map((r) => ({
    id: r.id,
    title: r.title,
    system: r.system,
    what: r.what,
    everyMonths: r.every_months,
    firstDue: r.first_due,
    responsible: r.responsible
  }))

  return { completions, states, ownItems, firstSeen }
}

/**
 * Records that a check was done on `doneOn`, or, with null, done on a date nobody knows (kept
 * with `today` as the day it was said). A known date on or before such a day may be that very
 * check, found in a letter: it replaces "date not known", so the schedule counts from the real
 * date rather than from a later one.
 */
export function addCompletion(
  db: Db,
  profileId: string,
  itemKey: string,
  doneOn: string | null,
  note: string | null,
  today: string
): void {
  if (doneOn !== null) {
    db.prepare(
      `DELETE FROM careplan_completions
       WHERE profile_id = ? AND item_key = ? AND date_known = 0 AND done_on >= ?`
    ).run(profileId, itemKey, doneOn)
  }
  db.prepare(
    `INSERT INTO careplan_completions (id, profile_id, item_key, done_on, note, date_known, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`
  ).run(randomUUID(), profileId, itemKey, doneOn ?? today, note, doneOn === null ? 0 : 1, now())
}

/** Remembers the day the plan first showed each of these items; a day already kept stays. */
export function recordFirstSeen(db: Db, profileId: string, itemKeys: string[], on: string): void {
  const insert = db.prepare(
    `INSERT INTO careplan_items_seen (profile_id, item_key, first_seen_on) VALUES (?, ?, ?)
     ON CONFLICT (profile_id, item_key) DO NOTHING`
  )
  db.transaction(() => {
    for (const key of itemKeys) insert.run(profileId, key, on)
  })()
}

export function deleteCompletion(db: Db, profileId: string, completionId: string): void {
  const result = db
    .prepare('DELETE FROM careplan_completions WHERE id = ? AND profile_id = ?')
    .run(completionId, profileId)
  if (result.changes === 0) throw new CoreError('NOT_FOUND', 'That done date is not in the plan.')
}

type StateChange =
  | { snoozedUntil: string | null }
  | { dismissed: { reason: string; on: string } | null }
  | { responsible: Responsible | null }

/** Changes one aspect of an item's state, creating the row on first use. */
export function updateItemState(
  db: Db,
  profileId: string,
  itemKey: string,
  change: StateChange
): void {
  db.prepare(
    `INSERT INTO careplan_item_states (profile_id, item_key, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (profile_id, item_key) DO NOTHING`
  ).run(profileId, itemKey, now())
  if ('snoozedUntil' in change) {
    db.prepare(
      'UPDATE careplan_item_states SET snoozed_until = ?, updated_at = ? WHERE profile_id = ? AND item_key = ?'
    ).run(change.snoozedUntil, now(), profileId, itemKey)
  } else if ('dismissed' in change) {
    db.prepare(
      `UPDATE careplan_item_states SET dismissed_reason = ?, dismissed_on = ?, updated_at = ?
       WHERE profile_id = ? AND item_key = ?`
    ).run(change.dismissed?.reason ?? null, change.dismissed?.on ?? null, now(), profileId, itemKey)
  } else {
    db.prepare(
      'UPDATE careplan_item_states SET responsible = ?, updated_at = ? WHERE profile_id = ? AND item_key = ?'
    ).run(change.responsible, now(), profileId, itemKey)
  }
}

export function saveOwnItem(
  db: Db,
  profileId: string,
  item: Omit<OwnItem, 'id'> & { id?: string | undefined }
): string {
  const stamp = now()
  if (item.id) {
    const result = db
      .prepare(
        `UPDATE careplan_own_items SET title = ?, system = ?, what = ?, every_months = ?, first_due = ?,
           responsible = ?, updated_at = ? WHERE id = ? AND profile_id = ?`
      )
      .run(
        item.title,
        item.system,
        item.what,
        item.everyMonths,
        item.firstDue,
        item.responsible,
        stamp,
        item.id,
        profileId
      )
    if (result.changes === 0) throw new CoreError('NOT_FOUND', 'That item is not in the plan.')
    return item.id
  }
  const id = randomUUID()
  db.prepare(
    `INSERT INTO careplan_own_items
       (id, profile_id, title, system, what, every_months, first_due, responsible, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    id,
    profileId,
    item.title,
    item.system,
    item.what,
    item.everyMonths,
    item.firstDue,
    item.responsible,
    stamp,
    stamp
  )
  return id
}

/** Removes the item and everything recorded against it. */
export function deleteOwnItem(db: Db, profileId: string, id: string): void {
  const result = db
    .prepare('DELETE FROM careplan_own_items WHERE id = ? AND profile_id = ?')
    .run(id, profileId)
  if (result.changes === 0) throw new CoreError('NOT_FOUND', 'That item is not in the plan.')
  const key = `own.${id}`
  db.prepare('DELETE FROM careplan_completions WHERE profile_id = ? AND item_key = ?').run(
    profileId,
    key
  )
  db.prepare('DELETE FROM careplan_item_states WHERE profile_id = ? AND item_key = ?').run(
    profileId,
    key
  )
  db.prepare('DELETE FROM careplan_items_seen WHERE profile_id = ? AND item_key = ?').run(
    profileId,
    key
  )
}

export function ownItemExists(db: Db, profileId: string, id: string): boolean {
  return (
    db
      .prepare('SELECT 1 FROM careplan_own_items WHERE id = ? AND profile_id = ?')
      .get(id, profileId) !== undefined
  )
}

export function listReviews(db: Db, profileId: string): PlanReview[] {
  return (
    db
      .prepare(
        `SELECT id, reviewed_with, reviewed_on, note FROM careplan_reviews
         WHERE profile_id = ? ORDER BY reviewed_on DESC, created_at DESC`
      )
      .all(profileId) as {
      id: string
      reviewed_with: string
      reviewed_on: string
      note: string | null
    }[]
  ).map((r) => ({
    id: r.id,
    reviewedWith: r.reviewed_with,
    reviewedOn: r.reviewed_on,
    note: r.note
  }))
}

export function addReview(
  db: Db,
  profileId: string,
  review: { reviewedWith: string; reviewedOn: string; note: string | null }
): void {
  db.prepare(
    `INSERT INTO careplan_reviews (id, profile_id, reviewed_with, reviewed_on, note, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`
  ).run(randomUUID(), profileId, review.reviewedWith, review.reviewedOn, review.note, now())
}

export function deleteReview(db: Db, profileId: string, id: string): void {
  const result = db
    .prepare('DELETE FROM careplan_reviews WHERE id = ? AND profile_id = ?')
    .run(id, profileId)
  if (result.changes === 0) throw new CoreError('NOT_FOUND', 'That review is not in the plan.')
}

/** An item as the "what changed" list remembers it. */
export interface SnapshotItem {
  title: string
  fingerprint: string
}

export interface Snapshot {
  rulesVersion: string
  items: Record<string, SnapshotItem>
}

export function loadSnapshot(db: Db, profileId: string): Snapshot | null {
  const row = db
    .prepare('SELECT rules_version, items FROM careplan_snapshots WHERE profile_id = ?')
    .get(profileId) as { rules_version: string; items: string } | undefined
  return row
    ? { rulesVersion: row.rules_version, items: JSON.parse(row.items) as Snapshot['items'] }
    : null
}

export function saveSnapshot(db: Db, profileId: string, snapshot: Snapshot): void {
  db.prepare(
    `INSERT INTO careplan_snapshots (profile_id, rules_version, items, taken_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (profile_id) DO UPDATE SET
       rules_version = excluded.rules_version, items = excluded.items, taken_at = excluded.taken_at`
  ).run(profileId, snapshot.rulesVersion, JSON.stringify(snapshot.items), now())
}

/** A plan item's state kept while the item is not in the plan (its done dates, for when it comes back). */
export interface KeptItemState {
  key: string
  completions: Completion[]
  state: ItemState | null
  firstSeenOn: string | null
}

/**
 * What the person did with their plan that the plan as worked out does not show: the plan as
 * they last acknowledged it ("what changed" compares with it), and the state of items no longer
 * in it, which is kept in case they come back. The FHIR export carries both, so an import
 * restores the plan exactly.
 */
export interface PlanKept {
  snapshot: Snapshot | null
  items: KeptItemState[]
}

export function planKept(db: Db, profileId: string, shownKeys: Iterable<string>): PlanKept {
  const shown = new Set(shownKeys)
  const user = loadUserPlanState(db, profileId)
  const keys = new Set([
    ...user.completions.keys(),
    ...user.states.keys(),
    ...user.firstSeen.keys()
  ])
  const items = [...keys]
    .filter((key) => !shown.has(key))
    .sort()
    .map((key) => ({
      key,
      completions: user.completions.get(key) ?? [],
      state: user.states.get(key) ?? null,
      firstSeenOn: user.firstSeen.get(key) ?? null
    }))
  return { snapshot: loadSnapshot(db, profileId), items }
}
