/**
 * The document for doctors as plain data, built from the sample record through the real vault
 * and the contract's handlers: the numbers must be the Summary screen's, every plan item and
 * every source must be there once, and nothing may read "undefined".
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/api.ts'
import { buildClinicalDocument } from '../../electron/core/document/build.ts'
import { writeClinicalPdf } from '../../electron/core/document/pdf.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import {
  CARE_PLAN_DISCLAIMER,
  type CarePlan,
  type Citation,
  type PlanItem
} from '../../electron/shared/careplan.ts'
import type { Result } from '../../electron/shared/contract.ts'
import type {
  Block,
  ClinicalDocument,
  DocumentSection,
  Subsection
} from '../../electron/shared/document.ts'
import { formatAmount, formatDate, formatUnit } from '../../electron/shared/format.ts'
import { labelMessages, nextDueLabels, responsibleLabels } from '../../electron/shared/labels.ts'
import type { Question } from '../../electron/shared/library.ts'
import type { Exposure, TreatmentSummary } from '../../electron/shared/summary.ts'
import { PASSPHRASE, cleanupTempDirs, newCore, tempDir } from './helpers/vaultFixture.ts'

let core: Core

async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = (await dispatch(core.handlers, method, input)) as Result<T>
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value
}

async function documentFor(profileId: string) {
  const summary = await ok<TreatmentSummary>('record.summary', { profileId })
  const plan = await ok<CarePlan>('careplan.get', { profileId })
  const questions = await ok<Question[]>('questions.list', { profileId })
  const doc = buildClinicalDocument({ summary, plan, questions, preparedOn: '2026-12-01' })
  return { summary, plan, questions, doc }
}

beforeEach(async () => {
  core = newCore()
  await core.vault.create(PASSPHRASE)
})
afterEach(cleanupTempDirs)

type AnyBlock = Block | Subsection

/** Every block of a section, with the blocks inside its subsections, in reading order. */
function blocksOf(section: DocumentSection): Block[] {
  return section.blocks.flatMap((b) => (b.kind === 'subsection' ? b.blocks : [b]))
}

function allBlocks(doc: ClinicalDocument): Block[] {
  return doc.sections.flatMap(blocksOf)
}

function section(doc: ClinicalDocument, id: string): DocumentSection {
  const found = doc.sections.find((s) => s.id === id)
  if (!found) throw new Error(`no section ${id}`)
  return found
}

function table(doc: ClinicalDocument, caption: string) {
  const found = allBlocks(doc).find((b) => b.kind === 'table' && b.caption === caption)
  if (!found || found.kind !== 'table') throw new Error(`no table "${caption}"`)
  return found
}

/** Every string anywhere in the document. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}

/** What SummaryView.vue's doseText() prints for an exposure, from the same shared functions. */
function screenDose(exposure: Exposure): { perM2: string; total: string } {
  const total = `${formatAmount(exposure.absoluteTotal)} ${exposure.baseUnit}`
  if (exposure.route === 'intrathecal') return { perM2: '', total }
  return {
    perM2: `${formatAmount(exposure.perM2Total)} ${formatUnit(`${exposure.baseUnit}/m2`)}`,
    total
  }
}

/** pdfkit's end() never returns when a structure element is left unattached: fail instead. */
async function writePdfWithin(doc: ClinicalDocument, ms: number): Promise<Buffer> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the PDF was not finished in ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([writeClinicalPdf(doc, { paper: 'A4' }), timeout])
  } finally {
    clearTimeout(timer)
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** A cited document: the same organisation, document, version and address. */
function documentKey(c: Citation): string {
  return [c.organisation, c.document, c.version, c.url].join('|')
}

function namesDocument(text: string, c: Citation): boolean {
  return [c.organisation, c.document, c.version, c.url].every((part) => text.includes(part))
}

/** The care plan's items in the order the document prints them. */
function planItemsInReadingOrder(doc: ClinicalDocument, items: PlanItem[]): PlanItem[] {
  const text = strings(section(doc, 'care-plan'))
  const at = (item: PlanItem) =>
    text.findIndex((t) => t === item.title || t.startsWith(`${item.title}\n`))
  return [...items].sort((a, b) => at(a) - at(b))
}

type TableBlock = Extract<Block, { kind: 'table' }>

/** The care-plan table row an item is printed in: its first cell starts with the title. */
function planRow(doc: ClinicalDocument, title: string) {
  for (const block of blocksOf(section(doc, 'care-plan'))) {
    if (block.kind !== 'table') continue
    const row = block.rows.find((r) => r.cells[0]!.split('\n')[0] === title)
    if (row) {
      const cell = (label: string) => {
        const i = block.columns.findIndex((c) => c.label === label)
        return i < 0 ? undefined : row.cells[i]
      }
      return { table: block as TableBlock, row, cell }
    }
  }
  throw new Error(`no row for "${title}"`)
}

/** What the document prints as an item's sources: "[3, Section]; [4]", or '' for none. */
function sourcesAt(doc: ClinicalDocument, title: string): string {
  return planRow(doc, title).cell('Sources') ?? ''
}

describe('the document for doctors, from the sample record', () => {
  let profileId: string
  beforeEach(async () => {
    profileId = (await core.handlers['profiles.loadSample']({})).id
    await ok('questions.add', {
      profileId,
      questions: ['Does the hip osteonecrosis change which sports are safe?'],
      guideId: null,
      sectionId: null
    })
  })

  it('puts allergies, the central line, the spleen and the transplant blood groups first', async () => {
    const { doc } = await documentFor(profileId)
    const first = Object.fromEntries(
      blocksOf(section(doc, 'important'))
        .flatMap((b) => (b.kind === 'keyValues' ? b.items : []))
        .map((i) => [i.key, i.value])
    )
    // The sample: one fictional allergy, no line now, a working spleen, A+ before and O+ after.
    expect(first['Allergies']).toMatch(/^Co-trimoxazole \(Rash/)
    expect(first['Central line']).toBe('No central line now')
    expect(first['Spleen']).toBe('Working')
    expect(first['Stem cell transplant']).toMatch(/blood group A\+ before, O\+ after$/)
  })

  it('prints every agent’s cumulative dose exactly as the Summary screen does', async () => {
    const { summary, doc } = await documentFor(profileId)
    const agents = table(doc, 'Cumulative dose of each medicine, by route, in order of first dose')
    const column = (label: string) => agents.columns.findIndex((c) => c.label === label)
    const [agent, route, perM2, total, doses] = [
      column('Agent'),
      column('Route'),
      column('Cumulative dose per m²'),
      column('Cumulative dose'),
      column('Doses')
    ]
    expect([agent, route, perM2, total, doses].every((i) => i >= 0)).toBe(true)
    expect(summary.exposures.length).toBeGreaterThan(5)
    expect(agents.rows).toHaveLength(summary.exposures.length)
    summary.exposures.forEach((exposure, i) => {
      const row = agents.rows[i]!.cells
      expect(row[agent]).toBe(capitalise(exposure.drugName))
      expect(row[route]).toBe(capitalise(labelMessages.routesShort[exposure.route as 'iv']))
      const expected = screenDose(exposure)
      expect(row[perM2]).toBe(expected.perM2)
      expect(row[total]).toBe(expected.total)
      expect(row[doses]).toBe(String(exposure.doses))
    })
    // The sample has estimated doses: they are marked, and the mark is explained.
    const estimated = summary.exposures.findIndex((e) => e.estimatedDoses > 0)
    expect(estimated).toBeGreaterThanOrEqual(0)
    expect(agents.rows[estimated]!.marks).toContain('estimated')
    expect(agents.notes.join('\n')).toContain(
      `includes ${summary.exposures[estimated]!.estimatedDoses} estimated doses`
    )
    expect(agents.notes.join('\n')).toMatch(/converted with the measurements? of \d+ \w{3} \d{4}/)
  })

  it('gives the doxorubicin-equivalent total with its table and version, first and in full', async () => {
    const { summary, doc } = await documentFor(profileId)
    const anthracycline = summary.anthracycline!
    expect(anthracycline).not.toBeNull()
    const totalText = `${formatAmount(anthracycline.total)} mg/m²`
    const dox = table(doc, 'Anthracyclines converted to doxorubicin-equivalent doses')
    expect(dox.rows.at(-1)!.cells.at(-1)).toBe(totalText)
    expect(dox.notes.join('\n')).toContain(anthracycline.table.version)
    expect(dox.notes.join('\n')).toContain(anthracycline.table.id)
    for (const part of anthracycline.parts)
      expect(dox.notes.join('\n')).toContain(part.factorSource!)
    const first = strings(section(doc, 'important')).join('\n')
    expect(first).toContain(totalText)
    expect(first).toContain(anthracycline.table.version)
  })

  it('prints every care-plan item in a table by body system, with its exposures, how often, next due and who', async () => {
    const { plan, doc } = await documentFor(profileId)
    const planText = strings(section(doc, 'care-plan'))
    const active = plan.items.filter((i) => !i.dismissed)
    expect(active.length).toBeGreaterThan(20)
    const subsections = section(doc, 'care-plan').blocks.filter(
      (b): b is Subsection => b.kind === 'subsection'
    )
    const askTitles = strings(subsections.find((s) => s.title === 'Topics to ask about'))
    let scheduled = 0
    for (const item of active) {
      const { table, row, cell } = planRow(doc, item.title)
      const text = row.cells.join('\n')
      for (const line of item.why) expect(text, item.title).toContain(line.replace(/\.$/, ''))
      expect(cell('Who'), item.title).toBe(responsibleLabels[item.responsible])
      if (item.frequency) expect(text, item.title).toContain(item.frequency)
      if (item.nextDue) {
        // A check with a date is a row of a checks table, the date in its own column.
        expect(cell('Next due'), item.title).toContain(formatDate(item.nextDue))
        expect(cell('How often'), item.title).toBe(item.frequency ?? 'No set schedule')
        scheduled++
      } else if (item.kind === 'ask') {
        expect(text, item.title).toContain(nextDueLabels.askNoSchedule)
      } else if (!item.frequency) {
        expect(table.columns.map((c) => c.label)).not.toContain('How often')
        expect(planText).toContain(
          'A topic with no “How often” has no set schedule: bring it up at a follow-up visit.'
        )
      }
      // Topics to ask about are listed apart from the plan's checks and topics, and only there.
      const asked = item.kind === 'ask' || item.kind === 'needs-data'
      expect(
        askTitles.some((t) => t.startsWith(`${item.title}\n`)),
        item.title
      ).toBe(asked)
    }
    expect(scheduled).toBeGreaterThan(20)
    expect(planText).toContain(CARE_PLAN_DISCLAIMER)
    expect(planText.join('\n')).toContain(plan.rulesVersion)
    expect(doc.runningFooter.join(' ')).toContain('not checked by a clinician unless signed below')
    expect(doc.runningFooter.join(' ')).toMatch(/not medical advice/i)
  })

  it('names every cited document once, numbered in order of use, and each item cites its number with the section it uses', async () => {
    const { plan, doc } = await documentFor(profileId)
    const refs = blocksOf(section(doc, 'references')).find((b) => b.kind === 'references')
    if (!refs || refs.kind !== 'references') throw new Error('no reference list')
    expect(refs.items.map((r) => r.number)).toEqual(refs.items.map((_, i) => i + 1))
    expect(new Set(refs.items.map((r) => r.text)).size).toBe(refs.items.length)

    const active = plan.items.filter((i) => !i.dismissed)
    const documents = new Map(active.flatMap((i) => i.citations).map((c) => [documentKey(c), c]))
    // Several sections of one document make one reference, not one each.
    expect(active.flatMap((i) => i.citations).length).toBeGreaterThan(documents.size)
    expect(refs.items).toHaveLength(documents.size)
    const numberOf = new Map<string, number>()
    for (const [key, c] of documents) {
      const naming = refs.items.filter((r) => namesDocument(r.text, c))
      expect(naming, key).toHaveLength(1)
      numberOf.set(key, naming[0]!.number)
    }

    let checked = 0
    const seen: number[] = []
    for (const item of planItemsInReadingOrder(doc, active)) {
      const sources = sourcesAt(doc, item.title)
      if (item.citations.length === 0) {
        expect(sources, item.title).toBe('')
        continue
      }
      const expected = item.citations.map((c) => {
        const number = numberOf.get(documentKey(c))!
        seen.push(number)
        return c.section ? `[${number}, ${c.section}]` : `[${number}]`
      })
      expect(sources, item.title).toBe(expected.join('; '))
      checked++
    }
    expect(checked).toBeGreaterThan(20)
    // Numbered in order of first use: reading the plan top to bottom, each new number is the next.
    const firstUse = seen.filter((n, i) => seen.indexOf(n) === i)
    expect(firstUse).toEqual(refs.items.map((r) => r.number))
  })

  it('prints the whole sample document on at most 12 A4 pages', async () => {
    const { doc } = await documentFor(profileId)
    const file = join(tempDir(), 'sample.pdf')
    writeFileSync(file, await writePdfWithin(doc, 20_000))
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1])
    expect(pages).toBeGreaterThan(0)
    expect(pages).toBeLessThanOrEqual(12)
  }, 30_000)

  it('keeps its sections in order with unique ids, and says "undefined", "null" or "NaN" nowhere', async () => {
    const { doc, questions } = await documentFor(profileId)
    expect(doc.sections.map((s) => s.id)).toEqual([
      'important',
      'diagnoses',
      'treatment',
      'care-team',
      'care-plan',
      'questions',
      'review',
      'references'
    ])
    expect(new Set(doc.sections.map((s) => s.id)).size).toBe(doc.sections.length)
    expect(strings(section(doc, 'questions'))).toContain(questions[0]!.text)
    const bad = strings(doc).filter((s) => /\b(undefined|null|NaN)\b/.test(s))
    expect(bad).toEqual([])
    expect(doc.person.dateOfBirth).toBe('12 Oct 2016')
    expect(doc.preparedOn).toBe('1 Dec 2026')
  })
})

describe('the document for doctors, from a typed record', () => {
  it('marks doses left unconverted and doses confirmed as unusual, and says what each mark means', async () => {
    const profileId = (await core.handlers['profiles.create']({ displayName: 'Mia' })).id
    const save = (kind: string, entry: Record<string, unknown>) =>
      ok('record.save', { kind, entry: { profileId, ...entry } })
    await ok('profiles.updatePerson', { profileId, dateOfBirth: '2019-06-15' })
    // No height or weight at all: per-m² doses cannot be put in milligrams.
    const vincristine = (dose: number, date: string, extra: Record<string, unknown> = {}) =>
      save('administration', {
        drugId: 'vincristine',
        route: 'iv',
        dose,
        unit: 'mg/m2',
        schedule: { kind: 'once', date },
        ...extra
      })
    await vincristine(1.5, '2024-03-01')
    await vincristine(15, '2024-03-08', { confirmedUnusual: true })
    await save('administration', {
      drugId: 'daunorubicin',
      route: 'iv',
      dose: 25,
      unit: 'mg/m2',
      schedule: { kind: 'once', date: '2025-09-01' }
    })
    const { summary, doc } = await documentFor(profileId)
    const agents = table(doc, 'Cumulative dose of each medicine, by route, in order of first dose')
    const row = (drugId: string) =>
      agents.rows[summary.exposures.findIndex((e) => e.drugId === drugId)]!
    const notes = agents.notes.join('\n')

    expect(row('vincristine').marks).toEqual(['incomplete', 'unusual dose confirmed'])
    expect(notes).toContain('“unusual dose confirmed”:')
    expect(notes).toContain(
      `includes ${formatAmount(15)} mg/m² on 8 Mar 2024: unusual, confirmed as right`
    )

    const daunorubicin = summary.exposures.find((e) => e.drugId === 'daunorubicin')!
    expect(daunorubicin.unconvertedAbsolute).toBe(1)
    expect(row('daunorubicin').marks).toEqual(['incomplete'])
    expect(notes).toContain('“incomplete”:')
    expect(notes).toContain('1 dose not converted: no height or weight recorded near that date')
    expect(notes).toContain('2 doses not converted: no height or weight recorded near that date')
    expect(strings(section(doc, 'treatment')).join('\n')).toContain(
      'Some doses could not be added up because no height or weight was recorded'
    )
    expect(strings(doc).filter((s) => /\b(undefined|null|NaN)\b/.test(s))).toEqual([])
  })
})

describe('the document for doctors, from an empty record', () => {
  it('leaves out every empty part: no empty table, list or section', async () => {
    const profileId = (await core.handlers['profiles.create']({ displayName: 'Sam' })).id
    const { doc } = await documentFor(profileId)
    const empty = (b: AnyBlock): boolean =>
      (b.kind === 'table' && (b.rows.length === 0 || b.columns.length === 0)) ||
      (b.kind === 'list' && b.items.length === 0) ||
      (b.kind === 'keyValues' && b.items.length === 0) ||
      (b.kind === 'references' && b.items.length === 0) ||
      (b.kind === 'subsection' && b.blocks.length === 0)
    expect(doc.sections.filter((s) => s.blocks.length === 0).map((s) => s.id)).toEqual([])
    expect(doc.sections.flatMap((s) => s.blocks).filter(empty)).toEqual([])
    expect(allBlocks(doc).filter(empty)).toEqual([])
    // The care plan's standing topics are a table; the record itself gives no table.
    expect(
      doc.sections
        .filter((s) => s.id !== 'care-plan')
        .flatMap(blocksOf)
        .filter((b) => b.kind === 'table')
    ).toEqual([])
    expect(strings(doc).filter((s) => /\b(undefined|null|NaN)\b/.test(s))).toEqual([])
    // What is always there: whose document it is, the line for a clinician to sign, and the
    // emergency questions, said as unanswered rather than left blank.
    expect(doc.person.name).toBe('Sam')
    const first = blocksOf(section(doc, 'important')).flatMap((b) =>
      b.kind === 'keyValues' ? b.items : []
    )
    expect(first).toEqual(
      expect.arrayContaining([
        { key: 'Allergies', value: 'Not recorded' },
        { key: 'Central line', value: 'Not recorded' },
        { key: 'Spleen', value: 'Not recorded' }
      ])
    )
    expect(doc.sections.map((s) => s.id)).toContain('review')
  })
})
