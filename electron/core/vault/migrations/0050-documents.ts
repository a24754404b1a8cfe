import type { Db } from '../database.ts'

/**
 * Documents a person imports (web pages saved from a browser, Markdown, text, the text of PDFs),
 * kept inside the encrypted vault: the cleaned, safe HTML Lantern shows and its plain text for
 * search. The original file is not kept: it may hold scripts, trackers or remote images.
 */
export function updateToSchemaVersion50(db: Db): void {
  db.exec(`
    CREATE TABLE documents (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      file_name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('html', 'markdown', 'text', 'pdf')),
      html TEXT NOT NULL,
      text TEXT NOT NULL,
      imported_at TEXT NOT NULL
    ) STRICT;
  `)
}
