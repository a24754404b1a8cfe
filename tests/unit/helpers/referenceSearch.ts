/**
 * Search as Lantern did it before the documents' index moved to a worker, kept here as the
 * tests' reference: one MiniSearch index built at once from the documents' sections, every word
 * folded as it is met, and each snippet found by reading the text word by word from its start.
 * Slow, and obviously what the search module's documentation says.
 */
import MiniSearch from 'minisearch'
import { foldWord, type SearchableDocument } from '../../../electron/core/library/search.ts'
import type { SearchResult, SnippetPart } from '../../../electron/shared/library.ts'

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu
const EXACT_NAME_BONUS = 1000

/** The snippet as its documentation describes it, reading every word of the text. */
export function referenceSnippet(text: string, query: string): SnippetPart[] {
  const wanted = [...query.matchAll(WORD)].map((m) => foldWord(m[0])).filter(Boolean) as string[]
  const words = [...text.matchAll(WORD)].map((match) => {
    const folded = foldWord(match[0])
    const hit =
      folded !== null &&
      wanted.some((q, i) =>
        i === wanted.length - 1 ? folded.startsWith(q) : folded === q || folded.startsWith(q)
      )
    return { match, hit }
  })
  if (words.length === 0) return [{ text, hit: false }]
  const first = words.findIndex((w) => w.hit)
  const startWord = Math.max(0, (first === -1 ? 0 : first) - 8)
  const endWord = Math.min(words.length, startWord + 28)
  const parts: SnippetPart[] = []
  if (startWord > 0) parts.push({ text: '… ', hit: false })
  let cursor = words[startWord]!.match.index
  for (const { match, hit } of words.slice(startWord, endWord)) {
    if (!hit) continue
    if (match.index > cursor) parts.push({ text: text.slice(cursor, match.index), hit: false })
    parts.push({ text: match[0], hit: true })
    cursor = match.index + match[0].length
  }
  const last = words[endWord - 1]!.match
  const to = last.index + last[0].length
  if (to > cursor) parts.push({ text: text.slice(cursor, to), hit: false })
  if (endWord < words.length) parts.push({ text: ' …', hit: false })
  return parts
}

interface Entry {
  id: string
  targetId: string
  sectionId: string | null
  title: string
  context: string
  text: string
  names: string[]
}

const tokenize = (text: string) => [...text.matchAll(WORD)].map((m) => m[0])
const foldPhrase = (text: string) => tokenize(text).map(foldWord).filter(Boolean).join(' ')

/** The documents' index as it was: built at once, searched on the caller's thread. */
export function referenceDocumentIndex(documents: SearchableDocument[]) {
  const entries: Entry[] = documents.flatMap((d) =>
    d.sections.map((section) => ({
      id: `d:${d.id}#${section.sectionId ?? ''}`,
      targetId: d.id,
      sectionId: section.sectionId,
      title: section.title,
      context: d.title,
      text: section.text,
      names: [section.title]
    }))
  )
  const index = new MiniSearch<Entry>({
    fields: ['title', 'text'],
    tokenize,
    processTerm: (term) => foldWord(term),
    autoVacuum: false
  })
  index.addAll(entries)
  const byId = new Map(entries.map((e) => [e.id, e]))
  const names = new Map(entries.map((e) => [e.id, new Set(e.names.map(foldPhrase))]))
  const run = (query: string, combineWith: 'AND' | 'OR') =>
    index.search(query, {
      boost: { title: 3 },
      combineWith,
      prefix: (_term, i, terms) => i === terms.length - 1,
      fuzzy: (term) => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : false),
      weights: { fuzzy: 0.4, prefix: 0.6 }
    })
  return {
    search(query: string, limit = 20): SearchResult[] {
      if (!/[\p{L}\p{N}]/u.test(query)) return []
      let hits = run(query, 'AND')
      if (hits.length === 0) hits = run(query, 'OR')
      const typed = foldPhrase(query)
      return hits
        .map((hit) => ({
          hit,
          score: names.get(String(hit.id))?.has(typed) ? hit.score + EXACT_NAME_BONUS : hit.score
        }))
        .sort((a, b) => b.score - a.score)
        .slice(0, limit)
        .map(({ hit, score }) => {
          const entry = byId.get(String(hit.id))!
          return {
            kind: 'document' as const,
            targetId: entry.targetId,
            sectionId: entry.sectionId,
            title: entry.title,
            context: entry.context,
            snippet: referenceSnippet(entry.text, [query, ...hit.terms].join(' ')),
            score: Math.round(score * 1000) / 1000
          }
        })
    }
  }
}
