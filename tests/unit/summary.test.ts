/**
 * The treatment summary a new doctor reads: built from a small record typed in through the
 * contract, with every number worked by hand.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/api.ts'
import { shippedCarePlanContent } from '../../electron/core/careplan/shippedContent.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import type { CarePlan } from '../../electron/shared/careplan.ts'
import type { Result } from '../../electron/shared/contract.ts'
import type { TreatmentSummary } from '../../electron/shared/summary.ts'
import { PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

let core: Core
let profileId: string

async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = (await dispatch(core.handlers, method, input)) as Result<T>
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value
}
const save = (kind: string, entry: Record<string, unknown>) =>
  ok<{ id: string }>('record.save', { kind, entry: { profileId, ...entry } })

beforeEach(async () => {
  core = newCore()
  await core.vault.create(PASSPHRASE)
  profileId = (await core.handlers['profiles.create']({ displayName: 'Mia' })).id
})
afterEach(cleanupTempDirs)

describe('treatment summary', () => {
  it('gathers diagnosis, key dates, exposures, radiation, ongoing problems and the care team', async () => {
    await ok('profiles.updatePerson', { profileId, dateOfBirth: '2019-06-15', sex: 'female' })
    const diagnosis = await save('diagnosis', {
      condition: 'b-cell-all',
      diagnosedOn: '2024-03-01'
    })
    await save('relapse', { diagnosisId: diagnosis.id, relapsedOn: '2026-01-10', sites: ['cns'] })
    // 110 cm, 19 kg: BSA √(110 × 19 / 3600) = 0.761942 m²
    await save('measurement', { measuredOn: '2024-03-01', heightCm: 110, weightKg: 19 })
    const induction = await save('phase', {
      kind: 'induction',
      startedOn: '2024-03-04',
      endedOn: '2024-03-31'
    })
    const weekly = (start: string, count: number) => ({
      kind: 'repeat',
      start,
      intervalDays: 7,
      count
    })
    await save('administration', {
      phaseId: induction.id,
      drugId: 'vincristine',
      route: 'iv',
      dose: 1.5,
      unit: 'mg/m2',
      schedule: weekly('2024-03-04', 4)
    })
    await save('administration', {
      drugId: 'daunorubicin',
      route: 'iv',
      dose: 25,
      unit: 'mg/m2',
      schedule: weekly('2024-07-01', 4)
    })
    for (const date of ['2024-03-04', '2024-03-11', '2024-03-25']) {
      await save('administration', {
        drugId: 'methotrexate',
        route: 'intrathecal',
        dose: 12,
        unit: 'mg',
        schedule: { kind: 'once', date }
      })
    }
    await save('radiation', {
      field: 'cranial',
      totalDoseGy: 18,
      fractions: 10,
      startedOn: '2026-02-01'
    })
    await save('complication', { name: 'Peripheral neuropathy', grade: 2, status: 'resolved' })
    await save('complication', { name: 'Osteonecrosis of the hip', grade: 2, status: 'ongoing' })
    await save('careTeamMember', { name: 'Dr Zed', role: 'GP' })
    await save('careTeamMember', { name: 'Dr Abe', role: 'Oncologist', coordinatesFollowUp: true })

    const summary = await ok<TreatmentSummary>('record.summary', { profileId })

    expect(summary.diagnoses).toHaveLength(1)
    expect(summary.diagnoses[0]).toMatchObject({
      ageAtDiagnosis: 4,
      relapses: [{ sites: ['cns'] }]
    })
    expect(summary.keyDates).toEqual({
      diagnosedOn: '2024-03-01',
      treatmentStartedOn: '2024-03-04',
      lastDoseOn: '2024-07-22',
      treatmentCompletedOn: null
    })
    const byDrug = Object.fromEntries(summary.exposures.map((e) => [`${e.drugId}/${e.route}`, e]))
    // Vincristine 4 × 1.5 = 6 mg/m²; × 0.761942 = 4.57165 mg.
    expect(byDrug['vincristine/iv']).toMatchObject({
      drugName: 'vincristine',
      drugClass: 'vinca-alkaloid',
      perM2Total: 6,
      doses: 4,
      firstDate: '2024-03-04',
      lastDate: '2024-03-25'
    })
    expect(byDrug['vincristine/iv']!.absoluteTotal).toBeCloseTo(4.57165, 4)
    // Daunorubicin 4 × 25 = 100 mg/m².
    expect(byDrug['daunorubicin/iv']).toMatchObject({ drugClass: 'anthracycline', perM2Total: 100 })
    // Intrathecal methotrexate: 3 × 12 = 36 mg, 3 injections.
    expect(byDrug['methotrexate/intrathecal']).toMatchObject({ absoluteTotal: 36, doses: 3 })
    expect(summary.intrathecalInjections).toBe(3)
    expect(summary.exposures.map((e) => e.drugId)).toEqual([
      'methotrexate',
      'vincristine',
      'daunorubicin'
    ])

    expect(summary.radiation).toMatchObject([{ field: 'cranial', totalDoseGy: 18, fractions: 10 }])
    expect(summary.ongoingProblems.map((c) => c.name)).toEqual(['Osteonecrosis of the hip'])
    expect(summary.careTeam.map((m) => m.name)).toEqual(['Dr Abe', 'Dr Zed'])
    expect(summary.bodySizeMissing).toBe(false)
  })

  it('says so when doses could not be converted for lack of a height or weight', async () => {
    await save('administration', {
      drugId: 'vincristine',
      route: 'iv',
      dose: 1.5,
      unit: 'mg/m2',
      schedule: { kind: 'once', date: '2024-03-04' }
    })
    const summary = await ok<TreatmentSummary>('record.summary', { profileId })
    expect(summary.bodySizeMissing).toBe(true)
    expect(summary.exposures[0]).toMatchObject({ perM2Total: 1.5, unconvertedAbsolute: 1 })
    expect(summary.diagnoses).toEqual([])
    expect(summary.keyDates.diagnosedOn).toBeNull()
  })

  it('shows anthracyclines as doxorubicin equivalents from the care plan’s table, never as a plain sum, and agrees with the care plan', async () => {
    await save('measurement', { measuredOn: '2021-03-01', heightCm: 104, weightKg: 16.6 })
    const weekly = (start: string, count: number) => ({
      kind: 'repeat',
      start,
      intervalDays: 7,
      count
    })
    await save('administration', {
      drugId: 'doxorubicin',
      route: 'iv',
      dose: 25,
      unit: 'mg/m2',
      schedule: weekly('2021-05-03', 3)
    })
    await save('administration', {
      drugId: 'daunorubicin',
      route: 'iv',
      dose: 25,
      unit: 'mg/m2',
      schedule: weekly('2023-11-14', 4)
    })

    const summary = await ok<TreatmentSummary>('record.summary', { profileId })
    const content = shippedCarePlanContent()
    const table = content.equivalenceTables.find((t) => t.id === content.anthracyclineTable)!
    // Doxorubicin 3 × 25 = 75 mg/m² × 1 = 75; daunorubicin 4 × 25 = 100 mg/m² × 0.6 = 60;
    // 135 mg/m² doxorubicin-equivalent, not the 175 a plain sum would say.
    expect(summary.anthracycline).toMatchObject({
      table: { id: table.id, version: table.version },
      parts: [
        { drugId: 'doxorubicin', drugName: 'doxorubicin', perM2: 75, factor: 1, equivalent: 75 },
        { drugId: 'daunorubicin', drugName: 'daunorubicin', perM2: 100, factor: 0.6 }
      ],
      unknownFactor: [],
      incomplete: false
    })
    expect(summary.anthracycline!.total).toBeCloseTo(135, 9)
    expect(summary).not.toHaveProperty('classTotals')
    // Each factor says where it comes from: daunorubicin's 0.6 is Feijen 2019's Table 3.
    expect(summary.anthracycline!.parts[1]!.factorSource).toMatch(/Feijen.*Table 3 \(ratio 0\.6/)

    const plan = await ok<CarePlan>('careplan.get', { profileId, asOf: '2026-11-22' })
    expect(plan.anthracycline).toEqual({
      doxorubicinEquivalentMgM2: Math.round(summary.anthracycline!.total * 10) / 10,
      incomplete: summary.anthracycline!.incomplete,
      table: summary.anthracycline!.table
    })
    expect(plan.anthracycline!.doxorubicinEquivalentMgM2).toBe(135)
  })

  it('says which measurement converted each medicine, the latest one for doses after it', async () => {
    await save('measurement', { measuredOn: '2019-06-01', heightCm: 105, weightKg: 17 })
    await save('measurement', { measuredOn: '2020-01-15', heightCm: 112, weightKg: 19 })
    await save('measurement', { measuredOn: '2021-06-01', heightCm: 125, weightKg: 24 })
    await save('administration', {
      drugId: 'daunorubicin',
      route: 'iv',
      dose: 25,
      unit: 'mg/m2',
      schedule: { kind: 'repeat', start: '2021-09-27', intervalDays: 7, count: 4 }
    })
    const summary = await ok<TreatmentSummary>('record.summary', { profileId })
    // 100 mg/m² × √(125 × 24 / 3600) = 100 × 0.912871 = 91.2871 mg.
    expect(summary.exposures[0]!.absoluteTotal).toBeCloseTo(91.2871, 3)
    expect(summary.exposures[0]!.measurementsUsed).toEqual([
      { heightFrom: '2021-06-01', weightFrom: '2021-06-01', doses: 4 }
    ])
  })

  it('etoposide 60 mg/kg saves and converts with the weight nearest the date', async () => {
    await save('measurement', { measuredOn: '2023-11-13', heightCm: 117.2, weightKg: 22.6 })
    await save('measurement', { measuredOn: '2024-02-12', heightCm: 117.7, weightKg: 21.5 })
    await save('measurement', { measuredOn: '2024-04-16', heightCm: 117.9, weightKg: 20.2 })
    // TBI/etoposide conditioning: 60 mg/kg once, three days before the transplant.
    await save('administration', {
      drugId: 'etoposide',
      route: 'iv',
      dose: 60,
      unit: 'mg/kg',
      schedule: { kind: 'once', date: '2024-02-17' }
    })
    const summary = await ok<TreatmentSummary>('record.summary', { profileId })
    const etoposide = summary.exposures.find((e) => e.drugId === 'etoposide')!
    // Nearest weight to 2024-02-17: 21.5 kg (5 days before). 60 × 21.5 = 1290 mg; over
    // BSA √(117.7 × 21.5 / 3600) = 0.838410 m²: 1538.62 mg/m².
    expect(etoposide.absoluteTotal).toBe(1290)
    expect(etoposide.perM2Total).toBeCloseTo(1538.62, 1)
    expect(etoposide.measurementsUsed).toEqual([
      { heightFrom: '2024-02-12', weightFrom: '2024-02-12', doses: 1 }
    ])
  })
})
