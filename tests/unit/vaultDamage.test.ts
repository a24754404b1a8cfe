/**
 * A damaged file must be reported as damaged, never as a wrong passphrase (which would send the
 * user hunting for a passphrase that was right), and must never be modified by the attempt.
 */
import {
  copyFileSync,
  readFileSync,
  readdirSync,
  rmSync,
  truncateSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CoreError } from '../../electron/core/errors.ts'
import { readEnvelope } from '../../electron/core/vault/envelope.ts'
import { unwrapKey } from '../../electron/core/vault/keyCrypto.ts'
import { PASSPHRASE, cleanupTempDirs, newCore, sha256, tempDir } from './helpers/vaultFixture.ts'

const PAGE = 4096
let template: string

// One template vault serves every case, so temp folders are removed once, at the end.
afterAll(cleanupTempDirs)

beforeAll(async () => {
  template = tempDir('lantern-damage-template-')
  const core = newCore(template)
  await core.vault.create(PASSPHRASE)
  // Enough rows for a file of many pages, so "mid-file" is a data page.
  for (let i = 0; i < 400; i++) {
    await core.handlers['profiles.create']({ displayName: `Person number ${i} `.padEnd(150, 'x') })
  }
  await core.vault.lock()
  rmSync(join(template, 'backups'), { recursive: true, force: true })
})

function copyTemplate(): string {
  const dir = tempDir()
  for (const name of readdirSync(template)) copyFileSync(join(template, name), join(dir, name))
  return dir
}

function flipByte(file: string, offset: number): void {
  const bytes = readFileSync(file)
  bytes[offset] = bytes[offset]! ^ 0xff
  writeFileSync(file, bytes)
}

async function unlockError(dir: string, passphrase = PASSPHRASE): Promise<string> {
  const core = newCore(dir)
  try {
    await core.vault.unlock(passphrase)
    return 'NO_ERROR'
  } catch (error) {
    if (error instanceof CoreError) return error.code
    throw error
  }
}

const damages: [string, (file: string) => void][] = [
  ['a byte flipped in page 1', (file) => flipByte(file, 1000)],
  ['a byte flipped in the first 16 bytes (the salt)', (file) => flipByte(file, 5)],
  [
    'a byte flipped mid-file',
    (file) => {
      const pages = Math.floor(readFileSync(file).length / PAGE)
      flipByte(file, Math.floor(pages / 2) * PAGE + 2000)
    }
  ],
  [
    'the file truncated to a third',
    (file) => truncateSync(file, Math.floor(readFileSync(file).length / 3))
  ]
]

describe('damaged vault files', () => {
  it('the template opens cleanly, so the damage below is the only difference', async () => {
    expect(readFileSync(join(template, 'vault.db')).length).toBeGreaterThan(20 * PAGE)
    expect(await unlockError(copyTemplate())).toBe('NO_ERROR')
  })

  for (const [label, damage] of damages) {
    it(`${label}: VAULT_DAMAGED with the right passphrase, file untouched`, async () => {
      const dir = copyTemplate()
      const file = join(dir, 'vault.db')
      damage(file)
      const before = sha256(file)
      const listing = readdirSync(dir).sort()

      expect(await unlockError(dir)).toBe('VAULT_DAMAGED')
      expect(sha256(file)).toBe(before)
      expect(readdirSync(dir).sort()).toEqual(listing)

      // And a wrong passphrase on the same damaged file is still called a wrong passphrase.
      expect(await unlockError(dir, 'not the passphrase')).toBe('WRONG_PASSPHRASE')
      expect(sha256(file)).toBe(before)
    })
  }

  it('a plaintext SQLite file put in place of the vault is not adopted', async () => {
    const dir = copyTemplate()
    const file = join(dir, 'vault.db')
    rmSync(file)
    const Database = (await import('better-sqlite3-multiple-ciphers')).default
    const plain = new Database(file)
    plain.exec('CREATE TABLE profiles (id TEXT PRIMARY KEY, display_name TEXT)')
    plain.close()
    const before = sha256(file)
    expect(await unlockError(dir)).toBe('VAULT_DAMAGED')
    expect(sha256(file)).toBe(before)
  })

  it('a missing database file beside a good key file is reported as damaged, not as a new vault', async () => {
    const dir = copyTemplate()
    rmSync(join(dir, 'vault.db'))
    const core = newCore(dir)
    expect(core.vault.state).toBe('locked')
    expect(await unlockError(dir)).toBe('VAULT_DAMAGED')
  })

  it('a damaged key file is reported as damaged', async () => {
    const dir = copyTemplate()
    writeFileSync(join(dir, 'vault.key.json'), '{"format":"lantern-key-envelope","version":1')
    expect(await unlockError(dir)).toBe('VAULT_DAMAGED')
  })
})

/**
 * What a crash or a bad copy can leave: a file of a few bytes. Opened as SQLite it would look
 * like a new empty database, be given a fresh schema, and then be backed up as if it were the
 * record, pushing the good backups out.
 */
describe('a vault file too short to be a database', () => {
  for (const size of [0, 1, 4095]) {
    it(`${size} bytes: VAULT_DAMAGED, byte-identical afterwards, no -wal/-shm, no backup taken`, async () => {
      const dir = copyTemplate()
      const file = join(dir, 'vault.db')
      truncateSync(file, size)
      const before = sha256(file)
      const listing = readdirSync(dir).sort()

      expect(await unlockError(dir)).toBe('VAULT_DAMAGED')
      // A second try (the user pressing Unlock again) must not change anything either.
      expect(await unlockError(dir)).toBe('VAULT_DAMAGED')
      expect(readFileSync(file)).toHaveLength(size)
      expect(sha256(file)).toBe(before)
      expect(readdirSync(dir).sort()).toEqual(listing)
      expect(listing).not.toContain('backups')
    })
  }

  it('a truncated file is restored from the backup of before, and kept aside as it was', async () => {
    const dir = copyTemplate()
    const core = newCore(dir)
    await core.vault.unlock(PASSPHRASE) // today's rolling backup, of the good file
    const people = (await core.handlers['profiles.list']({})).length
    await core.vault.lock()
    truncateSync(core.vault.dbFile, 0)

    const again = newCore(dir)
    expect(await unlockError(dir)).toBe('VAULT_DAMAGED')
    const backups = again.vault.listBackups()
    expect(backups).toHaveLength(1)
    await again.vault.restoreBackup(backups[0]!.id, PASSPHRASE)
    expect(await again.handlers['profiles.list']({})).toHaveLength(people)
    const aside = readdirSync(dir).filter((name) => name.startsWith('replaced-'))
    expect(readFileSync(join(dir, aside[0]!, 'vault.db'))).toHaveLength(0)
  })

  it('an encrypted database with the right key but no Lantern record in it is damaged, not adopted', async () => {
    const dir = copyTemplate()
    const file = join(dir, 'vault.db')
    const envelope = readEnvelope(join(dir, 'vault.key.json'))!
    const key = (await unwrapKey(envelope.wraps.passphrase, PASSPHRASE, 'passphrase'))!
    rmSync(file)
    // A database made with the vault's own key but never given the schema.
    const Database = (await import('better-sqlite3-multiple-ciphers')).default
    const empty = new Database(file)
    empty.pragma(`cipher='sqlcipher'`)
    empty.pragma('legacy=4')
    empty.key(Buffer.concat([Buffer.from('raw:'), key]))
    empty.pragma('journal_mode = WAL')
    empty.close()
    const before = sha256(file)
    const listing = readdirSync(dir).sort()

    expect(await unlockError(dir)).toBe('VAULT_DAMAGED')
    expect(sha256(file)).toBe(before)
    expect(readdirSync(dir).sort()).toEqual(listing)
  })
})

/**
 * A vault closed by a crash keeps its last edits in vault.db-wal. A connection that can write
 * would fold that log into the damaged file when it closes (and delete the log), so the check
 * of a damaged file must not be able to write.
 */
describe('a damaged vault with a write-ahead log beside it', () => {
  /** A vault as a crash leaves it: recent edits only in the -wal, and no -shm. */
  async function crashedWithLog(): Promise<string> {
    const dir = copyTemplate()
    const core = newCore(dir)
    await core.vault.unlock(PASSPHRASE)
    for (let i = 0; i < 20; i++) {
      await core.handlers['profiles.create']({ displayName: `Added after the last close ${i}` })
    }
    const crashed = tempDir()
    for (const name of ['vault.db', 'vault.db-wal', 'vault.key.json']) {
      copyFileSync(join(dir, name), join(crashed, name))
    }
    expect(readFileSync(join(crashed, 'vault.db-wal')).length).toBeGreaterThan(PAGE)
    return crashed
  }

  it('undamaged, it opens with the edits from the log', async () => {
    const dir = await crashedWithLog()
    const core = newCore(dir)
    await core.vault.unlock(PASSPHRASE)
    expect((await core.handlers['profiles.list']({})).length).toBe(420)
  })

  // Every commit rewrites page 1, so its newest copy is in the log and a flipped byte in the
  // file's older copy is no damage at all (the salt, read from the file itself, is).
  const walDamages = damages.filter(([label]) => label !== 'a byte flipped in page 1')

  for (const [label, damage] of walDamages) {
    it(`${label}: VAULT_DAMAGED, and vault.db and vault.db-wal are byte-identical afterwards`, async () => {
      const dir = await crashedWithLog()
      const file = join(dir, 'vault.db')
      damage(file)
      const before = [sha256(file), sha256(`${file}-wal`)]
      const listing = readdirSync(dir).sort()

      expect(await unlockError(dir)).toBe('VAULT_DAMAGED')
      expect([sha256(file), sha256(`${file}-wal`)]).toEqual(before)
      expect(readdirSync(dir).sort()).toEqual(listing)
      // Pressing Unlock again changes nothing either.
      expect(await unlockError(dir)).toBe('VAULT_DAMAGED')
      expect([sha256(file), sha256(`${file}-wal`)]).toEqual(before)
      expect(readdirSync(dir).sort()).toEqual(listing)
    })
  }
})
