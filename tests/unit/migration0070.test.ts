/**
 * Migration 70: the day each care plan item first appeared, and checks done on a date nobody
 * knows. A vault from before it keeps every done date; items already in the plan count as
 * kept since the person was added, so what fell due since then stays overdue.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { MIGRATIONS, schemaVersion } from '../../electron/core/vault/migrations/index.ts'
import { PASSPHRASE, cleanupTempDirs, newCore, tempDir } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

describe('migration 70: when care plan items first appeared', () => {
  it('upgrades an older vault, dating the items it had shown from when the person was added', async () => {
    const dir = tempDir()
    const old = newCore(dir, { migrations: MIGRATIONS.filter((m) => m.version < 70) })
    await old.vault.create(PASSPHRASE)
    const ada = await old.handlers['profiles.create']({ displayName: 'Ada' })
    await old.handlers['profiles.create']({ displayName: 'Bo' })
    const db = old.vault.db
    const now = '2026-03-01T10:00:00.000Z'
    db.prepare('UPDATE profiles SET created_at = ? WHERE id = ?').run(
      '2025-02-03T09:00:00.000Z',
      ada.id
    )
    // Ada's plan was looked at (its snapshot holds two items); Bo's never was, so nothing is dated.
    db.prepare(
      'INSERT INTO careplan_snapshots (profile_id, rules_version, items, taken_at) VALUES (?, ?, ?, ?)'
    ).run(
      ada.id,
      'v1',
      JSON.stringify({
        'heart.ecg': { title: 'ECG', fingerprint: 'x' },
        'heart.echocardiogram': { title: 'Echo', fingerprint: 'y' }
      }),
      now
    )
    db.prepare(
      "INSERT INTO careplan_completions (id, profile_id, item_key, done_on, note, created_at) VALUES ('c1', ?, 'heart.ecg', '2025-06-01', 'Normal', ?)"
    ).run(ada.id, now)
    db.prepare(
      `INSERT INTO careplan_own_items (id, profile_id, title, system, every_months, first_due, responsible, created_at, updated_at)
       VALUES ('o1', ?, 'Dentist', 'other', 6, '2025-09-01', 'you', '2025-08-15T08:00:00.000Z', ?)`
    ).run(ada.id, now)
    expect(schemaVersion(db)).toBeLessThan(70)
    await old.shutdown()

    const core = newCore(dir, { migrations: MIGRATIONS.filter((m) => m.version <= 70) })
    await core.vault.unlock(PASSPHRASE)
    const upgraded = core.vault.db
    expect(schemaVersion(upgraded)).toBe(70)
    expect(
      upgraded
        .prepare(
          'SELECT profile_id, item_key, first_seen_on FROM careplan_items_seen ORDER BY item_key'
        )
        .all()
    ).toEqual([
      { profile_id: ada.id, item_key: 'heart.ecg', first_seen_on: '2025-02-03' },
      { profile_id: ada.id, item_key: 'heart.echocardiogram', first_seen_on: '2025-02-03' },
      // An own item from the day it was added.
      { profile_id: ada.id, item_key: 'own.o1', first_seen_on: '2025-08-15' }
    ])
    // Every done date is kept, with a known date.
    expect(
      upgraded.prepare('SELECT id, done_on, note, date_known FROM careplan_completions').all()
    ).toEqual([{ id: 'c1', done_on: '2025-06-01', note: 'Normal', date_known: 1 }])
    expect(() =>
      upgraded
        .prepare(
          "INSERT INTO careplan_completions (id, profile_id, item_key, done_on, created_at, date_known) VALUES ('c2', ?, 'heart.ecg', '2025-06-01', ?, 2)"
        )
        .run(ada.id, now)
    ).toThrow(/CHECK constraint/)
    // One first day per item and person.
    expect(() =>
      upgraded
        .prepare(
          "INSERT INTO careplan_items_seen (profile_id, item_key, first_seen_on) VALUES (?, 'heart.ecg', '2026-01-01')"
        )
        .run(ada.id)
    ).toThrow(/UNIQUE constraint|PRIMARY KEY/)

    // The dentist fell due after it was added and was never done: overdue, as before.
    const plan = await core.handlers['careplan.get']({ profileId: ada.id, asOf: '2026-03-01' })
    expect(plan.items.find((i) => i.key === 'own.o1')).toMatchObject({
      nextDue: '2025-09-01',
      dueState: 'overdue',
      firstSeenOn: '2025-08-15'
    })

    upgraded.prepare('DELETE FROM profiles WHERE id = ?').run(ada.id)
    expect(upgraded.prepare('SELECT count(*) AS n FROM careplan_items_seen').get()).toEqual({
      n: 0
    })
  })
})
