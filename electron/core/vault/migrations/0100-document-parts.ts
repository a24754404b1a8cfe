import type { Db } from '../database.ts'

/**
 * An imported document's HTML is kept in parts of about 256 KB, each written in its own short
 * transaction, so that saving an 8 MB import never holds the core's thread for longer than one
 * part (a single 18 MB row took 300–400 ms, and every other call waited). The documents row is
 * written last, in one transaction: until it exists the import has not happened, and parts
 * without a row (an import cut short by a lock or a kill) are removed at the next unlock.
 *
 * The plain-text copy is dropped: nothing read it (search cuts the HTML into sections itself).
 * Existing documents move into a single part each.
 */
export function updateToSchemaVersion100(db: Db): void {
  db.exec(`
    CREATE TABLE document_parts (
      document_id TEXT NOT NULL,
      seq INTEGER NOT NULL CHECK (seq >= 0),
      html TEXT NOT NULL,
      PRIMARY KEY (document_id, seq)
    ) STRICT;
    INSERT INTO document_parts (document_id, seq, html) SELECT id, 0, html FROM documents;
    ALTER TABLE documents DROP COLUMN html;
    ALTER TABLE documents DROP COLUMN text;
  `)
}
