/**
 * Drafts: what a form held that could not be saved yet. They are not record entries (they may
 * be invalid or half-typed), so they are kept apart, one per form, inside the encrypted vault,
 * and handed back after the next unlock.
 */
import { randomUUID } from 'node:crypto'
import type { Draft } from '../../shared/contract.ts'
import type { EntryKind } from '../../shared/record.ts'
import { CoreError } from '../errors.ts'
import type { Db } from '../vault/database.ts'
import { getProfile } from './profiles.ts'

interface DraftRow {
  id: string
  kind: EntryKind
  entry_id: string | null
  data: string
  updated_at: string
}

export function saveDraft(
  db: Db,
  draft: { profileId: string; kind: EntryKind; entryId: string | null; data: unknown }
): { id: string } {
  getProfile(db, draft.profileId)
  const row = db
    .prepare(
      `INSERT INTO drafts (id, profile_id, kind, entry_id, data, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (profile_id, kind, coalesce(entry_id, ''))
       DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at
       RETURNING id`
    )
    .get(
      randomUUID(),
      draft.profileId,
      draft.kind,
      draft.entryId,
      JSON.stringify(draft.data),
      new Date().toISOString()
    ) as { id: string }
  return { id: row.id }
}

export function listDrafts(db: Db, profileId: string): Draft[] {
  getProfile(db, profileId)
  const rows = db
    .prepare('SELECT * FROM drafts WHERE profile_id = ? ORDER BY updated_at, rowid')
    .all(profileId) as DraftRow[]
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    entryId: row.entry_id,
    data: JSON.parse(row.data) as Record<string, unknown>,
    updatedAt: row.updated_at
  }))
}

export function deleteDraft(db: Db, id: string): void {
  if (db.prepare('DELETE FROM drafts WHERE id = ?').run(id).changes === 0) {
    throw new CoreError('NOT_FOUND', 'That draft does not exist.')
  }
}
