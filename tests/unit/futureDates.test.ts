/**
 * The record keeps what happened: a date after today is refused at the contract, with a message
 * beside the field it belongs to, and nothing is saved. Today is accepted. A phase's planned end
 * may lie ahead (maintenance has a planned end date while it goes on).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import { addDays } from '../../electron/core/record/dates.ts'
import type { Result } from '../../electron/shared/contract.ts'
import { type EntryKind, todayIso } from '../../electron/shared/record.ts'
import { PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

let core: Core
let profileId: string
let diagnosisId: string

const today = () => todayIso()
const tomorrow = () => addDays(todayIso(), 1)

beforeEach(async () => {
  core = newCore()
  await core.vault.create(PASSPHRASE)
  profileId = (await core.handlers['profiles.create']({ displayName: 'Mia' })).id
  diagnosisId = (await ok<{ id: string }>('diagnosis', { condition: 'b-cell-all' })).id
})
afterEach(cleanupTempDirs)

async function save(kind: EntryKind, entry: Record<string, unknown>) {
  return dispatch(core.handlers, 'record.save', { kind, entry: { profileId, ...entry } })
}

async function ok<T>(kind: EntryKind, entry: Record<string, unknown>): Promise<T> {
  const result = (await save(kind, entry)) as Result<T>
  if (!result.ok) throw new Error(`${kind}: ${result.error.message}`)
  return result.value
}

async function count(kind: EntryKind): Promise<number> {
  const result = (await dispatch(core.handlers, 'record.list', { profileId, kind })) as Result<
    unknown[]
  >
  if (!result.ok) throw new Error(result.error.message)
  return result.value.length
}

/** Saves `entry(date)` with tomorrow's date: refused on `path` with `message`; today saves. */
async function refusesTomorrow(
  kind: EntryKind,
  entry: (date: string) => Record<string, unknown>,
  path: string,
  message: string
) {
  const before = await count(kind)
  const result = await save(kind, entry(tomorrow()))
  expect(result, `${kind} ${path}`).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', fields: [{ path: `entry.${path}`, message }] }
  })
  expect(await count(kind)).toBe(before)
  expect((await save(kind, entry(today()))).ok, `${kind} ${path} today`).toBe(true)
}

const DOSE = 'A dose cannot be dated in the future.'
const END = 'An end date cannot be in the future. Leave it empty until it has ended.'
const dose = (schedule: Record<string, unknown>) => ({
  drugId: 'vincristine',
  route: 'iv',
  dose: 1.5,
  unit: 'mg/m2',
  schedule
})

describe('dates after today are refused beside their field', () => {
  it('a measurement', async () => {
    await refusesTomorrow(
      'measurement',
      (d) => ({ measuredOn: d, heightCm: 110, weightKg: 19 }),
      'measuredOn',
      'A measurement cannot be dated in the future.'
    )
  })

  it('a dose given once', async () => {
    await refusesTomorrow(
      'administration',
      (d) => dose({ kind: 'once', date: d }),
      'schedule.date',
      DOSE
    )
  })

  it('repeated doses: their start, their last date, or a count that runs past today', async () => {
    await refusesTomorrow(
      'administration',
      (d) => dose({ kind: 'repeat', start: d, intervalDays: 7, count: 1 }),
      'schedule.start',
      DOSE
    )
    await refusesTomorrow(
      'administration',
      (d) => dose({ kind: 'repeat', start: addDays(d, -14), intervalDays: 7, end: d }),
      'schedule.end',
      'The last dose cannot be dated in the future.'
    )
    // Weekly × 4 from three weeks ago ends today; from two weeks ago, a dose is still to come.
    await refusesTomorrow(
      'administration',
      (d) => dose({ kind: 'repeat', start: addDays(d, -21), intervalDays: 7, count: 4 }),
      'schedule.count',
      'Some of these doses would fall after today. Count only the doses given so far.'
    )
  })

  it('a diagnosis and a relapse', async () => {
    await refusesTomorrow(
      'diagnosis',
      (d) => ({ condition: 'b-cell-all', diagnosedOn: d }),
      'diagnosedOn',
      'A diagnosis cannot be dated in the future.'
    )
    await refusesTomorrow(
      'relapse',
      (d) => ({ diagnosisId, relapsedOn: d }),
      'relapsedOn',
      'A relapse cannot be dated in the future.'
    )
  })

  it('the start of a phase, while its planned end may lie ahead', async () => {
    await refusesTomorrow(
      'phase',
      (d) => ({ kind: 'maintenance', startedOn: d }),
      'startedOn',
      'A phase cannot start in the future.'
    )
    const ongoing = await save('phase', {
      kind: 'maintenance',
      startedOn: addDays(today(), -200),
      endedOn: addDays(today(), 400)
    })
    expect(ongoing.ok).toBe(true)
  })

  it('radiation: its start and its end', async () => {
    await refusesTomorrow(
      'radiation',
      (d) => ({ field: 'cranial', totalDoseGy: 18, startedOn: d }),
      'startedOn',
      'Radiation cannot be dated in the future.'
    )
    await refusesTomorrow(
      'radiation',
      (d) => ({ field: 'cranial', totalDoseGy: 18, startedOn: addDays(d, -12), endedOn: d }),
      'endedOn',
      END
    )
  })

  it('a transplant and its GVHD', async () => {
    await refusesTomorrow(
      'transplant',
      (d) => ({ type: 'allogeneic', transplantedOn: d }),
      'transplantedOn',
      'A transplant cannot be dated in the future.'
    )
    await refusesTomorrow(
      'transplant',
      (d) => ({ type: 'allogeneic', gvhd: [{ kind: 'acute', startedOn: d }] }),
      'gvhd.0.startedOn',
      'GVHD cannot be dated in the future.'
    )
  })

  it('a surgery or procedure', async () => {
    await refusesTomorrow(
      'procedure',
      (d) => ({ kind: 'surgery', name: 'Central line placed', performedOn: d }),
      'performedOn',
      'A surgery or procedure cannot be dated in the future.'
    )
  })

  it('supportive care: its start and its end', async () => {
    await refusesTomorrow(
      'supportiveCare',
      (d) => ({ kind: 'central-line', startedOn: d }),
      'startedOn',
      'Supportive care cannot start in the future.'
    )
    await refusesTomorrow(
      'supportiveCare',
      (d) => ({ kind: 'central-line', startedOn: addDays(d, -30), endedOn: d }),
      'endedOn',
      END
    )
  })

  it('a complication: its start and its end', async () => {
    await refusesTomorrow(
      'complication',
      (d) => ({ name: 'Mucositis', startedOn: d }),
      'startedOn',
      'A complication cannot be dated in the future.'
    )
    await refusesTomorrow(
      'complication',
      (d) => ({ name: 'Mucositis', startedOn: addDays(d, -3), endedOn: d }),
      'endedOn',
      END
    )
  })

  it('the date a clinician checked an entry, for any kind', async () => {
    await refusesTomorrow(
      'careTeamMember',
      (d) => ({ name: 'Dr Rivera', checkedBy: 'Dr Rivera', checkedOn: d }),
      'checkedOn',
      'A check cannot be dated in the future.'
    )
  })

  it('the date treatment was completed', async () => {
    const update = (date: string) =>
      dispatch(core.handlers, 'profiles.updatePerson', { profileId, treatmentCompletedOn: date })
    expect(await update(tomorrow())).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: [
          {
            path: 'treatmentCompletedOn',
            message: 'Treatment cannot be recorded as completed on a date still to come.'
          }
        ]
      }
    })
    expect((await update(today())).ok).toBe(true)
  })
})
