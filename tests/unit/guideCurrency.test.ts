/**
 * The guides say what is true today, not only what their sources said when they were written.
 * A treatment that has been approved must not be called "future", "being studied" or "recent"
 * without the date of its approval beside it; a figure for adults must not read as a child's
 * odds; each guide says when its facts were taken; and the breast guide's editor's notes (which
 * keep its corrections of its source from being "fixed" back) stay out of what readers see.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { splitFrontMatter } from '../../electron/core/library/guideMarkdown.ts'

const GUIDES = ['childhood-all', 'adult-all', 'relapsed-all', 'metastatic-breast-cancer']

function raw(slug: string): string {
  return readFileSync(new URL(`../../content/guides/${slug}.md`, import.meta.url), 'utf8')
}

function body(slug: string): string {
  return splitFrontMatter(`${slug}.md`, raw(slug)).body
}

/** Paragraphs, list items and table rows: each is its own statement, with its own dates. */
function statements(markdown: string): string[] {
  return markdown
    .split(/\n\s*\n/)
    .flatMap((block) => block.split(/\n(?=\s*(?:[-*]|\d+\.|\|)\s?)/))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0)
}

const APPROVED_TREATMENT = /\bCAR[ -]?T\b|tisagenlecleucel|blinatumomab|inotuzumab|nelarabine/i
const NOT_YET =
  /\bfuture\b|\bbeing (?:studied|trialled|trialed|tested)\b|\brecent(?:ly)?\b|\bunder study\b/i
const DATED =
  /\b(?:approv|recommend)\w*\b[^.]{0,160}\b(?:19|20)\d{2}\b|\b(?:19|20)\d{2}\b[^.]{0,80}\bapprov\w*|\bas of\b[^.]{0,40}\b(?:19|20)\d{2}\b/i

/** Statements that call an approved treatment new or future with no approval date beside it. */
function undatedCurrencyClaims(markdown: string): string[] {
  return statements(markdown).filter(
    (s) => APPROVED_TREATMENT.test(s) && NOT_YET.test(s) && !DATED.test(s)
  )
}

describe('finding approved treatments called future or new without a date', () => {
  it('flags a statement that calls CAR-T or blinatumomab future, studied, trialled or recent', () => {
    expect(
      undatedCurrencyClaims(
        'Blinatumomab and CAR T-cells are being studied and in the future may help.\n\n' +
          '- The NHS has recently started to offer inotuzumab.\n' +
          '- Tisagenlecleucel is being trialled.\n' +
          '- Nelarabine is being studied.'
      )
    ).toHaveLength(4)
  })

  it('accepts the same words with the approval date, or an "as of" date, beside them', () => {
    expect(
      undatedCurrencyClaims(
        'Cancer.Net listed blinatumomab as being studied; the FDA approved it for children in September 2016.\n\n' +
          '- As of December 2026, CAR T-cell therapy is no longer only a future treatment.\n' +
          '- Other new antibodies are being studied.'
      )
    ).toEqual([])
  })

  it.each(GUIDES)(
    'the %s guide never calls an approved treatment future or new without its date',
    (slug) => {
      expect(undatedCurrencyClaims(body(slug))).toEqual([])
    }
  )
})

describe('figures and dates a reader relies on', () => {
  it('the relapse guide says the 40% second-induction figure is for adults and gives the childhood figure', () => {
    const text = body('relapsed-all')
    expect(text).not.toMatch(/other than the 40%/i)
    for (const s of statements(text).filter((s) => /\(40%\)/.test(s))) {
      expect(s).toMatch(/adults/i)
    }
    expect(text).toMatch(/children[^.]*\(85%\)/i)
  })

  it.each(GUIDES)(
    'the %s guide says, in words the reader sees, when its facts were taken',
    (slug) => {
      expect(body(slug)).toMatch(
        /facts[^.]*(?:taken|checked)[^.]*\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) 20\d{2}\b/i
      )
    }
  )
})

describe("the breast guide's corrections of its source", () => {
  const front = raw('metastatic-breast-cancer').split(/\n---\n/)[0]!
  const shipped = readFileSync(
    new URL('../../content/guides/library.json', import.meta.url),
    'utf8'
  )

  it('keeps the words that are right where the source is wrong', () => {
    const text = body('metastatic-breast-cancer')
    expect(text).toMatch(/GnRH agonists/)
    expect(text).toMatch(/radiofrequency ablation/)
    expect(text).toMatch(/fam-trastuzumab deruxtecan[\s\S]{0,2000}even when the other HER2 drugs/i)
  })

  it('explains each of them in an editor\u2019s note that readers never see', () => {
    expect(front).toMatch(/^# Editor's note[\s\S]*GnRH agonists/m)
    expect(front).toMatch(/^#[^\n]*radiofrequency ablation/m)
    expect(front).toMatch(/^#[^\n]*deruxtecan/m)
    expect(shipped).not.toMatch(/Editor's note/i)
  })
})
