import type { Db } from '../database.ts'

/**
 * What a person does with their care plan. The plan itself is never stored: it is recomputed
 * from the record and the shipped rules. Done dates, snoozes and dismissals are keyed by the
 * plan item's stable key, so they survive a change of rules or record; a check that leaves the
 * plan and comes back finds its history again.
 */
export function updateToSchemaVersion30(db: Db): void {
  db.exec(`
    CREATE TABLE careplan_completions (
      id TEXT PRIMARY KEY,
      profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
      item_key TEXT NOT NULL,
      done_on TEXT NOT NULL,
      note TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX careplan_completions_by_item ON careplan_completions (profile_id, item_key);

    CREATE TABLE careplan_item_states (
      profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
      item_key TEXT NOT NULL,
      snoozed_until TEXT,
      dismissed_reason TEXT,
      dismissed_on TEXT,
      responsible TEXT,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (profile_id, item_key),
      CHECK ((dismissed_reason IS NULL) = (dismissed_on IS NULL))
    ) STRICT;

    CREATE TABLE careplan_own_items (
      id TEXT PRIMARY KEY,
      profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
      title TEXT NOT NULL,
      system TEXT NOT NULL,
      what TEXT,
      every_months INTEGER CHECK (every_months IS NULL OR every_months > 0),
      first_due TEXT,
      responsible TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE careplan_reviews (
      id TEXT PRIMARY KEY,
      profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
      reviewed_with TEXT NOT NULL,
      reviewed_on TEXT NOT NULL,
      note TEXT,
      created_at TEXT NOT NULL
    ) STRICT;

    -- The plan as the person last acknowledged it, to show what changed since.
    CREATE TABLE careplan_snapshots (
      profile_id TEXT PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
      rules_version TEXT NOT NULL,
      items TEXT NOT NULL CHECK (json_valid(items)),
      taken_at TEXT NOT NULL
    ) STRICT;
  `)
}
