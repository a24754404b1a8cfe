/**
 * `npm run bench`: figures, not pass/fail. Prints how long the vault's key work takes with the
 * production Argon2id cost, measured on this machine.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore } from '../electron/core/api.ts'
import { shippedDrugCatalog } from '../electron/core/record/shippedCatalog.ts'
import { DEFAULT_KDF_COST } from '../electron/core/vault/keyCrypto.ts'

const RUNS = 7
const passphrase = 'a benchmark passphrase of decent length'

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

async function time(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await task()
  return performance.now() - start
}

const dir = mkdtempSync(join(tmpdir(), 'lantern-bench-'))
try {
  const core = createCore({ dataDir: join(dir, 'vault'), drugs: shippedDrugCatalog() })
  const create = await time(() => core.vault.create(passphrase))
  await core.vault.lock()

  const unlocks: number[] = []
  const wrong: number[] = []
  for (let i = 0; i < RUNS; i++) {
    unlocks.push(await time(() => core.vault.unlock(passphrase)))
    await core.vault.lock()
    wrong.push(await time(() => core.vault.unlock('not the passphrase').catch(() => undefined)))
  }
  await core.shutdown()

  const cost = DEFAULT_KDF_COST
  console.log(
    `Argon2id cost: ${cost.memoryKiB / 1024} MiB, ${cost.iterations} passes, parallelism ${cost.parallelism}`
  )
  console.log(`vault create (two key wraps + new database): ${create.toFixed(0)} ms`)
  console.log(
    `unlock (key derivation + open + checks), median of ${RUNS}: ${median(unlocks).toFixed(0)} ms` +
      ` (min ${Math.min(...unlocks).toFixed(0)}, max ${Math.max(...unlocks).toFixed(0)})`
  )
  console.log(`wrong passphrase rejected, median of ${RUNS}: ${median(wrong).toFixed(0)} ms`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
