import type { Db } from '../database.ts'

/**
 * What a person keeps while reading the guides: bookmarks and where they stopped in each guide
 * (the reader's own, not any one person's record), and the questions they collect for a person's
 * care team. Guides are public and ship with the app; only these choices are private.
 */
export function updateToSchemaVersion40(db: Db): void {
  db.exec(`
    CREATE TABLE bookmarks (
      id TEXT PRIMARY KEY,
      guide_id TEXT NOT NULL,
      section_id TEXT NOT NULL,
      label TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (guide_id, section_id)
    ) STRICT;

    CREATE TABLE reading_positions (
      guide_id TEXT PRIMARY KEY,
      section_id TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE questions (
      id TEXT PRIMARY KEY,
      profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
      text TEXT NOT NULL,
      guide_id TEXT,
      section_id TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX questions_by_profile ON questions (profile_id, created_at);
  `)
}
