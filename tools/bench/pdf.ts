/**
 * The PDF for a doctor against what a person would otherwise do: open the Summary screen in the
 * real app (the built renderer in Chromium, through the loopback bridge, as the end-to-end tests
 * run it) and print it with Chromium's own print to PDF (Playwright's `page.pdf()`).
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import playwrightConfig from '../../playwright.config.ts'
import type { Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import type { MethodInput } from '../../electron/shared/contract.ts'
import type { ExportPdfResult, ExportSection } from '../../electron/shared/export.ts'
import { median, time } from './stats.ts'
import { type BenchVault, PASSPHRASE, RECORD_NAME, saveEntry } from './vault.ts'

/** Each export or print takes seconds: fewer runs, after one that warms up. */
const PDF_RUNS = 5

/** The parts of the full document that the Summary screen shows too (not the care plan). */
export const SUMMARY_SCREEN_SECTIONS: ExportSection[] = [
  'important',
  'diagnoses',
  'treatment',
  'care-team'
]

/**
 * The full document as the Export dialog asks for it by default, on A4, without a password;
 * with `sections`, only those parts.
 */
export async function exportFullPdf(
  core: Core,
  profileId: string,
  sections?: ExportSection[]
): Promise<Buffer> {
  const input: MethodInput<'export.pdf'> = {
    profileId,
    variant: 'full',
    paper: 'A4',
    nameInMetadata: false,
    sections
  }
  const result = await dispatch(core.handlers, 'export.pdf', input)
  if (!result.ok) throw new Error(`bench: export.pdf failed: ${result.error.message}`)
  const value = result.value as ExportPdfResult
  // Through the bridge (no save dialog) the core answers the file's bytes.
  if (value.outcome !== 'download') throw new Error(`bench: export.pdf said ${value.outcome}`)
  return Buffer.from(value.base64, 'base64')
}

/** Pages in a PDF as poppler's pdfinfo counts them; null when poppler-utils is not installed. */
function pdfPages(dir: string, bytes: Buffer, name: string): number | null {
  const file = join(dir, name)
  writeFileSync(file, bytes)
  try {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN)
  } catch {
    return null
  }
}

export interface PdfTiming {
  median: number
  first: number
  times: number[]
  pages: number | null
  bytes: number
}

/** Runs `make` once to warm up (workers, fonts, page caches), then PDF_RUNS times. */
async function timePdf(dir: string, name: string, make: () => Promise<Buffer>): Promise<PdfTiming> {
  let bytes: Buffer = Buffer.alloc(0)
  const first = await time(async () => (bytes = await make()))
  const times: number[] = []
  for (let i = 0; i < PDF_RUNS; i++) times.push(await time(async () => (bytes = await make())))
  return {
    median: median(times),
    first,
    times,
    pages: pdfPages(dir, bytes, name),
    bytes: bytes.length
  }
}

export interface ExportFigures {
  /** The first export after unlocking, on workers that have laid nothing out yet. */
  coldFirst: number
  /** The first export after the Summary screen opened (document.get has a worker lay it out). */
  preparedFirst: number
  /** How long that unseen layout took. */
  preparing: number
  full: PdfTiming
  /** A measurement saved before each export: the summary and plan worked out again. */
  afterChange: PdfTiming
  summaryParts: PdfTiming
}

/**
 * `export.pdf` through the real handler: the document built in the core, laid out on a worker.
 * The full document, then only the parts the Summary screen shows, to compare like with like.
 */
export async function benchExportPdf(
  dir: string,
  { core, profileId }: BenchVault
): Promise<ExportFigures> {
  await core.vault.lock()
  await core.vault.unlock(PASSPHRASE)
  const coldFirst = await time(() => exportFullPdf(core, profileId))
  // As a person meets it: the Summary screen opens (document.get), which has a worker lay the
  // document out unseen while they read, then they export.
  await core.vault.lock()
  await core.vault.unlock(PASSPHRASE)
  const preparing = await time(async () => {
    await dispatch(core.handlers, 'document.get', { profileId })
    while (core.jobs.activeJobs > 0) await new Promise((resolve) => setTimeout(resolve, 5))
  })
  const preparedFirst = await time(() => exportFullPdf(core, profileId))
  const full = await timePdf(dir, 'export.pdf', () => exportFullPdf(core, profileId))
  const afterChange = await timePdf(dir, 'export-after-change.pdf', async () => {
    await saveEntry(core, profileId, 'measurement', {
      measuredOn: '2024-03-01',
      heightCm: 136 + Math.round(Math.random() * 10) / 10,
      weightKg: 25
    })
    return exportFullPdf(core, profileId)
  })
  const summaryParts = await timePdf(dir, 'export-summary.pdf', () =>
    exportFullPdf(core, profileId, SUMMARY_SCREEN_SECTIONS)
  )
  return { coldFirst, preparedFirst, preparing, full, afterChange, summaryParts }
}

/** Chromium printing the Summary screen of the same record, from the real app. */
export async function benchChromiumPrint(
  dir: string,
  { bridge, core }: BenchVault
): Promise<PdfTiming> {
  await core.vault.lock()
  const browser = await chromium.launch(playwrightConfig.use?.launchOptions)
  try {
    const page = await browser.newPage({ viewport: playwrightConfig.use?.viewport ?? null })
    await page.goto(bridge.url)
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Unlock', exact: true }).click()
    await page.getByRole('link', { name: RECORD_NAME, exact: true }).click({ timeout: 60_000 })
    // The screen draws the whole document from one answer (document.get): it is ready when the
    // treatment section is there.
    await page.locator('#treatment-heading').waitFor({ timeout: 60_000 })
    return await timePdf(dir, 'chromium.pdf', () => page.pdf({ format: 'A4' }))
  } finally {
    await browser.close()
  }
}
