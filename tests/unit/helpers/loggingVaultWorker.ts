/**
 * The vault's worker as vaultWorker.ts serves it, except that each job's kind is appended to
 * the file named by LANTERN_TEST_VAULT_JOB_LOG before it runs: how a test sees that whole-file
 * work really ran on the worker and not on the core's thread.
 */
import { appendFileSync } from 'node:fs'
import { serveJobs, type JobRegistry } from '../../../electron/core/jobs/serve.ts'
import { vaultJobs } from '../../../electron/core/vault/vaultJobs.ts'

const log = process.env.LANTERN_TEST_VAULT_JOB_LOG
if (!log) throw new Error('Set LANTERN_TEST_VAULT_JOB_LOG to the file to log job kinds in.')

const logged: JobRegistry = Object.fromEntries(
  Object.entries(vaultJobs as JobRegistry).map(([kind, run]) => [
    kind,
    (input: never, progress: (fraction: number) => void) => {
      appendFileSync(log, `${kind}\n`)
      return run(input, progress)
    }
  ])
)
serveJobs(logged)
