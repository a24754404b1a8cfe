/**
 * The vault most of the bench runs against, as a person with years of records would have it: a
 * three-year treatment record (2,000 dated drug administrations), 100 imported web pages and the
 * two largest files Lantern takes, in the core of a running loopback bridge so Chromium can open
 * the same record. Everything is saved through the real handlers.
 */
import { join, resolve } from 'node:path'
import type { Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import { htmlToText } from '../../electron/core/library/guideMarkdown.ts'
import { shippedLibrary } from '../../electron/core/library/shippedLibrary.ts'
import { MAX_IMPORT_BYTES } from '../../electron/shared/library.ts'
import { startBridge, type Bridge } from '../bridge/server.ts'
import { time } from './stats.ts'

export const PASSPHRASE = 'a benchmark passphrase of decent length'
export const RECORD_NAME = 'Bench'
export const RENDERER_DIR = resolve('out/renderer')

export interface BenchVault {
  bridge: Bridge
  core: Core
  profileId: string
  /** Given once, when the vault was made; kept for vault.recover. */
  recoveryCode: string
}

/** Saves one entry of the record through the handler, as the interface does. */
export async function saveEntry(
  core: Core,
  profileId: string,
  kind: string,
  entry: Record<string, unknown>
): Promise<{ id: string }> {
  const result = await dispatch(core.handlers, 'record.save', {
    kind,
    entry: { profileId, ...entry }
  })
  if (!result.ok) throw new Error(`bench: ${result.error.message}`)
  return result.value as { id: string }
}

/**
 * A three-year record: 2,000 dated drug administrations across 12 drugs and 5 phases, monthly
 * measurements, radiation, a transplant and complications.
 */
export async function openLargeRecord(dir: string): Promise<BenchVault> {
  const bridge = await startBridge({ dataDir: join(dir, 'record'), rendererDir: RENDERER_DIR })
  const core = bridge.core
  const { recoveryCode } = await core.vault.create(PASSPHRASE)
  const { id: profileId } = await core.handlers['profiles.create']({ displayName: RECORD_NAME })
  const save = (kind: string, entry: Record<string, unknown>) =>
    saveEntry(core, profileId, kind, entry)
  const start = Date.parse('2021-03-01')
  const day = (n: number) => new Date(start + n * 86_400_000).toISOString().slice(0, 10)
  for (let month = 0; month < 36; month++) {
    await save('measurement', {
      measuredOn: day(month * 30),
      heightCm: 100 + month,
      weightKg: 16 + month / 4
    })
  }
  const phases: string[] = []
  for (const [i, kind] of [
    'induction',
    'consolidation',
    'interim-maintenance',
    'delayed-intensification',
    'maintenance'
  ].entries()) {
    phases.push(
      (await save('phase', { kind, startedOn: day(i * 60), endedOn: day(i * 60 + 59) })).id
    )
  }
  const drugs: [string, string, number, string][] = [
    ['vincristine', 'iv', 1.5, 'mg/m2'],
    ['dexamethasone', 'oral', 6, 'mg/m2'],
    ['daunorubicin', 'iv', 25, 'mg/m2'],
    ['doxorubicin', 'iv', 25, 'mg/m2'],
    ['cyclophosphamide', 'iv', 1000, 'mg/m2'],
    ['cytarabine', 'iv', 75, 'mg/m2'],
    ['mercaptopurine', 'oral', 75, 'mg/m2'],
    ['methotrexate', 'oral', 20, 'mg/m2'],
    ['methotrexate', 'intrathecal', 12, 'mg'],
    ['pegaspargase', 'im', 2500, 'IU/m2'],
    ['thioguanine', 'oral', 60, 'mg/m2'],
    ['etoposide', 'iv', 100, 'mg/m2']
  ]
  for (let i = 0; i < 2000; i++) {
    const [drugId, route, dose, unit] = drugs[i % drugs.length]!
    await save('administration', {
      phaseId: phases[i % phases.length],
      drugId,
      route,
      dose,
      unit,
      schedule: { kind: 'once', date: day(Math.floor((i * 1095) / 2000)) }
    })
  }
  const transplant = await save('transplant', { type: 'allogeneic', transplantedOn: day(900) })
  await save('radiation', {
    field: 'total-body',
    totalDoseGy: 12,
    fractions: 6,
    transplantId: transplant.id
  })
  await save('radiation', { field: 'cranial', totalDoseGy: 18, fractions: 10, startedOn: day(800) })
  for (let i = 0; i < 20; i++)
    await save('complication', { name: `Complication ${i}`, grade: 1 + (i % 5) })
  return { bridge, core, profileId, recoveryCode }
}

/** How many pages of guide text are imported, and how long each is. */
export const DOCUMENT_COUNT = 100
export const DOCUMENT_WORDS = 2000

/** A diary of the largest size Lantern imports, as Markdown: a heading a week. */
export function largestMarkdown(): string {
  const paragraph =
    'Platelets were **45** after the transfusion on Tuesday; the team will repeat the count.\n\n'
  let markdown = ''
  for (let week = 1; markdown.length < MAX_IMPORT_BYTES; week++) {
    markdown += `## Week ${week}\n\n${paragraph.repeat(40)}`
  }
  return markdown.slice(0, MAX_IMPORT_BYTES)
}

/** The two largest files: a web page and a Markdown file, each 8 MB with no headings to cut at. */
function largestFiles(): { html: string; markdown: string } {
  const paragraph =
    '<p>Platelets were 45 after the <a href="#">transfusion</a> on <strong>Tuesday</strong>.</p>\n'
  return {
    html: `<html><body><main><h1>Largest page</h1>${paragraph.repeat(Math.floor((MAX_IMPORT_BYTES - 100) / paragraph.length))}</main></body></html>`,
    markdown: 'Some **words** and a [link](#here).\n\n'.repeat(Math.floor(MAX_IMPORT_BYTES / 38))
  }
}

export interface ImportFigures {
  /** Each of the largest files: its kind, size and how long the import took. */
  largest: { kind: string; megabytes: number; ms: number }[]
}

/**
 * 100 documents (each about 2,000 words of guide text under its own title, as Markdown), then the
 * two largest files Lantern takes, each import timed (the whole import runs while the person waits).
 */
export async function importDocuments(core: Core): Promise<ImportFigures> {
  const text = shippedLibrary()
    .guides.flatMap((g) => g.sections.map((s) => htmlToText(s.html)))
    .join('\n\n')
    .split(/\s+/)
  for (let i = 0; i < DOCUMENT_COUNT; i++) {
    const start = (i * 997) % Math.max(1, text.length - DOCUMENT_WORDS)
    const body = `# Saved page ${i + 1}\n\n${text.slice(start, start + DOCUMENT_WORDS).join(' ')}\n`
    await core.handlers['documents.import']({
      fileName: `page-${i + 1}.md`,
      kind: 'markdown',
      content: Buffer.from(body).toString('base64')
    })
  }
  const largest: ImportFigures['largest'] = []
  for (const [kind, body] of Object.entries(largestFiles()) as ['html' | 'markdown', string][]) {
    const content = Buffer.from(body).toString('base64')
    const ms = await time(() =>
      core.handlers['documents.import']({ fileName: `largest.${kind}`, kind, content })
    )
    largest.push({ kind, megabytes: body.length / 1024 / 1024, ms })
  }
  return { largest }
}
