import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core } from '../../../electron/core/api.ts'
import { purgeDeletedProfiles } from '../../../electron/core/record/profiles.ts'
import { shippedDrugCatalog } from '../../../electron/core/record/shippedCatalog.ts'
import type { Db } from '../../../electron/core/vault/database.ts'
import type { KdfCost } from '../../../electron/core/vault/keyCrypto.ts'

/**
 * A cheap Argon2id cost for tests that unlock many times. The envelope stores the cost it was
 * written with, so every code path is the production one; one test uses the real default.
 */
export const TEST_KDF_COST: KdfCost = { memoryKiB: 1024, iterations: 1, parallelism: 1 }

export const PASSPHRASE = 'correct horse battery staple'

/** The catalog that ships with the app. */
export const DRUGS = shippedDrugCatalog()

/** The n-th of a series of distinct passphrases, for tests that change it again and again. */
export function rotatingPassphrase(n: number): string {
  return `rotating passphrase number ${n}`
}

const made: string[] = []
const opened: Core[] = []

export function tempDir(prefix = 'lantern-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

/** Closes every core a test opened (an open database must never be left to the GC), then deletes the folders. */
export async function cleanupTempDirs(): Promise<void> {
  for (const core of opened.splice(0)) await core.shutdown()
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/**
 * A core as an older Lantern ran it, for a test that builds one with only the migrations that
 * version had: before migration 100 there were no document parts to tidy at unlock, only the
 * deleted people to purge.
 */
function olderAppHousekeeping(extra: Partial<Parameters<typeof createCore>[0]>) {
  const before100 = extra.migrations && !extra.migrations.some((m) => m.version >= 100)
  return before100
    ? { afterOpen: (db: Db) => void purgeDeletedProfiles(db, { everything: true }) }
    : {}
}

export function newCore(
  dataDir = tempDir(),
  extra: Partial<Parameters<typeof createCore>[0]> = {}
): Core {
  const core = createCore({
    dataDir,
    kdfCost: TEST_KDF_COST,
    drugs: DRUGS,
    ...olderAppHousekeeping(extra),
    ...extra
  })
  opened.push(core)
  return core
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

/** Every regular file below dir, recursively. */
export function allFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...allFiles(path))
    else out.push(path)
  }
  return out
}
