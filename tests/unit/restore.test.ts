/**
 * A damaged vault comes back from a verified backup, and the damaged files are kept, not deleted.
 */
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CoreError } from '../../electron/core/errors.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import { PASSPHRASE, cleanupTempDirs, newCore, sha256, tempDir } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'NO_ERROR'
  } catch (error) {
    if (error instanceof CoreError) return error.code
    throw error
  }
}

function damage(file: string): void {
  const bytes = readFileSync(file)
  bytes[300] = bytes[300]! ^ 0xff
  writeFileSync(file, bytes)
}

/** A vault with "Ada" in its daily backup and "Ben" added after it. Returns the recovery code. */
async function vaultWithBackup(dir: string): Promise<string> {
  const core = newCore(dir)
  const { recoveryCode } = await core.vault.create(PASSPHRASE)
  await core.handlers['profiles.create']({ displayName: 'Ada' })
  await core.vault.lock()
  await core.vault.unlock(PASSPHRASE) // the first unlock of the day makes the rolling backup
  await core.handlers['profiles.create']({ displayName: 'Ben' })
  await core.shutdown()
  return recoveryCode
}

describe('restore from backup', () => {
  it('restores the latest backup over a damaged file and keeps the damaged file aside', async () => {
    const dir = tempDir()
    await vaultWithBackup(dir)
    const core = newCore(dir)
    damage(core.vault.dbFile)
    const damagedHash = sha256(core.vault.dbFile)
    expect(await codeOf(core.vault.unlock(PASSPHRASE))).toBe('VAULT_DAMAGED')

    const listed = await dispatch(core.handlers, 'vault.listBackups', {})
    expect(listed.ok).toBe(true)
    const backups = (listed as { value: { id: string; reason: string; createdAt: string }[] }).value
    expect(backups.map((b) => b.reason)).toEqual(['rolling'])
    expect(Date.now() - Date.parse(backups[0]!.createdAt)).toBeLessThan(60_000)

    const restored = await dispatch(core.handlers, 'vault.restoreBackup', {
      backupId: backups[0]!.id,
      secret: PASSPHRASE
    })
    expect(restored).toEqual({ ok: true, value: { state: 'unlocked' } })
    expect((await core.handlers['profiles.list']({})).map((p) => p.displayName)).toEqual(['Ada'])

    const aside = readdirSync(dir).filter((name) => name.startsWith('replaced-'))
    expect(aside).toHaveLength(1)
    expect(sha256(join(dir, aside[0]!, 'vault.db'))).toBe(damagedHash)
    expect(existsSync(join(dir, aside[0]!, 'vault.key.json'))).toBe(true)

    // The restored vault is an ordinary vault from now on.
    await core.vault.lock()
    await core.vault.unlock(PASSPHRASE)
    expect(core.vault.db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it("accepts today's passphrase or the recovery code, and no longer the passphrase of before", async () => {
    const dir = tempDir()
    const recoveryCode = await vaultWithBackup(dir)
    const core = newCore(dir)
    await core.vault.unlock(PASSPHRASE)
    await core.vault.changePassphrase(PASSPHRASE, 'a newer passphrase')
    const [backup] = core.vault.listBackups()
    // Restoring while unlocked is allowed: today's file is kept aside all the same.
    expect(await codeOf(core.vault.restoreBackup(backup!.id, PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    expect(core.vault.state).toBe('unlocked')
    await core.vault.restoreBackup(backup!.id, recoveryCode.toLowerCase())
    expect((await core.handlers['profiles.list']({})).map((p) => p.displayName)).toEqual(['Ada'])
    await core.vault.restoreBackup(backup!.id, 'a newer passphrase')
    expect((await core.handlers['profiles.list']({})).map((p) => p.displayName)).toEqual(['Ada'])
  })

  it('a wrong secret or an unknown backup changes nothing', async () => {
    const dir = tempDir()
    await vaultWithBackup(dir)
    const core = newCore(dir)
    const before = readdirSync(dir).sort()
    const hash = sha256(core.vault.dbFile)
    const [backup] = core.vault.listBackups()
    expect(await codeOf(core.vault.restoreBackup(backup!.id, 'not it at all'))).toBe(
      'WRONG_PASSPHRASE'
    )
    expect(
      await codeOf(core.vault.restoreBackup('vault-20200101T000000000Z-rolling', PASSPHRASE))
    ).toBe('NOT_FOUND')
    expect(readdirSync(dir).sort()).toEqual(before)
    expect(sha256(core.vault.dbFile)).toBe(hash)
    expect(core.vault.state).toBe('locked')
  })

  it('refuses a damaged backup and leaves the vault as it was', async () => {
    const dir = tempDir()
    await vaultWithBackup(dir)
    const core = newCore(dir)
    const [backup] = core.vault.listBackups()
    const copy = `${backup!.file}.orig`
    copyFileSync(backup!.file, copy)
    damage(backup!.file)
    expect(await codeOf(core.vault.restoreBackup(backup!.id, PASSPHRASE))).toBe('VAULT_DAMAGED')
    await core.vault.unlock(PASSPHRASE)
    expect((await core.handlers['profiles.list']({})).map((p) => p.displayName)).toEqual([
      'Ada',
      'Ben'
    ])
  })
})
