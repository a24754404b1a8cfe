/**
 * `npm run bench`: figures, not pass or fail, written to BENCHMARKS.md (tools/bench/report.ts)
 * with the machine they were measured on. Each part is a module in tools/bench/:
 *
 * - unlock.ts: the vault's key work at the production Argon2id cost, split into its parts;
 * - firstScreen.ts: the first screen drawn, cold and warm, and the bundle's size;
 * - vault.ts: the bench vault (a three-year record of 2,000 administrations, 100 documents and the
 *   two largest files) in the core of a loopback bridge, so Chromium can open the same record;
 * - search.ts: search as the person types, against SQLite FTS5 and MiniSearch's defaults;
 * - sqlite.ts: the encrypted database against plain SQLite, for the same writes and reads;
 * - record.ts, pdf.ts: reading the large record; its PDF against Chromium printing the screen;
 * - responsiveness.ts: how long other calls wait while an export and an import run;
 * - contract.ts: every contract method on the bench vault, and how long each holds the thread;
 * - memory.ts: the core's memory with all of that loaded.
 *
 * Needs the built renderer (`npm run build`): the Summary screen is printed from the real app.
 * `npm run bench -- --only=search,contract` runs some parts and prints their figures without
 * writing the report. LANTERN_BENCH_NOTE adds a sentence to the report (what else was running).
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { benchContract } from './bench/contract.ts'
import { benchFirstScreen } from './bench/firstScreen.ts'
import { collectGarbage } from './bench/heap.ts'
import { load, machine } from './bench/machine.ts'
import { coreMemory } from './bench/memory.ts'
import { benchChromiumPrint, benchExportPdf } from './bench/pdf.ts'
import { benchRecord } from './bench/record.ts'
import { type Figures, renderReport } from './bench/report.ts'
import {
  benchAnswersDuringExportAndImport,
  benchAnswersDuringImport
} from './bench/responsiveness.ts'
import { benchDocumentSearch, benchLibrarySearch, fts5LargestInsert } from './bench/search.ts'
import { benchSqlite } from './bench/sqlite.ts'
import { benchUnlock, unlockSplit } from './bench/unlock.ts'
import { importDocuments, openLargeRecord, PASSPHRASE, RENDERER_DIR } from './bench/vault.ts'

const COMMAND = 'npm run build && npm run bench'
const REPORT = 'BENCHMARKS.md'

const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
const wanted = (part: string) => !only || only.includes(part)

if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
  console.error(
    `bench: no built renderer in ${RENDERER_DIR}. Run "npm run build" first: ` +
      'the bench prints the Summary screen from the real app to compare it with the PDF export.'
  )
  process.exit(1)
}

const started = performance.now()
const figures: Partial<Figures> = {
  machine: machine(),
  command: COMMAND,
  date: new Date().toISOString().slice(0, 10),
  load: { before: load(), after: load() },
  note: process.env.LANTERN_BENCH_NOTE
}
/** Each part starts with the earlier parts' garbage collected (heap.ts says why). */
const step = (name: string) => {
  collectGarbage()
  console.log(`bench: ${name} (${((performance.now() - started) / 1000).toFixed(0)} s)`)
}

const dir = mkdtempSync(join(tmpdir(), 'lantern-bench-'))
try {
  if (wanted('unlock')) {
    step('unlock')
    figures.unlock = await benchUnlock(dir)
  }
  if (wanted('first-screen')) {
    step('first screen')
    figures.firstScreen = await benchFirstScreen()
  }
  if (wanted('sqlite')) {
    step('encrypted against plain SQLite')
    figures.sqlite = benchSqlite(dir)
  }
  if (wanted('search')) {
    step('library search')
    const { library, libraryTimes10 } = await benchLibrarySearch(dir)
    figures.search = { library, libraryTimes10 }
  }

  step('the bench vault: 2,000 administrations')
  const vault = await openLargeRecord(dir)
  try {
    step('the bench vault: 100 documents and the two largest files')
    figures.imports = await importDocuments(vault.core)
    if (wanted('unlock')) {
      step('unlocking the bench vault')
      figures.unlockBenchVault = await unlockSplit(vault.core)
      await vault.core.vault.unlock(PASSPHRASE)
    }
    if (wanted('search')) {
      step('search through the core')
      figures.documentSearch = await benchDocumentSearch(dir, vault)
      figures.fts5LargestInsertMs = fts5LargestInsert(dir, vault)
    }
    if (wanted('record')) {
      step('reading the large record')
      figures.record = await benchRecord(vault)
    }
    if (wanted('memory')) {
      step('memory')
      await vault.core.handlers['document.get']({ profileId: vault.profileId })
      await vault.core.documentSearch.settled()
      figures.memory = await coreMemory(vault)
    }
    if (wanted('pdf')) {
      step('PDF export')
      const exported = await benchExportPdf(dir, vault)
      step('Chromium printing the Summary screen')
      figures.pdf = { export: exported, chromium: await benchChromiumPrint(dir, vault) }
    }
    if (wanted('contract')) {
      step('every contract method')
      figures.contract = await benchContract(dir, vault)
    }
    if (wanted('answers')) {
      step('answers while an export and an import run')
      const exportAndImport = await benchAnswersDuringExportAndImport(vault)
      step('answers while an import runs')
      figures.answers = { exportAndImport, importAlone: await benchAnswersDuringImport(dir) }
    }
    figures.benchVault = {
      documents: (await vault.core.handlers['documents.list']({})).length,
      databaseMiB: statSync(vault.core.vault.dbFile).size / 1024 / 1024
    }
  } finally {
    await vault.bridge.close()
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

figures.load!.after = load()
figures.tookMs = performance.now() - started
if (only) {
  console.log(JSON.stringify(figures, null, 1))
} else {
  writeFileSync(REPORT, renderReport(figures as Figures))
  step(`${REPORT} written`)
}
