/**
 * The shipped care-plan data: every rule cites a source and carries a status, no unconfirmed
 * rule carries a schedule, and every drug, class and table the rules name exists. The loader
 * refuses data that breaks these rules, so a bad edit fails here, not in front of a family.
 */
import { describe, expect, it } from 'vitest'
import rulesJson from '../../content/careplan/rules.json' with { type: 'json' }
import { type Condition, parseCarePlanContent } from '../../electron/core/careplan/content.ts'
import { shippedCarePlanContent } from '../../electron/core/careplan/shippedContent.ts'
import { shippedLibrary } from '../../electron/core/library/shippedLibrary.ts'
import { BODY_SYSTEMS } from '../../electron/shared/careplan.ts'
import { DRUGS } from './helpers/vaultFixture.ts'

const CONTENT = shippedCarePlanContent()

function walk(condition: Condition, visit: (c: Condition) => void): void {
  visit(condition)
  if ('all' in condition) condition.all.forEach((c) => walk(c, visit))
  if ('any' in condition) condition.any.forEach((c) => walk(c, visit))
}

function clone(): Record<string, unknown> & { rules: Record<string, unknown>[] } {
  return structuredClone(rulesJson) as never
}

describe('the shipped rules', () => {
  it('every rule has a status and at least one citation with organisation, document, version, URL and section', () => {
    expect(CONTENT.rules.length).toBeGreaterThanOrEqual(40)
    for (const rule of CONTENT.rules) {
      expect(['CONFIRMED', 'UNCONFIRMED']).toContain(rule.status)
      expect(rule.citations.length, rule.id).toBeGreaterThan(0)
      for (const c of rule.citations) {
        const source = CONTENT.sources[c.source]
        expect(source, `${rule.id} cites ${c.source}`).toBeDefined()
        expect(source!.organisation.length).toBeGreaterThan(0)
        expect(source!.document.length).toBeGreaterThan(0)
        expect(source!.version.length).toBeGreaterThan(0)
        expect(source!.url).toMatch(/^(https?:\/\/|github\.com\/)/)
        expect(c.section.length).toBeGreaterThan(0)
      }
    }
  })

  it('every rule with a schedule says where its threshold and interval were read, and when', () => {
    const scheduled = CONTENT.rules.filter((r) => r.schedule !== null)
    expect(scheduled.length).toBeGreaterThan(30)
    for (const rule of scheduled) {
      const checked = rule.checked
      expect(checked, `${rule.id} has no record of its check`).toBeDefined()
      expect(
        rule.citations.map((c) => c.source),
        rule.id
      ).toContain(checked!.source)
      expect(checked!.section.length, rule.id).toBeGreaterThan(3)
      // The source's own numbers or qualifiers, and its interval in words.
      expect(checked!.threshold.length, rule.id).toBeGreaterThan(10)
      expect(checked!.interval, rule.id).toMatch(/\d|once|every|each|refer/i)
      expect(checked!.on <= CONTENT.checkedOn, rule.id).toBe(true)
    }
    expect(CONTENT.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('each anthracycline factor cites where it really comes from: idarubicin from COG via PanCare, mitoxantrone rounded from 10.5', () => {
    const table = CONTENT.equivalenceTables.find((t) => t.id === CONTENT.anthracyclineTable)!
    for (const drug of Object.keys(table.factors)) {
      expect(table.factorCitations[drug], drug).toBeDefined()
      expect(CONTENT.sources[table.factorCitations[drug]!.source], drug).toBeDefined()
    }
    expect(table.factorCitations.idarubicin!.section).toMatch(/COG/)
    expect(table.factorCitations.idarubicin!.note).toMatch(/could not estimate/)
    expect(table.factorCitations.mitoxantrone!.note).toMatch(/10\.5/)
    expect(table.factorCitations.daunorubicin!.source).toBe('feijen-2019')
  })

  it('no unconfirmed rule carries a schedule or a frequency', () => {
    const unconfirmed = CONTENT.rules.filter((r) => r.status === 'UNCONFIRMED')
    expect(unconfirmed.length).toBeGreaterThan(0)
    for (const rule of unconfirmed) {
      expect(rule.schedule, rule.id).toBeNull()
      expect(rule.frequency, rule.id).toBeNull()
    }
  })

  it('every drug and drug class a rule names is in the drug catalog', () => {
    const ids = new Set(DRUGS.drugs.map((d) => d.id))
    const classes = new Set(DRUGS.drugs.map((d) => d.class))
    for (const rule of CONTENT.rules) {
      walk(rule.when, (c) => {
        if ('drugs' in c) for (const id of c.drugs) expect(ids, `${rule.id}: ${id}`).toContain(id)
        if ('drugClasses' in c) {
          for (const cls of c.drugClasses) expect(classes, `${rule.id}: ${cls}`).toContain(cls)
        }
      })
    }
  })

  it('the anthracycline table is confirmed, cited, and has a factor for every anthracycline in the catalog', () => {
    const table = CONTENT.equivalenceTables.find((t) => t.id === CONTENT.anthracyclineTable)!
    expect(table.status).toBe('CONFIRMED')
    expect(table.citations.length).toBeGreaterThan(0)
    const anthracyclines = DRUGS.drugs.filter((d) => d.class === 'anthracycline').map((d) => d.id)
    expect(Object.keys(table.factors).sort()).toEqual(anthracyclines.sort())
    // PanCare footnote d: doxorubicin ×1, daunorubicin ×0.6, epirubicin ×0.8, idarubicin ×5,
    // mitoxantrone ×10.
    expect(table.factors).toEqual({
      doxorubicin: 1,
      daunorubicin: 0.6,
      epirubicin: 0.8,
      idarubicin: 5,
      mitoxantrone: 10
    })
  })

  it('rules sharing a check-up share its group and status, and every group is known', () => {
    const byKey = new Map<string, { system: string; status: string }>()
    for (const rule of CONTENT.rules) {
      expect(BODY_SYSTEMS).toContain(rule.system)
      const seen = byKey.get(rule.itemKey)
      if (seen) expect({ system: rule.system, status: rule.status }, rule.id).toEqual(seen)
      byKey.set(rule.itemKey, { system: rule.system, status: rule.status })
    }
  })

  it('covers what the issue asks for beyond exposures: recurrence, emotions, school and work, fertility, sexual health, money, healthy living', () => {
    const keys = new Set(CONTENT.rules.map((r) => r.itemKey))
    for (const key of [
      'recurrence.signs',
      'emotional.feelings-and-fear',
      'school-work.school-and-work',
      'fertility.questions',
      'fertility.sexual-health',
      'school-work.insurance-and-money',
      'healthy-living.habits',
      'coordination.who-does-what',
      'heart.her2-heart-monitoring',
      'bones.aromatase-inhibitor'
    ]) {
      expect(keys).toContain(key)
    }
  })
})

describe('links from the rules to the guides', () => {
  const guides = new Map(
    shippedLibrary().guides.map((g) => [g.id, new Set(g.sections.map((s) => s.id))])
  )

  it('every link names a guide that ships, and a section that is in it', () => {
    for (const rule of CONTENT.rules) {
      for (const link of rule.guides) {
        const sections = guides.get(link.guide)
        expect(sections, `${rule.id}: guide ${link.guide}`).toBeDefined()
        expect(sections!.has(link.section), `${rule.id}: ${link.guide}#${link.section}`).toBe(true)
      }
    }
  })

  it('the heart, bone and recurrence rules each link to at least one section', () => {
    // Except the heart checks during doxorubicin for breast cancer: the breast cancer guide does
    // not cover them, and a page about children would not be the place to send that reader.
    const rules = CONTENT.rules.filter(
      (r) =>
        ['heart', 'bones-and-joints', 'cancer-coming-back'].includes(r.system) &&
        r.id !== 'mbc-anthracycline-heart'
    )
    expect(rules.map((r) => r.id)).toEqual(
      expect.arrayContaining(['heart-echo-high', 'bones-dxa', 'topic-recurrence', 'mbc-ai-bones'])
    )
    for (const rule of rules) expect(rule.guides.length, rule.id).toBeGreaterThan(0)
  })

  it('every guide that ships is linked from some rule', () => {
    const linked = new Set(CONTENT.rules.flatMap((r) => r.guides.map((g) => g.guide)))
    expect([...linked].sort()).toEqual([...guides.keys()].sort())
  })
})

describe('the loader refuses bad data', () => {
  it('a rule without its guide links, or linking one guide twice', () => {
    const none = clone()
    delete none.rules[0]!.guides
    expect(() => parseCarePlanContent(none)).toThrow(/rules\.0\.guides/)
    const twice = clone()
    twice.rules[0]!.guides = [
      { guide: 'childhood-all', section: 'late-effects-by-body-part' },
      { guide: 'childhood-all', section: 'late-effects-by-treatment' }
    ]
    expect(() => parseCarePlanContent(twice)).toThrow(/Link each guide once/)
  })

  it('an unconfirmed rule with a schedule', () => {
    const bad = clone()
    const rule = bad.rules.find((r) => r.status === 'CONFIRMED' && r.schedule !== null)!
    rule.status = 'UNCONFIRMED'
    expect(() => parseCarePlanContent(bad)).toThrow(/UNCONFIRMED rule may not carry a schedule/)
  })

  it('a rule without a citation, or citing an unknown source', () => {
    const none = clone()
    none.rules[0]!.citations = []
    expect(() => parseCarePlanContent(none)).toThrow(/rules\.0\.citations/)
    const unknown = clone()
    ;(unknown.rules[0]!.citations as object[]).push({ source: 'nowhere', section: 'x' })
    expect(() => parseCarePlanContent(unknown)).toThrow(/Unknown source nowhere/)
  })

  it('a scheduled rule without the record of its check, or an uncited factor', () => {
    const unchecked = clone()
    const rule = unchecked.rules.find((r) => r.schedule !== null)!
    delete rule.checked
    expect(() => parseCarePlanContent(unchecked)).toThrow(/threshold and interval were checked/)
    const factor = clone()
    const table = (factor.equivalenceTables as { factorCitations: Record<string, unknown> }[])[0]!
    delete table.factorCitations.idarubicin
    expect(() => parseCarePlanContent(factor)).toThrow(/idarubicin factor needs a citation/)
  })

  it('a rule without a status, or a table in use that is not confirmed', () => {
    const noStatus = clone()
    delete noStatus.rules[0]!.status
    expect(() => parseCarePlanContent(noStatus)).toThrow(/rules\.0\.status/)
    const table = clone()
    ;(table.equivalenceTables as { status: string }[])[0]!.status = 'UNCONFIRMED'
    expect(() => parseCarePlanContent(table)).toThrow(/must be CONFIRMED/)
  })
})
