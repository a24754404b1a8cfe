import type { Db } from '../database.ts'

/**
 * When each care plan item first appeared, so a check that was already past due on the day a
 * record was typed in is not called overdue; and checks done on a date nobody knows.
 *
 * Items an older vault had already shown (those in the last acknowledged plan, and the person's
 * own items) count as kept from the day the person, or the own item, was added: the earliest
 * day the plan can have shown them. What fell due since then stays overdue, as it was.
 */
export function updateToSchemaVersion70(db: Db): void {
  db.exec(`
    CREATE TABLE careplan_items_seen (
      profile_id TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
      item_key TEXT NOT NULL,
      first_seen_on TEXT NOT NULL,
      PRIMARY KEY (profile_id, item_key)
    ) STRICT;

    -- 0: the family knows it was done but not when; done_on is then the day they said so.
    ALTER TABLE careplan_completions
      ADD COLUMN date_known INTEGER NOT NULL DEFAULT 1 CHECK (date_known IN (0, 1));

    INSERT OR IGNORE INTO careplan_items_seen (profile_id, item_key, first_seen_on)
      SELECT s.profile_id, j.key, substr(p.created_at, 1, 10)
      FROM careplan_snapshots AS s
        JOIN profiles AS p ON p.id = s.profile_id
        JOIN json_each(s.items) AS j;

    INSERT OR IGNORE INTO careplan_items_seen (profile_id, item_key, first_seen_on)
      SELECT profile_id, 'own.' || id, substr(created_at, 1, 10) FROM careplan_own_items;
  `)
}
