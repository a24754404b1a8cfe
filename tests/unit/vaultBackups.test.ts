/**
 * The backups folder: what is kept (a spread over months, not just the last few days), that a
 * backup is only ever made of a vault that passed its checks, that a passphrase change reaches
 * every backup, and that an interrupted backup or restore leaves nothing behind.
 */
import fc from 'fast-check'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { dispatch } from '../../electron/core/dispatch.ts'
import { CoreError } from '../../electron/core/errors.ts'
import { RETENTION, backupsToKeep, listBackups } from '../../electron/core/vault/backups.ts'
import { verifyDatabaseCopy } from '../../electron/core/vault/database.ts'
import { readEnvelope } from '../../electron/core/vault/envelope.ts'
import { unwrapKey } from '../../electron/core/vault/keyCrypto.ts'
import {
  MIGRATIONS,
  type Migration,
  latestVersion
} from '../../electron/core/vault/migrations/index.ts'
import { PASSPHRASE, cleanupTempDirs, newCore, sha256, tempDir } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

const DAY = 24 * 60 * 60 * 1000
const T0 = Date.parse('2026-01-05T09:00:00.000Z')

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'NO_ERROR'
  } catch (error) {
    if (error instanceof CoreError) return error.code
    throw error
  }
}

/** A clock the test moves by hand. */
function manualClock(start = T0) {
  let time = start
  return {
    now: () => new Date(time),
    set: (t: number) => {
      time = t
    }
  }
}

const MAX_KEPT =
  RETENTION.recent + RETENTION.weeks + RETENTION.months + 2 * RETENTION.olderThanDays.length

type Stamp = { id: string; createdAt: Date }

function stamps(times: number[]): Stamp[] {
  return times.map((t, i) => ({ id: `b${i}`, createdAt: new Date(t) }))
}

/** The newest backup that is more than `days` days old at `now`, by brute force. */
function newestOlderThan(backups: Stamp[], now: number, days: number): Stamp | undefined {
  let best: Stamp | undefined
  for (const b of backups) {
    if (now - b.createdAt.getTime() <= days * DAY) continue
    if (!best || b.createdAt > best.createdAt) best = b
  }
  return best
}

describe('which backups are kept', () => {
  it(`always the ${RETENTION.recent} newest, the newest older than a week and than a month, and one per recent week and month`, () => {
    const time = fc.integer({ min: T0 - 800 * DAY, max: T0 + 10 * DAY })
    fc.assert(
      fc.property(fc.uniqueArray(time, { maxLength: 60 }), time, (times, now) => {
        const backups = stamps(times)
        const kept = backupsToKeep(backups, new Date(now))
        const byAge = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())

        for (const b of byAge.slice(0, RETENTION.recent)) expect(kept.has(b.id)).toBe(true)
        for (const days of [7, 30]) {
          const anchor = newestOlderThan(backups, now, days)
          if (anchor) expect(kept.has(anchor.id)).toBe(true)
        }
        // Every recent calendar week and month that has backups keeps its newest one.
        const nowDate = new Date(now)
        const nowMonth = nowDate.getUTCFullYear() * 12 + nowDate.getUTCMonth()
        const nowWeek = Math.floor(now / (7 * DAY))
        for (const b of backups) {
          const t = b.createdAt.getTime()
          const week = Math.floor(t / (7 * DAY))
          const month = b.createdAt.getUTCFullYear() * 12 + b.createdAt.getUTCMonth()
          const newerSameWeek = backups.some(
            (o) =>
              o.createdAt > b.createdAt && Math.floor(o.createdAt.getTime() / (7 * DAY)) === week
          )
          const newerSameMonth = backups.some(
            (o) =>
              o.createdAt > b.createdAt &&
              o.createdAt.getUTCFullYear() * 12 + o.createdAt.getUTCMonth() === month
          )
          if (week > nowWeek - RETENTION.weeks && !newerSameWeek) expect(kept.has(b.id)).toBe(true)
          if (month > nowMonth - RETENTION.months && !newerSameMonth) {
            expect(kept.has(b.id)).toBe(true)
          }
        }
        expect(kept.size).toBeLessThanOrEqual(Math.min(MAX_KEPT, backups.length))
        for (const id of kept) expect(backups.some((b) => b.id === id)).toBe(true)
        // Pruning twice prunes nothing more.
        const again = backupsToKeep(
          backups.filter((b) => kept.has(b.id)),
          new Date(now)
        )
        expect([...again].sort()).toEqual([...kept].sort())
      }),
      { numRuns: 1000 }
    )
  })

  it('a year of daily backups, pruned each day, always leaves one older than a week, a month and four months', () => {
    let kept: Stamp[] = []
    for (let day = 0; day < 400; day++) {
      const now = T0 + day * DAY
      kept.push({ id: `day${day}`, createdAt: new Date(now) })
      const keep = backupsToKeep(kept, new Date(now))
      kept = kept.filter((b) => keep.has(b.id))
      expect(kept.length).toBeLessThanOrEqual(MAX_KEPT)
      const oldest = Math.max(...kept.map((b) => now - b.createdAt.getTime())) / DAY
      if (day > 8) expect(oldest).toBeGreaterThan(7)
      if (day > 31) expect(oldest).toBeGreaterThan(30)
      if (day > 160) expect(oldest).toBeGreaterThan(120)
    }
  })

  it('on a real vault opened every day for 40 days, a backup older than a week and one older than a month survive', async () => {
    const clock = manualClock()
    const dir = tempDir()
    const core = newCore(dir, { now: clock.now })
    await core.vault.create(PASSPHRASE)
    await core.handlers['profiles.create']({ displayName: 'Day zero' })
    for (let day = 1; day <= 40; day++) {
      await core.vault.lock()
      clock.set(T0 + day * DAY)
      await core.vault.unlock(PASSPHRASE) // the day's rolling backup
    }
    const now = T0 + 40 * DAY
    const backups = core.vault.listBackups()
    expect(backups.length).toBeGreaterThan(RETENTION.recent)
    expect(backups.length).toBeLessThanOrEqual(MAX_KEPT)
    const ages = backups.map((b) => (now - b.createdAt.getTime()) / DAY)
    expect(ages.some((age) => age > 7)).toBe(true)
    expect(ages.some((age) => age > 30)).toBe(true)
    // Each file on disk is a listed backup with its key file; nothing half-pruned remains.
    expect(readdirSync(core.vault.backupsDir).sort()).toEqual(
      backups.flatMap((b) => [`${b.id}.db`, `${b.id}.key.json`]).sort()
    )
  })
})

describe('a backup is only made of a vault that passed its checks', () => {
  it('a vault whose structure check fails is not backed up, even though a copy of it would look fine', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    await core.vault.backupNow()
    const before = core.vault.listBackups().map((b) => b.id)
    // Damage of the kind VACUUM INTO would silently leave out of a copy: a table's pages
    // still in the file but no longer reachable from the schema.
    const db = core.vault.db
    db.exec('CREATE TABLE scratch (x TEXT)')
    const insert = db.prepare('INSERT INTO scratch VALUES (?)')
    for (let i = 0; i < 300; i++) insert.run(`row ${i}`.padEnd(100, '.'))
    db.unsafeMode(true)
    db.pragma('writable_schema = ON')
    db.prepare("DELETE FROM sqlite_master WHERE name = 'scratch'").run()
    db.pragma('writable_schema = RESET')
    db.unsafeMode(false)
    expect(db.pragma('quick_check', { simple: true })).not.toBe('ok')

    expect(await codeOf(core.vault.backupNow())).toBe('VAULT_DAMAGED')
    expect(core.vault.listBackups().map((b) => b.id)).toEqual(before)
    expect(readdirSync(core.vault.backupsDir).filter((n) => n.startsWith('.'))).toEqual([])
  })
})

describe('a passphrase change reaches every backup', () => {
  async function vaultWithBackups(dir: string) {
    const clock = manualClock()
    const core = newCore(dir, { now: clock.now })
    const { recoveryCode } = await core.vault.create(PASSPHRASE)
    await core.handlers['profiles.create']({ displayName: 'Ada' })
    for (let i = 1; i <= 3; i++) {
      clock.set(T0 + i * DAY)
      await core.vault.backupNow()
    }
    expect(core.vault.listBackups()).toHaveLength(3)
    return { core, recoveryCode }
  }

  /** How many backups the secret still opens, by unwrapping each backup's key file directly. */
  async function backupsOpenedBy(core: ReturnType<typeof newCore>, passphrase: string) {
    let opened = 0
    for (const backup of core.vault.listBackups()) {
      const envelope = readEnvelope(backup.envelopeFile)!
      if (await unwrapKey(envelope.wraps.passphrase, passphrase, 'passphrase')) opened++
    }
    return opened
  }

  it('after a change, the old passphrase opens no backup; the new one opens all', async () => {
    const { core } = await vaultWithBackups(tempDir())
    await core.vault.changePassphrase(PASSPHRASE, 'the new passphrase')
    expect(await backupsOpenedBy(core, PASSPHRASE)).toBe(0)
    expect(await backupsOpenedBy(core, 'the new passphrase')).toBe(3)
    const [newest, , oldest] = core.vault.listBackups()
    expect(await codeOf(core.vault.restoreBackup(oldest!.id, PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    expect(await codeOf(core.vault.restoreBackup(newest!.id, PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    expect(await codeOf(core.vault.restoreBackup(oldest!.id, 'the new passphrase'))).toBe(
      'NO_ERROR'
    )
    expect((await core.handlers['profiles.list']({})).map((p) => p.displayName)).toEqual(['Ada'])
  })

  it('after a recovery, the forgotten passphrase opens no backup either', async () => {
    const { core, recoveryCode } = await vaultWithBackups(tempDir())
    await core.vault.lock()
    await core.vault.recover(recoveryCode, 'the passphrase after recovery')
    expect(await backupsOpenedBy(core, PASSPHRASE)).toBe(0)
    expect(await backupsOpenedBy(core, 'the passphrase after recovery')).toBe(3)
    for (const backup of core.vault.listBackups()) {
      expect(await codeOf(core.vault.restoreBackup(backup.id, PASSPHRASE))).toBe('WRONG_PASSPHRASE')
    }
  })

  it('backups left with an older passphrase (by an older version, or a change cut short) are brought up to date at the next unlock', async () => {
    const dir = tempDir()
    const { core } = await vaultWithBackups(dir)
    const oldEnvelope = readFileSync(core.vault.envelopeFile)
    await core.vault.changePassphrase(PASSPHRASE, 'the new passphrase')
    const [backup] = core.vault.listBackups()
    writeFileSync(backup!.envelopeFile, oldEnvelope)
    expect(await backupsOpenedBy(core, PASSPHRASE)).toBe(1)
    await core.vault.lock()

    await core.vault.unlock('the new passphrase')
    expect(await backupsOpenedBy(core, PASSPHRASE)).toBe(0)
    expect(await backupsOpenedBy(core, 'the new passphrase')).toBe(3)
  })
})

describe('leftovers of an interrupted backup or restore', () => {
  it('are removed when Lantern next starts; the vault and the real backups are untouched', async () => {
    const dir = tempDir()
    const setup = newCore(dir)
    await setup.vault.create(PASSPHRASE)
    await setup.handlers['profiles.create']({ displayName: 'Ada' })
    await setup.vault.backupNow()
    await setup.shutdown()

    const backupsDir = join(dir, 'backups')
    const [backup] = listBackups(backupsDir)
    const leftovers = [
      join(backupsDir, '.vault-20260101T000000000Z-rolling.db.tmp'),
      join(backupsDir, '.vault-20260101T000000000Z-rolling.db.tmp-journal'),
      join(backupsDir, `.${backup!.id}.key.json.0123456789ab.tmp`),
      join(dir, '.vault.db.restoring'),
      join(dir, '.vault.key.json.restoring'),
      join(dir, '.vault.key.json.a1b2c3d4e5f6.tmp')
    ]
    for (const file of leftovers) writeFileSync(file, 'half written')
    copyFileSync(backup!.file, join(dir, '.vault.db.restoring'))
    const kept = [
      join(dir, 'vault.db'),
      join(dir, 'vault.key.json'),
      backup!.file,
      backup!.envelopeFile
    ].map((file) => [file, sha256(file)])

    const core = newCore(dir)
    for (const file of leftovers) expect(existsSync(file), file).toBe(false)
    for (const [file, hash] of kept) expect(sha256(file!), file).toBe(hash)
    expect(core.vault.listBackups().map((b) => b.id)).toEqual([backup!.id])
    await core.vault.unlock(PASSPHRASE)
    expect((await core.handlers['profiles.list']({})).map((p) => p.displayName)).toEqual(['Ada'])
  })

  it('a restore cut short after the vault was moved aside is finished, not undone, at the next start', async () => {
    const dir = tempDir()
    const setup = newCore(dir)
    await setup.vault.create(PASSPHRASE)
    await setup.handlers['profiles.create']({ displayName: 'Ada' })
    await setup.vault.backupNow()
    await setup.handlers['profiles.create']({ displayName: 'Ben' })
    await setup.shutdown()
    const [backup] = listBackups(join(dir, 'backups'))

    // As a restore leaves it when killed between moving the key file aside and the renames.
    copyFileSync(backup!.file, join(dir, '.vault.db.restoring'))
    copyFileSync(backup!.envelopeFile, join(dir, '.vault.key.json.restoring'))
    const aside = join(dir, 'replaced-20260105T090000000Z')
    mkdirSync(aside)
    renameSync(join(dir, 'vault.key.json'), join(aside, 'vault.key.json'))
    const damagedHash = sha256(join(dir, 'vault.db'))

    const core = newCore(dir)
    expect(core.vault.state).toBe('locked')
    await core.vault.unlock(PASSPHRASE)
    expect((await core.handlers['profiles.list']({})).map((p) => p.displayName)).toEqual(['Ada'])
    // The file it replaced is kept aside, as a finished restore keeps it.
    const asideDbs = readdirSync(dir)
      .filter((name) => name.startsWith('replaced-'))
      .flatMap((name) => readdirSync(join(dir, name)).map((file) => join(dir, name, file)))
      .filter((file) => file.endsWith('vault.db'))
    expect(asideDbs.map((file) => sha256(file))).toContain(damagedHash)
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([])
    const key = (await unwrapKey(
      readEnvelope(core.vault.envelopeFile)!.wraps.passphrase,
      PASSPHRASE,
      'passphrase'
    ))!
    expect(verifyDatabaseCopy(backup!.file, key).tables).toBeGreaterThan(0)
  })
})

/**
 * A family must be able to open their record when the day's backup cannot be made (a full
 * disk, say): the backup is skipped, the person is told, and nothing personal reaches the log.
 * A backup before an upgrade is different: it protects the data the upgrade rewrites.
 */
describe('a backup that cannot be made', () => {
  /** A file where the backups folder should be: nothing can be written into it. */
  function blockBackups(dir: string): void {
    rmSync(join(dir, 'backups'), { recursive: true, force: true })
    writeFileSync(join(dir, 'backups'), 'not a folder')
  }

  async function lockedVault(dir: string) {
    const clock = manualClock()
    const core = newCore(dir, { now: clock.now })
    await core.vault.create(PASSPHRASE)
    await core.handlers['profiles.create']({ displayName: 'Maya Okafor' })
    await core.vault.lock()
    return { core, clock }
  }

  it('the daily one: the vault still opens, with its record, and the answer says the backup failed', async () => {
    const dir = tempDir()
    const { core, clock } = await lockedVault(dir)
    const key = (await unwrapKey(
      readEnvelope(core.vault.envelopeFile)!.wraps.passphrase,
      PASSPHRASE,
      'passphrase'
    ))!
    blockBackups(dir)
    const logged: string[] = []
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '))
    })
    try {
      expect(await dispatch(core.handlers, 'vault.unlock', { passphrase: PASSPHRASE })).toEqual({
        ok: true,
        value: { state: 'unlocked', backupWarning: 'daily-backup-failed' }
      })
    } finally {
      spy.mockRestore()
    }
    expect((await core.handlers['profiles.list']({})).map((p) => p.displayName)).toEqual([
      'Maya Okafor'
    ])
    expect(await dispatch(core.handlers, 'vault.status', {})).toEqual({
      ok: true,
      value: { state: 'unlocked', backupWarning: 'daily-backup-failed' }
    })
    // Saying what failed, and nothing of the person, the passphrase, the key or the folder.
    expect(logged.join('\n')).toMatch(/backup/i)
    for (const secret of [PASSPHRASE, 'Maya', dir, key.toString('hex'), key.toString('base64')]) {
      expect(logged.join('\n')).not.toContain(secret)
    }

    // Locking forgets the warning; the next day, with room again, the backup is made.
    await core.vault.lock()
    expect(await dispatch(core.handlers, 'vault.status', {})).toEqual({
      ok: true,
      value: { state: 'locked' }
    })
    rmSync(join(dir, 'backups'))
    clock.set(T0 + DAY)
    expect(await dispatch(core.handlers, 'vault.unlock', { passphrase: PASSPHRASE })).toEqual({
      ok: true,
      value: { state: 'unlocked' }
    })
    expect(core.vault.listBackups().map((b) => b.reason)).toEqual(['rolling'])
  })

  it('the one before an upgrade: the upgrade does not run, and the vault is as it was', async () => {
    const dir = tempDir()
    const { core } = await lockedVault(dir)
    const before = sha256(core.vault.dbFile)
    let runs = 0
    const next: Migration = {
      version: latestVersion() + 10,
      name: 'needs-a-backup-first',
      up: (db) => {
        runs++
        db.exec('CREATE TABLE later_table (x TEXT) STRICT')
      }
    }
    blockBackups(dir)
    const upgraded = newCore(dir, { migrations: [...MIGRATIONS, next] })
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const answer = await dispatch(upgraded.handlers, 'vault.unlock', { passphrase: PASSPHRASE })
      expect(answer).toMatchObject({ ok: false })
    } finally {
      spy.mockRestore()
    }
    expect(runs).toBe(0)
    expect(upgraded.vault.state).toBe('locked')
    expect(sha256(core.vault.dbFile)).toBe(before)

    rmSync(join(dir, 'backups'))
    await upgraded.vault.unlock(PASSPHRASE)
    expect(runs).toBe(1)
    expect(upgraded.vault.listBackups().map((b) => b.reason)).toContain('pre-migration')
  })
})
