/**
 * The glossary that explains words in the guides: enough terms, each word pointing to exactly
 * one entry, every entry crediting a source the guides use, and the words the issue names.
 */
import { describe, expect, it } from 'vitest'
import { shippedLibrary } from '../../electron/core/library/shippedLibrary.ts'

const { glossary, guides } = shippedLibrary()
const guideSources = new Set(guides.flatMap((g) => g.sources.map((s) => s.id)))

describe('the glossary', () => {
  it('has at least 100 terms with short definitions', () => {
    expect(glossary.length).toBeGreaterThanOrEqual(100)
    for (const term of glossary) {
      expect(term.definition.length, term.id).toBeGreaterThan(20)
      expect(term.definition.length, term.id).toBeLessThan(600)
    }
  })

  it('maps every word and abbreviation to exactly one entry', () => {
    const seen = new Map<string, string>()
    for (const term of glossary) {
      for (const word of [term.term, ...term.aliases]) {
        const key = word.toLowerCase()
        expect(seen.get(key), `${word} in ${term.id} and ${seen.get(key)}`).toBeUndefined()
        seen.set(key, term.id)
      }
    }
  })

  it('credits only sources the guides cite', () => {
    for (const term of glossary) {
      expect(term.sources.length, term.id).toBeGreaterThan(0)
      for (const source of term.sources) expect(guideSources, term.id).toContain(source)
    }
  })

  it('explains the words the guides lean on', () => {
    const words = new Set(
      glossary.flatMap((t) => [t.term, ...t.aliases].map((w) => w.toLowerCase()))
    )
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
      expect(words, word).toContain(word)
    }
  })
})
