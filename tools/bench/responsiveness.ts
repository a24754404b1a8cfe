/**
 * How long another call waits while heavy work runs: `vault.status` asked every 5 ms, each answer
 * timed from when it was due, so time the core's thread spent blocked before it could even start
 * counts. Target: under 50 ms (in Electron the core shares the main process with the window).
 */
import { join } from 'node:path'
import { createCore, type Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import { shippedDrugCatalog } from '../../electron/core/record/shippedCatalog.ts'
import { exportFullPdf } from './pdf.ts'
import { median, percentile } from './stats.ts'
import { type BenchVault, largestMarkdown, PASSPHRASE } from './vault.ts'

/**
 * Starts `work` from a timer, so that whatever it does on the core's thread before its first
 * await happens while a call is waiting, then asks `vault.status` every 5 ms until the work has
 * settled. Each time is filed under `label(due)`, asked once the answer has come.
 */
async function answersWhile(
  core: Core,
  work: () => Promise<unknown>[],
  label: (due: number) => string
): Promise<{ times: number[]; byLabel: Map<string, number[]>; took: number }> {
  let settled = false
  let start = 0
  const running = new Promise<void>((resolve, reject) =>
    setTimeout(() => {
      start = performance.now()
      Promise.all(work()).then(() => resolve(), reject)
    }, 10)
  ).finally(() => (settled = true))
  const times: number[] = []
  const byLabel = new Map<string, number[]>()
  while (!settled) {
    const due = performance.now() + 5
    await new Promise((resolve) => setTimeout(resolve, 5))
    await core.handlers['vault.status']({})
    const ms = performance.now() - due
    times.push(ms)
    const state = label(due)
    if (!byLabel.has(state)) byLabel.set(state, [])
    byLabel.get(state)!.push(ms)
  }
  await running
  return { times, byLabel, took: performance.now() - start }
}

const slowest = (times: number[] | undefined) => Math.max(0, ...(times ?? []))

/**
 * The largest Markdown file Lantern imports, through the contract as a person's call goes. The
 * base64 is made by the interface (or the bridge), not by the core: it is made before timing.
 */
async function importLargestMarkdown(core: Core, content: string): Promise<void> {
  const result = await dispatch(core.handlers, 'documents.import', {
    fileName: 'diary.md',
    kind: 'markdown',
    content
  })
  if (!result.ok) throw new Error(`bench: documents.import failed: ${result.error.message}`)
}

export interface ExportAndImportAnswers {
  took: number
  calls: number
  slowest: number
  p99: number
  median: number
  /** Slowest while the export ran (the import converting all that time), and after it. */
  slowestDuringExport: number
  callsDuringExport: number
  slowestAfterExport: number
}

/**
 * The full PDF of the large record and an 8 MB Markdown import, both at once, each through the
 * contract. Layout and conversion run on workers; reading the record, building the document and
 * the import's encrypted database write stay on the core's thread.
 */
export async function benchAnswersDuringExportAndImport({
  core,
  profileId
}: BenchVault): Promise<ExportAndImportAnswers> {
  if (core.vault.state !== 'unlocked') await core.vault.unlock(PASSPHRASE)
  const content = Buffer.from(largestMarkdown()).toString('base64')
  let exportStart = Infinity
  let exportEnd = Infinity
  const { times, byLabel, took } = await answersWhile(
    core,
    () => {
      exportStart = performance.now()
      return [
        exportFullPdf(core, profileId).finally(() => (exportEnd = performance.now())),
        importLargestMarkdown(core, content)
      ]
    },
    (due) => (due < exportStart ? 'before' : due < exportEnd ? 'export' : 'import')
  )
  return {
    took,
    calls: times.length,
    slowest: slowest(times),
    p99: percentile(times, 99),
    median: median(times),
    slowestDuringExport: slowest(byLabel.get('export')),
    callsDuringExport: byLabel.get('export')?.length ?? 0,
    slowestAfterExport: slowest(byLabel.get('import'))
  }
}

export interface ImportAnswers {
  took: number
  calls: number
  slowestConverting: number
  slowest: number
}

/**
 * An 8 MB Markdown import alone, in a new vault: the conversion runs on a worker; the encrypted
 * database write that follows stays on the core's thread (in parts, a turn between each), then
 * the document is indexed on the search index's worker.
 */
export async function benchAnswersDuringImport(dir: string): Promise<ImportAnswers> {
  const core = createCore({ dataDir: join(dir, 'responsive'), drugs: shippedDrugCatalog() })
  try {
    await core.vault.create(PASSPHRASE)
    const content = Buffer.from(largestMarkdown()).toString('base64')
    const { times, byLabel, took } = await answersWhile(
      core,
      () => [importLargestMarkdown(core, content)],
      () => (core.jobs.activeJobs > 0 ? 'converting' : 'writing')
    )
    return {
      took,
      calls: times.length,
      slowestConverting: slowest(byLabel.get('converting')),
      slowest: slowest(times)
    }
  } finally {
    await core.shutdown()
  }
}
