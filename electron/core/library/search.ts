/**
 * Search across the guides (section by section) and the glossary, as the person types.
 *
 * Words are folded before indexing and querying, so British and American spellings meet
 * ("leukaemia" finds "leukemia", "tumour" finds "tumor", "oestrogen" finds "estrogen"), and
 * simple plurals meet their singular. The last word is matched as a prefix (the person is still
 * typing it) and longer words forgive a typo. MiniSearch ranks with BM25; section titles count
 * more than body text.
 *
 * The guides' index lives on the core's thread, built in turns after unlocking; the person's
 * documents are indexed on a worker of their own (documentSearch.ts), with this same code.
 */
import MiniSearch from 'minisearch'
import type { GlossaryTerm, Guide, SearchResult, SnippetPart } from '../../shared/library.ts'
import { nextTurn } from '../nextTurn.ts'
import { htmlToText } from './guideMarkdown.ts'

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu

/** One word as the index keeps it; the same function folds query words. */
export function foldWord(word: string): string | null {
  let w = word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s$/, '')
  if (w.length === 0) return null
  // British spellings: haemoglobin, leukaemia, paediatric, oestrogen, oesophagus.
  w = w
    .replace(/ae/g, 'e')
    .replace(/oe(?=s)/g, 'e')
    .replace(/^oe/, 'e')
  // tumour, behaviour, colour (but not four, hour, your).
  if (w.length > 5) w = w.replace(/our(s?)$/, 'or$1')
  // Simple plurals: therapies → therapy, blasts → blast (not: diagnosis, virus, class).
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1)
  return w
}

interface IndexedDoc {
  id: string
  kind: SearchResult['kind']
  targetId: string
  sectionId: string | null
  title: string
  context: string
  text: string
  /** What the result is called (a section title, a term and its other names), for exact matches. */
  names: string[]
}

export interface LibraryIndex {
  search(query: string, limit?: number): SearchResult[]
  readonly documentCount: number
}

const SNIPPET_WORDS = 28
/** Words the snippet shows before the first match. */
const SNIPPET_LEAD = 8

/** The words of the query (and of the terms it matched), folded, as a snippet marks them. */
function wantedWords(query: string): string[] {
  return [...query.matchAll(WORD)].map((m) => foldWord(m[0])).filter(Boolean) as string[]
}

/** A word is marked when its folded form begins with one that is wanted. */
const isWanted = (folded: string | null, wanted: string[]) =>
  folded !== null && wanted.some((q) => folded.startsWith(q))

/** The window's words as parts: the text between marked words kept as it is. */
function snippetParts(
  text: string,
  window: { match: RegExpExecArray; hit: boolean }[],
  before: boolean,
  after: boolean
): SnippetPart[] {
  const parts: SnippetPart[] = []
  if (before) parts.push({ text: '… ', hit: false })
  let cursor = window[0]!.match.index
  for (const { match, hit } of window) {
    if (!hit) continue
    if (match.index > cursor) parts.push({ text: text.slice(cursor, match.index), hit: false })
    parts.push({ text: match[0], hit: true })
    cursor = match.index + match[0].length
  }
  const lastWord = window.at(-1)!.match
  const to = lastWord.index + lastWord[0].length
  if (to > cursor) parts.push({ text: text.slice(cursor, to), hit: false })
  if (after) parts.push({ text: ' …', hit: false })
  return parts
}

/** Where a word starts is noted every this many words, so a snippet can start reading near it. */
const MARK_EVERY = 32

/**
 * What a snippet needs to know of a text without reading it: the first word that folds to each
 * folded word, and where every 32nd word starts. Worked out once, as the text is indexed (the
 * same pass gives MiniSearch its words). Reading a section from its start to its first match
 * took a millisecond per 2,000 words, and results come twenty at a time.
 */
interface TextWords {
  firstAt: Map<string, number>
  marks: number[]
  count: number
}

/** The text's words for MiniSearch and its TextWords, in one reading; `fold` may remember. */
function readWords(text: string, fold: (word: string) => string | null) {
  const tokens: string[] = []
  const firstAt = new Map<string, number>()
  const marks: number[] = []
  for (const match of text.matchAll(WORD)) {
    if (tokens.length % MARK_EVERY === 0) marks.push(match.index)
    const folded = fold(match[0])
    if (folded !== null && !firstAt.has(folded)) firstAt.set(folded, tokens.length)
    tokens.push(match[0])
  }
  return { tokens, words: { firstAt, marks, count: tokens.length } satisfies TextWords }
}

/**
 * A window of the text around the first matching word, with the matches marked, found from the
 * text's TextWords: the first match is looked up, and only the window is read again.
 * tests/unit/coreOracles.test.ts holds it to a reading of every word.
 */
function snippetOf(
  text: string,
  words: TextWords,
  query: string,
  fold: (word: string) => string | null
): SnippetPart[] {
  if (words.count === 0) return [{ text, hit: false }]
  const wanted = wantedWords(query)
  let first = -1
  // In the order the words first appear: the first one wanted is the first match.
  for (const [folded, at] of words.firstAt) {
    if (isWanted(folded, wanted)) {
      first = at
      break
    }
  }
  const startWord = Math.max(0, (first === -1 ? 0 : first) - SNIPPET_LEAD)
  const endWord = Math.min(words.count, startWord + SNIPPET_WORDS)
  const reader = new RegExp(WORD.source, 'gu')
  reader.lastIndex = words.marks[Math.floor(startWord / MARK_EVERY)]!
  const window: { match: RegExpExecArray; hit: boolean }[] = []
  for (let n = Math.floor(startWord / MARK_EVERY) * MARK_EVERY; n < endWord; n++) {
    const match = reader.exec(text)!
    if (n >= startWord) window.push({ match, hit: isWanted(fold(match[0]), wanted) })
  }
  return snippetParts(text, window, startWord > 0, endWord < words.count)
}

/** The snippet of a text that is not in an index. */
export function snippet(text: string, query: string): SnippetPart[] {
  return snippetOf(text, readWords(text, foldWord).words, query, foldWord)
}

function tokenize(text: string): string[] {
  return [...text.matchAll(WORD)].map((m) => m[0])
}

/** A phrase as search compares it: its words folded, one space apart. */
function foldPhrase(text: string): string {
  return tokenize(text).map(foldWord).filter(Boolean).join(' ')
}

/**
 * A result named exactly what was typed comes before every other: "neutropenia" should open the
 * word itself, not "febrile neutropenia", whose longer definition BM25 happens to score higher,
 * and "ALL" the leukemia, not "allogeneic", which the half-typed prefix also matches. Added to
 * the score (not multiplied) so the order holds across the guides' and documents' indexes too.
 */
const EXACT_NAME_BONUS = 1000

/** An index whose entries can change: the person's documents come and go while it is open. */
interface ChangingIndex extends LibraryIndex {
  add(docs: IndexedDoc[]): void
  remove(targetId: string): void
}

function indexOf(docs: IndexedDoc[]): ChangingIndex {
  const byId = new Map<string, IndexedDoc>()
  const namesById = new Map<string, Set<string>>()
  const wordsById = new Map<string, TextWords>()
  // The index's own words, each folded once: a long document says the same words again and
  // again. Only what is indexed is remembered here, never what was searched for.
  const folds = new Map<string, string | null>()
  const fold = (word: string) => {
    let folded = folds.get(word)
    if (folded === undefined) {
      folded = foldWord(word)
      folds.set(word, folded)
    }
    return folded
  }
  // The text being added, read once for both MiniSearch and its snippets (readWords).
  let reading: { text: string; tokens: string[] } | null = null
  const index = new MiniSearch<IndexedDoc>({
    fields: ['title', 'text'],
    tokenize: (text, field) =>
      field === 'text' && reading?.text === text ? reading.tokens : tokenize(text),
    processTerm: fold,
    // Removed documents are cleaned out at once, in remove(), never later in the background.
    autoVacuum: false
  })
  const add = (more: IndexedDoc[]) => {
    for (const d of more) {
      const { tokens, words } = readWords(d.text, fold)
      reading = { text: d.text, tokens }
      try {
        index.add(d)
      } finally {
        reading = null
      }
      byId.set(d.id, d)
      namesById.set(d.id, new Set(d.names.map(foldPhrase)))
      wordsById.set(d.id, words)
    }
  }
  add(docs)

  const run = (query: string, combineWith: 'AND' | 'OR') =>
    index.search(query, {
      boost: { title: 3 },
      combineWith,
      // The last word may be half typed; others are whole words.
      prefix: (_term, i, terms) => i === terms.length - 1,
      fuzzy: (term) => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : false),
      weights: { fuzzy: 0.4, prefix: 0.6 },
      // What the person types is folded afresh, not remembered with the index's words.
      tokenize,
      processTerm: (term) => foldWord(term)
    })

  return {
    get documentCount() {
      return byId.size
    },
    add,
    remove(targetId) {
      // A discarded document's words stay in the index until a vacuum, and until then every
      // search still counts them in how many documents hold each word, so the documents that
      // remain are scored wrongly, even below zero. Removing the words one by one (remove())
      // takes as long as indexing the document did, seconds for the largest; a vacuum in one
      // batch cleans the whole index in milliseconds, and its cleaning runs before vacuum()
      // returns. Only if one is still finishing (two removals in one tick) would it wait, so
      // then the words go one by one.
      const eager = index.isVacuuming
      const gone = [...byId.values()].filter((doc) => doc.targetId === targetId)
      for (const d of gone) {
        if (eager) index.remove(d)
        else index.discard(d.id)
        byId.delete(d.id)
        namesById.delete(d.id)
        wordsById.delete(d.id)
      }
      if (!eager && gone.length > 0) void index.vacuum({ batchSize: Number.MAX_SAFE_INTEGER })
    },
    search(query, limit = 20) {
      if (!/[\p{L}\p{N}]/u.test(query)) return []
      let hits = run(query, 'AND')
      if (hits.length === 0) hits = run(query, 'OR')
      const typed = foldPhrase(query)
      const ranked = hits
        .map((hit) => ({
          hit,
          score: namesById.get(String(hit.id))?.has(typed)
            ? hit.score + EXACT_NAME_BONUS
            : hit.score
        }))
        .sort((a, b) => b.score - a.score)
      return ranked.slice(0, limit).map(({ hit, score }) => {
        const doc = byId.get(String(hit.id))!
        return {
          kind: doc.kind,
          targetId: doc.targetId,
          sectionId: doc.sectionId,
          title: doc.title,
          context: doc.context,
          snippet: snippetOf(
            doc.text,
            wordsById.get(doc.id)!,
            [query, ...hit.terms].join(' '),
            fold
          ),
          score: Math.round(score * 1000) / 1000
        }
      })
    }
  }
}

function libraryEntries(guides: Guide[], glossary: GlossaryTerm[]): IndexedDoc[] {
  const docs: IndexedDoc[] = []
  for (const guide of guides) {
    for (const section of guide.sections) {
      docs.push({
        id: `g:${guide.id}#${section.id}`,
        kind: 'guide',
        targetId: guide.id,
        sectionId: section.id,
        title: section.title,
        context: guide.title,
        text: htmlToText(section.html),
        names: [section.title]
      })
    }
  }
  for (const term of glossary) {
    docs.push({
      id: `t:${term.id}`,
      kind: 'glossary',
      targetId: term.id,
      sectionId: null,
      title: term.aliases.length ? `${term.term} (${term.aliases.join(', ')})` : term.term,
      context: 'Glossary',
      // The term leads, so a snippet shows the word that was searched for.
      text: `${term.term}: ${term.definition}`,
      names: [term.term, ...term.aliases]
    })
  }
  return docs
}

export function buildLibraryIndex(guides: Guide[], glossary: GlossaryTerm[]): LibraryIndex {
  return indexOf(libraryEntries(guides, glossary))
}

/** Sections indexed per turn when the library's index is built in turns (a few ms each). */
const LIBRARY_SECTIONS_PER_TURN = 8

/**
 * The same index as buildLibraryIndex, built a few sections at a time with a turn of the event
 * loop between, so the core keeps answering: all at once it held the thread for 70-200 ms.
 */
export async function buildLibraryIndexInTurns(
  guides: Guide[],
  glossary: GlossaryTerm[]
): Promise<LibraryIndex> {
  const index = indexOf([])
  const docs = libraryEntries(guides, glossary)
  for (let start = 0; start < docs.length; start += LIBRARY_SECTIONS_PER_TURN) {
    await nextTurn()
    index.add(docs.slice(start, start + LIBRARY_SECTIONS_PER_TURN))
  }
  return index
}

/** One imported document as search sees it: its title and its parts (documents.ts cuts them). */
export interface SearchableDocument {
  id: string
  title: string
  sections: { sectionId: string | null; title: string; text: string }[]
}

/** The person's documents in search: added and removed one at a time as they are imported. */
export interface DocumentIndex extends LibraryIndex {
  add(document: SearchableDocument): void
  remove(documentId: string): void
}

function documentEntries(d: SearchableDocument): IndexedDoc[] {
  return d.sections.map((section) => ({
    id: `d:${d.id}#${section.sectionId ?? ''}`,
    kind: 'document' as const,
    targetId: d.id,
    sectionId: section.sectionId,
    title: section.title,
    context: d.title,
    text: section.text,
    names: [section.title]
  }))
}

/**
 * The person's imported documents, a result per section (the text before the first heading,
 * then each h2 or h3 part): built in memory after unlocking, never written to disk, and kept up
 * to date as documents are imported and deleted rather than built again (a large document takes
 * seconds to index).
 */
export function buildDocumentIndex(documents: SearchableDocument[]): DocumentIndex {
  const index = indexOf(documents.flatMap(documentEntries))
  return {
    get documentCount() {
      return index.documentCount
    },
    search: (query, limit) => index.search(query, limit),
    add: (document) => index.add(documentEntries(document)),
    remove: (documentId) => index.remove(documentId)
  }
}

/** Results from several indexes, best first (equal scores in the order the lists are given). */
export function mergeResults(lists: SearchResult[][], limit = 20): SearchResult[] {
  return lists
    .flat()
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
}
