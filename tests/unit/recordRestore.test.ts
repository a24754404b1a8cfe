/**
 * A person's whole record in one call (`record.listAll`), and Undo of a deletion
 * (`record.restore`), through dispatch() against a real encrypted vault. The record is the
 * fictional sample, which has every kind of entry and every kind of link: a relapse of its
 * diagnosis, medicines given in its phases and with its transplant, radiation before it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import type { Result } from '../../electron/shared/contract.ts'
import {
  ENTRY_KINDS,
  type Entry,
  type EntryKind,
  type RecordEntries
} from '../../electron/shared/record.ts'
import { PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

let core: Core
let profileId: string

beforeEach(async () => {
  core = newCore()
  await core.vault.create(PASSPHRASE)
  profileId = (await core.handlers['profiles.loadSample']({})).id
})
afterEach(cleanupTempDirs)

async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = (await dispatch(core.handlers, method, input)) as Result<T>
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value
}

async function fails(method: string, input: unknown) {
  const result = await dispatch(core.handlers, method, input)
  if (result.ok) throw new Error(`${method} succeeded: ${JSON.stringify(input).slice(0, 200)}`)
  return result.error
}

const listAll = (owner = profileId) => ok<RecordEntries>('record.listAll', { profileId: owner })
const remove = (kind: EntryKind, id: string) => ok('record.delete', { kind, id })

/** How many rows every table of the vault holds: what "nothing changed" means here. */
function rowCounts(): Record<string, number> {
  const db = core.vault.db
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[]
  return Object.fromEntries(
    tables.map((t) => [t, Number(db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get())])
  )
}

/** An entry as the record store sends it back for Undo: its fields, id and timestamps. */
function restorable<K extends EntryKind>(kind: K, entry: Entry<K>) {
  const { createdAt, updatedAt, ...fields } = entry
  return { kind, entry: fields, createdAt, updatedAt }
}

function only<T>(items: T[], what: string): T {
  expect(items, what).toHaveLength(1)
  return items[0]!
}

describe('record.listAll', () => {
  it('answers every kind of entry, each list as record.list answers it', async () => {
    const all = await listAll()
    expect(Object.keys(all).sort()).toEqual([...ENTRY_KINDS].sort())
    for (const kind of ENTRY_KINDS) {
      expect(all[kind], kind).toEqual(await ok('record.list', { profileId, kind }))
      expect(all[kind].length, `the sample has a ${kind}`).toBeGreaterThan(0)
    }
  })

  it('holds only that person’s entries, and empty lists for what they have none of', async () => {
    const leo = (await core.handlers['profiles.create']({ displayName: 'Leo' })).id
    const saved = await ok<Entry<'measurement'>>('record.save', {
      kind: 'measurement',
      entry: { profileId: leo, measuredOn: '2024-03-01', weightKg: 19 }
    })
    const all = await listAll(leo)
    for (const kind of ENTRY_KINDS) {
      expect(all[kind], kind).toEqual(kind === 'measurement' ? [saved] : [])
    }
  })

  it('is NOT_FOUND for a person who is not in the vault', async () => {
    expect((await fails('record.listAll', { profileId: crypto.randomUUID() })).code).toBe(
      'NOT_FOUND'
    )
  })
})

describe('record.restore', () => {
  it('brings a deleted diagnosis back as it was, with the relapses deleted with it', async () => {
    const before = await listAll()
    const diagnosis = only(before.diagnosis, 'diagnoses')
    const relapses = before.relapse.filter((r) => r.diagnosisId === diagnosis.id)
    expect(relapses.length).toBeGreaterThan(0)

    await remove('diagnosis', diagnosis.id)
    expect((await listAll()).relapse).toEqual([])

    const answer = await ok<RecordEntries>('record.restore', {
      profileId,
      entries: [
        restorable('diagnosis', diagnosis),
        ...relapses.map((r) => restorable('relapse', r))
      ],
      links: []
    })
    expect(answer).toEqual(before)
    expect(await listAll()).toEqual(before)
  })

  it('brings a dose back as it was saved, without asking about it again', async () => {
    // High-dose methotrexate typed in first, the later, far smaller doses of the same drug and
    // route after: each was usual when saved. Against the smaller ones, the high dose is now
    // more than 3 times the median, which a save would ask about; Undo must not.
    const mia = (await core.handlers['profiles.create']({ displayName: 'Mia' })).id
    const given = (dose: number, date: string, confirmedUnusual = false) =>
      ok<Entry<'administration'>>('record.save', {
        kind: 'administration',
        entry: {
          profileId: mia,
          drugId: 'methotrexate',
          route: 'iv',
          dose,
          unit: 'mg/m2',
          schedule: { kind: 'once', date },
          confirmedUnusual
        }
      })
    const high: Entry<'administration'>[] = []
    for (const month of ['01', '02', '03', '04']) high.push(await given(5000, `2024-${month}-10`))
    for (const month of ['05', '06', '07', '08', '09']) await given(100, `2024-${month}-10`)
    const before = await listAll(mia)
    expect(before.administration.every((a) => !a.confirmedUnusual)).toBe(true)

    await remove('administration', high[0]!.id)
    const answer = await ok<RecordEntries>('record.restore', {
      profileId: mia,
      entries: [restorable('administration', high[0]!)],
      links: []
    })
    expect(answer).toEqual(before)

    // A dose that was confirmed as unusual comes back with its mark.
    const confirmed = await given(12_000, '2024-10-10', true)
    expect(confirmed.confirmedUnusual).toBe(true)
    await remove('administration', confirmed.id)
    const again = await ok<RecordEntries>('record.restore', {
      profileId: mia,
      entries: [restorable('administration', confirmed)],
      links: []
    })
    expect(again.administration).toContainEqual(confirmed)
  })

  it('links medicines back to a restored phase, and medicines and radiation to a restored transplant', async () => {
    const before = await listAll()
    const transplant = only(before.transplant, 'transplants')
    const phase = before.phase.find((p) => before.administration.some((a) => a.phaseId === p.id))!
    const inPhase = before.administration.filter((a) => a.phaseId === phase.id)
    const withTransplant = before.administration.filter((a) => a.transplantId === transplant.id)
    const radiation = before.radiation.filter((r) => r.transplantId === transplant.id)
    expect(inPhase.length).toBeGreaterThan(1)
    expect(withTransplant.length + radiation.length).toBeGreaterThan(0)

    await remove('phase', phase.id)
    await remove('transplant', transplant.id)
    const cut = await listAll()
    expect(cut.administration.filter((a) => a.phaseId === phase.id)).toEqual([])
    expect(cut.radiation.filter((r) => r.transplantId === transplant.id)).toEqual([])

    await ok('record.restore', {
      profileId,
      entries: [restorable('phase', phase)],
      links: inPhase.map((a) => ({
        kind: 'administration',
        id: a.id,
        field: 'phaseId',
        to: phase.id
      }))
    })
    const answer = await ok<RecordEntries>('record.restore', {
      profileId,
      entries: [restorable('transplant', transplant)],
      links: [
        ...withTransplant.map((a) => ({
          kind: 'administration',
          id: a.id,
          field: 'transplantId',
          to: transplant.id
        })),
        ...radiation.map((r) => ({
          kind: 'radiation',
          id: r.id,
          field: 'transplantId',
          to: transplant.id
        }))
      ]
    })
    expect(answer).toEqual(before)
    expect(await listAll()).toEqual(before)
  })

  it('leaves a medicine linked to another phase since, and one deleted since, as they are', async () => {
    const before = await listAll()
    const [phase, other] = before.phase.filter((p) =>
      before.administration.some((a) => a.phaseId === p.id)
    )
    const [moved, gone] = before.administration.filter((a) => a.phaseId === phase!.id)
    await remove('phase', phase!.id)
    await ok('record.save', {
      kind: 'administration',
      entry: { ...restorable('administration', moved!).entry, phaseId: other!.id }
    })
    await remove('administration', gone!.id)

    await ok('record.restore', {
      profileId,
      entries: [restorable('phase', phase!)],
      links: [moved!, gone!].map((a) => ({
        kind: 'administration',
        id: a.id,
        field: 'phaseId',
        to: phase!.id
      }))
    })
    const after = await listAll()
    expect(after.phase).toEqual(before.phase)
    expect(after.administration.find((a) => a.id === moved!.id)?.phaseId).toBe(other!.id)
    expect(after.administration.some((a) => a.id === gone!.id)).toBe(false)
  })

  describe('all or nothing: a restore that fails part-way changes nothing', () => {
    async function diagnosisDeleted() {
      const before = await listAll()
      const diagnosis = only(before.diagnosis, 'diagnoses')
      const relapse = only(
        before.relapse.filter((r) => r.diagnosisId === diagnosis.id),
        'relapses'
      )
      await remove('diagnosis', diagnosis.id)
      return { diagnosis, relapse }
    }

    async function expectUnchanged(input: unknown, path: string) {
      const counts = rowCounts()
      const record = await listAll()
      const error = await fails('record.restore', input)
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.fields?.map((f) => f.path)).toEqual([path])
      expect(rowCounts()).toEqual(counts)
      expect(await listAll()).toEqual(record)
    }

    it('a relapse of a diagnosis that is not in the record, after two entries that were fine', async () => {
      const { diagnosis, relapse } = await diagnosisDeleted()
      const stray = {
        ...restorable('relapse', relapse),
        entry: { ...restorable('relapse', relapse).entry, id: crypto.randomUUID() }
      }
      stray.entry.diagnosisId = crypto.randomUUID()
      await expectUnchanged(
        {
          profileId,
          entries: [restorable('diagnosis', diagnosis), restorable('relapse', relapse), stray],
          links: []
        },
        'entries.2.entry.diagnosisId'
      )
    })

    it('a link to an entry that is not in the record, after the entries were put back', async () => {
      const before = await listAll()
      const phase = before.phase.find((p) => before.administration.some((a) => a.phaseId === p.id))!
      const given = before.administration.filter((a) => a.phaseId === phase.id)
      await remove('phase', phase.id)
      await expectUnchanged(
        {
          profileId,
          entries: [restorable('phase', phase)],
          links: [
            { kind: 'administration', id: given[0]!.id, field: 'phaseId', to: phase.id },
            { kind: 'administration', id: given[1]!.id, field: 'phaseId', to: crypto.randomUUID() }
          ]
        },
        'links.1.to'
      )
    })

    it('an entry that is still in the record, after the one deleted', async () => {
      const { diagnosis, relapse } = await diagnosisDeleted()
      const kept = only((await listAll()).careTeamMember.slice(0, 1), 'care team members')
      await expectUnchanged(
        {
          profileId,
          entries: [
            restorable('diagnosis', diagnosis),
            restorable('relapse', relapse),
            restorable('careTeamMember', kept)
          ],
          links: []
        },
        'entries.2.entry.id'
      )
    })

    it('an entry its kind’s schema refuses, beside one it accepts', async () => {
      const { diagnosis, relapse } = await diagnosisDeleted()
      const future = restorable('relapse', relapse)
      future.entry.relapsedOn = '2099-01-01'
      await expectUnchanged(
        { profileId, entries: [restorable('diagnosis', diagnosis), future], links: [] },
        'entries.1.entry.relapsedOn'
      )
    })

    it('an entry without the id it had, or from another person’s record', async () => {
      const { diagnosis } = await diagnosisDeleted()
      const withoutId: Record<string, unknown> = { ...restorable('diagnosis', diagnosis).entry }
      delete withoutId.id
      await expectUnchanged(
        {
          profileId,
          entries: [{ ...restorable('diagnosis', diagnosis), entry: withoutId }],
          links: []
        },
        'entries.0.entry.id'
      )
      const leo = (await core.handlers['profiles.create']({ displayName: 'Leo' })).id
      await expectUnchanged(
        { profileId: leo, entries: [restorable('diagnosis', diagnosis)], links: [] },
        'entries.0.entry.profileId'
      )
    })
  })
})
