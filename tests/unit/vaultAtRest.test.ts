/**
 * What an attacker with the disk (a lost laptop, a synced folder) would see: nothing readable.
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { readConnectionSettings } from '../../electron/core/vault/database.ts'
import { listBackups } from '../../electron/core/vault/backups.ts'
import { PASSPHRASE, allFiles, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

const MARKER = `ZEBRA-ONCOLOGY-${crypto.randomUUID()}`

function filesContaining(dir: string, needle: string): string[] {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')]
  return allFiles(dir).filter((file) => {
    const bytes = readFileSync(file)
    return forms.some((form) => bytes.includes(form))
  })
}

describe('data at rest', () => {
  it('a saved marker appears in no file of the data folder, open or closed, backups included', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    await core.handlers['profiles.create']({ displayName: MARKER })
    // Force a WAL with the marker in it, then a backup, then look while still open.
    await core.handlers['profiles.rename']({
      id: (await core.handlers['profiles.list']({}))[0]!.id,
      displayName: `${MARKER} (renamed)`
    })
    await core.vault.backupNow()
    const openFiles = allFiles(core.vault.dataDir).map((f) => f.slice(core.vault.dataDir.length))
    expect(openFiles).toEqual(
      expect.arrayContaining(['/vault.db', '/vault.db-wal', '/vault.db-shm', '/vault.key.json'])
    )
    expect(listBackups(core.vault.backupsDir).length).toBeGreaterThan(0)
    expect(filesContaining(core.vault.dataDir, MARKER)).toEqual([])

    await core.vault.lock()
    expect(filesContaining(core.vault.dataDir, MARKER)).toEqual([])

    // The check above would pass on an empty folder: prove the marker is really stored.
    await core.vault.unlock(PASSPHRASE)
    const names = (await core.handlers['profiles.list']({})).map((p) => p.displayName)
    expect(names).toEqual([`${MARKER} (renamed)`])
  })

  it('every connection runs with WAL, synchronous=FULL, temp_store=MEMORY, foreign keys and secure delete', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    const expected = {
      journalMode: 'wal',
      synchronous: 2,
      tempStore: 2,
      foreignKeys: 1,
      secureDelete: 1
    }
    expect(readConnectionSettings(core.vault.db)).toEqual(expected)
    await core.vault.lock()
    // A reopened WAL database defaults back to synchronous=NORMAL in this build: check again.
    await core.vault.unlock(PASSPHRASE)
    expect(readConnectionSettings(core.vault.db)).toEqual(expected)
    expect(String(core.vault.db.pragma('cipher', { simple: true }))).toBe('sqlcipher')
  })

  it('the key envelope holds no key or passphrase in the clear', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    const envelope = readFileSync(core.vault.envelopeFile, 'utf8')
    expect(envelope).not.toContain(PASSPHRASE)
    // The envelope proves the passphrase with AES-GCM: a tag and a 12-byte IV per wrap.
    const parsed = JSON.parse(envelope)
    for (const wrap of Object.values(parsed.wraps) as { iv: string; tag: string }[]) {
      expect(Buffer.from(wrap.iv, 'base64')).toHaveLength(12)
      expect(Buffer.from(wrap.tag, 'base64')).toHaveLength(16)
    }
  })
})
