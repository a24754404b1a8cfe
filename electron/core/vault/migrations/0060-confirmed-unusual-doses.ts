import type { Db } from '../database.ts'

/**
 * A dose the person confirmed after Lantern asked them to check it (far from the usual dose, or
 * from their other doses of the same drug). Kept with the dose, so the summary can say so to a
 * doctor years later. Doses recorded before this version were never asked about: they start at 0.
 */
export function updateToSchemaVersion60(db: Db): void {
  db.exec(`
    ALTER TABLE drug_administrations
      ADD COLUMN confirmed_unusual INTEGER NOT NULL DEFAULT 0 CHECK (confirmed_unusual IN (0, 1));
  `)
}
