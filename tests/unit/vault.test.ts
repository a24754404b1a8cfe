import Database from 'better-sqlite3-multiple-ciphers'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCore } from '../../electron/core/api.ts'
import { hasPlaintextHeader } from '../../electron/core/vault/database.ts'
import { newEnvelope, readEnvelope, writeEnvelope } from '../../electron/core/vault/envelope.ts'
import {
  DEFAULT_KDF_COST,
  newDataKey,
  newRecoveryCode,
  normalizeRecoveryCode,
  unwrapKey,
  wrapKey
} from '../../electron/core/vault/keyCrypto.ts'
import { MIGRATIONS, runMigrations } from '../../electron/core/vault/migrations/index.ts'
import { CoreError } from '../../electron/core/errors.ts'
import {
  DRUGS,
  PASSPHRASE,
  TEST_KDF_COST,
  cleanupTempDirs,
  newCore,
  sha256,
  tempDir
} from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof CoreError) return error.code
    throw error
  }
  return 'NO_ERROR'
}

describe('vault lifecycle', () => {
  it('creates, locks and unlocks with the passphrase, keeping what was saved', async () => {
    const core = newCore()
    expect(core.vault.state).toBe('none')
    const { recoveryCode } = await core.vault.create(PASSPHRASE)
    expect(recoveryCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/)
    expect(core.vault.state).toBe('unlocked')
    await core.handlers['profiles.create']({ displayName: 'Mia' })

    await core.vault.lock()
    expect(core.vault.state).toBe('locked')
    expect(() => core.vault.db).toThrow(CoreError)

    await core.vault.unlock(PASSPHRASE)
    expect(core.vault.state).toBe('unlocked')
    const profiles = await core.handlers['profiles.list']({})
    expect(profiles.map((p) => p.displayName)).toEqual(['Mia'])
    await core.shutdown()
  })

  it('a new process (new core object) on the same folder opens the same vault', async () => {
    const dir = tempDir()
    const first = newCore(dir)
    await first.vault.create(PASSPHRASE)
    await first.handlers['profiles.create']({ displayName: 'Sam' })
    await first.shutdown()

    const second = newCore(dir)
    expect(second.vault.state).toBe('locked')
    await second.vault.unlock(PASSPHRASE)
    expect((await second.handlers['profiles.list']({}))[0]!.displayName).toBe('Sam')
    await second.shutdown()
  })

  it('refuses to create over an existing vault', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    expect(await codeOf(core.vault.create('another passphrase!'))).toBe('VAULT_EXISTS')
    await core.shutdown()
  })

  it('reports a wrong passphrase as WRONG_PASSPHRASE and does not touch the database', async () => {
    const dir = tempDir()
    const core = newCore(dir)
    await core.vault.create(PASSPHRASE)
    await core.vault.lock()
    const before = sha256(core.vault.dbFile)
    expect(await codeOf(core.vault.unlock('not the passphrase'))).toBe('WRONG_PASSPHRASE')
    expect(core.vault.state).toBe('locked')
    expect(sha256(core.vault.dbFile)).toBe(before)
    expect(existsSync(core.vault.dbFile + '-wal')).toBe(false)
  })

  it('unlocks with the recovery code, typed loosely, and sets a new passphrase', async () => {
    const core = newCore()
    const { recoveryCode } = await core.vault.create(PASSPHRASE)
    await core.handlers['profiles.create']({ displayName: 'Ana' })
    await core.vault.lock()

    const typed = recoveryCode.toLowerCase().replace(/-/g, ' ')
    await core.vault.recover(typed, 'a brand new passphrase')
    expect(core.vault.state).toBe('unlocked')
    expect((await core.handlers['profiles.list']({}))[0]!.displayName).toBe('Ana')
    await core.vault.lock()

    expect(await codeOf(core.vault.unlock(PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    await core.vault.unlock('a brand new passphrase')
    await core.vault.lock()
    // The recovery code keeps working for the next time.
    await core.vault.recover(recoveryCode, 'yet another passphrase')
    await core.shutdown()
  })

  it('rejects a wrong recovery code with WRONG_RECOVERY_CODE', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    await core.vault.lock()
    expect(
      await codeOf(core.vault.recover('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF', 'new passphrase here'))
    ).toBe('WRONG_RECOVERY_CODE')
    expect(core.vault.state).toBe('locked')
  })

  it('changes the passphrase without rewriting the database', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    await core.handlers['profiles.create']({ displayName: 'Leo' })
    await core.vault.lock()
    await core.vault.unlock(PASSPHRASE)
    // Flush the WAL into the main file so the hash below covers every committed byte.
    core.vault.db.pragma('wal_checkpoint(TRUNCATE)')
    const before = sha256(core.vault.dbFile)

    expect(
      await codeOf(core.vault.changePassphrase('wrong current one', 'the new passphrase'))
    ).toBe('WRONG_PASSPHRASE')
    await core.vault.changePassphrase(PASSPHRASE, 'the new passphrase')
    await core.vault.lock()

    expect(sha256(core.vault.dbFile)).toBe(before)
    expect(await codeOf(core.vault.unlock(PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    await core.vault.unlock('the new passphrase')
    expect((await core.handlers['profiles.list']({}))[0]!.displayName).toBe('Leo')
    await core.shutdown()
  })

  it('changing the passphrase needs an unlocked vault', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    await core.vault.lock()
    expect(await codeOf(core.vault.changePassphrase(PASSPHRASE, 'the new passphrase'))).toBe(
      'VAULT_LOCKED'
    )
  })

  it('writes a SQLCipher-format file, never a plaintext SQLite header', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    await core.vault.lock()
    expect(hasPlaintextHeader(core.vault.dbFile)).toBe(false)
    const envelope = JSON.parse(readFileSync(core.vault.envelopeFile, 'utf8'))
    expect(envelope.wraps.passphrase.kdf.algorithm).toBe('argon2id')
  })

  it('uses Argon2id at 64 MiB and 3 passes by default, stored in the envelope', async () => {
    const core = createCore({ dataDir: tempDir(), drugs: DRUGS })
    const started = performance.now()
    await core.vault.create(PASSPHRASE)
    await core.vault.lock()
    const created = performance.now()
    await core.vault.unlock(PASSPHRASE)
    const unlocked = performance.now()
    const kdf = JSON.parse(readFileSync(core.vault.envelopeFile, 'utf8')).wraps.passphrase.kdf
    expect(kdf).toMatchObject({
      memoryKiB: DEFAULT_KDF_COST.memoryKiB,
      iterations: 3,
      parallelism: 1
    })
    expect(kdf.memoryKiB).toBeGreaterThanOrEqual(19 * 1024)
    console.log(
      `vault timing with production Argon2id: create ${(created - started).toFixed(0)} ms, unlock ${(unlocked - created).toFixed(0)} ms`
    )
    await core.shutdown()
  })
})

describe('unlocking an unlocked vault', () => {
  it('checks the passphrase like any unlock: a wrong one is WRONG_PASSPHRASE, the vault stays open', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    expect(await codeOf(core.vault.unlock('not the passphrase'))).toBe('WRONG_PASSPHRASE')
    expect(core.vault.state).toBe('unlocked')
    expect(await codeOf(core.vault.unlock(PASSPHRASE))).toBe('NO_ERROR')
    expect(core.vault.state).toBe('unlocked')
  })
})

/** The old way of handing over the key, kept here only to make a vault as older versions did. */
function applyKeyAsBefore(db: Database.Database, key: Buffer): void {
  db.pragma(`cipher='sqlcipher'`)
  db.pragma('legacy=4')
  db.pragma(`key="x'${key.toString('hex')}'"`)
}

describe('how the key reaches SQLite', () => {
  it('never as text: no SQL statement or pragma carries the data key, in hex or otherwise', async () => {
    const pragma = vi.spyOn(Database.prototype, 'pragma')
    const exec = vi.spyOn(Database.prototype, 'exec')
    const prepare = vi.spyOn(Database.prototype, 'prepare')
    const textsWithKey = async (passphrase: string) => {
      const envelope = readEnvelope(core.vault.envelopeFile)!
      const hex = (await unwrapKey(envelope.wraps.passphrase, passphrase, 'passphrase'))!
        .toString('hex')
        .toLowerCase()
      const sql = [...exec.mock.calls, ...prepare.mock.calls].map((call) => String(call[0]))
      const pragmas = pragma.mock.calls.map((call) => String(call[0]))
      expect(sql.length + pragmas.length).toBeGreaterThan(20)
      return [
        ...[...sql, ...pragmas].filter((text) => text.toLowerCase().includes(hex)),
        ...pragmas.filter((text) => /^\s*(re)?key\b/i.test(text))
      ]
    }
    const core = newCore()
    try {
      await core.vault.create(PASSPHRASE)
      await core.handlers['profiles.create']({ displayName: 'Ida' })
      await core.vault.backupNow()
      await core.vault.lock()
      await core.vault.unlock(PASSPHRASE)
      expect(await textsWithKey(PASSPHRASE)).toEqual([])

      const renewed = 'a passphrase after re-encryption'
      await core.vault.reencrypt(PASSPHRASE, renewed)
      await core.vault.lock()
      await core.vault.unlock(renewed)
      expect(await textsWithKey(renewed)).toEqual([])
    } finally {
      pragma.mockRestore()
      exec.mockRestore()
      prepare.mockRestore()
    }
  })

  it('a vault written by an older version (key given as a hex pragma) still opens, with its data', async () => {
    const dir = tempDir()
    mkdirSync(dir, { recursive: true })
    const key = newDataKey()
    const recoveryCode = newRecoveryCode()
    const db = new Database(join(dir, 'vault.db'))
    applyKeyAsBefore(db, key)
    db.pragma('journal_mode = WAL')
    runMigrations(db, MIGRATIONS)
    db.prepare(
      "INSERT INTO profiles (id, display_name, created_at, updated_at) VALUES (?, 'Old Ada', '2025-01-01', '2025-01-01')"
    ).run(crypto.randomUUID())
    db.close()
    writeEnvelope(
      join(dir, 'vault.key.json'),
      newEnvelope(
        await wrapKey(key, PASSPHRASE, 'passphrase', TEST_KDF_COST),
        await wrapKey(key, normalizeRecoveryCode(recoveryCode), 'recovery-code', TEST_KDF_COST)
      )
    )

    const core = newCore(dir)
    await core.vault.unlock(PASSPHRASE)
    expect((await core.handlers['profiles.list']({})).map((p) => p.displayName)).toEqual([
      'Old Ada'
    ])
    await core.handlers['profiles.create']({ displayName: 'New Ben' })
    await core.vault.lock()

    // And what this version writes still opens the standard SQLCipher way (raw key in hex),
    // so people can read their own data with SQLCipher tools.
    const tool = new Database(join(dir, 'vault.db'), { readonly: true })
    applyKeyAsBefore(tool, key)
    const names = tool.prepare('SELECT display_name FROM profiles ORDER BY display_name').all()
    tool.close()
    expect(names).toEqual([{ display_name: 'New Ben' }, { display_name: 'Old Ada' }])
  })
})
