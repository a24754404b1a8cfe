/**
 * "Someone else learned my passphrase": a new passphrase alone would not help, because whoever
 * knew the old one could have unwrapped the data key. Re-encrypting puts everything under a new
 * data key, so the old key, the old passphrase and the old recovery code open nothing.
 */
import Database from 'better-sqlite3-multiple-ciphers'
import { readdirSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/core/dispatch.ts'
import { CoreError } from '../../electron/core/errors.ts'
import { openVaultDatabase, verifyDatabaseCopy } from '../../electron/core/vault/database.ts'
import { readEnvelope } from '../../electron/core/vault/envelope.ts'
import { unwrapKey } from '../../electron/core/vault/keyCrypto.ts'
import type { ReencryptStep } from '../../electron/shared/contract.ts'
import {
  PASSPHRASE,
  allFiles,
  cleanupTempDirs,
  newCore,
  sha256,
  tempDir
} from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

const NEW_PASSPHRASE = 'a passphrase nobody else has seen'

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'NO_ERROR'
  } catch (error) {
    if (error instanceof CoreError) return error.code
    throw error
  }
}

async function dataKey(envelopeFile: string, passphrase: string): Promise<Buffer> {
  return (await unwrapKey(readEnvelope(envelopeFile)!.wraps.passphrase, passphrase, 'passphrase'))!
}

/** Opens a file the way SQLCipher tools would, with nothing of Lantern's in between. */
function rawOpens(file: string, key: Buffer): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    db.pragma(`cipher='sqlcipher'`)
    db.pragma('legacy=4')
    db.key(Buffer.concat([Buffer.from('raw:'), key]))
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    return true
  } catch {
    return false
  } finally {
    db.close()
  }
}

async function vaultWithData(dir = tempDir()) {
  const core = newCore(dir)
  const created = await core.vault.create(PASSPHRASE)
  for (const name of ['Ada', 'Ben', 'Cleo']) {
    await core.handlers['profiles.create']({ displayName: name })
  }
  await core.vault.backupNow()
  await core.handlers['profiles.create']({ displayName: 'Dev' })
  await core.vault.backupNow()
  return { core, recoveryCode: created.recoveryCode }
}

describe('re-encrypting under a new data key', () => {
  it('the old data key opens neither the vault nor any backup; the new passphrase opens everything', async () => {
    const { core, recoveryCode: oldCode } = await vaultWithData()
    const oldKey = await dataKey(core.vault.envelopeFile, PASSPHRASE)
    const people = await core.handlers['profiles.list']({})
    const steps: ReencryptStep[] = []

    const { recoveryCode } = await core.vault.reencrypt(PASSPHRASE, NEW_PASSPHRASE, (step) =>
      steps.push(step)
    )

    expect(steps).toEqual([
      'checking',
      'new-keys',
      'copying',
      're-encrypting',
      'verifying',
      'switching',
      'backing-up',
      'removing-old-backups',
      'done'
    ])
    expect(recoveryCode).not.toBe(oldCode)
    expect(recoveryCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/)
    // Still open, with everything in it.
    expect(core.vault.state).toBe('unlocked')
    expect(await core.handlers['profiles.list']({})).toEqual(people)

    const newKey = await dataKey(core.vault.envelopeFile, NEW_PASSPHRASE)
    expect(newKey.equals(oldKey)).toBe(false)
    await core.vault.lock()

    // The old key opens no database file anywhere in the data folder.
    const databases = allFiles(core.vault.dataDir).filter((f) => f.endsWith('.db'))
    expect(databases.length).toBe(2) // the vault and the one new backup
    for (const file of databases) {
      expect(rawOpens(file, oldKey), file).toBe(false)
      expect(() => openVaultDatabase(file, Buffer.from(oldKey), { create: false })).toThrow()
      expect(rawOpens(file, newKey), file).toBe(true)
    }
    // The old backups were replaced by one verified backup under the new key.
    const backups = core.vault.listBackups()
    expect(backups.map((b) => b.reason)).toEqual(['reencrypted'])
    expect(verifyDatabaseCopy(backups[0]!.file, newKey).tables).toBeGreaterThan(0)
    expect(await dataKey(backups[0]!.envelopeFile, NEW_PASSPHRASE)).toEqual(newKey)

    // Old passphrase and old recovery code are refused; the new ones work.
    expect(await codeOf(core.vault.unlock(PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    expect(await codeOf(core.vault.recover(oldCode, 'whatever comes next'))).toBe(
      'WRONG_RECOVERY_CODE'
    )
    expect(await codeOf(core.vault.restoreBackup(backups[0]!.id, PASSPHRASE))).toBe(
      'WRONG_PASSPHRASE'
    )
    await core.vault.unlock(NEW_PASSPHRASE)
    expect(await core.handlers['profiles.list']({})).toEqual(people)
    expect(core.vault.db.pragma('integrity_check', { simple: true })).toBe('ok')
    await core.vault.lock()
    await core.vault.recover(recoveryCode, 'after using the new recovery code')
    expect(await core.handlers['profiles.list']({})).toEqual(people)
  })

  it('a re-encrypted vault keeps working: edits, locks and a second re-encryption', async () => {
    const { core } = await vaultWithData()
    await core.vault.reencrypt(PASSPHRASE, NEW_PASSPHRASE)
    await core.handlers['profiles.create']({ displayName: 'Eve' })
    await core.vault.lock()
    await core.vault.unlock(NEW_PASSPHRASE)
    await core.vault.reencrypt(NEW_PASSPHRASE, 'and once more')
    await core.vault.lock()
    await core.vault.unlock('and once more')
    expect((await core.handlers['profiles.list']({})).map((p) => p.displayName).sort()).toEqual([
      'Ada',
      'Ben',
      'Cleo',
      'Dev',
      'Eve'
    ])
  })

  it('a wrong current passphrase changes nothing', async () => {
    const { core } = await vaultWithData()
    core.vault.db.pragma('wal_checkpoint(TRUNCATE)')
    const before = allFiles(core.vault.dataDir)
      .filter((f) => !f.endsWith('-shm') && !f.endsWith('-wal'))
      .map((f) => [f, sha256(f)])
    expect(await codeOf(core.vault.reencrypt('not the passphrase', NEW_PASSPHRASE))).toBe(
      'WRONG_PASSPHRASE'
    )
    for (const [file, hash] of before) expect(sha256(file!), file).toBe(hash)
    expect(readdirSync(core.vault.dataDir).filter((n) => n.startsWith('.'))).toEqual([])
    expect(core.vault.state).toBe('unlocked')
  })

  it('needs an unlocked vault', async () => {
    const { core } = await vaultWithData()
    await core.vault.lock()
    expect(await codeOf(core.vault.reencrypt(PASSPHRASE, NEW_PASSPHRASE))).toBe('VAULT_LOCKED')
  })

  it('through the API: answers only the new recovery code, no key, and the new passphrase works', async () => {
    const { core } = await vaultWithData()
    const oldKey = await dataKey(core.vault.envelopeFile, PASSPHRASE)
    const answer = await dispatch(core.handlers, 'vault.reencrypt', {
      currentPassphrase: PASSPHRASE,
      newPassphrase: NEW_PASSPHRASE
    })
    expect(answer).toEqual({ ok: true, value: { recoveryCode: expect.any(String) } })
    const newKey = await dataKey(core.vault.envelopeFile, NEW_PASSPHRASE)
    const text = JSON.stringify(answer)
    for (const key of [oldKey, newKey]) {
      expect(text.toLowerCase()).not.toContain(key.toString('hex'))
      expect(text).not.toContain(key.toString('base64'))
    }
    expect(text).not.toContain(NEW_PASSPHRASE)
    expect(
      await dispatch(core.handlers, 'vault.reencrypt', {
        currentPassphrase: PASSPHRASE,
        newPassphrase: 'yet another passphrase'
      })
    ).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } })
  })
})

/** Lets everything already waiting on the event loop run, as an IPC message or HTTP request would. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

describe('re-encryption progress, asked for while it runs', () => {
  it('is null when nothing is being re-encrypted, before and after', async () => {
    const { core } = await vaultWithData()
    expect(await dispatch(core.handlers, 'vault.reencryptProgress', {})).toEqual({
      ok: true,
      value: null
    })
    await core.vault.reencrypt(PASSPHRASE, NEW_PASSPHRASE)
    expect(await dispatch(core.handlers, 'vault.reencryptProgress', {})).toEqual({
      ok: true,
      value: null
    })
    await core.vault.lock()
    expect(await dispatch(core.handlers, 'vault.reencryptProgress', {})).toEqual({
      ok: true,
      value: null
    })
  })

  it('answers while vault.reencrypt is pending, step after step, with no key in it', async () => {
    const { core } = await vaultWithData()
    const oldKey = await dataKey(core.vault.envelopeFile, PASSPHRASE)
    let settled = false
    const pending = dispatch(core.handlers, 'vault.reencrypt', {
      currentPassphrase: PASSPHRASE,
      newPassphrase: NEW_PASSPHRASE
    }).finally(() => {
      settled = true
    })
    const seen: unknown[] = []
    while (!settled) {
      const answer = await dispatch(core.handlers, 'vault.reencryptProgress', {})
      expect(answer.ok).toBe(true)
      if (answer.ok && answer.value !== null) seen.push(answer.value)
      await nextTurn()
    }
    expect(await pending).toMatchObject({ ok: true })

    const progress = seen as { step: string; stepsDone: number; stepsTotal: number }[]
    for (const p of progress)
      expect(Object.keys(p).sort()).toEqual(['step', 'stepsDone', 'stepsTotal'])
    expect(new Set(progress.map((p) => p.stepsTotal))).toEqual(new Set([8]))
    // Never backwards, and seen at the long steps in the middle, not only at the start.
    const done = progress.map((p) => p.stepsDone)
    expect(done).toEqual([...done].sort((a, b) => a - b))
    const steps = [...new Set(progress.map((p) => p.step))]
    expect(steps).toEqual(
      expect.arrayContaining(['copying', 're-encrypting', 'verifying', 'backing-up'])
    )
    expect(steps.length).toBeGreaterThanOrEqual(6)
    const newKey = await dataKey(core.vault.envelopeFile, NEW_PASSPHRASE)
    const text = JSON.stringify(seen).toLowerCase()
    for (const key of [oldKey, newKey]) {
      expect(text).not.toContain(key.toString('hex'))
      expect(text).not.toContain(key.toString('base64').toLowerCase())
    }
    expect(await dispatch(core.handlers, 'vault.reencryptProgress', {})).toEqual({
      ok: true,
      value: null
    })
  })

  it('an edit saved while the copy is being re-encrypted is in the vault afterwards', async () => {
    const { core } = await vaultWithData()
    const steps: ReencryptStep[] = []
    const edits: Promise<unknown>[] = []
    await core.vault.reencrypt(PASSPHRASE, NEW_PASSPHRASE, (step) => {
      steps.push(step)
      // Lands in the pause after the copy was taken, as a save from another screen would.
      if (step === 're-encrypting') {
        const displayName = `Saved during step ${steps.length}`
        edits.push(
          new Promise((resolve) => setImmediate(resolve)).then(() =>
            core.handlers['profiles.create']({ displayName })
          )
        )
      }
    })
    const saved = (await Promise.all(edits)) as { displayName: string }[]
    await core.vault.lock()
    await core.vault.unlock(NEW_PASSPHRASE)
    const names = (await core.handlers['profiles.list']({})).map((p) => p.displayName)
    for (const person of saved) expect(names).toContain(person.displayName)
    expect(names).toHaveLength(4 + saved.length)
    // Each edit made the copy stale, so it was taken again; the last attempt does not pause.
    expect(steps.filter((s) => s === 'copying').length).toBe(saved.length)
    expect(saved.length).toBeGreaterThan(1)
  })
})
