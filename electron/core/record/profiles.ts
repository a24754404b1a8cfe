import { randomUUID } from 'node:crypto'
import type { Profile } from '../../shared/contract.ts'
import { NO_KNOWN_ALLERGIES_CONFLICT, type Allergy, type Person } from '../../shared/record.ts'
import { CoreError } from '../errors.ts'
import type { Db } from '../vault/database.ts'
import { cachedStatement } from '../vault/statements.ts'

interface ProfileRow {
  id: string
  display_name: string
  date_of_birth: string | null
  sex: Profile['sex']
  treatment_completed_on: string | null
  ongoing_therapy: string | null
  phone: string | null
  email: string | null
  // Absent while a vault older than migration 90 is read (its tests build one with these calls).
  allergies?: string
  no_known_allergies?: number
  central_line?: Profile['centralLine']
  central_line_notes?: string | null
  central_line_placed_on?: string | null
  shunt?: Profile['shunt']
  shunt_notes?: string | null
  spleen?: Profile['spleen']
  team_phone_24h?: string | null
  fever_threshold?: number | null
  fever_threshold_unit?: 'C' | 'F' | null
  is_sample: number
  created_at: string
  updated_at: string
}

function toProfile(row: ProfileRow): Profile {
  return {
    id: row.id,
    displayName: row.display_name,
    dateOfBirth: row.date_of_birth,
    sex: row.sex,
    treatmentCompletedOn: row.treatment_completed_on,
    ongoingTherapy: row.ongoing_therapy,
    phone: row.phone,
    email: row.email,
    allergies: JSON.parse(row.allergies ?? '[]') as Allergy[],
    noKnownAllergies: row.no_known_allergies === 1,
    centralLine: row.central_line ?? null,
    centralLineNotes: row.central_line_notes ?? null,
    centralLinePlacedOn: row.central_line_placed_on ?? null,
    shunt: row.shunt ?? null,
    shuntNotes: row.shunt_notes ?? null,
    spleen: row.spleen ?? null,
    teamPhone24h: row.team_phone_24h ?? null,
    feverThreshold:
      row.fever_threshold != null && row.fever_threshold_unit != null
        ? { value: row.fever_threshold, unit: row.fever_threshold_unit }
        : null,
    isSample: row.is_sample === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

export function listProfiles(db: Db): Profile[] {
  const rows = db
    .prepare('SELECT * FROM profiles WHERE deleted_at IS NULL ORDER BY created_at, rowid')
    .all() as ProfileRow[]
  return rows.map(toProfile)
}

export function getProfile(db: Db, id: string): Profile {
  const row = cachedStatement(db, 'SELECT * FROM profiles WHERE id = ? AND deleted_at IS NULL').get(
    id
  ) as ProfileRow | undefined
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
    .prepare(
      'UPDATE profiles SET display_name = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL'
    )
    .run(displayName, new Date().toISOString(), id)
  if (result.changes === 0) throw new CoreError('NOT_FOUND', 'That profile does not exist.')
  return getProfile(db, id)
}

/** The person's own details. Fields left out of the input keep their stored value. */
export function updatePerson(db: Db, person: Person): Profile {
  const current = getProfile(db, person.profileId)
  const pick = <K extends keyof Person & keyof Profile>(key: K) =>
    person[key] === undefined ? current[key] : person[key]
  const allergies = pick('allergies') ?? []
  const noKnownAllergies = pick('noKnownAllergies') ?? false
  // The schema checks the two when both are sent; one sent alone meets the other as stored.
  if (noKnownAllergies && allergies.length > 0) {
    const path = person.noKnownAllergies === undefined ? 'allergies' : 'noKnownAllergies'
    throw new CoreError('INVALID_INPUT', NO_KNOWN_ALLERGIES_CONFLICT, [
      { path, message: NO_KNOWN_ALLERGIES_CONFLICT }
    ])
  }
  const fever = pick('feverThreshold') ?? null
  db.prepare(
    `UPDATE profiles SET date_of_birth = ?, sex = ?, phone = ?, email = ?,
       treatment_completed_on = ?, ongoing_therapy = ?, allergies = ?, no_known_allergies = ?,
       central_line = ?, central_line_notes = ?, central_line_placed_on = ?, shunt = ?,
       shunt_notes = ?, spleen = ?, team_phone_24h = ?, fever_threshold = ?,
       fever_threshold_unit = ?, updated_at = ? WHERE id = ?`
  ).run(
    pick('dateOfBirth') ?? null,
    pick('sex') ?? null,
    pick('phone') ?? null,
    pick('email') ?? null,
    pick('treatmentCompletedOn') ?? null,
    pick('ongoingTherapy') ?? null,
    JSON.stringify(allergies),
    noKnownAllergies ? 1 : 0,
    pick('centralLine') ?? null,
    pick('centralLineNotes') ?? null,
    pick('centralLinePlacedOn') ?? null,
    pick('shunt') ?? null,
    pick('shuntNotes') ?? null,
    pick('spleen') ?? null,
    pick('teamPhone24h') ?? null,
    fever?.value ?? null,
    fever?.unit ?? null,
    new Date().toISOString(),
    person.profileId
  )
  return getProfile(db, person.profileId)
}

/** How long a deleted person can be brought back with Undo. */
export const UNDO_DELETE_MS = 60_000

/**
 * Deleting a person hides them at once and keeps their record for a short while, so a
 * mis-click can be undone; purgeDeletedProfiles() removes it for good (with secure delete).
 */
export function deleteProfile(db: Db, id: string): { undoUntil: string } {
  const now = new Date()
  const result = db
    .prepare('UPDATE profiles SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL')
    .run(now.toISOString(), id)
  if (result.changes === 0) throw new CoreError('NOT_FOUND', 'That profile does not exist.')
  return { undoUntil: new Date(now.getTime() + UNDO_DELETE_MS).toISOString() }
}

export function undoDeleteProfile(db: Db, id: string, now = new Date()): Profile {
  const cutoff = new Date(now.getTime() - UNDO_DELETE_MS).toISOString()
  const result = db
    .prepare('UPDATE profiles SET deleted_at = NULL WHERE id = ? AND deleted_at >= ?')
    .run(id, cutoff)
  if (result.changes === 0) {
    throw new CoreError('NOT_FOUND', 'That person can no longer be brought back.')
  }
  return getProfile(db, id)
}

/**
 * The deletion time of a person whose import is still being saved (fhir/import/write.ts): hidden
 * like a deleted person, never to be brought back with Undo (it is before every undo window),
 * and removed by the purge when the vault opens or closes, so an import cut short by a lock or a
 * kill leaves nobody behind.
 */
export const IMPORTING_DELETED_AT = '0000-01-01T00:00:00.000Z'

/** Hides a person while their import is saved in parts. */
export function hideWhileImporting(db: Db, id: string): void {
  db.prepare('UPDATE profiles SET deleted_at = ? WHERE id = ?').run(IMPORTING_DELETED_AT, id)
}

/** Shows an imported person once all of them is saved; false if they are gone meanwhile. */
export function showImported(db: Db, id: string): boolean {
  return (
    db
      .prepare('UPDATE profiles SET deleted_at = NULL WHERE id = ? AND deleted_at = ?')
      .run(id, IMPORTING_DELETED_AT).changes === 1
  )
}

/** Removes a person whose import failed, with everything saved of it so far. */
export function removeUnfinishedImport(db: Db, id: string): void {
  db.prepare('DELETE FROM profiles WHERE id = ? AND deleted_at = ?').run(id, IMPORTING_DELETED_AT)
}

/** Removes deleted people whose undo time is over (all of them with `everything`). */
export function purgeDeletedProfiles(db: Db, options: { everything: boolean }): number {
  const cutoff = options.everything ? '9999' : new Date(Date.now() - UNDO_DELETE_MS).toISOString()
  return db
    .prepare('DELETE FROM profiles WHERE deleted_at IS NOT NULL AND deleted_at <= ?')
    .run(cutoff).changes
}
