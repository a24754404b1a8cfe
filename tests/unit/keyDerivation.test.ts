/**
 * Argon2id runs on a worker thread of its own (vault/keyCrypto.ts, vault/kdfWorker.ts): an
 * unlock at the production cost no longer holds the core's thread (in Electron, the window) for
 * the 0.3 to 1 s the derivation takes, and the key it derives is the one Argon2id gives.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { deriveKey } from '../../electron/core/vault/argon2.ts'
import {
  DEFAULT_KDF_COST,
  KDF_WORKER_MIN_WORK,
  keyDerivation
} from '../../electron/core/vault/keyCrypto.ts'
import { longestHold } from './helpers/threadHold.ts'
import { PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

describe('key derivation off the core’s thread', () => {
  it('an unlock at the production cost leaves the thread free to answer', async () => {
    const core = newCore(undefined, { kdfCost: DEFAULT_KDF_COST })
    await core.vault.create(PASSPHRASE)
    await core.vault.lock()
    // Argon2id at 64 MiB and 3 passes is 0.3 s or more of work; opening the database is a few ms.
    const hold = await longestHold(() => core.vault.unlock(PASSPHRASE))
    expect(core.vault.state).toBe('unlocked')
    expect(hold).toBeLessThan(100)
  }, 120_000)

  it('derives on the worker the key Argon2id derives, for either secret', async () => {
    const derive = keyDerivation()
    const salt = Buffer.from('a salt of sixteen').subarray(0, 16).toString('base64')
    // Enough work to go to the worker (a cheaper derivation runs where it is asked).
    const kdf = {
      algorithm: 'argon2id' as const,
      memoryKiB: KDF_WORKER_MIN_WORK,
      iterations: 2,
      parallelism: 1,
      salt
    }
    for (const secret of ['correct horse battery staple', 'Cafe\u0301 au lait']) {
      const onWorker = await derive(secret, kdf)
      const here = await deriveKey({ ...kdf, secret: secret.normalize('NFC') })
      expect(Buffer.from(onWorker).equals(Buffer.from(here))).toBe(true)
    }
  })
})
