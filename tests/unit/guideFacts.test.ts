/**
 * The guides say what their sources say. For each guide, tests/unit/guide-facts/<guide>.ts
 * lists the key facts (numbers, drug names, thresholds, recommendations) taken from its sources
 * before the prose was written; every one must be found in the guide.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseGuide } from '../../electron/core/library/guideMarkdown.ts'
import { FACTS as ADULT } from './guide-facts/adult-all.ts'
import { FACTS as CHILDHOOD } from './guide-facts/childhood-all.ts'
import { FACTS as BREAST } from './guide-facts/metastatic-breast-cancer.ts'
import { FACTS as RELAPSE } from './guide-facts/relapsed-all.ts'

const GUIDES: [slug: string, facts: typeof ADULT, minimum: number][] = [
  ['childhood-all', CHILDHOOD, 80],
  ['adult-all', ADULT, 70],
  ['relapsed-all', RELAPSE, 30],
  ['metastatic-breast-cancer', BREAST, 60]
]

function raw(slug: string): string {
  return readFileSync(new URL(`../../content/guides/${slug}.md`, import.meta.url), 'utf8')
}

function body(slug: string): string {
  return raw(slug).replace(/^---[\s\S]*?\n---\n/, '')
}

describe.each(GUIDES)('the %s guide', (slug, facts, minimum) => {
  const text = body(slug)

  it(`holds at least ${minimum} key facts from its sources`, () => {
    expect(facts.length).toBeGreaterThanOrEqual(minimum)
  })

  it.each(facts.map((f) => [f.fact, f] as const))('states: %s', (_fact, f) => {
    expect(text).toMatch(f.pattern)
  })

  it("credits every key fact to a source listed in the guide's front matter", () => {
    const listed = new Set(parseGuide(`${slug}.md`, raw(slug)).sources.map((s) => s.id))
    expect(facts.map((f) => f.source).filter((source) => !listed.has(source))).toEqual([])
  })
})
