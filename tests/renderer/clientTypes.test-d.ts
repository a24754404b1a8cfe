/**
 * Compile-time tests of the renderer's typed client and record store, run by
 * `npm run typecheck:renderer-tests` (vue-tsc with tsconfig.renderer-tests.json); nothing here
 * runs. Each `@ts-expect-error` fails the type check if the line under it compiles, so a
 * client or store that lost the contract's types (an `any`, a cast) fails the build.
 */
import { expectTypeOf } from 'vitest'
import type { Profile } from '../../electron/shared/contract.ts'
import type { Entry, EntryKind, RecordEntries } from '../../electron/shared/record.ts'
import { call } from '../../renderer/src/api/client.ts'
import type { useRecordStore } from '../../renderer/src/stores/record.ts'

type RecordStore = ReturnType<typeof useRecordStore>

const vincristine = (profileId: string) => ({
  profileId,
  drugId: 'vincristine',
  route: 'iv' as const,
  dose: 1.5,
  unit: 'mg/m2' as const,
  schedule: { kind: 'once' as const, date: '2024-03-04' }
})

export async function recordSave(record: RecordStore, profileId: string): Promise<void> {
  // Right: each kind with its own fields.
  const saved = await record.save('administration', vincristine(profileId))
  expectTypeOf(saved).toEqualTypeOf<Entry<EntryKind>>()
  await record.save('measurement', { profileId, measuredOn: '2024-03-01', weightKg: 19 })

  // @ts-expect-error: a medicine's fields are not a measurement's
  await record.save('measurement', vincristine(profileId))
  await record.save('measurement', {
    profileId,
    measuredOn: '2024-03-01',
    // @ts-expect-error: a measurement has no dose
    dose: 1.5
  })
  // @ts-expect-error: a dose is a number, not the text typed into the field
  await record.save('administration', { ...vincristine(profileId), dose: '1.5' })
  const withoutSchedule = {
    profileId,
    drugId: 'vincristine',
    route: 'iv' as const,
    dose: 1.5,
    unit: 'mg' as const
  }
  // @ts-expect-error: a medicine is saved with its schedule
  await record.save('administration', withoutSchedule)
  // @ts-expect-error: there is no kind of entry called 'medicine'
  await record.save('medicine', vincristine(profileId))
}

export async function callByName(profileId: string): Promise<void> {
  // Right: inputs and answers typed from the contract.
  expectTypeOf(await call('record.listAll', { profileId })).toEqualTypeOf<RecordEntries>()
  expectTypeOf(await call('profiles.create', { displayName: 'Maya' })).toEqualTypeOf<Profile>()
  await call('vault.status')
  await call('record.save', { kind: 'administration', entry: vincristine(profileId) })

  // @ts-expect-error: no method has that name
  await call('record.lists', { profileId })
  // @ts-expect-error: listing a record needs the person
  await call('record.listAll')
  // @ts-expect-error: minutes are a number
  await call('settings.update', { autoLockMinutes: '5' })
  await call('record.save', {
    kind: 'administration',
    // @ts-expect-error: a dose is a number here too
    entry: { ...vincristine(profileId), dose: '1.5' }
  })
  await call('record.restore', {
    profileId,
    entries: [],
    // @ts-expect-error: radiation links only to a transplant
    links: [{ kind: 'radiation', id: profileId, field: 'phaseId', to: profileId }]
  })
}
