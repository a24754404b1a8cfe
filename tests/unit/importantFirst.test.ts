/**
 * What a doctor in an emergency must know first: allergies (or an explicit "none known"), a
 * central line or shunt in place, the spleen, the care team's 24-hour number, the fever
 * threshold the team gave, and each transplant's blood group before and after. Typed in through
 * the contract, refused beside the field when wrong (with nothing saved), kept through a lock,
 * and read by the summary's "important to know first" block.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import type { ApiError, Profile, Result } from '../../electron/shared/contract.ts'
import type { TreatmentSummary } from '../../electron/shared/summary.ts'
import { PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

let core: Core
let profileId: string

async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = (await dispatch(core.handlers, method, input)) as Result<T>
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value
}
async function fails(method: string, input: unknown): Promise<ApiError> {
  const result = (await dispatch(core.handlers, method, input)) as Result<unknown>
  if (result.ok) throw new Error(`${method} was accepted`)
  return result.error
}
async function person(): Promise<Profile> {
  const people = await ok<Profile[]>('profiles.list', {})
  return people.find((p) => p.id === profileId)!
}

beforeEach(async () => {
  core = newCore()
  await core.vault.create(PASSPHRASE)
  profileId = (await core.handlers['profiles.create']({ displayName: 'Mia' })).id
})
afterEach(cleanupTempDirs)

const RECORDED = {
  allergies: [
    { substance: 'Co-trimoxazole', reaction: 'Rash' },
    { substance: 'Peanuts', reaction: null }
  ],
  noKnownAllergies: false,
  centralLine: 'in-place',
  centralLineNotes: 'Port-a-cath, right chest',
  centralLinePlacedOn: '2024-03-02',
  shunt: 'none',
  shuntNotes: null,
  spleen: 'not-working',
  teamPhone24h: '+44 (0)20 7946-0000',
  feverThreshold: { value: 38, unit: 'C' }
} as const

describe('important to know in an emergency: the person', () => {
  it('starts unanswered: no allergies listed is not "none known", and nothing is "none"', async () => {
    expect(await person()).toMatchObject({
      allergies: [],
      noKnownAllergies: false,
      centralLine: null,
      shunt: null,
      spleen: null,
      teamPhone24h: null,
      feverThreshold: null
    })
    const summary = await ok<TreatmentSummary>('record.summary', { profileId })
    expect(summary.importantFirst).toMatchObject({
      allergyAnswer: 'not-recorded',
      centralLine: { state: null },
      shunt: { state: null },
      spleen: null,
      feverThreshold: null
    })
  })

  it('keeps every answer through a lock and unlock, and the summary reads them', async () => {
    await ok('profiles.updatePerson', { profileId, ...RECORDED })
    const transplant = await ok<{ id: string }>('record.save', {
      kind: 'transplant',
      entry: {
        profileId,
        type: 'allogeneic',
        transplantedOn: '2024-02-20',
        bloodGroupBefore: 'A+',
        bloodGroupAfter: 'O-'
      }
    })
    await core.vault.lock()
    await core.vault.unlock(PASSPHRASE)

    expect(await person()).toMatchObject(RECORDED)
    const [saved] = await ok<Record<string, unknown>[]>('record.list', {
      profileId,
      kind: 'transplant'
    })
    expect(saved).toMatchObject({ bloodGroupBefore: 'A+', bloodGroupAfter: 'O-' })

    const summary = await ok<TreatmentSummary>('record.summary', { profileId })
    expect(summary.importantFirst).toEqual({
      allergies: RECORDED.allergies,
      allergyAnswer: 'listed',
      centralLine: {
        state: 'in-place',
        notes: 'Port-a-cath, right chest',
        placedOn: '2024-03-02'
      },
      shunt: { state: 'none', notes: null },
      spleen: 'not-working',
      transplants: [
        {
          transplantId: transplant.id,
          type: 'allogeneic',
          transplantedOn: '2024-02-20',
          bloodGroupBefore: 'A+',
          bloodGroupAfter: 'O-'
        }
      ],
      teamPhone24h: '+44 (0)20 7946-0000',
      feverThreshold: { value: 38, unit: 'C' }
    })

    // Saving other details leaves these as they are; an explicit null clears one.
    await ok('profiles.updatePerson', { profileId, sex: 'female' })
    expect(await person()).toMatchObject(RECORDED)
    await ok('profiles.updatePerson', { profileId, allergies: [], noKnownAllergies: true })
    const after = await ok<TreatmentSummary>('record.summary', { profileId })
    expect(after.importantFirst.allergyAnswer).toBe('none-known')
    await ok('profiles.updatePerson', { profileId, feverThreshold: null, centralLine: null })
    expect(await person()).toMatchObject({ feverThreshold: null, centralLine: null })
  })

  it('accepts a fever threshold in °F as the care team gave it, and an empty phone as unanswered', async () => {
    await ok('profiles.updatePerson', {
      profileId,
      feverThreshold: { value: 100.4, unit: 'F' },
      teamPhone24h: '  '
    })
    expect(await person()).toMatchObject({
      feverThreshold: { value: 100.4, unit: 'F' },
      teamPhone24h: null
    })
  })

  it('refuses each wrong answer beside its field, with a message, and saves nothing', async () => {
    await ok('profiles.updatePerson', { profileId, ...RECORDED })
    const before = await person()
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ feverThreshold: { value: 45, unit: 'C' } }, 'feverThreshold', /between 35 and 42 °C/],
      // 38 is a Celsius number typed with °F: caught, not stored as a fever of 38 °F.
      [{ feverThreshold: { value: 38, unit: 'F' } }, 'feverThreshold', /between 95 and 107.6 °F/],
      [{ feverThreshold: { value: 38, unit: 'K' } }, 'feverThreshold.unit', /°C or °F/],
      [{ teamPhone24h: 'ask for Dr Lee' }, 'teamPhone24h', /digits, spaces and \+ \( \) -/],
      [{ teamPhone24h: '+()-' }, 'teamPhone24h', /digits/],
      [{ allergies: [{ substance: ' ', reaction: 'Hives' }] }, 'allergies.0.substance', /Name/],
      [
        { allergies: Array.from({ length: 31 }, (_, i) => ({ substance: `Drug ${i}` })) },
        'allergies',
        /at most 30/
      ],
      [
        { allergies: [{ substance: 'Latex' }], noKnownAllergies: true },
        'noKnownAllergies',
        /No known allergies/
      ],
      // Ticked alone while allergies are stored: the core sees the two together.
      [{ noKnownAllergies: true }, 'noKnownAllergies', /No known allergies/],
      [{ centralLine: 'maybe' }, 'centralLine', /./],
      [{ shunt: 'yes' }, 'shunt', /./],
      [{ spleen: 'absent' }, 'spleen', /./],
      [{ centralLinePlacedOn: future }, 'centralLinePlacedOn', /date still to come/]
    ]
    for (const [patch, path, message] of cases) {
      const error = await fails('profiles.updatePerson', { profileId, ...patch })
      expect(error.code, path).toBe('INVALID_INPUT')
      expect(error.fields, path).toEqual([{ path, message: expect.stringMatching(message) }])
    }
    expect(await person()).toEqual(before)
  })
})

describe('important to know in an emergency: blood groups on a transplant', () => {
  it('refuses a blood group that is not on the list, beside its field, and saves nothing', async () => {
    for (const field of ['bloodGroupBefore', 'bloodGroupAfter']) {
      for (const wrong of ['C+', 'o+', 'A', 'AB']) {
        const error = await fails('record.save', {
          kind: 'transplant',
          entry: { profileId, type: 'autologous', [field]: wrong }
        })
        expect(error.fields, `${field} ${wrong}`).toEqual([
          { path: `entry.${field}`, message: 'Choose a blood group from the list.' }
        ])
      }
    }
    expect(await ok<unknown[]>('record.list', { profileId, kind: 'transplant' })).toEqual([])
  })
})
