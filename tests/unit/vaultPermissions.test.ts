/**
 * Other accounts on the same computer must not be able to read the vault, its SQLite side files
 * or its backups: every file in the data folder is 0600 and every folder 0700, whatever the
 * process umask.
 */
import { chmodSync, lstatSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, afterEach, describe, expect, it } from 'vitest'
import { PASSPHRASE, cleanupTempDirs, newCore, tempDir } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

let umask: number
// The usual desktop umask, under which files are created 0644 unless asked otherwise.
beforeAll(() => {
  umask = process.umask(0o022)
})
afterAll(() => {
  process.umask(umask)
})

/** Every file and folder below dir (dir included) whose mode is not private. */
function notPrivate(dir: string): string[] {
  const out: string[] = []
  const walk = (path: string) => {
    const stat = lstatSync(path)
    const mode = stat.mode & 0o777
    if (stat.isDirectory()) {
      if (mode !== 0o700) out.push(`${path} ${mode.toString(8)}`)
      for (const name of readdirSync(path)) walk(join(path, name))
    } else if (mode !== 0o600) out.push(`${path} ${mode.toString(8)}`)
  }
  walk(dir)
  return out
}

describe('file permissions in the data folder', () => {
  it('after create, edits, backup, restore and re-encrypt, every file is 0600 and every folder 0700', async () => {
    const dir = join(tempDir(), 'lantern-data')
    const core = newCore(dir)
    await core.vault.create(PASSPHRASE)
    // Open, with its -wal and -shm beside it.
    expect(readdirSync(dir)).toEqual(
      expect.arrayContaining(['vault.db', 'vault.db-wal', 'vault.db-shm'])
    )
    expect(notPrivate(dir)).toEqual([])

    for (let i = 0; i < 50; i++) await core.handlers['profiles.create']({ displayName: `P${i}` })
    expect(notPrivate(dir)).toEqual([])

    await core.vault.backupNow()
    expect(notPrivate(dir)).toEqual([])

    const [backup] = core.vault.listBackups()
    await core.vault.restoreBackup(backup!.id, PASSPHRASE)
    expect(readdirSync(dir).some((name) => name.startsWith('replaced-'))).toBe(true)
    expect(notPrivate(dir)).toEqual([])

    await core.vault.changePassphrase(PASSPHRASE, 'a second passphrase')
    expect(notPrivate(dir)).toEqual([])

    await core.vault.reencrypt('a second passphrase', 'a third passphrase')
    expect(notPrivate(dir)).toEqual([])

    await core.vault.lock()
    await core.vault.unlock('a third passphrase')
    expect(notPrivate(dir)).toEqual([])
  })

  it('a data folder left readable by an older version is made private when Lantern starts', async () => {
    const dir = join(tempDir(), 'lantern-data')
    const setup = newCore(dir)
    await setup.vault.create(PASSPHRASE)
    await setup.vault.backupNow()
    await setup.shutdown()
    const loosen = (path: string) => {
      const stat = lstatSync(path)
      chmodSync(path, stat.isDirectory() ? 0o755 : 0o644)
      if (stat.isDirectory()) for (const name of readdirSync(path)) loosen(join(path, name))
    }
    loosen(dir)
    expect(notPrivate(dir).length).toBeGreaterThan(3)

    newCore(dir)
    expect(notPrivate(dir)).toEqual([])
  })
})
