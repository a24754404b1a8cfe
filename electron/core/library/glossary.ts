/**
 * The glossary shipped in content/glossary.json, checked as it loads. Every term has a
 * definition and cites at least one source; a cited id names one of the guides' sources or one
 * of the glossary's own (pages read for a definition that no guide's source supports, each with
 * its URL and the date it was read); every one of the glossary's own sources is cited. A file
 * that fails a check is refused whole, so a bad edit fails the tests, never in front of a reader.
 */
import { z } from 'zod'
import type { Glossary } from '../../shared/library.ts'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const text = z.string().trim().min(1)
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'Not an id.')

const sourceSchema = z.strictObject({
  id,
  organisation: text,
  title: text,
  url: z.string().regex(/^https:\/\/\S+$/, 'A source needs its https URL.'),
  checkedOn: z.string().regex(ISO_DATE, 'Give the date the page was read (YYYY-MM-DD).')
})

const termSchema = z.strictObject({
  id,
  term: text,
  aliases: z.array(text),
  definition: text,
  sources: z.array(id).min(1, 'Cite at least one source.'),
  sourceWords: z.array(text).min(1, 'Leave sourceWords out rather than empty.').optional()
})

const glossarySchema = z.strictObject({
  version: z.string().regex(ISO_DATE),
  sources: z.array(sourceSchema),
  terms: z.array(termSchema)
})

export class GlossaryError extends Error {
  readonly issues: readonly string[]
  constructor(issues: string[]) {
    super(`The glossary is invalid:\n- ${issues.join('\n- ')}`)
    this.name = 'GlossaryError'
    this.issues = Object.freeze([...issues])
  }
}

/**
 * Validates a glossary file against the ids of the guides' sources. Throws GlossaryError, listing
 * every problem, if anything is wrong.
 */
export function parseGlossary(json: unknown, guideSourceIds: Iterable<string>): Glossary {
  const parsed = glossarySchema.safeParse(json)
  if (!parsed.success) {
    throw new GlossaryError(
      parsed.error.issues.map((issue) =>
        issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message
      )
    )
  }
  const { sources, terms } = parsed.data
  const issues: string[] = []
  const guideIds = new Set(guideSourceIds)
  const ownIds = new Set<string>()
  for (const source of sources) {
    if (guideIds.has(source.id)) issues.push(`sources: ${source.id} is already a guide's source`)
    if (ownIds.has(source.id)) issues.push(`sources: ${source.id} is listed twice`)
    ownIds.add(source.id)
  }
  const termIds = new Set<string>()
  const cited = new Set<string>()
  for (const term of terms) {
    if (termIds.has(term.id)) issues.push(`terms: ${term.id} is listed twice`)
    termIds.add(term.id)
    for (const sourceId of term.sources) {
      cited.add(sourceId)
      if (!guideIds.has(sourceId) && !ownIds.has(sourceId)) {
        issues.push(
          `${term.id}: cites ${sourceId}, which is neither a guide's source nor the glossary's`
        )
      }
    }
  }
  for (const sourceId of ownIds) {
    if (!cited.has(sourceId)) issues.push(`sources: no term cites ${sourceId}`)
  }
  if (issues.length > 0) throw new GlossaryError(issues)
  return { terms, sources }
}
