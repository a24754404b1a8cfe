import { dispatch } from '../../electron/core/dispatch.ts'
import { afterEach, describe, expect, it } from 'vitest'
import { CoreError } from '../../electron/core/errors.ts'
import { listBackups } from '../../electron/core/vault/backups.ts'
import type { Db } from '../../electron/core/vault/database.ts'
import {
  MIGRATIONS,
  type Migration,
  latestVersion,
  pendingMigrations,
  runMigrations,
  schemaVersion
} from '../../electron/core/vault/migrations/index.ts'
import { PASSPHRASE, cleanupTempDirs, newCore, tempDir } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

/** A core on an old schema must skip the record's housekeeping, which needs today's tables. */
const OLD_SCHEMA = { afterOpen: () => undefined, beforeClose: () => undefined }

function tableNames(db: Db): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string
    }[]
  ).map((row) => row.name)
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'NO_ERROR'
  } catch (error) {
    return error instanceof CoreError ? error.code : `thrown: ${(error as Error).message}`
  }
}

describe('migration runner', () => {
  it('versions strictly increase', () => {
    for (let i = 1; i < MIGRATIONS.length; i++) {
      expect(MIGRATIONS[i]!.version).toBeGreaterThan(MIGRATIONS[i - 1]!.version)
    }
  })

  it('a failing step leaves the schema and user_version exactly as they were', async () => {
    const dir = tempDir()
    const core = newCore(dir)
    await core.vault.create(PASSPHRASE)
    await core.handlers['profiles.create']({ displayName: 'Before the upgrade' })
    await core.vault.lock()

    const failing: Migration = {
      version: latestVersion() + 10,
      name: 'fails-half-way',
      up: (db) => {
        db.exec('CREATE TABLE half_done (x TEXT) STRICT')
        db.exec(
          "INSERT INTO profiles (id, display_name, created_at, updated_at) VALUES ('x', 'y', 'z', 'z')"
        )
        throw new Error('step failed half way')
      }
    }
    const upgraded = newCore(dir, { migrations: [...MIGRATIONS, failing] })
    expect(await errorCode(upgraded.vault.unlock(PASSPHRASE))).toBe('thrown: step failed half way')
    expect(upgraded.vault.state).toBe('locked')

    const again = newCore(dir)
    await again.vault.unlock(PASSPHRASE)
    expect(schemaVersion(again.vault.db)).toBe(latestVersion())
    expect(tableNames(again.vault.db)).not.toContain('half_done')
    expect((await again.handlers['profiles.list']({})).map((p) => p.displayName)).toEqual([
      'Before the upgrade'
    ])
    // A backup was taken before the attempt, so even a worse failure could be undone.
    expect(listBackups(again.vault.backupsDir).some((b) => b.reason === 'pre-migration')).toBe(true)
  })

  it('a successful later step runs once, after a verified backup', async () => {
    const dir = tempDir()
    const core = newCore(dir)
    await core.vault.create(PASSPHRASE)
    await core.vault.lock()
    let runs = 0
    const next: Migration = {
      version: latestVersion() + 10,
      name: 'adds-a-table',
      up: (db) => {
        runs++
        db.exec('CREATE TABLE later_table (x TEXT) STRICT')
      }
    }
    const upgraded = newCore(dir, { migrations: [...MIGRATIONS, next] })
    await upgraded.vault.unlock(PASSPHRASE)
    expect(schemaVersion(upgraded.vault.db)).toBe(next.version)
    await upgraded.vault.lock()
    await upgraded.vault.unlock(PASSPHRASE)
    expect(runs).toBe(1)
    expect(tableNames(upgraded.vault.db)).toContain('later_table')
  })

  it('refuses a vault written by a newer Lantern, and leaves it alone', async () => {
    const dir = tempDir()
    const core = newCore(dir)
    await core.vault.create(PASSPHRASE)
    core.vault.db.pragma(`user_version = ${latestVersion() + 100}`)
    await core.vault.lock()

    const older = newCore(dir)
    expect(await errorCode(older.vault.unlock(PASSPHRASE))).toBe('VAULT_FROM_NEWER_VERSION')
    expect(older.vault.state).toBe('locked')
  })

  it('pendingMigrations refuses a list whose versions do not increase', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    const broken = [...MIGRATIONS, { ...MIGRATIONS[0]! }]
    expect(() => pendingMigrations(core.vault.db, broken)).toThrow(/not increasing/)
  })
})

describe('migration 10: profiles and settings', () => {
  it('creates STRICT profiles and settings tables from an empty database', async () => {
    const core = newCore(tempDir(), { migrations: [], ...OLD_SCHEMA })
    await core.vault.create(PASSPHRASE)
    const db = core.vault.db
    expect(schemaVersion(db)).toBe(0)
    runMigrations(
      db,
      pendingMigrations(
        db,
        MIGRATIONS.filter((m) => m.version <= 10)
      )
    )
    expect(schemaVersion(db)).toBe(10)
    expect(tableNames(db)).toEqual(['profiles', 'settings'])
    // STRICT: a wrong type is an error, not silently stored.
    expect(() =>
      db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('k', Buffer.from('x'))
    ).toThrow(/cannot store BLOB/)
  })
})

describe('migration 20: the treatment record', () => {
  it('upgrades a version-10 vault with people in it, keeping them, and cascades deletes', async () => {
    const dir = tempDir()
    const old = newCore(dir, {
      migrations: MIGRATIONS.filter((m) => m.version <= 10),
      ...OLD_SCHEMA
    })
    await old.vault.create(PASSPHRASE)
    // As the version-10 app wrote it (today's query modules expect the newer schema).
    const ada = { id: crypto.randomUUID() }
    old.vault.db
      .prepare(
        "INSERT INTO profiles (id, display_name, created_at, updated_at) VALUES (?, 'Ada', '2026-01-01', '2026-01-01')"
      )
      .run(ada.id)
    expect(schemaVersion(old.vault.db)).toBe(10)
    await old.shutdown()

    const core = newCore(dir, { migrations: MIGRATIONS.filter((m) => m.version <= 20) })
    await core.vault.unlock(PASSPHRASE)
    const db = core.vault.db
    expect(schemaVersion(db)).toBe(20)
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(tableNames(db)).toEqual([
      'care_team',
      'complications',
      'diagnoses',
      'drafts',
      'drug_administrations',
      'measurements',
      'procedures',
      'profiles',
      'radiation_courses',
      'relapses',
      'settings',
      'supportive_care',
      'transplants',
      'treatment_phases'
    ])
    const row = db
      .prepare('SELECT display_name, date_of_birth, is_sample FROM profiles WHERE id = ?')
      .get(ada.id)
    expect(row).toEqual({ display_name: 'Ada', date_of_birth: null, is_sample: 0 })

    const now = new Date().toISOString()
    db.prepare(
      'INSERT INTO diagnoses (id, profile_id, condition, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'
    ).run('d1', ada.id, 'b-cell-all', now, now)
    db.prepare(
      'INSERT INTO relapses (id, profile_id, diagnosis_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'
    ).run('r1', ada.id, 'd1', now, now)
    // The record's own rules hold in the database too, whatever the layer above does.
    expect(() =>
      db
        .prepare(
          'INSERT INTO measurements (id, profile_id, measured_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'
        )
        .run('m1', ada.id, '2024-01-01', now, now)
    ).toThrow(/CHECK constraint/)
    expect(() =>
      db
        .prepare(
          "INSERT INTO complications (id, profile_id, name, grade, created_at, updated_at) VALUES ('c1', ?, 'x', 7, ?, ?)"
        )
        .run(ada.id, now, now)
    ).toThrow(/CHECK constraint/)

    db.prepare('DELETE FROM profiles WHERE id = ?').run(ada.id)
    expect(db.prepare('SELECT count(*) AS n FROM relapses').get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT count(*) AS n FROM diagnoses').get()).toEqual({ n: 0 })
  })
})

describe('migration 30: the care plan', () => {
  it('upgrades a version-20 vault with a record, keeping it, and ties plan data to the person', async () => {
    const dir = tempDir()
    const old = newCore(dir, { migrations: MIGRATIONS.filter((m) => m.version <= 20) })
    await old.vault.create(PASSPHRASE)
    const person = await old.handlers['profiles.create']({ displayName: 'Ada' })
    await dispatch(old.handlers, 'record.save', {
      kind: 'diagnosis',
      entry: { profileId: person.id, condition: 'b-cell-all', diagnosedOn: '2020-01-01' }
    })
    expect(schemaVersion(old.vault.db)).toBe(20)
    await old.shutdown()

    const core = newCore(dir, { migrations: MIGRATIONS.filter((m) => m.version <= 30) })
    await core.vault.unlock(PASSPHRASE)
    const db = core.vault.db
    expect(schemaVersion(db)).toBe(30)
    expect(tableNames(db).filter((t) => t.startsWith('careplan_'))).toEqual([
      'careplan_completions',
      'careplan_item_states',
      'careplan_own_items',
      'careplan_reviews',
      'careplan_snapshots'
    ])
    expect(
      await core.handlers['record.list']({ profileId: person.id, kind: 'diagnosis' })
    ).toHaveLength(1)

    const now = new Date().toISOString()
    db.prepare(
      "INSERT INTO careplan_completions (id, profile_id, item_key, done_on, created_at) VALUES ('c1', ?, 'heart.ecg', '2026-01-01', ?)"
    ).run(person.id, now)
    // A dismissal needs both its reason and its date.
    expect(() =>
      db
        .prepare(
          "INSERT INTO careplan_item_states (profile_id, item_key, dismissed_reason, updated_at) VALUES (?, 'heart.ecg', 'x', ?)"
        )
        .run(person.id, now)
    ).toThrow(/CHECK constraint/)
    expect(() =>
      db
        .prepare(
          "INSERT INTO careplan_snapshots (profile_id, rules_version, items, taken_at) VALUES (?, 'v', 'not json', ?)"
        )
        .run(person.id, now)
    ).toThrow(/CHECK constraint/)

    db.prepare('DELETE FROM profiles WHERE id = ?').run(person.id)
    expect(db.prepare('SELECT count(*) AS n FROM careplan_completions').get()).toEqual({ n: 0 })
  })
})

describe('migration 40: reading', () => {
  it('upgrades a version-30 vault, adding bookmarks, positions and questions tied to the person', async () => {
    const dir = tempDir()
    const old = newCore(dir, { migrations: MIGRATIONS.filter((m) => m.version <= 30) })
    await old.vault.create(PASSPHRASE)
    const person = await old.handlers['profiles.create']({ displayName: 'Ada' })
    await old.shutdown()

    const core = newCore(dir, { migrations: MIGRATIONS.filter((m) => m.version <= 40) })
    await core.vault.unlock(PASSPHRASE)
    const db = core.vault.db
    expect(schemaVersion(db)).toBe(40)
    expect(tableNames(db)).toEqual(
      expect.arrayContaining(['bookmarks', 'questions', 'reading_positions'])
    )
    const now = new Date().toISOString()
    db.prepare(
      "INSERT INTO bookmarks (id, guide_id, section_id, label, created_at) VALUES ('b1', 'g', 's', 'x', ?)"
    ).run(now)
    // One bookmark per section.
    expect(() =>
      db
        .prepare(
          "INSERT INTO bookmarks (id, guide_id, section_id, label, created_at) VALUES ('b2', 'g', 's', 'y', ?)"
        )
        .run(now)
    ).toThrow(/UNIQUE constraint/)
    db.prepare(
      "INSERT INTO questions (id, profile_id, text, created_at) VALUES ('q1', ?, 'Why?', ?)"
    ).run(person.id, now)
    db.prepare('DELETE FROM profiles WHERE id = ?').run(person.id)
    expect(db.prepare('SELECT count(*) AS n FROM questions').get()).toEqual({ n: 0 })
  })
})

describe('migration 50: documents', () => {
  it('upgrades a version-40 vault with an empty documents table that refuses unknown kinds', async () => {
    const dir = tempDir()
    const old = newCore(dir, { migrations: MIGRATIONS.filter((m) => m.version <= 40) })
    await old.vault.create(PASSPHRASE)
    await old.handlers['library.setPosition']({ guideId: 'adult-all', sectionId: 'what-all-is' })
    await old.shutdown()

    const core = newCore(dir, { migrations: MIGRATIONS.filter((m) => m.version <= 50) })
    await core.vault.unlock(PASSPHRASE)
    const db = core.vault.db
    expect(schemaVersion(db)).toBe(50)
    expect(await core.handlers['library.getPosition']({ guideId: 'adult-all' })).toMatchObject({
      sectionId: 'what-all-is'
    })
    expect(await core.handlers['documents.list']({})).toEqual([])
    expect(() =>
      db
        .prepare(
          "INSERT INTO documents (id, title, file_name, kind, html, text, imported_at) VALUES ('d', 't', 'f', 'docx', '', '', '2026-01-01')"
        )
        .run()
    ).toThrow(/CHECK constraint/)
  })
})
