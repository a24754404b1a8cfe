/**
 * The people and record stores against the real core: window.lantern built as the preload
 * builds it, each call dispatched to a real encrypted vault. What the stores hold is what the
 * screens show, so these check it after each step, and that it is still there after a reload.
 */
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError, call } from '../../renderer/src/api/client.ts'
import { useProfilesStore } from '../../renderer/src/stores/profiles.ts'
import { useRecordStore } from '../../renderer/src/stores/record.ts'
import { ENTRY_KINDS } from '../../electron/shared/record.ts'
import { PASSPHRASE, cleanupTempDirs } from '../unit/helpers/vaultFixture.ts'
import { installRealCore, type RealCore } from './helpers/realCore.ts'

/** The screens start afresh, as after reloading the window: new stores, same vault. */
function reopen() {
  setActivePinia(createPinia())
  return { profiles: useProfilesStore(), record: useRecordStore() }
}

const vincristine = (profileId: string) => ({
  profileId,
  drugId: 'vincristine',
  route: 'iv' as const,
  dose: 1.5,
  unit: 'mg/m2' as const,
  schedule: { kind: 'repeat' as const, start: '2024-03-04', intervalDays: 7, count: 4 }
})

/** Maya, her record open, with one saved vincristine course. */
async function mayaWithVincristine() {
  const stores = reopen()
  const maya = await stores.profiles.add('Maya')
  await stores.record.load(maya.id)
  const saved = await stores.record.save('administration', vincristine(maya.id))
  await flushPromises()
  return { ...stores, maya, saved }
}

let real: RealCore

/** The fictional sample (every kind of entry, every kind of link), its record open. */
async function sampleOpen() {
  const stores = reopen()
  const sample = await call('profiles.loadSample')
  await stores.record.load(sample.id)
  await flushPromises()
  return { ...stores, sample }
}

/** The store's lists, kind by kind, as the record screen shows them. */
function shown(record: ReturnType<typeof useRecordStore>) {
  return Object.fromEntries(ENTRY_KINDS.map((kind) => [kind, record.list(kind)]))
}

beforeEach(async () => {
  real = installRealCore()
  await call('vault.create', { passphrase: PASSPHRASE })
})

afterEach(async () => {
  await flushPromises()
  await cleanupTempDirs()
})

describe('the people store', () => {
  it('lists a person once added, still after a reload, and brings a deleted one back', async () => {
    const { profiles } = reopen()
    await profiles.load()
    expect(profiles.loaded).toBe(true)
    expect(profiles.people).toEqual([])

    const maya = await profiles.add('Maya')
    await profiles.add('Sam')
    expect(profiles.people.map((p) => p.displayName)).toEqual(['Maya', 'Sam'])

    const after = reopen().profiles
    await after.load()
    expect(after.people.map((p) => p.displayName)).toEqual(['Maya', 'Sam'])

    const deleted = await after.remove([after.people[0]!])
    expect(deleted.people.map((p) => p.id)).toEqual([maya.id])
    expect(after.people.map((p) => p.displayName)).toEqual(['Sam'])
    expect(after.recentlyDeleted).not.toBeNull()

    await after.undoDelete()
    expect(after.recentlyDeleted).toBeNull()
    expect(after.people.map((p) => p.displayName).sort()).toEqual(['Maya', 'Sam'])
  })

  it('refuses an empty name with a message on that field, and lists no one new', async () => {
    const { profiles } = reopen()
    await profiles.load()
    const refused = await profiles.add('   ').catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(ApiError)
    expect((refused as ApiError).code).toBe('INVALID_INPUT')
    expect((refused as ApiError).hasField('displayName')).toBe(true)
    expect(profiles.people).toEqual([])
  })
})

describe('the record store', () => {
  it('shows a saved administration at once, and the same one from the vault after a reload', async () => {
    const { profiles, record } = reopen()
    const maya = await profiles.add('Maya')
    await record.load(maya.id)
    expect(record.loaded).toBe(true)
    expect(record.list('administration')).toEqual([])

    const saved = await record.save('administration', vincristine(maya.id))
    await flushPromises()
    expect(record.list('administration')).toEqual([saved])
    expect(saved).toMatchObject({
      id: expect.any(String),
      profileId: maya.id,
      drugId: 'vincristine',
      dose: 1.5,
      unit: 'mg/m2',
      schedule: { kind: 'repeat', start: '2024-03-04', intervalDays: 7, count: 4 }
    })

    const after = reopen().record
    await after.load(maya.id)
    expect(after.list('administration')).toEqual([saved])
  })

  it('changes a saved dose in place, without adding a second entry', async () => {
    const { record, maya, saved: first } = await mayaWithVincristine()
    await record.save('administration', { ...vincristine(maya.id), id: first.id, dose: 1.4 })
    expect(record.list('administration').map((a) => [a.id, a.dose])).toEqual([[first.id, 1.4]])

    const after = reopen().record
    await after.load(maya.id)
    expect(after.list('administration').map((a) => [a.id, a.dose])).toEqual([[first.id, 1.4]])
  })

  it('refuses a dose below zero on the dose field and keeps the record as it was', async () => {
    const { record, maya, saved: kept } = await mayaWithVincristine()

    const refused = await record
      .save('administration', { ...vincristine(maya.id), id: kept.id, dose: -1.5 })
      .catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(ApiError)
    expect((refused as ApiError).code).toBe('INVALID_INPUT')
    expect((refused as ApiError).fields.map((f) => f.path)).toEqual(['entry.dose'])
    expect(record.list('administration')).toEqual([kept])

    const after = reopen().record
    await after.load(maya.id)
    expect(after.list('administration')).toEqual([kept])
  })

  it('deletes an entry from the list, and Undo puts the same dose back', async () => {
    const { record, saved } = await mayaWithVincristine()

    const deleted = await record.remove('administration', saved.id)
    expect(record.list('administration')).toEqual([])
    await record.restore(deleted)
    await flushPromises()
    expect(record.list('administration')).toEqual([saved])
    expect(record.list('administration')[0]).toMatchObject({
      dose: 1.5,
      unit: 'mg/m2',
      schedule: { kind: 'repeat', start: '2024-03-04', intervalDays: 7, count: 4 }
    })
  })

  it('opens a whole record with one call', async () => {
    const { sample } = await sampleOpen()
    real.calls.length = 0
    const record = reopen().record
    await record.load(sample.id)
    expect(real.calls).toEqual(['record.listAll'])
    for (const kind of ENTRY_KINDS) {
      const stored = await real.core.handlers['record.list']({ profileId: sample.id, kind })
      expect(record.list(kind), kind).toEqual(stored)
      expect(stored.length, `the sample has a ${kind}`).toBeGreaterThan(0)
    }
  })

  it('Undo of a phase and of a transplant links their medicines and radiation back', async () => {
    const { record } = await sampleOpen()
    const before = shown(record)
    const transplant = record.list('transplant')[0]!
    const phase = record
      .list('phase')
      .find((p) => record.list('administration').some((a) => a.phaseId === p.id))!

    const phaseDeleted = await record.remove('phase', phase.id)
    const transplantDeleted = await record.remove('transplant', transplant.id)
    expect(record.list('administration').some((a) => a.phaseId === phase.id)).toBe(false)
    expect(record.list('radiation').some((r) => r.transplantId === transplant.id)).toBe(false)

    await record.restore(transplantDeleted)
    await record.restore(phaseDeleted)
    await flushPromises()
    expect(shown(record)).toEqual(before)
    const after = reopen().record
    await after.load(phase.profileId)
    expect(shown(after)).toEqual(before)
  })

  it('Undo of a diagnosis brings its relapses back in one step, which a lock cannot cut in half', async () => {
    const { record, sample } = await sampleOpen()
    const before = shown(record)
    const diagnosis = record.list('diagnosis')[0]!
    const deleted = await record.remove('diagnosis', diagnosis.id)
    expect(deleted.relapses.length).toBeGreaterThan(0)
    expect(record.list('relapse')).toEqual([])

    // The vault locks by itself right after the first call Undo makes.
    real.calls.length = 0
    real.afterCall = async () => {
      real.afterCall = null
      await real.core.vault.lock()
    }
    await record.restore(deleted).catch(() => undefined)
    const made = [...real.calls]

    await call('vault.unlock', { passphrase: PASSPHRASE })
    const after = reopen().record
    await after.load(sample.id)
    expect(shown(after)).toEqual(before)
    expect(made).toEqual(['record.restore'])
  })

  it('does not show one person’s record on another person’s page', async () => {
    const { profiles, record } = await mayaWithVincristine()
    const sam = await profiles.add('Sam')
    await record.load(sam.id)
    expect(record.profileId).toBe(sam.id)
    expect(record.list('administration')).toEqual([])
  })
})
