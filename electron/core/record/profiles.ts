import { randomUUID } from 'node:crypto'
import type { Profile } from '../../shared/contract.ts'
import { CoreError } from '../errors.ts'
import type { Db } from '../vault/database.ts'

interface ProfileRow {
  id: string
  display_name: string
  created_at: string
  updated_at: string
}

function toProfile(row: ProfileRow): Profile {
  return {
    id: row.id,
    displayName: row.display_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

export function listProfiles(db: Db): Profile[] {
  const rows = db.prepare('SELECT * FROM profiles ORDER BY created_at, rowid').all() as ProfileRow[]
  return rows.map(toProfile)
}

export function getProfile(db: Db, id: string): Profile {
  const row = db.prepare('SELECT * FROM profiles WHERE id = ?').get(id) as ProfileRow | undefined
  if (!row) throw new CoreError('NOT_FOUND', 'That profile does not exist.')
  return toProfile(row)
}

export function createProfile(db: Db, displayName: string): Profile {
  const now = new Date().toISOString()
  const id = randomUUID()
  db.prepare(
    'INSERT INTO profiles (id, display_name, created_at, updated_at) VALUES (?, ?, ?, ?)'
  ).run(id, displayName, now, now)
  return getProfile(db, id)
}

export function renameProfile(db: Db, id: string, displayName: string): Profile {
  const result = db
    .prepare('UPDATE profiles SET display_name = ?, updated_at = ? WHERE id = ?')
    .run(displayName, new Date().toISOString(), id)
  if (result.changes === 0) throw new CoreError('NOT_FOUND', 'That profile does not exist.')
  return getProfile(db, id)
}
