/**
 * Migration 80: GVHD organs become codes the care plan can read, and a transplant can say "no
 * chronic GVHD". Organs a family typed in an older version are matched to the list where the
 * word is unmistakable; anything else is kept word for word as "other organs", so nothing
 * typed is lost. Half-typed transplant forms kept as drafts are rewritten the same way, so
 * they still open.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { toCodes } from '../../electron/core/vault/migrations/0080-gvhd-organ-codes.ts'
import { MIGRATIONS, schemaVersion } from '../../electron/core/vault/migrations/index.ts'
import { transplantSchema, type Entry } from '../../electron/shared/record.ts'
import { PASSPHRASE, cleanupTempDirs, newCore, tempDir } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

const NOW = '2026-03-01T10:00:00.000Z'

describe('migration 80: GVHD organs as codes, and "no chronic GVHD"', () => {
  it('turns the organs families typed into codes, keeps every other word, and adds the answer unanswered', async () => {
    const dir = tempDir()
    const old = newCore(dir, { migrations: MIGRATIONS.filter((m) => m.version < 80) })
    await old.vault.create(PASSPHRASE)
    const { id: profileId } = await old.handlers['profiles.create']({ displayName: 'Ada' })
    const db = old.vault.db
    expect(schemaVersion(db)).toBe(70)
    const insert = db.prepare(
      `INSERT INTO transplants (id, profile_id, type, transplanted_on, gvhd, source, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'typed', ?, ?)`
    )
    insert.run(
      't1',
      profileId,
      'allogeneic',
      '2020-05-01',
      JSON.stringify([
        {
          kind: 'acute',
          organs: ['Skin', 'GI', 'Hepatic', 'lung'],
          grade: 'III',
          startedOn: '2020-05-20',
          status: 'resolved'
        },
        {
          kind: 'chronic',
          organs: ['Eyes', 'kidneys', 'joints', 'Fascia', 'vaginal', 'oral', 'Pulmonary'],
          grade: 'moderate',
          startedOn: null,
          status: 'active'
        },
        // Two things the list does not name, kept in the family's words and order.
        { kind: 'chronic', organs: ['nails', 'Muscles (cramps)'], status: 'active' },
        { kind: 'acute', organs: [], status: 'active' }
      ]),
      NOW,
      NOW
    )
    insert.run('t2', profileId, 'autologous', '2019-01-01', '[]', NOW, NOW)

    // A transplant form left half-typed: organs were one line of text then.
    const draft = {
      type: 'allogeneic',
      donor: 'Matched sibling',
      gvhd: [
        {
          kind: 'chronic',
          organs: 'lungs, mouth,\nnails ',
          grade: '',
          startedOn: '',
          status: 'active'
        },
        { kind: 'acute', organs: '', grade: '', startedOn: '', status: 'active' }
      ],
      p: { source: 'typed', checkedBy: '', checkedOn: '', notes: '' }
    }
    const keep = db.prepare(
      'INSERT INTO drafts (id, profile_id, kind, entry_id, data, updated_at) VALUES (?, ?, ?, ?, ?, ?)'
    )
    keep.run('d1', profileId, 'transplant', 't1', JSON.stringify(draft), NOW)
    // Other forms' drafts are not touched, even if they happen to have a field called organs.
    const other = { drugId: 'vincristine', organs: 'lung', dose: '1,5' }
    keep.run('d2', profileId, 'administration', null, JSON.stringify(other), NOW)
    await old.shutdown()

    const core = newCore(dir, { migrations: MIGRATIONS.filter((m) => m.version <= 80) })
    await core.vault.unlock(PASSPHRASE)
    const upgraded = core.vault.db
    expect(schemaVersion(upgraded)).toBe(80)

    const listed = await core.handlers['record.list']({ profileId, kind: 'transplant' })
    const t1 = listed.find((t) => t.id === 't1') as Entry<'transplant'> | undefined
    const t2 = listed.find((t) => t.id === 't2') as Entry<'transplant'> | undefined
    expect(t1!.gvhd).toEqual([
      {
        kind: 'acute',
        organs: ['skin', 'liver', 'gut', 'lungs'],
        organsOther: null,
        grade: 'III',
        startedOn: '2020-05-20',
        status: 'resolved'
      },
      {
        kind: 'chronic',
        organs: ['mouth', 'eyes', 'lungs', 'joints-and-fascia', 'genital', 'other'],
        organsOther: 'kidneys',
        grade: 'moderate',
        startedOn: null,
        status: 'active'
      },
      {
        kind: 'chronic',
        organs: ['other'],
        organsOther: 'nails, Muscles (cramps)',
        status: 'active'
      },
      { kind: 'acute', organs: [], organsOther: null, status: 'active' }
    ])
    // Not answered: a "no" is only ever the family's own.
    expect([t1!.noChronicGvhd, t2!.noChronicGvhd]).toEqual([false, false])
    // What the migration wrote is what the record accepts, so the entries can be edited.
    for (const t of [t1!, t2!]) {
      const input: Record<string, unknown> = { ...t }
      for (const saved of ['id', 'createdAt', 'updatedAt']) delete input[saved]
      expect(transplantSchema.safeParse(input).error, t.id).toBeUndefined()
    }

    expect(() =>
      upgraded.prepare("UPDATE transplants SET no_chronic_gvhd = 2 WHERE id = 't1'").run()
    ).toThrow(/CHECK constraint/)

    const drafts = await core.handlers['drafts.list']({ profileId })
    expect(drafts.find((d) => d.id === 'd1')!.data).toEqual({
      ...draft,
      gvhd: [
        {
          kind: 'chronic',
          organs: ['mouth', 'lungs', 'other'],
          organsOther: 'nails',
          grade: '',
          startedOn: '',
          status: 'active'
        },
        {
          kind: 'acute',
          organs: [],
          organsOther: '',
          grade: '',
          startedOn: '',
          status: 'active'
        }
      ]
    })
    expect(drafts.find((d) => d.id === 'd2')!.data).toEqual(other)
    // tests/unit/transplantForm.test.ts: the form reopens a draft of this shape and saves it.
  })
})

describe('migration 80: from typed organs to codes', () => {
  const WORDS = ['Lung', 'lungs', ' GI ', 'bowel', 'eye', 'Oral', 'fascia', 'vaginal', 'skin.']
  const typed = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 })), {
    maxLength: 10
  })

  it('never loses a word: each item is a code or is kept, as typed, in the other organs', () => {
    fc.assert(
      fc.property(typed, (items) => {
        const { organs, other } = toCodes(items)
        for (const item of items.map((i) => i.trim()).filter(Boolean)) {
          const alone = toCodes([item])
          if (alone.organs.includes('other')) expect(other).toContain(item)
          else expect(organs).toEqual(expect.arrayContaining(alone.organs))
        }
        expect(organs.includes('other')).toBe(other !== '')
        expect(new Set(organs).size).toBe(organs.length)
      }),
      { numRuns: 1000 }
    )
  })
})
