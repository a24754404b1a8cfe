/**
 * Search across the guides (section by section) and the glossary, as the person types.
 *
 * Words are folded before indexing and querying, so British and American spellings meet
 * ("leukaemia" finds "leukemia", "tumour" finds "tumor", "oestrogen" finds "estrogen"), and
 * simple plurals meet their singular. The last word is matched as a prefix (the person is still
 * typing it) and longer words forgive a typo. MiniSearch ranks with BM25; section titles count
 * more than body text.
 */
import MiniSearch from 'minisearch'
import type { GlossaryTerm, Guide, SearchResult, SnippetPart } from '../../shared/library.ts'
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

/**
 * A window of the text around the first matching word, with the matches marked. Reads the text
 * only as far as the window: an imported document can run to many thousands of words.
 */
export function snippet(text: string, query: string): SnippetPart[] {
  const wanted = [...query.matchAll(WORD)].map((m) => foldWord(m[0])).filter(Boolean) as string[]
  const isHit = (word: string) => {
    const folded = foldWord(word)
    return (
      folded !== null &&
      wanted.some((q, i) =>
        i === wanted.length - 1 ? folded.startsWith(q) : folded === q || folded.startsWith(q)
      )
    )
  }
  // Words up to the end of the window, plus one to know whether the text goes on.
  const words: { match: RegExpExecArray; hit: boolean }[] = []
  let first = -1
  for (const match of text.matchAll(WORD)) {
    const hit = isHit(match[0])
    words.push({ match, hit })
    if (hit && first === -1) first = words.length - 1
    const windowEnd = Math.max(0, (first === -1 ? 0 : first) - 8) + SNIPPET_WORDS
    if (first !== -1 && words.length > windowEnd) break
  }
  if (words.length === 0) return [{ text, hit: false }]
  const startWord = Math.max(0, (first === -1 ? 0 : first) - 8)
  const endWord = Math.min(words.length, startWord + SNIPPET_WORDS)
  const from = words[startWord]!.match.index
  const lastWord = words[endWord - 1]!.match
  const to = lastWord.index + lastWord[0].length
  const parts: SnippetPart[] = []
  if (startWord > 0) parts.push({ text: '… ', hit: false })
  let cursor = from
  for (let i = startWord; i < endWord; i++) {
    const { match, hit } = words[i]!
    if (!hit) continue
    if (match.index > cursor) parts.push({ text: text.slice(cursor, match.index), hit: false })
    parts.push({ text: match[0], hit: true })
    cursor = match.index + match[0].length
  }
  if (to > cursor) parts.push({ text: text.slice(cursor, to), hit: false })
  if (endWord < words.length) parts.push({ text: ' …', hit: false })
  return parts
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
  const index = new MiniSearch<IndexedDoc>({
    fields: ['title', 'text'],
    tokenize,
    processTerm: (term) => foldWord(term),
    // Removed documents are cleaned out at once, in remove(), never later in the background.
    autoVacuum: false
  })
  const add = (more: IndexedDoc[]) => {
    index.addAll(more)
    for (const d of more) {
      byId.set(d.id, d)
      namesById.set(d.id, new Set(d.names.map(foldPhrase)))
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
      weights: { fuzzy: 0.4, prefix: 0.6 }
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
          snippet: snippet(doc.text, [query, ...hit.terms].join(' ')),
          score: Math.round(score * 1000) / 1000
        }
      })
    }
  }
}

export function buildLibraryIndex(guides: Guide[], glossary: GlossaryTerm[]): LibraryIndex {
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
  return indexOf(docs)
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

/** Results from several indexes, best first. */
export function searchAll(indexes: LibraryIndex[], query: string, limit = 20): SearchResult[] {
  return indexes
    .flatMap((index) => index.search(query, limit))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
}
