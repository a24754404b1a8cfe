/**
 * The guide library: guides parse into safe sections, the shipped data is up to date with the
 * Markdown, search finds sections as the person types (spellings, plurals, typos, prefixes),
 * and bookmarks, reading positions and questions live in the vault.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { buildLibrary, serialiseLibrary } from '../../electron/core/library/buildLibrary.ts'
import { GuideFormatError, parseGuide } from '../../electron/core/library/guideMarkdown.ts'
import { buildLibraryIndex, foldWord, snippet } from '../../electron/core/library/search.ts'
import { shippedLibrary } from '../../electron/core/library/shippedLibrary.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import { PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

const FRONT = `---
id: test-guide
title: A test guide
audience: Testers
condition: relapsed-all
sources:
  - id: s1
    organisation: Somebody
    title: A page
    url: https://example.org/page
    sourceUpdated: 2025-02-28
    factsTakenOn: 2026-11-22
lastReviewed: 2026-11-22
summary: For tests.
---
`

describe('parsing a guide', () => {
  it('splits sections at ## and ###, with ids, and collects the questions', () => {
    const guide = parseGuide(
      'test-guide.md',
      `${FRONT}Welcome.\n\n## What it is\n\nText **bold**.\n\n### A detail\n\nMore.\n\n## Questions to ask the care team\n\n- Is it curable?\n- What comes next?\n`
    )
    expect(guide.introHtml).toBe('<p>Welcome.</p>\n')
    expect(guide.outline).toEqual([
      { id: 'what-it-is', title: 'What it is', level: 2 },
      { id: 'a-detail', title: 'A detail', level: 3 },
      { id: 'questions-to-ask-the-care-team', title: 'Questions to ask the care team', level: 2 }
    ])
    expect(guide.sections[0]!.html).toBe('<p>Text <strong>bold</strong>.</p>\n')
    expect(guide.sections[2]!.questions).toEqual(['Is it curable?', 'What comes next?'])
    expect(guide.lastReviewed).toBe('2026-11-22')
    expect(guide.sources[0]!.sourceUpdated).toBe('2025-02-28')
  })

  it('renders no HTML, links or images from the Markdown', () => {
    const guide = parseGuide(
      'test-guide.md',
      `${FRONT}## Safe\n\n<script>alert(1)</script> [a link](https://evil.example) ![x](https://evil.example/x.png) <https://evil.example>\n`
    )
    const html = guide.sections[0]!.html
    expect(html).not.toMatch(/<script|<a |<img /)
    expect(html).toContain('&lt;script&gt;')
  })

  it('refuses a missing front matter field, a top-level heading and duplicate headings', () => {
    expect(() => parseGuide('x.md', FRONT.replace('audience: Testers\n', '') + '## A\n')).toThrow(
      /front matter audience/
    )
    expect(() => parseGuide('x.md', `${FRONT}# Big\n\n## A\n`)).toThrow(GuideFormatError)
    expect(() => parseGuide('x.md', `${FRONT}## Same\n\n## Same\n`)).toThrow(/two headings/)
  })
})

describe('the shipped library', () => {
  it('is up to date with the Markdown (run `npm run guides` after editing a guide)', () => {
    const dir = fileURLToPath(new URL('../../content/guides/', import.meta.url))
    const shipped = readFileSync(
      new URL('../../content/guides/library.json', import.meta.url),
      'utf8'
    )
    expect(shipped).toBe(serialiseLibrary(buildLibrary(dir)))
  })

  it('has the four guides, each with sources, a review date and questions to ask', () => {
    const { guides } = shippedLibrary()
    expect(guides.map((g) => g.id)).toEqual([
      'childhood-all',
      'adult-all',
      'relapsed-all',
      'metastatic-breast-cancer'
    ])
    for (const guide of guides) {
      expect(guide.sources.length).toBeGreaterThan(0)
      expect(guide.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      const questions = guide.sections.flatMap((s) => s.questions)
      expect(questions.length, guide.id).toBeGreaterThanOrEqual(10)
    }
  })
})

describe('search', () => {
  const index = shippedLibrary().index()

  it('folds British spellings and plurals to one word', () => {
    expect(foldWord('Leukaemia')).toBe(foldWord('leukemia'))
    expect(foldWord('tumours')).toBe(foldWord('tumor'))
    expect(foldWord('oestrogen')).toBe(foldWord('estrogen'))
    expect(foldWord('therapies')).toBe(foldWord('therapy'))
    expect(foldWord('blasts')).toBe(foldWord('blast'))
    expect(foldWord('diagnosis')).toBe('diagnosis')
  })

  it('"blinatumomab" finds the relapse guide, at a section that names it', () => {
    const results = index.search('blinatumomab')
    const relapse = results.find((r) => r.targetId === 'relapsed-all')!
    expect(relapse).toBeDefined()
    expect(relapse.snippet.some((p) => p.hit && /blinatumomab/i.test(p.text))).toBe(true)
    expect(
      results[0]!.title.toLowerCase() + results[0]!.snippet.map((p) => p.text).join('')
    ).toMatch(/blinatumomab/i)
  })

  it('finds "leukemia" for "leukaemia", a half-typed word, and a misspelling', () => {
    const british = index.search('leukaemia')
    expect(british.length).toBeGreaterThan(5)
    expect(british[0]!.snippet.some((p) => p.hit && /leuk/i.test(p.text))).toBe(true)
    expect(index.search('blinatu').some((r) => r.targetId === 'relapsed-all')).toBe(true)
    expect(index.search('blinatumumab').some((r) => r.targetId === 'relapsed-all')).toBe(true)
    expect(index.search('trastuzamab').some((r) => r.targetId === 'metastatic-breast-cancer')).toBe(
      true
    )
  })

  it('ranks a section about a word above passing mentions, and searches the glossary too', () => {
    const glossary = [
      {
        id: 'anc',
        term: 'absolute neutrophil count',
        aliases: ['ANC'],
        definition: 'How many infection-fighting neutrophils are in the blood.',
        sources: []
      }
    ]
    const small = buildLibraryIndex(shippedLibrary().guides.slice(0, 1), glossary)
    const results = small.search('neutrophil')
    expect(results.some((r) => r.kind === 'glossary' && r.targetId === 'anc')).toBe(true)
    expect(small.search('')).toEqual([])
    expect(small.search('   ')).toEqual([])
  })

  it('shows a window of the text around the first match, with every match in it marked', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `word${i}`)
    words[2500] = 'Leukemia'
    words[2502] = 'leukemias'
    const parts = snippet(words.join(' '), 'leukaemia')
    const shown = parts.map((p) => p.text).join('')
    expect(parts[0]).toEqual({ text: '… ', hit: false })
    expect(parts.at(-1)).toEqual({ text: ' …', hit: false })
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['Leukemia', 'leukemias'])
    expect(shown).toContain('word2492 word2493')
    expect(shown).not.toContain('word2491 ')
    expect(shown.split(' ').length).toBeLessThanOrEqual(30)
    // No match: the start of the text; a short text is shown whole.
    expect(snippet(words.join(' '), 'nothing')[0]!.text.startsWith('word0 word1')).toBe(true)
    expect(snippet('Blast cells.', 'blast')).toEqual([
      { text: 'Blast', hit: true },
      { text: ' cells', hit: false }
    ])
  })

  it('puts what is named exactly as typed first: the word itself before longer terms', () => {
    // Without the exact-name bonus, "febrile neutropenia" and "HER2-low" score higher.
    expect(index.search('neutropenia')[0]).toMatchObject({
      kind: 'glossary',
      targetId: 'neutropenia'
    })
    expect(index.search('Neutropenia')[0]?.targetId).toBe('neutropenia')
    expect(index.search('febrile neutropenia')[0]?.targetId).toBe('febrile-neutropenia')
    expect(index.search('HER2')[0]?.targetId).toBe('her2')
    expect(index.search('ANC')[0]?.targetId).toBe('absolute-neutrophil-count')
    // Not "allogeneic transplant", which the half-typed "all" also matches.
    expect(index.search('ALL')[0]?.targetId).toBe('acute-lymphoblastic-leukemia')
    const remission = index.search('remission').slice(0, 2)
    expect(remission.map((r) => r.title.split(' (')[0]!.toLowerCase())).toEqual([
      'remission',
      'remission'
    ])
  })
})

describe('reading, through the core', () => {
  it('bookmarks, the last position and collected questions survive a lock', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    const person = await core.handlers['profiles.create']({ displayName: 'Ada' })
    const guide = await core.handlers['library.get']({ guideId: 'relapsed-all' })
    const section = guide.sections[1]!
    const questions = guide.sections.find((s) => s.questions.length > 0)!

    await core.handlers['library.addBookmark']({
      guideId: guide.id,
      sectionId: section.id,
      label: section.title
    })
    await core.handlers['library.setPosition']({ guideId: guide.id, sectionId: section.id })
    const added = await core.handlers['questions.add']({
      profileId: person.id,
      questions: questions.questions.slice(0, 3),
      guideId: guide.id,
      sectionId: questions.id
    })
    expect(added).toHaveLength(3)
    // Adding the same questions again adds nothing.
    const again = await core.handlers['questions.add']({
      profileId: person.id,
      questions: questions.questions.slice(0, 3).map((q) => q.toUpperCase()),
      guideId: guide.id,
      sectionId: questions.id
    })
    expect(again).toHaveLength(3)

    await core.vault.lock()
    await core.vault.unlock(PASSPHRASE)
    expect(await core.handlers['library.listBookmarks']({})).toEqual([
      expect.objectContaining({ guideId: guide.id, sectionId: section.id, label: section.title })
    ])
    expect(await core.handlers['library.getPosition']({ guideId: guide.id })).toMatchObject({
      sectionId: section.id
    })
    const kept = await core.handlers['questions.list']({ profileId: person.id })
    expect(kept.map((q) => q.text)).toEqual(questions.questions.slice(0, 3))
    const left = await core.handlers['questions.remove']({ profileId: person.id, id: kept[0]!.id })
    expect(left).toHaveLength(2)
  })

  it('refuses a section that is not in the guide, and changes nothing', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    const result = await dispatch(core.handlers, 'library.addBookmark', {
      guideId: 'relapsed-all',
      sectionId: 'no-such-section',
      label: 'x'
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await core.handlers['library.listBookmarks']({})).toEqual([])
    const unknownGuide = await dispatch(core.handlers, 'library.get', { guideId: 'no-such-guide' })
    expect(unknownGuide).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
