/**
 * The job worker: serves every job in the registry (kinds.ts) to the runner (runner.ts).
 * Bundled as its own entry for Electron (electron.vite.config.ts: jobWorker); run from source by
 * Node and Vitest.
 */
import { jobs } from './kinds.ts'
import { serveJobs } from './serve.ts'
import { lowerThisThreadsPriority } from './threadPriority.ts'

export type { JobMessage, JobRequest } from './serve.ts'

// Its long jobs give way to the core's thread, which answers the window (threadPriority.ts).
lowerThisThreadsPriority()
serveJobs(jobs)
