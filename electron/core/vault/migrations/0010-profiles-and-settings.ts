import type { Db } from '../database.ts'

/** The first schema: the people a vault holds records for, and the vault's own settings. */
export function updateToSchemaVersion10(db: Db): void {
  db.exec(`
    CREATE TABLE profiles (
      id TEXT PRIMARY KEY,
      display_name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `)
}
