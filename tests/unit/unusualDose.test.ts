/**
 * Unusual doses: a dose outside the catalog's usual range, or more than three times the
 * median of the person's other doses of the same drug, route and kind of unit, is not saved
 * until the person confirms it; once confirmed it is stored as confirmed-unusual, and an edit
 * back to a usual dose drops the mark. Checked as pure decisions and through dispatch(), on the
 * real encrypted database.
 */
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import {
  type DoseToCheck,
  RELATIVE_LIMIT,
  checkDose,
  median
} from '../../electron/core/record/unusualDose.ts'
import type { Result } from '../../electron/shared/contract.ts'
import type { DoseUnit } from '../../electron/shared/limits.ts'
import type { Entry } from '../../electron/shared/record.ts'
import type { TreatmentSummary } from '../../electron/shared/summary.ts'
import { DRUGS, PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

const vincristine = DRUGS.byId('vincristine')!
const dexamethasone = DRUGS.byId('dexamethasone')!

function dose(drugId: string, route: string, amount: number, unit: DoseUnit): DoseToCheck {
  return { drugId, route, dose: amount, unit }
}

const vcr = (amount: number, unit: DoseUnit = 'mg/m2') => dose('vincristine', 'iv', amount, unit)
const dex = (amount: number, unit: DoseUnit = 'mg/m2') =>
  dose('dexamethasone', 'oral', amount, unit)

describe('the usual range', () => {
  it('catches vincristine 15 mg/m², about ten times a usual dose, and says so', () => {
    const verdict = checkDose(vcr(15), vincristine, [])
    expect(verdict).toMatchObject({ unusual: true, reason: 'above-range' })
    expect(verdict.unusual && verdict.message).toBe(
      'This is about 7.5 times the highest usual vincristine dose in mg/m² (usually 1.4 to 2 mg/m²): check the number and the unit.'
    )
  })

  it('lets vincristine 1.5 mg/m² and both ends of its range through', () => {
    for (const amount of [1.4, 1.5, 2]) {
      expect(checkDose(vcr(amount), vincristine, []), String(amount)).toEqual({ unusual: false })
    }
  })

  it('catches a dose a tenth of the lowest usual one', () => {
    const verdict = checkDose(vcr(0.15), vincristine, [])
    expect(verdict).toMatchObject({ unusual: true, reason: 'below-range' })
    expect(verdict.unusual && verdict.message).toContain('about 11% of the lowest')
  })

  it('applies to units of the same kind after converting them (g/m² against mg/m²)', () => {
    expect(checkDose(vcr(0.0015, 'g/m2'), vincristine, [])).toEqual({ unusual: false })
    expect(checkDose(vcr(0.015, 'g/m2'), vincristine, [])).toMatchObject({
      unusual: true,
      reason: 'above-range'
    })
  })

  it('does not apply a per-m² range to a flat dose in mg (unit mismatch)', () => {
    expect(checkDose(vcr(15, 'mg'), vincristine, [])).toEqual({ unusual: false })
    // Nor are per-m² doses on record the person's "other doses" of a flat one.
    expect(checkDose(vcr(15, 'mg'), vincristine, [vcr(1.5), vcr(1.5)])).toEqual({
      unusual: false
    })
  })

  it('applies a range given for one route only to that route', () => {
    const etoposide = DRUGS.byId('etoposide')!
    expect(checkDose(dose('etoposide', 'iv', 1000, 'mg/m2'), etoposide, [])).toMatchObject({
      unusual: true,
      reason: 'above-range'
    })
    expect(checkDose(dose('etoposide', 'oral', 1000, 'mg/m2'), etoposide, [])).toEqual({
      unusual: false
    })
  })
})

describe("the person's other doses", () => {
  it('a drug with no sourced range gets the relative check only', () => {
    expect(dexamethasone.usualDoses).toBeUndefined()
    expect(checkDose(dex(600), dexamethasone, [])).toEqual({ unusual: false })
    const verdict = checkDose(dex(60), dexamethasone, [dex(6), dex(6), dex(10)])
    expect(verdict).toMatchObject({ unusual: true, reason: 'above-others', median: 6 })
    expect(verdict.unusual && verdict.message).toBe(
      'This is about 10 times the other dexamethasone doses by mouth in this record (typically 6 mg/m²): check the number and the unit.'
    )
  })

  it('questions a dose only when it is more than three times the median', () => {
    const others = [dex(6), dex(6), dex(10)]
    expect(checkDose(dex(18), dexamethasone, others)).toEqual({ unusual: false })
    expect(checkDose(dex(18.01), dexamethasone, others)).toMatchObject({ unusual: true })
    // An even number of doses: the median is the mean of the middle two, (10 + 20) / 2 = 15.
    const even = [dex(10), dex(20), dex(5), dex(40)]
    expect(median([10, 20, 5, 40])).toBe(15)
    expect(checkDose(dex(45), dexamethasone, even)).toEqual({ unusual: false })
    expect(checkDose(dex(46), dexamethasone, even)).toMatchObject({ median: 15 })
  })

  it('does not question lower doses, other routes, other drugs or other kinds of unit', () => {
    expect(checkDose(dex(0.6), dexamethasone, [dex(6)])).toEqual({ unusual: false })
    expect(checkDose(dex(60), dexamethasone, [dose('dexamethasone', 'iv', 6, 'mg/m2')])).toEqual({
      unusual: false
    })
    expect(checkDose(dex(60), dexamethasone, [dose('prednisone', 'oral', 6, 'mg/m2')])).toEqual({
      unusual: false
    })
    expect(checkDose(dex(60), dexamethasone, [dex(6, 'mg')])).toEqual({ unusual: false })
    // The same kind of unit counts after conversion: 0.006 g/m² is 6 mg/m².
    expect(checkDose(dex(60), dexamethasone, [dex(0.006, 'g/m2')])).toMatchObject({
      unusual: true,
      median: 6
    })
  })

  it('checks the range first, then the other doses, for a drug that has both', () => {
    // 2 mg/m² is within vincristine's range but more than three times 0.5 mg/m² doses.
    expect(checkDose(vcr(2), vincristine, [vcr(0.5), vcr(0.5)])).toMatchObject({
      reason: 'above-others'
    })
    expect(checkDose(vcr(15), vincristine, [vcr(5)])).toMatchObject({ reason: 'above-range' })
  })

  it('matches the definition written out by hand, in any order and in g/m² as in mg/m²', () => {
    /** The definition, slowly: sort the other doses, take the middle one (or the middle two's mean). */
    function byHand(value: number, others: number[]): boolean {
      if (others.length === 0) return false
      const sorted = [...others].sort((a, b) => a - b)
      const n = sorted.length
      const middle = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2
      return value > RELATIVE_LIMIT * middle * (1 + 1e-9)
    }
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 12 }),
        (value, others) => {
          const expected = byHand(
            value / 100,
            others.map((o) => o / 100)
          )
          const inMg = checkDose(
            dex(value / 100),
            dexamethasone,
            others.map((o) => dex(o / 100))
          )
          const inG = checkDose(
            dex(value / 100_000, 'g/m2'),
            dexamethasone,
            [...others].reverse().map((o) => dex(o / 100_000, 'g/m2'))
          )
          return inMg.unusual === expected && inG.unusual === expected
        }
      ),
      { numRuns: 2000 }
    )
  })
})

describe('saving through the contract', () => {
  let core: Core
  let profileId: string

  beforeEach(async () => {
    core = newCore()
    await core.vault.create(PASSPHRASE)
    profileId = (await core.handlers['profiles.create']({ displayName: 'Mia' })).id
  })
  afterEach(cleanupTempDirs)

  const vincristineEntry = (amount: number, extra: Record<string, unknown> = {}) => ({
    profileId,
    drugId: 'vincristine',
    route: 'iv',
    dose: amount,
    unit: 'mg/m2',
    schedule: { kind: 'once', date: '2024-03-04' },
    ...extra
  })

  async function save(entry: Record<string, unknown>) {
    return (await dispatch(core.handlers, 'record.save', {
      kind: 'administration',
      entry
    })) as Result<Entry<'administration'>>
  }

  async function saved(entry: Record<string, unknown>): Promise<Entry<'administration'>> {
    const result = await save(entry)
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
    return result.value
  }

  const listed = async () =>
    (await core.handlers['record.list']({
      profileId,
      kind: 'administration'
    })) as Entry<'administration'>[]

  it('refuses vincristine 15 mg/m² without confirmation, naming the dose, and saves nothing', async () => {
    const result = await save(vincristineEntry(15))
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'DOSE_NEEDS_CONFIRMATION',
        message: expect.stringContaining('7.5 times the highest usual vincristine dose'),
        fields: [
          { path: 'dose', message: expect.stringContaining('check the number and the unit') }
        ]
      }
    })
    expect(await listed()).toEqual([])
  })

  it('saves it once confirmed, marked, and the mark survives locking the vault', async () => {
    const entry = await saved(vincristineEntry(15, { confirmedUnusual: true }))
    expect(entry).toMatchObject({ dose: 15, confirmedUnusual: true })
    await core.vault.lock()
    await core.vault.unlock(PASSPHRASE)
    expect(await listed()).toEqual([
      expect.objectContaining({ id: entry.id, confirmedUnusual: true })
    ])
  })

  it('stores a usual dose unmarked even when the input says confirmed', async () => {
    expect(await saved(vincristineEntry(1.5, { confirmedUnusual: true }))).toMatchObject({
      confirmedUnusual: false
    })
  })

  it('drops the mark when a confirmed dose is edited back to a usual one', async () => {
    const slip = await saved(vincristineEntry(15, { confirmedUnusual: true }))
    const fixed = await saved(vincristineEntry(1.5, { id: slip.id, confirmedUnusual: true }))
    expect(fixed).toMatchObject({ id: slip.id, dose: 1.5, confirmedUnusual: false })
  })

  it('refuses an edit to an unusual dose and keeps the saved dose as it was', async () => {
    const usual = await saved(vincristineEntry(1.5))
    const result = await save(vincristineEntry(15, { id: usual.id }))
    expect(result.ok || result.error.code).toBe('DOSE_NEEDS_CONFIRMATION')
    expect((await listed()).map((a) => [a.dose, a.confirmedUnusual])).toEqual([[1.5, false]])
  })

  it("compares with the person's other doses, leaving out the entry being edited", async () => {
    const dexamethasoneEntry = (amount: number, extra: Record<string, unknown> = {}) => ({
      profileId,
      drugId: 'dexamethasone',
      route: 'oral',
      dose: amount,
      unit: 'mg/m2',
      schedule: { kind: 'repeat', start: '2024-03-04', intervalDays: 1, count: 28 },
      ...extra
    })
    const first = await saved(dexamethasoneEntry(6))
    // Alone in the record, it has nothing to be compared with.
    expect(await saved(dexamethasoneEntry(60, { id: first.id }))).toMatchObject({
      confirmedUnusual: false
    })
    await saved(dexamethasoneEntry(6, { id: first.id }))
    await saved(dexamethasoneEntry(10))
    const result = await save(dexamethasoneEntry(60))
    expect(result.ok || result.error).toMatchObject({
      code: 'DOSE_NEEDS_CONFIRMATION',
      message: expect.stringContaining('typically 8 mg/m²')
    })
    expect(await listed()).toHaveLength(2)
  })

  it('shows a confirmed dose on the summary, in its row', async () => {
    await saved(vincristineEntry(1.5, { schedule: { kind: 'once', date: '2024-03-01' } }))
    const slip = await saved(vincristineEntry(15, { confirmedUnusual: true }))
    const summary = (await core.handlers['record.summary']({ profileId })) as TreatmentSummary
    expect(summary.exposures).toEqual([
      expect.objectContaining({
        drugId: 'vincristine',
        route: 'iv',
        doses: 2,
        confirmedUnusual: [
          { administrationId: slip.id, dose: 15, unit: 'mg/m2', date: '2024-03-04' }
        ]
      })
    ])
  })
})
