/**
 * Every contract method, called through dispatch (the schemas included, as IPC calls it) on the
 * bench's vault: the 2,000-administration record, the 100 documents and the two 8 MB files.
 *
 * For each call two times are taken: how long until it answered, and the longest the core's
 * thread was held meanwhile without answering anything else (the event loop's delay, sampled
 * every millisecond). In Electron the core shares the main process with the window, so the hold
 * is what freezes the app: the target is under 50 ms. A call that waits on a worker (an import,
 * an export) may take seconds to answer and still hold the thread for a few milliseconds.
 * A hold may be the garbage collector's pause rather than the call's work: the collector runs
 * when the heap fills, on whichever call allocates then, to collect what earlier calls left. The
 * pauses are reported with each hold, and the call's own work is given without them.
 *
 * PLANS has an entry for every method of the contract (tsc fails when a method is added without
 * one): the input, what has to be true before a run (made untimed: a locked vault to unlock, an
 * entry to delete) and, where state must move on, what follows it.
 */
import { gzipSync } from 'node:zlib'
import { mkdtempSync } from 'node:fs'
import { PerformanceObserver } from 'node:perf_hooks'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { createCore, type Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import { shippedLibrary } from '../../electron/core/library/shippedLibrary.ts'
import { shippedDrugCatalog } from '../../electron/core/record/shippedCatalog.ts'
import type { MethodInput, MethodName, MethodOutput } from '../../electron/shared/contract.ts'
import { METHOD_NAMES } from '../../electron/shared/contract.ts'
import { BACKUP_PART_MAX_BYTES } from '../../electron/shared/export.ts'
import { todayIso } from '../../electron/shared/record.ts'
import { writeSomethingElse } from './record.ts'
import { median } from './stats.ts'
import { type BenchVault, largestMarkdown, PASSPHRASE } from './vault.ts'

/** Runs per method; the vault's own operations derive keys (a second each) or copy the vault. */
const RUNS = 10
const SLOW_RUNS = 3

interface Context {
  vault: BenchVault
  dir: string
  passphrase: string
  recoveryCode: string
  /** A person made for calls that rename, delete or restore one. */
  scratchId: string
  /** Made in `before` for the run that needs it (an entry to delete, a bookmark to remove...). */
  made: string
  planItemKey: string
  /** The 8 MB Markdown file's base64, made once. */
  largest: string
  /** Made in `before` for record.restore: a deleted phase and the links its deletion cleared. */
  undo?: MethodInput<'record.restore'>
  /** The last backup file `vault.exportBackup` answered, as base64. */
  backup?: string
  /** The bench record as `export.fhir` answered it, gzipped as the page sends it, as base64. */
  fhir?: string
}

const UPLOAD_ID = 'b0b0b0b0b0b0'
/**
 * A backup file's part, cut from its base64 at a multiple of three bytes (so each part decodes
 * alone), at most BACKUP_PART_MAX_BYTES as the page sends them.
 */
const PART_BASE64 = (Math.floor(BACKUP_PART_MAX_BYTES / 3) * 3 * 4) / 3

/** Sends a whole backup file as the page does, part by part (untimed: what a restore needs). */
async function uploadBackup(core: Core, base64: string): Promise<void> {
  for (let at = 0; at < base64.length; at += PART_BASE64) {
    await call(core, 'vault.uploadBackupPart', {
      uploadId: UPLOAD_ID,
      offset: (at / 4) * 3,
      base64: base64.slice(at, at + PART_BASE64)
    })
  }
}

interface Plan<M extends MethodName> {
  /** Which case of the method this is, when it has several. */
  label?: string
  runs?: number
  /** Untimed, before each run. */
  before?: (ctx: Context) => Promise<unknown>
  input: (ctx: Context) => MethodInput<M>
  /** Untimed, after each run, with its answer. */
  after?: (ctx: Context, output: MethodOutput<M>) => Promise<unknown>
  /** The core to call, when not the bench vault's (vault.create needs a new folder each time). */
  core?: (ctx: Context) => Core
}

type Plans = { [M in MethodName]: Plan<M> | Plan<M>[] }

const call = async <M extends MethodName>(core: Core, method: M, input: MethodInput<M>) => {
  const result = await dispatch(core.handlers, method, input)
  if (!result.ok) throw new Error(`bench: ${method} failed: ${result.error.message}`)
  return result.value as MethodOutput<M>
}

const base64 = (text: string) => Buffer.from(text).toString('base64')
const other = (passphrase: string) =>
  passphrase === PASSPHRASE ? `${PASSPHRASE} (changed)` : PASSPHRASE
const guide = () => shippedLibrary().guides[0]!
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
const newCores: Core[] = []

const PLANS: Plans = {
  'vault.status': { input: () => ({}) },
  'vault.create': {
    label: 'a new vault',
    runs: SLOW_RUNS,
    core: (ctx) => {
      const core = createCore({
        dataDir: mkdtempSync(join(ctx.dir, 'create-')),
        drugs: shippedDrugCatalog()
      })
      newCores.push(core)
      return core
    },
    input: () => ({ passphrase: PASSPHRASE })
  },
  'vault.unlock': {
    runs: SLOW_RUNS,
    before: (ctx) => call(ctx.vault.core, 'vault.lock', {}),
    input: (ctx) => ({ passphrase: ctx.passphrase })
  },
  'vault.recover': {
    label: 'locked, the passphrase forgotten',
    runs: SLOW_RUNS,
    before: (ctx) => call(ctx.vault.core, 'vault.lock', {}),
    input: (ctx) => ({ recoveryCode: ctx.recoveryCode, newPassphrase: other(ctx.passphrase) }),
    after: async (ctx) => void (ctx.passphrase = other(ctx.passphrase))
  },
  'vault.lock': {
    runs: SLOW_RUNS,
    input: () => ({}),
    after: (ctx) => call(ctx.vault.core, 'vault.unlock', { passphrase: ctx.passphrase })
  },
  'vault.listBackups': { input: () => ({}) },
  'vault.restoreBackup': {
    label: 'the latest backup',
    runs: SLOW_RUNS,
    before: async (ctx) =>
      (ctx.made = (await call(ctx.vault.core, 'vault.listBackups', {}))[0]!.id),
    input: (ctx) => ({ backupId: ctx.made, secret: ctx.passphrase })
  },
  'vault.exportBackup': {
    label: 'the bench vault, answered for a download',
    runs: SLOW_RUNS,
    input: () => ({}),
    after: async (ctx, output) => {
      if (output.outcome === 'download') ctx.backup = output.base64
    }
  },
  'vault.uploadBackupPart': {
    label: 'the first 2 MB of a backup file',
    input: (ctx) => ({ uploadId: UPLOAD_ID, offset: 0, base64: ctx.backup!.slice(0, PART_BASE64) })
  },
  'vault.importBackup': {
    label: 'the bench vault, over itself',
    runs: SLOW_RUNS,
    before: async (ctx) => {
      const made = await call(ctx.vault.core, 'vault.exportBackup', {})
      if (made.outcome !== 'download') throw new Error('the bench core answers files for download')
      await uploadBackup(ctx.vault.core, made.base64)
    },
    input: (ctx) => ({
      uploadId: UPLOAD_ID,
      secret: { kind: 'passphrase', passphrase: ctx.passphrase },
      replaceExisting: true
    })
  },
  'vault.changePassphrase': {
    runs: SLOW_RUNS,
    input: (ctx) => ({ currentPassphrase: ctx.passphrase, newPassphrase: other(ctx.passphrase) }),
    after: async (ctx) => void (ctx.passphrase = other(ctx.passphrase))
  },
  'vault.reencrypt': {
    runs: SLOW_RUNS,
    input: (ctx) => ({ currentPassphrase: ctx.passphrase, newPassphrase: other(ctx.passphrase) }),
    after: async (ctx, output) => {
      ctx.passphrase = other(ctx.passphrase)
      ctx.recoveryCode = output.recoveryCode
    }
  },
  'vault.reencryptProgress': { input: () => ({}) },
  'session.activity': { input: () => ({}) },
  'settings.get': { input: () => ({}) },
  'settings.update': { input: () => ({ autoLockMinutes: 5 + Math.floor(Math.random() * 10) }) },
  'profiles.list': { input: () => ({}) },
  'profiles.create': {
    input: () => ({ displayName: 'Someone new' }),
    after: (ctx, output) => call(ctx.vault.core, 'profiles.delete', { id: output.id })
  },
  'profiles.rename': {
    input: (ctx) => ({ id: ctx.scratchId, displayName: `Renamed ${Math.random()}` })
  },
  'profiles.updatePerson': {
    input: (ctx) => ({
      profileId: ctx.vault.profileId,
      phone: `0${Math.floor(Math.random() * 1e9)}`
    })
  },
  'profiles.delete': {
    before: async (ctx) =>
      (ctx.made = (await call(ctx.vault.core, 'profiles.create', { displayName: 'To delete' })).id),
    input: (ctx) => ({ id: ctx.made })
  },
  'profiles.undoDelete': {
    before: async (ctx) => {
      ctx.made = (await call(ctx.vault.core, 'profiles.create', { displayName: 'Back' })).id
      await call(ctx.vault.core, 'profiles.delete', { id: ctx.made })
    },
    input: (ctx) => ({ id: ctx.made })
  },
  'profiles.loadSample': {
    input: () => ({}),
    after: (ctx, output) => call(ctx.vault.core, 'profiles.delete', { id: output.id })
  },
  'drugs.list': { input: () => ({}) },
  'record.list': {
    label: 'the 2,000 administrations',
    input: (ctx) => ({ profileId: ctx.vault.profileId, kind: 'administration' })
  },
  'record.listAll': { input: (ctx) => ({ profileId: ctx.vault.profileId }) },
  'record.restore': {
    label: 'Undo of a phase deleted with the 400 doses it held',
    before: async (ctx) => {
      const all = await call(ctx.vault.core, 'record.listAll', {
        profileId: ctx.vault.profileId
      })
      const { createdAt, updatedAt, ...phase } = all.phase[0]!
      const links = all.administration
        .filter((a) => a.phaseId === phase.id)
        .map((a) => ({
          kind: 'administration' as const,
          id: a.id,
          field: 'phaseId' as const,
          to: phase.id
        }))
      await call(ctx.vault.core, 'record.delete', { kind: 'phase', id: phase.id })
      ctx.undo = {
        profileId: ctx.vault.profileId,
        entries: [{ kind: 'phase', entry: phase, createdAt, updatedAt }],
        links
      }
    },
    input: (ctx) => ctx.undo!
  },
  'record.save': {
    label: 'an administration (references and the unusual-dose check over 2,000 doses)',
    input: (ctx) => ({
      kind: 'administration',
      entry: {
        profileId: ctx.vault.profileId,
        drugId: 'vincristine',
        route: 'iv',
        dose: 1.5,
        unit: 'mg/m2',
        schedule: { kind: 'once', date: '2023-06-01' }
      }
    }),
    after: (ctx, output) =>
      call(ctx.vault.core, 'record.delete', { kind: 'administration', id: output.id })
  },
  'record.summary': {
    label: 'after a write (worked out again)',
    before: (ctx) => writeSomethingElse(ctx.vault.core),
    input: (ctx) => ({ profileId: ctx.vault.profileId })
  },
  'drafts.save': {
    input: (ctx) => ({
      profileId: ctx.vault.profileId,
      kind: 'administration',
      entryId: null,
      data: { drugId: 'vincristine', dose: '1.5' }
    }),
    after: (ctx, output) => call(ctx.vault.core, 'drafts.delete', { id: output.id })
  },
  'drafts.list': { input: (ctx) => ({ profileId: ctx.vault.profileId }) },
  'drafts.delete': {
    before: async (ctx) =>
      (ctx.made = (
        await call(ctx.vault.core, 'drafts.save', {
          profileId: ctx.vault.profileId,
          kind: 'measurement',
          entryId: null,
          data: { heightCm: '120' }
        })
      ).id),
    input: (ctx) => ({ id: ctx.made })
  },
  'record.delete': {
    before: async (ctx) =>
      (ctx.made = (
        await call(ctx.vault.core, 'record.save', {
          kind: 'measurement',
          entry: { profileId: ctx.vault.profileId, measuredOn: '2023-06-01', heightCm: 130 }
        })
      ).id),
    input: (ctx) => ({ kind: 'measurement', id: ctx.made })
  },
  'careplan.get': {
    label: 'after a write (worked out again)',
    before: (ctx) => writeSomethingElse(ctx.vault.core),
    input: (ctx) => ({ profileId: ctx.vault.profileId })
  },
  'careplan.markDone': {
    input: (ctx) => ({
      profileId: ctx.vault.profileId,
      itemKey: ctx.planItemKey,
      doneOn: todayIso(),
      note: null
    })
  },
  'careplan.undoDone': {
    before: async (ctx) => {
      const plan = await call(ctx.vault.core, 'careplan.markDone', {
        profileId: ctx.vault.profileId,
        itemKey: ctx.planItemKey,
        doneOn: todayIso(),
        note: null
      })
      ctx.made = plan.items.find((i) => i.key === ctx.planItemKey)!.completions[0]!.id
    },
    input: (ctx) => ({ profileId: ctx.vault.profileId, completionId: ctx.made })
  },
  'careplan.snooze': {
    input: (ctx) => ({
      profileId: ctx.vault.profileId,
      itemKey: ctx.planItemKey,
      until: tomorrow()
    }),
    after: (ctx) =>
      call(ctx.vault.core, 'careplan.snooze', {
        profileId: ctx.vault.profileId,
        itemKey: ctx.planItemKey,
        until: null
      })
  },
  'careplan.dismiss': {
    input: (ctx) => ({
      profileId: ctx.vault.profileId,
      itemKey: ctx.planItemKey,
      reason: 'Done at another clinic'
    })
  },
  'careplan.restore': {
    input: (ctx) => ({ profileId: ctx.vault.profileId, itemKey: ctx.planItemKey })
  },
  'careplan.setResponsible': {
    input: (ctx) => ({
      profileId: ctx.vault.profileId,
      itemKey: ctx.planItemKey,
      responsible: Math.random() < 0.5 ? 'you' : null
    })
  },
  'careplan.saveOwnItem': {
    input: (ctx) => ({
      profileId: ctx.vault.profileId,
      title: 'Dental check',
      system: 'other',
      what: null,
      everyMonths: 6,
      firstDue: null,
      responsible: 'you'
    }),
    after: async (ctx, plan) => {
      const own = plan.items.find((i) => i.own && i.title === 'Dental check')
      if (own) {
        await call(ctx.vault.core, 'careplan.deleteOwnItem', {
          profileId: ctx.vault.profileId,
          id: own.key.slice('own.'.length)
        })
      }
    }
  },
  'careplan.deleteOwnItem': {
    before: async (ctx) => {
      const plan = await call(ctx.vault.core, 'careplan.saveOwnItem', {
        profileId: ctx.vault.profileId,
        title: 'Eye check',
        system: 'other',
        what: null,
        everyMonths: 12,
        firstDue: null,
        responsible: 'you'
      })
      ctx.made = plan.items.find((i) => i.own && i.title === 'Eye check')!.key.slice('own.'.length)
    },
    input: (ctx) => ({ profileId: ctx.vault.profileId, id: ctx.made })
  },
  'careplan.addReview': {
    input: (ctx) => ({
      profileId: ctx.vault.profileId,
      reviewedWith: 'Late effects clinic',
      reviewedOn: todayIso(),
      note: null
    }),
    after: (ctx, plan) =>
      call(ctx.vault.core, 'careplan.deleteReview', {
        profileId: ctx.vault.profileId,
        id: plan.reviews[0]!.id
      })
  },
  'careplan.deleteReview': {
    before: async (ctx) =>
      (ctx.made = (
        await call(ctx.vault.core, 'careplan.addReview', {
          profileId: ctx.vault.profileId,
          reviewedWith: 'Family doctor',
          reviewedOn: todayIso(),
          note: null
        })
      ).reviews[0]!.id),
    input: (ctx) => ({ profileId: ctx.vault.profileId, id: ctx.made })
  },
  'careplan.acknowledgeChanges': { input: (ctx) => ({ profileId: ctx.vault.profileId }) },
  'library.list': { input: () => ({}) },
  'library.get': { input: () => ({ guideId: guide().id }) },
  'library.glossary': { input: () => ({}) },
  'library.search': {
    label: 'guides and documents',
    runs: 40,
    input: () => ({
      query: ['transfusion', 'leukaemia', 'intrathecal methotrexate', 'what is all'][
        Math.floor(Math.random() * 4)
      ]!
    })
  },
  'library.listBookmarks': { input: () => ({}) },
  'library.addBookmark': {
    input: () => ({ guideId: guide().id, sectionId: guide().sections[1]!.id, label: 'Fever' })
  },
  'library.removeBookmark': {
    before: async (ctx) =>
      (ctx.made = (
        await call(ctx.vault.core, 'library.addBookmark', {
          guideId: guide().id,
          sectionId: guide().sections[2]!.id,
          label: 'To remove'
        })
      ).find((b) => b.label === 'To remove')!.id),
    input: (ctx) => ({ id: ctx.made })
  },
  'library.getPosition': { input: () => ({ guideId: guide().id }) },
  'library.setPosition': {
    input: () => ({ guideId: guide().id, sectionId: guide().sections[0]!.id })
  },
  'questions.list': { input: (ctx) => ({ profileId: ctx.vault.profileId }) },
  'questions.add': {
    input: (ctx) => ({
      profileId: ctx.vault.profileId,
      questions: [`When is the next echo? ${Math.random()}`],
      guideId: null,
      sectionId: null
    })
  },
  'questions.remove': {
    before: async (ctx) => {
      const text = `To remove ${Math.random()}`
      const list = await call(ctx.vault.core, 'questions.add', {
        profileId: ctx.vault.profileId,
        questions: [text],
        guideId: null,
        sectionId: null
      })
      ctx.made = list.find((q) => q.text === text)!.id
    },
    input: (ctx) => ({ profileId: ctx.vault.profileId, id: ctx.made })
  },
  'documents.import': [
    {
      label: 'a short note',
      input: () => ({
        fileName: 'note.md',
        kind: 'markdown',
        content: base64('# Clinic note\n\nEcho booked for June.\n')
      }),
      after: (ctx, doc) => call(ctx.vault.core, 'documents.delete', { id: doc.id })
    },
    {
      label: 'an 8 MB Markdown file',
      runs: SLOW_RUNS,
      input: (ctx) => ({ fileName: 'diary.md', kind: 'markdown', content: ctx.largest }),
      after: (ctx, doc) => call(ctx.vault.core, 'documents.delete', { id: doc.id })
    }
  ],
  'documents.list': { input: () => ({}) },
  'documents.get': {
    label: 'the 8 MB web page',
    input: (ctx) => ({ id: largestId(ctx, 'largest.html') })
  },
  'documents.delete': {
    label: 'an 8 MB Markdown file',
    runs: SLOW_RUNS,
    before: async (ctx) =>
      (ctx.made = (
        await call(ctx.vault.core, 'documents.import', {
          fileName: 'diary.md',
          kind: 'markdown',
          content: ctx.largest
        })
      ).id),
    input: (ctx) => ({ id: ctx.made })
  },
  'export.pdf': {
    label: 'the full document, A4',
    runs: 5,
    input: (ctx) => ({
      profileId: ctx.vault.profileId,
      variant: 'full',
      paper: 'A4',
      nameInMetadata: false
    })
  },
  'export.progress': { input: () => ({}) },
  'export.csv': {
    label: 'the 2,000 administrations, one row per dose',
    input: (ctx) => ({ profileId: ctx.vault.profileId, table: 'administrations' })
  },
  'export.fhir': {
    label: 'the 2,000-administration record',
    input: (ctx) => ({ profileId: ctx.vault.profileId })
  },
  'import.fhirPreview': {
    label: 'the 2,000-administration record, as exported',
    before: async (ctx) => {
      const made = await call(ctx.vault.core, 'export.fhir', { profileId: ctx.vault.profileId })
      // Gzipped, as the page sends it (untimed: the browser compresses it).
      if (made.outcome === 'download') {
        ctx.fhir = gzipSync(Buffer.from(made.base64, 'base64')).toString('base64')
      }
    },
    input: (ctx) => ({ fileName: 'record.json', gzipBase64: ctx.fhir! }),
    after: async (ctx, output) => void (ctx.made = output.previewId)
  },
  'import.fhirConfirm': {
    label: 'the 2,000-administration record, as a new person',
    runs: SLOW_RUNS,
    before: async (ctx) => {
      const preview = await call(ctx.vault.core, 'import.fhirPreview', {
        fileName: 'record.json',
        gzipBase64: ctx.fhir!
      })
      ctx.made = preview.previewId
    },
    input: (ctx) => ({ previewId: ctx.made })
  },
  'export.calendar': {
    input: (ctx) => ({
      profileId: ctx.vault.profileId,
      timeZone: 'Europe/London',
      includeName: false
    })
  },
  'document.get': {
    label: 'after a write (worked out again)',
    before: (ctx) => writeSomethingElse(ctx.vault.core),
    input: (ctx) => ({ profileId: ctx.vault.profileId })
  }
}

function largestId(ctx: Context, fileName: string): string {
  return ctx.vault.core.vault.db
    .prepare('SELECT id FROM documents WHERE file_name = ?')
    .pluck()
    .get(fileName) as string
}

/**
 * Methods run last, in this order: each replaces what the others need (the vault's file, its
 * key, its passphrase), so the rest run on the vault as it was made.
 */
const LAST: MethodName[] = [
  'vault.changePassphrase',
  'vault.recover',
  'vault.reencrypt',
  'vault.restoreBackup',
  'vault.importBackup'
]

export interface MethodTiming {
  method: MethodName
  label: string | null
  runs: number
  medianMs: number
  slowestMs: number
  /**
   * The longest the core's thread worked without letting anything else run, in its own CPU time,
   * over all runs: what the call itself holds, whatever else the machine is doing.
   */
  longestHoldMs: number
  /** Of that longest hold, the milliseconds the garbage collector paused the thread. */
  longestHoldGcMs: number
  /** The longest stretch by the clock: a hold plus any wait for a busy CPU. */
  longestHoldWallMs: number
  /**
   * The longest stretch of the call's own work: each stretch's CPU time less the collector's
   * pauses inside it. What moving the call's heavy part to the job runner would shorten.
   */
  longestOwnHoldMs: number
}

const threadCpuMs = () => {
  const { user, system } = process.threadCpuUsage()
  return (user + system) / 1000
}

/** A stretch between two ticks of the timer: nothing else ran on the thread in it. */
interface Gap {
  from: number
  to: number
  cpuMs: number
}

/** A pause of the core's thread for its garbage collector, as the runtime reports it. */
interface Collection {
  from: number
  to: number
}

/**
 * The collector's pauses on this thread, as perf_hooks reports them (a few milliseconds late):
 * a hold may be the call's own work or a collection of garbage that whatever ran before it left.
 */
function watchCollections(): { pauses: Collection[]; stop: () => void } {
  const pauses: Collection[] = []
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      pauses.push({ from: e.startTime, to: e.startTime + e.duration })
  })
  observer.observe({ entryTypes: ['gc'] })
  return { pauses, stop: () => observer.disconnect() }
}

function overlapMs(gap: Gap, pauses: readonly Collection[]): number {
  let total = 0
  for (const p of pauses) total += Math.max(0, Math.min(gap.to, p.to) - Math.max(gap.from, p.from))
  return total
}

/**
 * One call, timed, with the longest stretch the thread spent on it without a break: a timer
 * ticks every millisecond on the same thread, and between two ticks nothing else could run.
 * Each gap is measured both in the thread's CPU time (the work) and by the clock. The ticker
 * starts before the call, so a call that holds the thread from its first line is seen too.
 * The collector's pauses inside each gap are taken out for `ownHoldMs`: what the call's own code
 * held, which moving work to the job runner can shorten; a pause is the process's, not the call's.
 */
async function measure(run: () => Promise<unknown>, pauses: readonly Collection[]) {
  const gaps: Gap[] = []
  let lastCpu = threadCpuMs()
  let lastWall = performance.now()
  let ticking = true
  const tick = () => {
    const cpu = threadCpuMs()
    const wall = performance.now()
    gaps.push({ from: lastWall, to: wall, cpuMs: cpu - lastCpu })
    lastCpu = cpu
    lastWall = wall
    if (ticking) setTimeout(tick, 1)
  }
  setTimeout(tick, 1)
  await sleep(3)
  gaps.length = 0
  const start = performance.now()
  await run()
  const ms = performance.now() - start
  // A hold at the very end shows at the next tick, and perf_hooks reports pauses late: let both come.
  await sleep(3)
  ticking = false
  await sleep(5)
  let longest: Gap = { from: 0, to: 0, cpuMs: 0 }
  let holdWallMs = 0
  let ownHoldMs = 0
  for (const gap of gaps) {
    if (gap.cpuMs > longest.cpuMs) longest = gap
    holdWallMs = Math.max(holdWallMs, gap.to - gap.from)
    ownHoldMs = Math.max(ownHoldMs, gap.cpuMs - overlapMs(gap, pauses))
  }
  return {
    ms,
    holdMs: longest.cpuMs,
    holdGcMs: Math.min(longest.cpuMs, overlapMs(longest, pauses)),
    holdWallMs,
    ownHoldMs
  }
}

export async function benchContract(dir: string, vault: BenchVault): Promise<MethodTiming[]> {
  const core = vault.core
  if (core.vault.state !== 'unlocked') await core.vault.unlock(PASSPHRASE)
  await core.documentSearch.settled()
  const plan = await call(core, 'careplan.get', { profileId: vault.profileId })
  const ctx: Context = {
    vault,
    dir,
    passphrase: PASSPHRASE,
    recoveryCode: vault.recoveryCode,
    scratchId: (await call(core, 'profiles.create', { displayName: 'Scratch' })).id,
    made: '',
    planItemKey: plan.items.find((i) => !i.own)!.key,
    largest: base64(largestMarkdown())
  }
  const order = [...METHOD_NAMES.filter((m) => !LAST.includes(m)), ...LAST]
  const timings: MethodTiming[] = []
  const collections = watchCollections()
  try {
    for (const method of order) {
      const plans = [PLANS[method]].flat() as Plan<MethodName>[]
      for (const p of plans) {
        const times: number[] = []
        let hold = { holdMs: 0, holdGcMs: 0 }
        let holdWall = 0
        let ownHold = 0
        for (let i = 0; i < (p.runs ?? RUNS); i++) {
          await p.before?.(ctx)
          const target = p.core?.(ctx) ?? core
          const input = p.input(ctx)
          let output: unknown
          const measured = await measure(
            async () => (output = await call(target, method, input)),
            collections.pauses
          )
          times.push(measured.ms)
          if (measured.holdMs > hold.holdMs) hold = measured
          holdWall = Math.max(holdWall, measured.holdWallMs)
          ownHold = Math.max(ownHold, measured.ownHoldMs)
          collections.pauses.length = 0
          await p.after?.(ctx, output as never)
          // Background work a call started (the layout document.get prepares, an index write)
          // is finished before the next run is timed.
          while (core.jobs.activeJobs > 0) await sleep(5)
          await core.documentSearch.settled()
        }
        const timed: MethodTiming = {
          method,
          label: p.label ?? null,
          runs: times.length,
          medianMs: median(times),
          slowestMs: Math.max(...times),
          longestHoldMs: hold.holdMs,
          longestHoldGcMs: hold.holdGcMs,
          longestHoldWallMs: holdWall,
          longestOwnHoldMs: ownHold
        }
        timings.push(timed)
        console.log(
          `  ${method}${p.label ? ` (${p.label})` : ''}: slowest ${timed.slowestMs.toFixed(1)} ms, ` +
            `longest hold ${hold.holdMs.toFixed(1)} ms (${hold.holdGcMs.toFixed(1)} ms of it collecting garbage; ` +
            `${holdWall.toFixed(1)} ms by the clock), own work ${ownHold.toFixed(1)} ms`
        )
      }
    }
  } finally {
    collections.stop()
    for (const c of newCores.splice(0)) await c.shutdown()
  }
  // Later parts of the bench unlock with the bench's passphrase.
  if (ctx.passphrase !== PASSPHRASE) {
    await call(core, 'vault.changePassphrase', {
      currentPassphrase: ctx.passphrase,
      newPassphrase: PASSPHRASE
    })
  }
  return timings
}
