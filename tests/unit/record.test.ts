/**
 * The treatment record through dispatch(), as the interface calls it: every kind of entry
 * saves, reads back, updates and deletes; rules that need the database or the drug catalog
 * reject bad input with the field named and nothing saved.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import type { Result } from '../../electron/shared/contract.ts'
import { ENTRY_KINDS, type EntryKind } from '../../electron/shared/record.ts'
import { PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

let core: Core
let profileId: string

beforeEach(async () => {
  core = newCore()
  await core.vault.create(PASSPHRASE)
  profileId = (await core.handlers['profiles.create']({ displayName: 'Mia' })).id
})
afterEach(cleanupTempDirs)

async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = (await dispatch(core.handlers, method, input)) as Result<T>
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value
}

async function fails(method: string, input: unknown) {
  const result = await dispatch(core.handlers, method, input)
  expect(result.ok, JSON.stringify(input)).toBe(false)
  return (result as { ok: false; error: { code: string; fields?: { path: string }[] } }).error
}

async function count(kind: EntryKind, owner = profileId): Promise<number> {
  return (await ok<unknown[]>('record.list', { profileId: owner, kind })).length
}

/** One valid entry of every kind, for a profile; links are filled in by the test. */
function sampleEntries(owner: string): Record<EntryKind, Record<string, unknown>> {
  return {
    measurement: { profileId: owner, measuredOn: '2024-03-01', heightCm: 110, weightKg: 19 },
    diagnosis: {
      profileId: owner,
      condition: 'b-cell-all',
      diagnosedOn: '2024-03-01',
      riskGroup: 'standard risk',
      findings: [{ kind: 'cytogenetic', finding: 'ETV6::RUNX1' }],
      cnsStatus: 'CNS1',
      source: 'clinic-letter'
    },
    relapse: {
      profileId: owner,
      diagnosisId: 'set-below',
      relapsedOn: '2026-01-10',
      sites: ['cns']
    },
    careTeamMember: {
      profileId: owner,
      name: 'Dr Rivera',
      role: 'Paediatric oncologist',
      email: 'rivera@example.org',
      coordinatesFollowUp: true
    },
    phase: { profileId: owner, kind: 'induction', startedOn: '2024-03-04', endedOn: '2024-03-31' },
    administration: {
      profileId: owner,
      drugId: 'daunorubicin',
      route: 'iv',
      dose: 25,
      unit: 'mg/m2',
      schedule: { kind: 'repeat', start: '2024-03-04', intervalDays: 7, count: 4 }
    },
    radiation: {
      profileId: owner,
      field: 'cranial',
      totalDoseGy: 18,
      fractions: 10,
      startedOn: '2026-02-01'
    },
    transplant: {
      profileId: owner,
      type: 'allogeneic',
      donor: 'matched sibling',
      cellSource: 'bone-marrow',
      transplantedOn: '2026-05-01',
      gvhd: [{ kind: 'acute', organs: ['skin'], grade: 'II', status: 'resolved' }]
    },
    procedure: {
      profileId: owner,
      kind: 'procedure',
      name: 'Central line placed',
      performedOn: '2024-03-02'
    },
    supportiveCare: { profileId: owner, kind: 'platelet-transfusions', count: 6 },
    complication: {
      profileId: owner,
      name: 'Peripheral neuropathy',
      grade: 2,
      startedOn: '2024-04-01'
    }
  }
}

describe('record entries', () => {
  it('every kind saves, reads back with defaults filled in, updates in place and deletes', async () => {
    const entries = sampleEntries(profileId)
    const diagnosis = await ok<{ id: string }>('record.save', {
      kind: 'diagnosis',
      entry: entries.diagnosis
    })
    entries.relapse.diagnosisId = diagnosis.id
    for (const kind of ENTRY_KINDS) {
      if (kind === 'diagnosis') continue
      const saved = await ok<Record<string, unknown>>('record.save', { kind, entry: entries[kind] })
      expect(saved, kind).toMatchObject({ ...entries[kind], id: expect.any(String) })
      expect(saved.source ?? 'typed').toMatch(/typed|clinic-letter/)
      const listed = await ok<Record<string, unknown>[]>('record.list', { profileId, kind })
      expect(listed).toEqual([saved])
    }

    const [member] = await ok<Record<string, unknown>[]>('record.list', {
      profileId,
      kind: 'careTeamMember'
    })
    const updated = await ok<Record<string, unknown>>('record.save', {
      kind: 'careTeamMember',
      entry: {
        ...entries.careTeamMember,
        id: member!.id,
        phone: '+44 20 7946 0000',
        checkedBy: 'Dr Rivera',
        checkedOn: '2024-06-01'
      }
    })
    expect(updated).toMatchObject({
      id: member!.id,
      phone: '+44 20 7946 0000',
      checkedBy: 'Dr Rivera',
      createdAt: member!.createdAt
    })
    expect(await count('careTeamMember')).toBe(1)

    await ok('record.delete', { kind: 'careTeamMember', id: member!.id })
    expect(await count('careTeamMember')).toBe(0)
    expect((await fails('record.delete', { kind: 'careTeamMember', id: member!.id })).code).toBe(
      'NOT_FOUND'
    )

    // Deleting a diagnosis takes its relapses with it.
    await ok('record.delete', { kind: 'diagnosis', id: diagnosis.id })
    expect(await count('relapse')).toBe(0)
  })

  it('keeps the person’s own details, and refuses a date of birth in the future', async () => {
    const person = await ok<Record<string, unknown>>('profiles.updatePerson', {
      profileId,
      dateOfBirth: '2019-06-15',
      sex: 'female'
    })
    expect(person).toMatchObject({
      dateOfBirth: '2019-06-15',
      sex: 'female',
      treatmentCompletedOn: null
    })
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)
    const error = await fails('profiles.updatePerson', { profileId, dateOfBirth: future })
    expect(error).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'dateOfBirth' }] })
    const after = await ok<Record<string, unknown>[]>('profiles.list', {})
    expect(after[0]).toMatchObject({ dateOfBirth: '2019-06-15' })
  })
})

describe('rules that need the catalog or the database', () => {
  const dose = (patch: Record<string, unknown>) => ({
    kind: 'administration',
    entry: {
      profileId,
      drugId: 'vincristine',
      route: 'iv',
      dose: 1.5,
      unit: 'mg/m2',
      schedule: { kind: 'once', date: '2024-03-04' },
      ...patch
    }
  })

  it('an unknown drug, a route or a unit that does not fit the drug: INVALID_INPUT on that field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ drugId: 'unobtainium' }, 'drugId'],
      [{ route: 'intrathecal' }, 'route'],
      [{ unit: 'IU/m2' }, 'unit']
    ]
    for (const [patch, field] of cases) {
      const error = await fails('record.save', dose(patch))
      expect(error, field).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: field }] })
    }
    expect(await count('administration')).toBe(0)
    // The same entry with the patch undone is accepted: the rules above are the only problem.
    await ok('record.save', dose({}))
    expect(await count('administration')).toBe(1)
  })

  it('intrathecal methotrexate in mg is accepted', async () => {
    await ok(
      'record.save',
      dose({ drugId: 'methotrexate', route: 'intrathecal', dose: 12, unit: 'mg' })
    )
  })

  it('links must stay inside one person’s record, and entries cannot move between people', async () => {
    const other = (await core.handlers['profiles.create']({ displayName: 'Leo' })).id
    const leoDiagnosis = await ok<{ id: string }>('record.save', {
      kind: 'diagnosis',
      entry: { profileId: other, condition: 't-cell-all' }
    })
    const error = await fails('record.save', {
      kind: 'relapse',
      entry: { profileId, diagnosisId: leoDiagnosis.id, relapsedOn: '2025-01-01' }
    })
    expect(error).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'diagnosisId' }] })

    const moved = await fails('record.save', {
      kind: 'diagnosis',
      entry: { id: leoDiagnosis.id, profileId, condition: 'b-cell-all' }
    })
    expect(moved.code).toBe('NOT_FOUND')
    expect(await count('diagnosis', other)).toBe(1)
    expect(await count('diagnosis')).toBe(0)
  })

  it('an entry for a person who does not exist is NOT_FOUND', async () => {
    const error = await fails('record.save', {
      kind: 'complication',
      entry: { profileId: crypto.randomUUID(), name: 'Mucositis' }
    })
    expect(error.code).toBe('NOT_FOUND')
  })
})

describe('deleting a person', () => {
  it('hides them at once, Undo brings everything back, and locking makes it final', async () => {
    await ok('record.save', { kind: 'complication', entry: { profileId, name: 'Mucositis' } })
    const { undoUntil } = await ok<{ undoUntil: string }>('profiles.delete', { id: profileId })
    expect(Date.parse(undoUntil) - Date.now()).toBeGreaterThan(50_000)
    expect(await ok<unknown[]>('profiles.list', {})).toEqual([])
    expect((await fails('record.list', { profileId, kind: 'complication' })).code).toBe('NOT_FOUND')

    await ok('profiles.undoDelete', { id: profileId })
    expect((await ok<{ id: string }[]>('profiles.list', {})).map((p) => p.id)).toEqual([profileId])
    expect(await count('complication')).toBe(1)

    await ok('profiles.delete', { id: profileId })
    await core.vault.lock()
    await core.vault.unlock(PASSPHRASE)
    expect((await fails('profiles.undoDelete', { id: profileId })).code).toBe('NOT_FOUND')
    // Gone from the database itself, with its entries, not merely hidden.
    const db = core.vault.db
    expect(db.prepare('SELECT count(*) AS n FROM profiles').get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT count(*) AS n FROM complications').get()).toEqual({ n: 0 })
  })

  it('Undo is refused once its minute has passed', async () => {
    const { undoDeleteProfile } = await import('../../electron/core/record/profiles.ts')
    await ok('profiles.delete', { id: profileId })
    const later = new Date(Date.now() + 61_000)
    expect(() => undoDeleteProfile(core.vault.db, profileId, later)).toThrow(/no longer/)
  })
})

describe('the drug list', () => {
  it('offers the shipped catalog with routes and units the record accepts', async () => {
    const drugs = await ok<{ id: string; routes: string[]; doseUnits: string[] }[]>(
      'drugs.list',
      {}
    )
    expect(drugs.length).toBeGreaterThan(50)
    const methotrexate = drugs.find((d) => d.id === 'methotrexate')!
    expect(methotrexate.routes).toContain('intrathecal')
    expect(methotrexate.doseUnits).toEqual(expect.arrayContaining(['mg', 'mg/m2']))
  })
})

describe('drafts', () => {
  it('keep what a form held, even invalid, one per form, and go with the person', async () => {
    const saved = await ok<{ id: string }>('drafts.save', {
      profileId,
      kind: 'administration',
      entryId: null,
      data: { drugId: 'vincristine', dose: '-2', note: 'half typed' }
    })
    // Saving the same form again replaces its draft instead of adding one.
    const again = await ok<{ id: string }>('drafts.save', {
      profileId,
      kind: 'administration',
      entryId: null,
      data: { drugId: 'vincristine', dose: '-1.5' }
    })
    expect(again.id).toBe(saved.id)
    const drafts = await ok<{ id: string; data: unknown; entryId: string | null }[]>(
      'drafts.list',
      {
        profileId
      }
    )
    expect(drafts).toMatchObject([
      { id: saved.id, entryId: null, data: { drugId: 'vincristine', dose: '-1.5' } }
    ])

    // They survive a lock (kept in the encrypted vault), and nothing became a record entry.
    await core.vault.lock()
    await core.vault.unlock(PASSPHRASE)
    expect(await ok<unknown[]>('drafts.list', { profileId })).toHaveLength(1)
    expect(await count('administration')).toBe(0)

    await ok('drafts.delete', { id: saved.id })
    expect(await ok<unknown[]>('drafts.list', { profileId })).toEqual([])
    expect((await fails('drafts.delete', { id: saved.id })).code).toBe('NOT_FOUND')

    await ok('drafts.save', {
      profileId,
      kind: 'diagnosis',
      entryId: null,
      data: { condition: 'x' }
    })
    await ok('profiles.delete', { id: profileId })
    await core.vault.lock()
    await core.vault.unlock(PASSPHRASE)
    expect(core.vault.db.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({ n: 0 })
  })
})

describe('messages people read', () => {
  it('an absurd dose names the unit as people write it', async () => {
    const error = await fails('record.save', {
      kind: 'administration',
      entry: {
        profileId,
        drugId: 'methotrexate',
        route: 'iv',
        dose: 5000,
        unit: 'g/m2',
        schedule: { kind: 'once', date: '2024-03-04' }
      }
    })
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ path: 'entry.dose', message: expect.stringContaining('in g/m² (at most 20)') }]
    })
  })
})
