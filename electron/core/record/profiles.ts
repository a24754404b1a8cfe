import { randomUUID } from 'node:crypto'
import type { Profile } from '../../shared/contract.ts'
import type { Person } from '../../shared/record.ts'
import { CoreError } from '../errors.ts'
import type { Db } from '../vault/database.ts'

interface ProfileRow {
  id: string
  display_name: string
  date_of_birth: string | null
  sex: Profile['sex']
  treatment_completed_on: string | null
  ongoing_therapy: string | null
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
    isSample: row.is_sample === 1,
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

/** The person's own details. Fields left out of the input keep their stored value. */
export function updatePerson(db: Db, person: Person): Profile {
  const current = getProfile(db, person.profileId)
  const next = {
    dateOfBirth: person.dateOfBirth === undefined ? current.dateOfBirth : person.dateOfBirth,
    sex: person.sex === undefined ? current.sex : person.sex,
    treatmentCompletedOn:
      person.treatmentCompletedOn === undefined
        ? current.treatmentCompletedOn
        : person.treatmentCompletedOn,
    ongoingTherapy:
      person.ongoingTherapy === undefined ? current.ongoingTherapy : person.ongoingTherapy
  }
  db.prepare(
    `UPDATE profiles SET date_of_birth = ?, sex = ?, treatment_completed_on = ?, ongoing_therapy = ?,
       updated_at = ? WHERE id = ?`
  ).run(
    next.dateOfBirth ?? null,
    next.sex ?? null,
    next.treatmentCompletedOn ?? null,
    next.ongoingTherapy ?? null,
    new Date().toISOString(),
    person.profileId
  )
  return getProfile(db, person.profileId)
}
