/**
 * The one-page summary and the wallet card, from the sample record through the real vault and
 * the contract's handlers, written as PDFs and read back with poppler and qpdf: one page each,
 * the strings of the full document, and never a number the family did not enter.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/api.ts'
import { buildClinicalDocument } from '../../electron/core/document/build.ts'
import { writeClinicalPdf, type PdfOptions } from '../../electron/core/document/pdf.ts'
import {
  buildCardDocument,
  buildOnePageDocument,
  soonestItems
} from '../../electron/core/document/variants.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import type { CarePlan, PlanItem } from '../../electron/shared/careplan.ts'
import type { Result } from '../../electron/shared/contract.ts'
import type { Block, ClinicalDocument } from '../../electron/shared/document.ts'
import type { Question } from '../../electron/shared/library.ts'
import type { TreatmentSummary } from '../../electron/shared/summary.ts'
import { DRUGS, PASSPHRASE, cleanupTempDirs, newCore, tempDir } from './helpers/vaultFixture.ts'

let core: Core
let profileId: string

async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = (await dispatch(core.handlers, method, input)) as Result<T>
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value
}

async function inputFor(id: string) {
  const summary = await ok<TreatmentSummary>('record.summary', { profileId: id })
  const plan = await ok<CarePlan>('careplan.get', { profileId: id })
  const questions = await ok<Question[]>('questions.list', { profileId: id })
  return { summary, plan, questions, preparedOn: '2026-12-01' }
}

/** pdfkit's end() never returns when a structure element is left unattached: fail instead. */
async function writePdf(doc: ClinicalDocument, options: PdfOptions, name: string): Promise<string> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the PDF was not finished in 20 s')), 20_000)
  })
  try {
    const bytes = await Promise.race([writeClinicalPdf(doc, options), timeout])
    const file = join(tempDir(), name)
    writeFileSync(file, bytes)
    return file
  } finally {
    clearTimeout(timer)
  }
}

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
}

function pages(file: string): number {
  return Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [file]))?.[1])
}

function info(file: string): string {
  return run('pdfinfo', [file])
}

/** The text, with every run of white space one space: a cell may wrap a value over lines. */
function text(file: string): string {
  return run('pdftotext', ['-raw', file, '-']).replace(/\s+/g, ' ')
}

function expectCleanQpdf(file: string): void {
  const out = run('qpdf', ['--check', file])
  expect(out).toContain('No syntax or stream encoding errors found')
  expect(out).not.toMatch(/WARNING/i)
}

type TableBlock = Extract<Block, { kind: 'table' }>

function tableOf(doc: ClinicalDocument, caption: string): TableBlock {
  for (const s of doc.sections) {
    for (const b of s.blocks.flatMap((x) => (x.kind === 'subsection' ? x.blocks : [x]))) {
      if (b.kind === 'table' && b.caption === caption) return b
    }
  }
  throw new Error(`no table "${caption}"`)
}

const AGENTS = 'Cumulative dose of each medicine, by route, in order of first dose'

/** Agent, route, per m² and total as the full document prints them, one entry per exposure. */
function fullDoses(doc: ClinicalDocument): { agent: string; perM2: string; total: string }[] {
  const table = tableOf(doc, AGENTS)
  const col = (label: string) => table.columns.findIndex((c) => c.label === label)
  return table.rows.map((r) => ({
    agent: r.cells[col('Agent')]!,
    perM2: r.cells[col('Cumulative dose per m²')] ?? '',
    total: r.cells[col('Cumulative dose')]!
  }))
}

/** The slow, obvious rule for "due soonest": every dated, kept item, by date then title. */
function soonestByHand(plan: CarePlan): PlanItem[] {
  const dated: PlanItem[] = []
  for (const item of plan.items) if (!item.dismissed && item.nextDue) dated.push(item)
  dated.sort((a, b) =>
    a.nextDue! < b.nextDue! ? -1 : a.nextDue! > b.nextDue! ? 1 : a.title < b.title ? -1 : 1
  )
  return dated.slice(0, 3)
}

beforeEach(async () => {
  core = newCore()
  await core.vault.create(PASSPHRASE)
  profileId = (await core.handlers['profiles.loadSample']({})).id
})
afterEach(cleanupTempDirs)

describe('the one-page summary', () => {
  it('prints the sample on exactly one A4 and one Letter page, with the full document’s doses', async () => {
    const input = await inputFor(profileId)
    const full = buildClinicalDocument(input)
    const doc = buildOnePageDocument(input)
    expect(doc.variant).toBe('one-page')
    const doses = fullDoses(full)
    expect(doses.length).toBe(input.summary.exposures.length)
    const soonest = soonestItems(input.plan)
    expect(soonest.map((i) => i.title)).toEqual(soonestByHand(input.plan).map((i) => i.title))
    expect(soonest).toHaveLength(3)
    for (const paper of ['A4', 'LETTER'] as const) {
      const file = await writePdf(doc, { paper }, `one-page-${paper}.pdf`)
      expect(pages(file), paper).toBe(1)
      expect(info(file)).toMatch(/^Tagged:\s+yes$/m)
      expectCleanQpdf(file)
      const out = text(file)
      expect(out).toContain(input.summary.profile.displayName)
      expect(out).toContain('B-cell acute lymphoblastic leukemia (ALL)')
      for (const d of doses) {
        // Each agent's row: its name, then its doses in the full document's words.
        const row = [d.agent, d.perM2, d.total].filter(Boolean).join(' ')
        expect(out, `${paper}: ${d.agent}`).toContain(d.agent)
        expect(out, `${paper}: ${row}`).toMatch(
          new RegExp(
            [d.perM2, d.total]
              .filter(Boolean)
              .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
              .join(' ')
          )
        )
      }
      for (const item of soonest) expect(out, item.title).toContain(item.title)
      expect(out).toContain('Continued in the full summary')
      expect(out).toContain('1 Dec 2026')
      expect(out).not.toContain('Left out of this page')
    }
  }, 60_000)

  it('stays one page with 40 more medicines and long notes, and says what continues in the full summary', async () => {
    const drugs = DRUGS.drugs.filter((d) => d.routes.some((r) => r !== 'intrathecal')).slice(0, 40)
    expect(drugs).toHaveLength(40)
    for (const [i, drug] of drugs.entries()) {
      await ok('record.save', {
        kind: 'administration',
        entry: {
          profileId,
          drugId: drug.id,
          route: drug.routes.find((r) => r !== 'intrathecal'),
          dose: 1,
          unit: drug.doseUnits[0],
          schedule: { kind: 'once', date: `2020-01-${String((i % 28) + 1).padStart(2, '0')}` },
          confirmedUnusual: true
        }
      })
    }
    const long = 'A long note the family wrote about this. '.repeat(10).slice(0, 200)
    await ok('profiles.updatePerson', {
      profileId,
      centralLine: 'in-place',
      centralLineNotes: long,
      ongoingTherapy: long,
      allergies: Array.from({ length: 12 }, (_, i) => ({
        substance: `Substance ${i + 1}`,
        reaction: long
      }))
    })
    for (let i = 0; i < 6; i++) {
      await ok('record.save', {
        kind: 'complication',
        entry: { profileId, name: `Ongoing problem ${i + 1}: ${long}`.slice(0, 200) }
      })
    }
    const input = await inputFor(profileId)
    expect(input.summary.exposures.length).toBeGreaterThanOrEqual(45)
    const doc = buildOnePageDocument(input)
    for (const paper of ['A4', 'LETTER'] as const) {
      const file = await writePdf(doc, { paper }, `stuffed-${paper}.pdf`)
      expect(pages(file), paper).toBe(1)
      expectCleanQpdf(file)
      const out = text(file)
      expect(out).toContain('Continued in the full summary')
      expect(out).toMatch(/\d+ more medicines: see the full summary/)
      expect(out).toContain('(continued in the full summary)')
      expect(out).toContain('Left out of this page for room, and in the full summary:')
      // What must never give way: the person, the diagnosis and the allergies.
      expect(out).toContain(input.summary.profile.displayName)
      expect(out).toContain('B-cell acute lymphoblastic leukemia (ALL)')
      expect(out).toContain('Substance 1')
    }
  }, 120_000)
})

describe('the wallet card', () => {
  function expectCard(out: string, summary: TreatmentSummary): void {
    expect(out).toContain(summary.profile.displayName)
    expect(out).toContain('12 Oct 2016')
    expect(out).toContain('B-cell acute lymphoblastic leukemia (ALL)')
    expect(out).toMatch(/Central line No\b/)
    expect(out).toMatch(/Transplant Yes\b/)
    expect(out).toMatch(/No working spleen No\b/)
    expect(out).toContain('Print at 100% (actual size); cut along the dashed lines; fold')
  }

  it('leaves a line to write on where the family has not entered the 24-hour number or fever threshold', async () => {
    const input = await inputFor(profileId)
    expect(input.summary.importantFirst.teamPhone24h).toBeNull()
    expect(input.summary.importantFirst.feverThreshold).toBeNull()
    for (const paper of ['A4', 'LETTER'] as const) {
      const file = await writePdf(buildCardDocument(input), { paper }, `card-${paper}.pdf`)
      expect(pages(file)).toBe(1)
      expect(info(file)).toMatch(/^Tagged:\s+yes$/m)
      expectCleanQpdf(file)
      const out = text(file)
      expectCard(out, input.summary)
      expect(out.split('Ask your care team and write it here').length - 1).toBe(2)
      // Lantern supplies no temperature of its own.
      expect(out).not.toMatch(/\d+(\.\d+)? ?°[CF]/)
    }
  }, 60_000)

  it('prints the 24-hour number and fever threshold exactly as the family entered them, and says "no working spleen: yes" when it was removed', async () => {
    await ok('profiles.updatePerson', {
      profileId,
      teamPhone24h: '+44 (0)20 7946 0000',
      feverThreshold: { value: 38.5, unit: 'C' },
      spleen: 'removed'
    })
    const input = await inputFor(profileId)
    const file = await writePdf(buildCardDocument(input), { paper: 'A4' }, 'card-filled.pdf')
    expect(pages(file)).toBe(1)
    expectCleanQpdf(file)
    const out = text(file)
    expect(out).toContain('+44 (0)20 7946 0000')
    expect(out).toContain('38.5 °C')
    expect(out).toMatch(/No working spleen Yes\b/)
    expect(out).not.toContain('write it here')
  }, 60_000)

  it('wraps a 200-character name within the card at a legible size', async () => {
    const name = 'Wolfeschlegelsteinhausenbergerdorff Núñez '.repeat(5).slice(0, 200).trim()
    await ok('profiles.rename', { id: profileId, displayName: name })
    const input = await inputFor(profileId)
    expect(input.summary.profile.displayName).toBe(name)
    const file = await writePdf(buildCardDocument(input), { paper: 'LETTER' }, 'card-long.pdf')
    expect(pages(file)).toBe(1)
    const out = text(file)
    expect(out.replace(/\s/g, '')).toContain(name.replace(/\s/g, ''))
    expect(out).toContain('12 Oct 2016')
    expect(out).toMatch(/Fever threshold/)
    // Every font size on the page is at least 6.5 pt.
    const sizes = [
      ...run('pdftotext', ['-bbox', file, '-']).matchAll(
        /yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g
      )
    ].map((m) => Number(m[2]) - Number(m[1]))
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(6.5)
  }, 60_000)
})
