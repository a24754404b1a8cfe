/**
 * A person's own documents: imported into the encrypted vault as cleaned, safe HTML, searchable
 * like the guides, deletable. Web pages lose their boilerplate (importHtml.ts);
 * Markdown and text are rendered with HTML switched off; PDFs give up their text (pdf.js, offline).
 */
import { randomUUID } from 'node:crypto'
import MarkdownIt from 'markdown-it'
import type { DocumentKind, DocumentSummary, ImportedDocument } from '../../shared/library.ts'
import { CoreError } from '../errors.ts'
import { nextTurn } from '../nextTurn.ts'
import type { Db } from '../vault/database.ts'
import { decodeText } from './decodeText.ts'
import { cleanHtmlPage, textOf } from './importHtml.ts'

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable([
  'link',
  'image',
  'autolink',
  'html_inline',
  'html_block'
])

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Paragraphs from plain text: blank lines separate them, single line breaks are kept. */
function textToHtml(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeText(p).replace(/\r?\n/g, '<br>')}</p>`)
    .join('\n')
}

/** Markdown's own output goes through the same cleaner as web pages, for one set of rules. */
function firstHeading(md: string): string | null {
  const match = /^#{1,3}\s+(.+)$/m.exec(md)
  return match ? match[1]!.trim() : null
}

function firstLine(text: string): string | null {
  const line = text.split(/\r?\n/).find((l) => l.trim().length > 0)
  return line ? line.trim().slice(0, 120) : null
}

function fileStem(fileName: string): string {
  return (
    fileName
      .replace(/\.[a-z0-9]+$/i, '')
      .replace(/[_-]+/g, ' ')
      .trim() || 'Untitled'
  )
}

async function pdfText(bytes: Uint8Array, progress: (fraction: number) => void): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const task = pdfjs.getDocument({
    data: bytes,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    // Text extraction needs no font files; say nothing about the ones it does not load.
    verbosity: 0
  })
  const pdf = await task.promise
  try {
    const pages: string[] = []
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n)
      const content = await page.getTextContent()
      let text = ''
      for (const item of content.items) {
        if (!('str' in item)) continue
        text += item.str
        text += item.hasEOL ? '\n' : ''
      }
      pages.push(text.trim())
      progress(n / pdf.numPages)
    }
    return pages.filter(Boolean).join('\n\n')
  } finally {
    await task.destroy()
  }
}

export interface ImportInput {
  fileName: string
  kind: DocumentKind
  bytes: Uint8Array
}

/**
 * Turns an imported file into the title and safe HTML Lantern keeps. Pure and slow (seconds
 * for 8 MB): documents.import runs it on a worker thread (jobs/kinds.ts).
 */
export async function convertDocument(
  input: ImportInput,
  progress: (fraction: number) => void = () => {}
): Promise<{ title: string; html: string }> {
  const decoded = () => decodeText(input.bytes, { html: input.kind === 'html' })
  let title: string | null
  let html: string
  switch (input.kind) {
    case 'html': {
      const page = cleanHtmlPage(decoded())
      title = page.title
      html = page.html
      break
    }
    case 'markdown': {
      const md = decoded()
      title = firstHeading(md)
      // A whole document, so the HTML parser builds a body around the fragment.
      html = cleanHtmlPage(`<!doctype html><html><body>${markdown.render(md)}</body></html>`).html
      break
    }
    case 'text': {
      const text = decoded()
      title = firstLine(text)
      html = textToHtml(text)
      break
    }
    case 'pdf': {
      let text: string
      try {
        text = await pdfText(input.bytes, progress)
      } catch {
        throw new CoreError('INVALID_INPUT', 'Lantern could not read that PDF.', [
          {
            path: 'content',
            message: 'Lantern could not read that PDF. It may be damaged or protected.'
          }
        ])
      }
      title = firstLine(text)
      html = textToHtml(text)
      break
    }
  }
  if (textOf(html).length === 0) {
    const message =
      input.kind === 'pdf'
        ? 'This PDF has no text Lantern can read (it may be a scan).'
        : 'There is no readable text in this file.'
    throw new CoreError('INVALID_INPUT', message, [{ path: 'content', message }])
  }
  return { title: title ?? fileStem(input.fileName), html }
}

interface DocumentRow {
  id: string
  title: string
  file_name: string
  kind: DocumentKind
  imported_at: string
}

function summary(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    fileName: row.file_name,
    kind: row.kind,
    importedAt: row.imported_at
  }
}

/** Bytes per stored part: one part's write takes a few milliseconds (migration 100). */
export const DOCUMENT_PART_BYTES = 256 * 1024

/**
 * The HTML's UTF-8 bytes cut into parts of at most `size` bytes, each ending where a character
 * ends (a character cut in two would be stored as U+FFFD, and lost). A character longer than
 * `size` is a part of its own.
 */
export function documentParts(utf8: Uint8Array, size = DOCUMENT_PART_BYTES): Uint8Array[] {
  const isContinuation = (i: number) => (utf8[i]! & 0xc0) === 0x80
  const parts: Uint8Array[] = []
  let start = 0
  while (start < utf8.length) {
    let end = Math.min(utf8.length, start + size)
    while (end > start && end < utf8.length && isContinuation(end)) end--
    if (end === start) {
      end = start + 1
      while (end < utf8.length && isContinuation(end)) end++
    }
    parts.push(utf8.subarray(start, end))
    start = end
  }
  return parts
}

/**
 * Saves an imported document in parts, each its own transaction in a turn of the event loop of
 * its own, then its row, which makes it appear. The HTML arrives as UTF-8 bytes, as the
 * conversion's worker hands them over (moved, not copied: 8 MB of text copied between threads
 * held the core for ~40 ms); each part becomes text just before it is written.
 *
 * `db` is the connection the import began with: if the vault locks meanwhile, that connection is
 * closed and the import stops there, leaving parts that the next unlock removes
 * (removeUnfinishedImports) rather than finishing into a vault opened again since.
 */
export async function saveDocument(
  db: Db,
  doc: { title: string; fileName: string; kind: DocumentKind; html: Uint8Array },
  partBytes = DOCUMENT_PART_BYTES
): Promise<DocumentSummary> {
  const row: DocumentRow = {
    id: randomUUID(),
    title: doc.title,
    file_name: doc.fileName,
    kind: doc.kind,
    imported_at: new Date().toISOString()
  }
  const stillOpen = () => {
    if (!db.open)
      throw new CoreError('VAULT_LOCKED', 'The vault locked before the import was saved.')
  }
  const insertPart = db.prepare(
    'INSERT INTO document_parts (document_id, seq, html) VALUES (?, ?, ?)'
  )
  const text = new TextDecoder()
  for (const [seq, part] of documentParts(doc.html, partBytes).entries()) {
    // Each step in a turn of its own: the first part would otherwise share one with the job's
    // answer arriving, and a part's write with its checkpoint (together 25 to 40 ms at times).
    await nextTurn()
    stillOpen()
    insertPart.run(row.id, seq, text.decode(part))
    await nextTurn()
    stillOpen()
    // Copies this part from the write-ahead log into the database now, a few milliseconds; left
    // to SQLite, a checkpoint every 4 MB held the thread for about 40 ms.
    db.pragma('wal_checkpoint(PASSIVE)')
  }
  stillOpen()
  db.prepare(
    `INSERT INTO documents (id, title, file_name, kind, imported_at)
     VALUES (@id, @title, @file_name, @kind, @imported_at)`
  ).run(row)
  return summary(row)
}

/** Parts left by an import that never wrote its row (the vault locked, or the app was killed). */
export function removeUnfinishedImports(db: Db): void {
  db.prepare('DELETE FROM document_parts WHERE document_id NOT IN (SELECT id FROM documents)').run()
}

function documentHtml(db: Db, id: string): string {
  const parts = db
    .prepare('SELECT html FROM document_parts WHERE document_id = ? ORDER BY seq')
    .pluck()
    .all(id) as string[]
  return parts.join('')
}

export function listDocuments(db: Db): DocumentSummary[] {
  return (
    db
      .prepare(
        'SELECT id, title, file_name, kind, imported_at FROM documents ORDER BY imported_at DESC'
      )
      .all() as DocumentRow[]
  ).map(summary)
}

function documentRow(db: Db, id: string): DocumentRow {
  const row = db
    .prepare('SELECT id, title, file_name, kind, imported_at FROM documents WHERE id = ?')
    .get(id) as DocumentRow | undefined
  if (!row) throw new CoreError('NOT_FOUND', 'That document is not in the vault.')
  return row
}

/** A document read at once: for small ones, tests and tools (documents.get reads in turns). */
export function getDocument(db: Db, id: string): ImportedDocument {
  return { ...summary(documentRow(db, id)), html: documentHtml(db, id) }
}

/**
 * A document read a stored part per turn (documents.get): reading and decrypting the largest at
 * once held the core's thread for 60 to 130 ms. Parts are never changed once written, so the
 * parts read are the document's, unless it was deleted meanwhile: then NOT_FOUND, as at once.
 */
export async function readDocumentInTurns(db: Db, id: string): Promise<ImportedDocument> {
  const row = documentRow(db, id)
  const text = new TextDecoder()
  let html = ''
  for (let part = nextDocumentPart(db, id, -1); part;) {
    html += text.decode(part.bytes)
    const after = part.seq
    await nextTurn()
    if (!db.open)
      throw new CoreError('VAULT_LOCKED', 'The vault locked while the document was read.')
    part = nextDocumentPart(db, id, after)
  }
  documentRow(db, id)
  return { ...summary(row), html }
}

/** A part of a document as search shows it: from one heading (h2 or h3) to the next. */
export interface DocumentSection {
  /** `part-N` for the Nth h2 or h3 heading of the document's html; null for the text before the first. */
  sectionId: string | null
  title: string
  text: string
}

/**
 * A document cut at its headings, like the guides at theirs, so that search can point into a
 * long page. The html is Lantern's own rewrite (bare tags, no attributes), so a tag pattern is
 * exact here. The document page counts h2 and h3 headings the same way to find `part-N`.
 */
export function documentSections(title: string, html: string): DocumentSection[] {
  const sections: DocumentSection[] = []
  const pieces = html.split(/(<h[23]>[\s\S]*?<\/h[23]>)/)
  const lead = textOf(pieces[0] ?? '')
  if (lead) sections.push({ sectionId: null, title, text: lead })
  for (let i = 1; i < pieces.length; i += 2) {
    const heading = textOf(pieces[i]!) || title
    sections.push({
      sectionId: `part-${(i + 1) / 2}`,
      title: heading,
      text: textOf(pieces[i + 1] ?? '')
    })
  }
  return sections
}

/** Every document's id, oldest first: the order the search index is built in after unlocking. */
export function documentIds(db: Db): string[] {
  return db.prepare('SELECT id FROM documents ORDER BY imported_at, id').pluck().all() as string[]
}

/** A document's title, or null once it is deleted. */
export function documentTitle(db: Db, id: string): string | null {
  const title = db.prepare('SELECT title FROM documents WHERE id = ?').pluck().get(id)
  return (title as string | undefined) ?? null
}

/**
 * The next stored part of a document's HTML after part `afterSeq`, as the UTF-8 bytes SQLite
 * keeps (no JavaScript string is made of it), or null after the last.
 */
export function nextDocumentPart(
  db: Db,
  id: string,
  afterSeq: number
): { seq: number; bytes: Uint8Array } | null {
  const row = db
    .prepare(
      `SELECT seq, CAST(html AS BLOB) AS bytes FROM document_parts
       WHERE document_id = ? AND seq > ? ORDER BY seq LIMIT 1`
    )
    .get(id, afterSeq) as { seq: number; bytes: Uint8Array } | undefined
  return row ?? null
}

/**
 * Deletes a document: its row at once (it leaves the list), then its stored parts one per turn,
 * each overwritten on disk (secure_delete) and checkpointed as the import wrote them. Deleting
 * the largest in one statement held the core's thread for 100 ms and more. Parts left by a lock
 * or a kill part-way have no row: the next unlock removes them (removeUnfinishedImports).
 */
export async function deleteDocument(db: Db, id: string): Promise<void> {
  if (db.prepare('DELETE FROM documents WHERE id = ?').run(id).changes === 0) {
    throw new CoreError('NOT_FOUND', 'That document is not in the vault.')
  }
  const deleteFirstPart = db.prepare(
    `DELETE FROM document_parts WHERE document_id = ?
     AND seq = (SELECT MIN(seq) FROM document_parts WHERE document_id = ?)`
  )
  while (db.open && deleteFirstPart.run(id, id).changes > 0) {
    db.pragma('wal_checkpoint(PASSIVE)')
    await nextTurn()
  }
}
