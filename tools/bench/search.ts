/**
 * Search as the person types (every prefix of each query from its third character, five rounds):
 * Lantern's own search over the library, the library ten times over, and the core with the
 * vault's documents, each against SQLite FTS5 (the vault's SQLite library has it) and a plain
 * MiniSearch index built with its default options, over the same sections and keystrokes.
 *
 * The comparisons do less than Lantern: FTS5 (unicode61, diacritics removed, every word must
 * match, the last as a prefix, BM25 with titles weighted 3) knows no British spellings, plurals
 * or typos; MiniSearch's defaults match whole words only. Neither makes snippets: Lantern's
 * times include them.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import MiniSearch from 'minisearch'
import type { Core } from '../../electron/core/api.ts'
import { htmlToText } from '../../electron/core/library/guideMarkdown.ts'
import { documentSections, getDocument } from '../../electron/core/library/documents.ts'
import { buildLibraryIndex } from '../../electron/core/library/search.ts'
import { shippedLibrary } from '../../electron/core/library/shippedLibrary.ts'
import { openVaultDatabase } from '../../electron/core/vault/database.ts'
import { newDataKey } from '../../electron/core/vault/keyCrypto.ts'
import type { Guide } from '../../electron/shared/library.ts'
import { time, timing, type Timing } from './stats.ts'
import { type BenchVault, PASSPHRASE } from './vault.ts'

/** Queries a family might type, whole and half-typed, with British spellings and typos. */
export const QUERIES = [
  'blinatumomab',
  'leukaemia',
  'anc',
  'neutro',
  'intrathecal methotrexate',
  'bone marrow transplant',
  'relapse',
  'philadelphia chromosome',
  'car t',
  'trastuzamab',
  'aromatase inhibitor side effects',
  'fertility',
  'late effects heart',
  'minimal residual disease',
  'remision',
  'tumour',
  'palliative care',
  'lumbar puncture',
  'dexamethasone',
  'what is all'
]

/** Every keystroke of the query list: each prefix from the third character, five rounds. */
export function keystrokes(): string[] {
  const typed: string[] = []
  for (let round = 0; round < 5; round++) {
    for (const query of QUERIES) {
      for (let n = 3; n <= query.length; n++) typed.push(query.slice(0, n))
    }
  }
  return typed
}

/** A keystroke arrives as an event of its own: the event loop turns between two. */
const nextKeystroke = () => new Promise((resolve) => setImmediate(resolve))

async function typeAll(search: (query: string) => unknown, typed = keystrokes()): Promise<Timing> {
  const times: number[] = []
  for (const query of typed) {
    times.push(await time(() => search(query)))
    await nextKeystroke()
  }
  return timing(times)
}

/** A section as the comparisons index it: what Lantern's index holds, as plain text. */
interface Section {
  id: number
  title: string
  text: string
}

function librarySections(guides: Guide[]): Section[] {
  const { glossary } = shippedLibrary()
  const sections = guides.flatMap((g) =>
    g.sections.map((s) => ({ title: s.title, text: htmlToText(s.html) }))
  )
  const terms = glossary.map((t) => ({ title: t.term, text: `${t.term}: ${t.definition}` }))
  return [...sections, ...terms].map((s, id) => ({ id, ...s }))
}

/** The words of a keystroke as an FTS5 query: each quoted, all required, the last a prefix. */
function fts5Query(typed: string): string | null {
  const words = typed.match(/[\p{L}\p{N}]+/gu)
  if (!words) return null
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ')
}

export interface Comparison {
  build: number
  keystrokes: Timing
}

/** FTS5 in an encrypted database with the vault's settings (what keeping the index in the vault would be). */
function fts5(dir: string, name: string, sections: Section[]) {
  const file = join(dir, `${name}.db`)
  const db = openVaultDatabase(file, newDataKey(), { create: true })
  db.exec(
    `CREATE VIRTUAL TABLE sections USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2')`
  )
  const insert = db.prepare('INSERT INTO sections (rowid, title, text) VALUES (?, ?, ?)')
  const build = performance.now()
  db.transaction(() => {
    for (const s of sections) insert.run(s.id, s.title, s.text)
  })()
  const built = performance.now() - build
  // Ranked results without snippets: FTS5's snippet() reads a whole section, and over an 8 MB
  // one a single keystroke took minutes.
  const query = db.prepare(
    `SELECT rowid FROM sections WHERE sections MATCH ? ORDER BY bm25(sections, 3.0, 1.0) LIMIT 20`
  )
  return {
    built,
    search: (typed: string) => {
      const q = fts5Query(typed)
      return q ? query.all(q) : []
    },
    close: () => {
      db.close()
      rmSync(file, { force: true })
      rmSync(`${file}-wal`, { force: true })
      rmSync(`${file}-shm`, { force: true })
    }
  }
}

function miniSearchDefaults(sections: Section[]) {
  const index = new MiniSearch<Section>({ fields: ['title', 'text'] })
  const built = performance.now()
  index.addAll(sections)
  return {
    built: performance.now() - built,
    search: (typed: string) => index.search(typed).slice(0, 20)
  }
}

async function compare(dir: string, name: string, sections: Section[]) {
  const f = fts5(dir, name, sections)
  try {
    const fts = { build: f.built, keystrokes: await typeAll(f.search) }
    console.log(`  ${name}: FTS5 95th percentile ${fts.keystrokes.p95.toFixed(2)} ms`)
    const m = miniSearchDefaults(sections)
    const mini = { build: m.built, keystrokes: await typeAll(m.search) }
    console.log(`  ${name}: MiniSearch 95th percentile ${mini.keystrokes.p95.toFixed(2)} ms`)
    return { fts5: fts, miniSearch: mini }
  } finally {
    f.close()
  }
}

export interface SearchRow {
  sections: number
  words: number
  lantern: Comparison
  fts5: Comparison
  miniSearch: Comparison
}

const wordCount = (sections: Section[]) =>
  sections.reduce((n, s) => n + s.text.split(/\s+/).length, 0)

/** The library, and the library ten times over, in Lantern's index and the two others. */
export async function benchLibrarySearch(
  dir: string
): Promise<{ library: SearchRow; libraryTimes10: SearchRow }> {
  const { guides, glossary } = shippedLibrary()
  const rows: SearchRow[] = []
  for (const copies of [1, 10]) {
    const many = Array.from({ length: copies }, (_, i) =>
      guides.map((g) => ({ ...g, id: i === 0 ? g.id : `${g.id}-copy-${i}` }))
    ).flat()
    let index: ReturnType<typeof buildLibraryIndex> | null = null
    const build = await time(() => (index = buildLibraryIndex(many, glossary)))
    const lantern = { build, keystrokes: await typeAll((q) => index!.search(q)) }
    const sections = librarySections(many)
    rows.push({
      sections: sections.length,
      words: wordCount(sections),
      lantern,
      ...(await compare(dir, `library-${copies}`, sections))
    })
  }
  return { library: rows[0]!, libraryTimes10: rows[1]! }
}

/** When the first keystroke comes after unlocking, at the soonest. */
export const FIRST_KEYSTROKE_AFTER_MS = 500

export interface DocumentSearchFigures extends SearchRow {
  documents: number
  /** The first search, half a second after unlocking: the guides answer while the documents are indexed. */
  firstAfterUnlock: number
  /** From unlocking until the documents' index holds every document (on its worker). */
  documentsReadyAfter: number
  /** Keystrokes typed from the moment of unlocking until the documents joined. */
  whileIndexing: Timing
  /** A short document imported, then searched for. */
  importThenSearch: number
}

/**
 * Search through the core on the bench's vault: the library with the 100 documents and the two
 * largest files. Unlocked afresh, the typing starts at once.
 */
export async function benchDocumentSearch(
  dir: string,
  { core }: BenchVault
): Promise<DocumentSearchFigures> {
  const search = (query: string) => core.handlers['library.search']({ query })
  await core.vault.lock()
  const unlocked = performance.now()
  await core.vault.unlock(PASSPHRASE)
  // The person reaches the search box: the unlock screen gives way to the list of people, then
  // the library.
  await new Promise((resolve) => setTimeout(resolve, FIRST_KEYSTROKE_AFTER_MS))
  const firstAfterUnlock = await time(() => search('blinatumomab'))
  const whileTimes: number[] = []
  const typed = keystrokes()
  for (let i = 0; core.documentSearch.state === 'building'; i = (i + 1) % typed.length) {
    whileTimes.push(await time(() => search(typed[i]!)))
    await nextKeystroke()
  }
  await core.documentSearch.settled()
  const documentsReadyAfter = performance.now() - unlocked
  console.log(
    `  documents in the index ${(documentsReadyAfter / 1000).toFixed(1)} s after unlocking`
  )
  const importThenSearch = await time(async () => {
    await core.handlers['documents.import']({
      fileName: 'one-more.md',
      kind: 'markdown',
      content: Buffer.from('# One more\n\nA short note about the clinic.\n').toString('base64')
    })
    await search('clinic note')
  })
  const lantern = { build: documentsReadyAfter, keystrokes: await typeAll(search) }
  console.log(`  through the core: 95th percentile ${lantern.keystrokes.p95.toFixed(2)} ms`)
  const documents = vaultSections(core)
  const sections = [...librarySections(shippedLibrary().guides), ...documents.sections].map(
    (s, id) => ({ ...s, id })
  )
  return {
    documents: documents.count,
    sections: sections.length,
    words: wordCount(sections),
    firstAfterUnlock,
    documentsReadyAfter,
    whileIndexing: timing(whileTimes.length > 0 ? whileTimes : [firstAfterUnlock]),
    importThenSearch,
    lantern,
    ...(await compare(dir, 'documents', sections))
  }
}

function vaultSections(core: Core): { count: number; sections: Section[] } {
  const db = core.vault.db
  const ids = db.prepare('SELECT id FROM documents').pluck().all() as string[]
  const sections = ids.flatMap((id) => {
    const { title, html } = getDocument(db, id)
    return documentSections(title, html).map((s) => ({ id: 0, title: s.title, text: s.text }))
  })
  return { count: ids.length, sections }
}

/** How long FTS5 takes to index the largest document alone: the core's thread would hold for it. */
export function fts5LargestInsert(dir: string, { core }: BenchVault): number {
  const db = core.vault.db
  const id = db
    .prepare('SELECT id FROM documents WHERE file_name = ?')
    .pluck()
    .get('largest.markdown') as string
  const { title, html } = getDocument(db, id)
  const sections = documentSections(title, html).map((s, i) => ({ id: i, ...s }))
  const f = fts5(dir, 'largest', sections)
  f.close()
  return f.built
}
