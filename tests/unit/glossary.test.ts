/**
 * The glossary that explains words in the guides: enough terms, each word pointing to exactly
 * one entry, every entry crediting a source the guides or the glossary itself list, every cited
 * source that Lantern holds a copy of really naming the concept, and the words the issue names.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { GlossaryError, parseGlossary } from '../../electron/core/library/glossary.ts'
import { foldWord } from '../../electron/core/library/search.ts'
import { shippedLibrary } from '../../electron/core/library/shippedLibrary.ts'

const { glossary: terms, glossarySources: ownSources, guides } = shippedLibrary()
const guideSources = new Set(guides.flatMap((g) => g.sources.map((s) => s.id)))
const glossarySources = new Set(ownSources.map((s) => s.id))
const shippedJson = (): { sources: Record<string, unknown>[]; terms: Record<string, unknown>[] } =>
  JSON.parse(readFileSync(new URL('../../content/glossary.json', import.meta.url), 'utf8'))

/** The source documents sit beside the repository in ../shared (as CI lays them out). */
const sourcesDir = fileURLToPath(new URL('../../../shared/sources/', import.meta.url))
const haveSources = existsSync(sourcesDir)
if (!haveSources) {
  console.warn(
    `Glossary citations are not checked against the source documents: ${sourcesDir} is absent.`
  )
}

/**
 * Each guide source's stored copy in ../shared/sources (see the README there), by the start of
 * its file name; null where Lantern holds no copy. The glossary's own sources are web pages,
 * read on the date they carry, with no stored copy.
 */
const STORED_COPIES: Record<string, string | null> = {
  'nci-adult-all-pdq': '000_',
  'cancer-net-childhood-all': '001_',
  'uptodate-metastatic-breast-cancer': '002_',
  'blood-cancer-uk-all-relapse': '003_',
  'what-is-all-2017': '004_',
  'curesearch-low-white-count': null,
  // Pages read to bring the guides up to date (approvals, labels, newer figures): no stored copy.
  'nci-childhood-all-pdq-hp': null,
  'nci-adult-all-pdq-hp': null,
  'fda-blincyto-label': null,
  'amgen-blinatumomab-pediatric-2016': null,
  'blincyto-mrd-2018': null,
  'fda-blinatumomab-consolidation-2024': null,
  'amgen-nice-blinatumomab-2017': null,
  'livertox-inotuzumab': null,
  'fda-besponsa-label': null,
  'fda-inotuzumab-pediatric-2024': null,
  'nice-ta541-inotuzumab': null,
  'ons-tisagenlecleucel-2017': null,
  'nci-fda-nelarabine-2005': null,
  'nice-tisagenlecleucel-2024': null,
  'nice-brexucabtagene-2023': null,
  'nice-ta1116-obecabtagene': null,
  'cog-fever': null,
  'nci-coping-feelings': null,
  'postmonarch-jco-2025': null,
  'saad-onj-2012': null,
  'acs-glossary-rfa': null
}

const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu

interface Word {
  raw: string
  folded: string
}

/**
 * Text as words, each also folded as search folds it (case, British spellings, simple plurals),
 * so punctuation and spacing between words do not matter: "BCR :: ABL1" is "BCR::ABL1".
 */
function words(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ raw: m[0], folded: foldWord(m[0]) ?? '' }))
}

/** A plural in -es ("boxes") folds to "boxe"; its singular is "box". */
const sameWord = (a: string, b: string) => a === b || a.replace(/e$/, '') === b.replace(/e$/, '')

/**
 * Whether the text uses the name as whole words, in any case, singular or plural. A name in
 * capitals (ALL, IV, HER2) must appear in capitals, so that "all" in a sentence is not "ALL".
 */
function uses(text: Word[], name: string): boolean {
  const wanted = words(name)
  if (wanted.length === 0) return false
  const capitals = /\p{Lu}/u.test(name) && name === name.toUpperCase()
  const matches = (word: Word, want: Word) =>
    capitals
      ? word.raw.replace(/(?<=\p{Lu}\p{N}?)e?s$/u, '') === want.raw
      : sameWord(word.folded, want.folded)
  for (let i = 0; i + wanted.length <= text.length; i++) {
    if (wanted.every((want, j) => matches(text[i + j]!, want))) return true
  }
  return false
}

const storedText = new Map<string, Word[]>()
function stored(sourceId: string): Word[] | null {
  const prefix = STORED_COPIES[sourceId]
  if (!prefix) return null
  let text = storedText.get(sourceId)
  if (!text) {
    const files = readdirSync(sourcesDir).filter((f) => f.startsWith(prefix) && f.endsWith('.txt'))
    expect(files, `one stored copy of ${sourceId}`).toHaveLength(1)
    text = words(readFileSync(join(sourcesDir, files[0]!), 'utf8'))
    storedText.set(sourceId, text)
  }
  return text
}

describe('the glossary', () => {
  it('has at least 100 terms with short definitions', () => {
    expect(terms.length).toBeGreaterThanOrEqual(100)
    for (const term of terms) {
      expect(term.definition.length, term.id).toBeGreaterThan(20)
      expect(term.definition.length, term.id).toBeLessThan(600)
    }
  })

  it('maps every word and abbreviation to exactly one entry', () => {
    const seen = new Map<string, string>()
    for (const term of terms) {
      for (const word of [term.term, ...term.aliases]) {
        const key = word.toLowerCase()
        expect(seen.get(key), `${word} in ${term.id} and ${seen.get(key)}`).toBeUndefined()
        seen.set(key, term.id)
      }
    }
  })

  it('credits only sources the guides or the glossary itself list', () => {
    for (const term of terms) {
      expect(term.sources.length, term.id).toBeGreaterThan(0)
      for (const source of term.sources) {
        expect(
          guideSources.has(source) || glossarySources.has(source),
          `${term.id}: ${source}`
        ).toBe(true)
      }
    }
    for (const source of ownSources) {
      expect(source.url, source.id).toMatch(/^https:\/\//)
      expect(source.checkedOn, source.id).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
  })

  it('knows, for every source the guides list, whether Lantern holds a copy of it', () => {
    expect(Object.keys(STORED_COPIES).sort()).toEqual([...guideSources].sort())
  })

  it('keeps sourceWords for words that are not already the term or an alias', () => {
    for (const term of terms) {
      const names = new Set([term.term, ...term.aliases].map((n) => n.toLowerCase()))
      for (const word of term.sourceWords ?? []) {
        expect(names.has(word.toLowerCase()), `${term.id}: ${word}`).toBe(false)
      }
    }
  })

  it.skipIf(!haveSources)(
    'cites a stored source only where it names the concept: the term, an alias or a sourceWord',
    () => {
      const missing: string[] = []
      for (const term of terms) {
        const names = [term.term, ...term.aliases, ...(term.sourceWords ?? [])]
        for (const sourceId of term.sources) {
          const text = stored(sourceId)
          if (text && !names.some((name) => uses(text, name))) {
            missing.push(`${term.id}: ${sourceId} names none of ${names.join(', ')}`)
          }
        }
      }
      expect(missing).toEqual([])
    }
  )

  it.skipIf(!haveSources)('finds each sourceWord in a stored source the term cites', () => {
    const unfound: string[] = []
    for (const term of terms) {
      const texts = term.sources.map(stored).filter((text): text is Word[] => text !== null)
      for (const word of term.sourceWords ?? []) {
        if (!texts.some((text) => uses(text, word))) unfound.push(`${term.id}: ${word}`)
      }
    }
    expect(unfound).toEqual([])
  })

  it('matches names as whole words, in either spelling, singular or plural', () => {
    const text = words('Two HER2-low cancers; BCR :: ABL1 fusion; leukaemia; all TKIs; boxes.')
    expect(uses(text, 'HER2 low')).toBe(true)
    expect(uses(text, 'cancer')).toBe(true)
    expect(uses(text, 'BCR::ABL1')).toBe(true)
    expect(uses(text, 'leukemia')).toBe(true)
    expect(uses(text, 'TKI')).toBe(true)
    expect(uses(text, 'box')).toBe(true)
    expect(uses(text, 'ALL')).toBe(false)
    expect(uses(text, 'can')).toBe(false)
    expect(uses(text, 'low cancers fusion')).toBe(false)
  })

  it('explains the words the guides lean on', () => {
    const names = new Set(terms.flatMap((t) => [t.term, ...t.aliases].map((w) => w.toLowerCase())))
    for (const word of [
      'anc',
      'blast',
      'intrathecal',
      'minimal residual disease',
      'philadelphia chromosome',
      'remission',
      'refractory',
      'aromatase inhibitor',
      'her2'
    ]) {
      expect(names, word).toContain(word)
    }
  })
})

describe('loading the glossary', () => {
  const refused = (json: unknown): string[] => {
    try {
      parseGlossary(json, guideSources)
    } catch (error) {
      expect(error).toBeInstanceOf(GlossaryError)
      return [...(error as GlossaryError).issues]
    }
    throw new Error('The glossary was accepted.')
  }

  it('accepts the shipped file', () => {
    expect(parseGlossary(shippedJson(), guideSources).terms).toHaveLength(terms.length)
  })

  it('refuses a term that cites a source nobody lists', () => {
    const json = shippedJson()
    json.terms[0]!.sources = ['a-page-nobody-lists']
    expect(refused(json)).toEqual([
      `${String(json.terms[0]!.id)}: cites a-page-nobody-lists, which is neither a guide's source nor the glossary's`
    ])
  })

  it("refuses a source of its own without a URL or a date read, or that no term cites, or that is a guide's", () => {
    const page = {
      id: 'a-page',
      organisation: 'Someone',
      title: 'A page',
      url: 'https://example.org/a-page',
      checkedOn: '2026-12-04'
    }
    const json = shippedJson()
    json.sources.push({ ...page, url: 'example.org/a-page' })
    expect(refused(json).join('\n')).toMatch(/url: A source needs its https URL/)

    const undated = shippedJson()
    undated.sources.push({ ...page, checkedOn: 'last week' })
    expect(refused(undated).join('\n')).toMatch(/checkedOn/)

    const uncited = shippedJson()
    uncited.sources.push(page)
    expect(refused(uncited)).toEqual(['sources: no term cites a-page'])

    const twice = shippedJson()
    twice.sources.push({ ...page, id: 'nci-adult-all-pdq' })
    expect(refused(twice)).toContain("sources: nci-adult-all-pdq is already a guide's source")
  })

  it('refuses empty sourceWords and unknown fields', () => {
    const json = shippedJson()
    json.terms[0]!.sourceWords = []
    json.terms[1]!.seeAlso = ['anc']
    const issues = refused(json).join('\n')
    expect(issues).toMatch(/terms\.0\.sourceWords: Leave sourceWords out rather than empty/)
    expect(issues).toMatch(/terms\.1/)
  })
})
