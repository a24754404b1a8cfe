/**
 * The job worker's long jobs give way to the core's thread, which answers the window
 * (electron/core/jobs/threadPriority.ts): on Linux their threads run at nice 10 and the core's
 * thread at its own. Read from the kernel, per thread.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { afterEach, expect, it } from 'vitest'
import { JOB_WORKER_NICE } from '../../electron/core/jobs/threadPriority.ts'
import { PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

/** Every thread of this process with its nice value (field 19 of /proc/self/task/<tid>/stat). */
function niceByThread(): Map<number, number> {
  const nice = new Map<number, number>()
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
      // After the command name, in parentheses that may hold anything, come fields 3 onwards.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      nice.set(Number(tid), Number(fields[19 - 3]))
    } catch {
      // The thread ended while being read.
    }
  }
  return nice
}

const threadsAt = (nice: number) =>
  [...niceByThread()].filter(([, value]) => value === nice).map(([tid]) => tid)

it.skipIf(process.platform !== 'linux')(
  "the job workers run at nice 10, the core's thread at its own (Linux only: per-thread nice)",
  async () => {
    const ownThread = Number(readlinkSync('/proc/thread-self').split('/').pop())
    const before = niceByThread().get(ownThread)
    expect(threadsAt(JOB_WORKER_NICE)).toEqual([])

    const core = newCore()
    try {
      // Key derivation runs on the vault's worker; the import's conversion on a job worker.
      await core.vault.create(PASSPHRASE)
      await core.handlers['documents.import']({
        fileName: 'note.md',
        kind: 'markdown',
        content: Buffer.from('# A note\n\nPlatelets were 45 on Tuesday.').toString('base64')
      })
      await core.documentSearch.settled()
      // The job workers: the runner's, and the documents' index's, which runs the same file.
      const workers = core.jobs.workers().length + core.documentSearch.workers().length
      expect(workers).toBeGreaterThan(0)
      expect(threadsAt(JOB_WORKER_NICE)).toHaveLength(workers)
      expect(niceByThread().get(ownThread)).toBe(before)
      expect(threadsAt(JOB_WORKER_NICE)).not.toContain(ownThread)
    } finally {
      await core.shutdown()
    }
  }
)
