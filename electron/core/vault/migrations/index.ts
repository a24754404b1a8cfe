/**
 * Numbered schema migrations. Each step runs in one transaction together with
 * `PRAGMA user_version`, so a failing step leaves both the schema and the version as they were.
 * Versions go up in tens, leaving room for a fix between two released steps.
 */
import type { Db } from '../database.ts'
import { updateToSchemaVersion10 } from './0010-profiles-and-settings.ts'
import { updateToSchemaVersion20 } from './0020-treatment-record.ts'
import { updateToSchemaVersion30 } from './0030-care-plan.ts'
import { updateToSchemaVersion40 } from './0040-reading.ts'
import { updateToSchemaVersion50 } from './0050-documents.ts'
import { updateToSchemaVersion60 } from './0060-confirmed-unusual-doses.ts'
import { updateToSchemaVersion70 } from './0070-care-plan-first-seen.ts'
import { updateToSchemaVersion80 } from './0080-gvhd-organ-codes.ts'
import { updateToSchemaVersion90 } from './0090-important-first.ts'
import { updateToSchemaVersion100 } from './0100-document-parts.ts'

export interface Migration {
  version: number
  name: string
  up: (db: Db) => void
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 10, name: 'profiles-and-settings', up: updateToSchemaVersion10 },
  { version: 20, name: 'treatment-record', up: updateToSchemaVersion20 },
  { version: 30, name: 'care-plan', up: updateToSchemaVersion30 },
  { version: 40, name: 'reading', up: updateToSchemaVersion40 },
  { version: 50, name: 'documents', up: updateToSchemaVersion50 },
  { version: 60, name: 'confirmed-unusual-doses', up: updateToSchemaVersion60 },
  { version: 70, name: 'care-plan-first-seen', up: updateToSchemaVersion70 },
  { version: 80, name: 'gvhd-organ-codes', up: updateToSchemaVersion80 },
  { version: 90, name: 'important-first', up: updateToSchemaVersion90 },
  { version: 100, name: 'document-parts', up: updateToSchemaVersion100 }
]

export class DatabaseFromNewerVersionError extends Error {
  readonly found: number
  readonly supported: number
  constructor(found: number, supported: number) {
    super(
      `The vault was written by a newer version of Lantern (schema ${found}; this one knows ${supported}).`
    )
    this.name = 'DatabaseFromNewerVersionError'
    this.found = found
    this.supported = supported
  }
}

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }))
}

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version
}

/** The steps this database still needs. Throws when the database is newer than the app. */
export function pendingMigrations(
  db: Db,
  migrations: readonly Migration[] = MIGRATIONS
): Migration[] {
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version <= migrations[i - 1]!.version) {
      throw new Error(`pendingMigrations: versions not increasing at ${migrations[i]!.name}`)
    }
  }
  const current = schemaVersion(db)
  const latest = latestVersion(migrations)
  if (current > latest) throw new DatabaseFromNewerVersionError(current, latest)
  return migrations.filter((m) => m.version > current)
}

/** Runs the given steps in order, each atomically with its user_version. */
export function runMigrations(db: Db, steps: readonly Migration[]): void {
  for (const step of steps) {
    db.transaction(() => {
      step.up(db)
      // PRAGMA takes no bound parameters; the version is an integer from our own table.
      db.pragma(`user_version = ${Math.trunc(step.version)}`)
    })()
  }
}
