/**
 * Migration 90: what a doctor in an emergency must know first. A vault from before it gains the
 * person's allergies, central line, shunt, spleen, the care team's 24-hour number and fever
 * threshold, and the blood groups before and after each transplant: every one of them
 * unanswered, never "none", and the database itself refuses a value outside its list.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { MIGRATIONS, schemaVersion } from '../../electron/core/vault/migrations/index.ts'
import { personSchema, transplantSchema, type Entry } from '../../electron/shared/record.ts'
import { PASSPHRASE, cleanupTempDirs, newCore, tempDir } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

const NOW = '2026-03-01T10:00:00.000Z'

describe('migration 90: important to know in an emergency', () => {
  it('upgrades an older vault with every new answer unanswered, keeping what was there', async () => {
    const dir = tempDir()
    const old = newCore(dir, { migrations: MIGRATIONS.filter((m) => m.version < 90) })
    await old.vault.create(PASSPHRASE)
    const { id: profileId } = await old.handlers['profiles.create']({ displayName: 'Ada' })
    const db = old.vault.db
    expect(schemaVersion(db)).toBe(80)
    db.prepare('UPDATE profiles SET date_of_birth = ?, phone = ? WHERE id = ?').run(
      '2015-04-02',
      '+44 20 7946 0000',
      profileId
    )
    db.prepare(
      `INSERT INTO transplants (id, profile_id, type, transplanted_on, gvhd, source, no_chronic_gvhd, created_at, updated_at)
       VALUES ('t1', ?, 'allogeneic', '2020-05-01', '[]', 'typed', 1, ?, ?)`
    ).run(profileId, NOW, NOW)
    await old.shutdown()

    const core = newCore(dir, { migrations: MIGRATIONS.filter((m) => m.version <= 90) })
    await core.vault.unlock(PASSPHRASE)
    const upgraded = core.vault.db
    expect(schemaVersion(upgraded)).toBe(90)

    const [person] = await core.handlers['profiles.list']({})
    expect(person).toMatchObject({
      dateOfBirth: '2015-04-02',
      phone: '+44 20 7946 0000',
      allergies: [],
      noKnownAllergies: false,
      centralLine: null,
      centralLineNotes: null,
      centralLinePlacedOn: null,
      shunt: null,
      shuntNotes: null,
      spleen: null,
      teamPhone24h: null,
      feverThreshold: null
    })
    const [t1] = (await core.handlers['record.list']({
      profileId,
      kind: 'transplant'
    })) as Entry<'transplant'>[]
    expect(t1).toMatchObject({ noChronicGvhd: true, bloodGroupBefore: null, bloodGroupAfter: null })
    // What the migration wrote is what the contract accepts, so it can be edited.
    const input: Record<string, unknown> = { ...t1 }
    for (const saved of ['id', 'createdAt', 'updatedAt']) delete input[saved]
    expect(transplantSchema.safeParse(input).error).toBeUndefined()
    const details: Record<string, unknown> = { ...person }
    for (const kept of ['id', 'displayName', 'isSample', 'createdAt', 'updatedAt']) {
      delete details[kept]
    }
    expect(personSchema.safeParse({ ...details, profileId }).error).toBeUndefined()

    // The database refuses what the lists do not hold, whatever code writes to it.
    const refused = [
      "UPDATE profiles SET central_line = 'maybe'",
      "UPDATE profiles SET shunt = 'yes'",
      "UPDATE profiles SET spleen = 'absent'",
      'UPDATE profiles SET no_known_allergies = 2',
      "UPDATE profiles SET allergies = 'Latex'",
      "UPDATE profiles SET fever_threshold_unit = 'K'",
      // A number without its unit, or a unit without its number.
      'UPDATE profiles SET fever_threshold = 38',
      "UPDATE profiles SET fever_threshold_unit = 'C'",
      "UPDATE transplants SET blood_group_before = 'C+'",
      "UPDATE transplants SET blood_group_after = 'o+'"
    ]
    for (const sql of refused) {
      expect(() => upgraded.prepare(sql).run(), sql).toThrow(/CHECK constraint/)
    }
  })
})
