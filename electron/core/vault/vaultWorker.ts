/**
 * The vault's worker: serves vaultJobs.ts (key derivation, database copies and checks) and
 * nothing else, so no code that reads imported files ever runs on the thread that sees a
 * passphrase or the data key. vaultThread.ts starts it when needed and ends it once idle.
 * Bundled for Electron as its own entry (electron.vite.config.ts: vaultWorker); run from source
 * by Node and Vitest.
 */
import { serveJobs } from '../jobs/serve.ts'
import { vaultJobs } from './vaultJobs.ts'

serveJobs(vaultJobs)
