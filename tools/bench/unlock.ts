/**
 * Unlocking with the production Argon2id cost, split into its parts: deriving the key-encryption
 * key from the passphrase (and unwrapping the data key), opening the encrypted database (the key
 * checked against the file, the connection's settings applied), and the rest of vault.unlock
 * (migrations checked, the day's backup if due, housekeeping).
 */
import { join } from 'node:path'
import { createCore, type Core } from '../../electron/core/api.ts'
import { shippedDrugCatalog } from '../../electron/core/record/shippedCatalog.ts'
import { openVaultDatabase } from '../../electron/core/vault/database.ts'
import { readEnvelope } from '../../electron/core/vault/envelope.ts'
import { DEFAULT_KDF_COST, unwrapKey } from '../../electron/core/vault/keyCrypto.ts'
import { PASSPHRASE } from './vault.ts'
import { time, timing, type Timing } from './stats.ts'

const RUNS = 7

export interface UnlockSplit {
  total: Timing
  keyDerivation: Timing
  databaseOpen: Timing
}

export interface UnlockFigures {
  kdf: { memoryMiB: number; iterations: number; parallelism: number }
  /** A new vault: two key wraps and a new database. */
  create: number
  /** An empty vault. */
  empty: UnlockSplit
  wrongPassphrase: Timing
}

/**
 * The parts of one unlock, timed one after the other on the locked vault (the same work
 * vault.unlock does, each part alone), then vault.unlock itself.
 */
export async function unlockSplit(core: Core, runs = RUNS): Promise<UnlockSplit> {
  if (core.vault.state === 'unlocked') await core.vault.lock()
  const total: number[] = []
  const keyDerivation: number[] = []
  const databaseOpen: number[] = []
  for (let i = 0; i < runs; i++) {
    const envelope = readEnvelope(core.vault.envelopeFile)!
    let key: Buffer | null = null
    // 'passphrase' is the purpose the vault binds into its passphrase wrap (vault.ts).
    keyDerivation.push(
      await time(
        async () => (key = await unwrapKey(envelope.wraps.passphrase, PASSPHRASE, 'passphrase'))
      )
    )
    if (!key) throw new Error('bench: the passphrase did not unwrap the key')
    const dataKey: Buffer = key
    databaseOpen.push(
      await time(() => openVaultDatabase(core.vault.dbFile, dataKey, { create: false }).close())
    )
    dataKey.fill(0)
    total.push(await time(() => core.vault.unlock(PASSPHRASE)))
    await core.vault.lock()
  }
  return {
    total: timing(total),
    keyDerivation: timing(keyDerivation),
    databaseOpen: timing(databaseOpen)
  }
}

/** A new, empty vault: made, then unlocked and refused a wrong passphrase RUNS times. */
export async function benchUnlock(dir: string): Promise<UnlockFigures> {
  const core = createCore({ dataDir: join(dir, 'vault'), drugs: shippedDrugCatalog() })
  try {
    const create = await time(() => core.vault.create(PASSPHRASE))
    const empty = await unlockSplit(core)
    const wrong: number[] = []
    for (let i = 0; i < RUNS; i++) {
      wrong.push(await time(() => core.vault.unlock('not the passphrase').catch(() => undefined)))
    }
    const cost = DEFAULT_KDF_COST
    return {
      kdf: {
        memoryMiB: cost.memoryKiB / 1024,
        iterations: cost.iterations,
        parallelism: cost.parallelism
      },
      create,
      empty,
      wrongPassphrase: timing(wrong)
    }
  } finally {
    await core.shutdown()
  }
}
