/**
 * The key derivation's worker: serves Argon2id (argon2.ts) and nothing else, so no code that
 * reads imported files ever runs on the thread that sees a passphrase. keyCrypto.ts starts one
 * for each derivation and ends it once it has answered. Bundled for Electron as its own entry
 * (electron.vite.config.ts: kdfWorker); run from source by Node and Vitest.
 */
import { serveJobs } from '../jobs/serve.ts'
import { deriveKey } from './argon2.ts'

serveJobs({ 'vault.deriveKey': deriveKey })
