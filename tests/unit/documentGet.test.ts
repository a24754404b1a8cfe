/**
 * `document.get`: the Summary screen's document is the one `export.pdf` prints, built from the
 * same channels' answers, so the screen and the paper cannot disagree about a number.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/api.ts'
import { buildClinicalDocument } from '../../electron/core/document/build.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import type { CarePlan } from '../../electron/shared/careplan.ts'
import type { Profile, Result } from '../../electron/shared/contract.ts'
import type { ClinicalDocument } from '../../electron/shared/document.ts'
import type { Question } from '../../electron/shared/library.ts'
import { todayIso } from '../../electron/shared/record.ts'
import type { TreatmentSummary } from '../../electron/shared/summary.ts'
import { PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

let core: Core

async function call<T>(method: string, input: unknown): Promise<Result<T>> {
  return (await dispatch(core.handlers, method, input)) as Result<T>
}

async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = await call<T>(method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value
}

beforeEach(async () => {
  core = newCore()
  await core.vault.create(PASSPHRASE)
})
afterEach(cleanupTempDirs)

describe('document.get', () => {
  it('answers the sample’s full document, built from what record.summary, careplan.get and questions.list answer', async () => {
    const { id: profileId } = await ok<Profile>('profiles.loadSample', {})
    const doc = await ok<ClinicalDocument>('document.get', { profileId })
    const expected = buildClinicalDocument({
      summary: await ok<TreatmentSummary>('record.summary', { profileId }),
      plan: await ok<CarePlan>('careplan.get', { profileId }),
      questions: await ok<Question[]>('questions.list', { profileId }),
      preparedOn: todayIso()
    })
    expect(doc).toEqual(expected)
    expect(doc.variant).toBe('full')
    expect(doc.sections.map((s) => s.id)).toContain('treatment')
  })

  it('lets other calls in between the summary and the plan, and a dose saved then is in both', async () => {
    const { id: profileId } = await ok<Profile>('profiles.create', { displayName: 'Ada' })
    const doxorubicin = (date: string) =>
      ok('record.save', {
        kind: 'administration',
        entry: {
          profileId,
          drugId: 'doxorubicin',
          route: 'iv',
          dose: 50,
          unit: 'mg/m2',
          schedule: { kind: 'once', date }
        }
      })
    await doxorubicin('2024-01-01')
    const getting = ok<ClinicalDocument>('document.get', { profileId })
    // Set before document.get asks for its turn after reading the summary, so this runs first.
    let savedBeforeAnswer = false
    const saving = new Promise((resolve) => setImmediate(resolve)).then(async () => {
      await doxorubicin('2024-01-08')
      savedBeforeAnswer = true
    })
    const doc = await getting
    await saving
    expect(savedBeforeAnswer).toBe(true)
    // Built from the record with both doses: never the summary's 50 beside the plan's 100.
    expect(doc).toEqual(
      buildClinicalDocument({
        summary: await ok<TreatmentSummary>('record.summary', { profileId }),
        plan: await ok<CarePlan>('careplan.get', { profileId }),
        questions: await ok<Question[]>('questions.list', { profileId }),
        preparedOn: todayIso()
      })
    )
  })

  it('says NOT_FOUND for a person who is not in the vault', async () => {
    const result = await call('document.get', { profileId: crypto.randomUUID() })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('NOT_FOUND')
  })
})
