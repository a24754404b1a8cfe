/**
 * The core remembers the treatment summary and the care plan until the vault is written
 * (electron/core/readMemo.ts), because the Summary screen, the plan screen and the export ask for
 * them again and again. A remembered answer that outlived a change would put a stale dose on a
 * doctor's page: the oracle is the same summary and plan worked out afresh from the database,
 * after every step of random sequences of what a family does.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/api.ts'
import { anthracyclineTableWithSources } from '../../electron/core/careplan/content.ts'
import { carePlan } from '../../electron/core/careplan/plan.ts'
import { shippedCarePlanContent } from '../../electron/core/careplan/shippedContent.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import { createReadMemo } from '../../electron/core/readMemo.ts'
import { treatmentSummary } from '../../electron/core/record/summary.ts'
import { todayIso } from '../../electron/shared/record.ts'
import { DRUGS, PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

describe('createReadMemo', () => {
  it('answers from memory while the stamp holds, per key, and works out again after', () => {
    let stamp = 'a'
    let computed = 0
    const memo = createReadMemo(() => stamp)
    const double = memo.remembered(
      (n: number) => String(n),
      (n: number) => {
        computed++
        return { value: n * 2 }
      }
    )
    const first = double(2)
    expect(double(2)).toBe(first)
    expect(double(3).value).toBe(6)
    expect(computed).toBe(2)
    stamp = 'b'
    expect(double(2)).not.toBe(first)
    expect(double(2).value).toBe(4)
    expect(computed).toBe(3)
    memo.clear()
    double(2)
    expect(computed).toBe(4)
  })
})

describe('the summary and plan the core remembers', () => {
  let core: Core
  let profileId: string
  const content = shippedCarePlanContent()
  const fresh = () => ({
    summary: treatmentSummary(
      core.vault.db,
      profileId,
      DRUGS,
      anthracyclineTableWithSources(content)
    ),
    plan: carePlan(core.vault.db, profileId, { content, drugs: DRUGS }, todayIso())
  })
  const remembered = async () => ({
    summary: await core.handlers['record.summary']({ profileId }),
    plan: await core.handlers['careplan.get']({ profileId })
  })

  beforeAll(async () => {
    core = newCore()
    await core.vault.create(PASSPHRASE)
    profileId = (await core.handlers['profiles.loadSample']({})).id
    // The plan's first reading is unlike every later one (nothing to compare it with yet).
    await core.handlers['careplan.get']({ profileId })
  })
  afterAll(cleanupTempDirs)

  const save = async (kind: string, entry: Record<string, unknown>) => {
    const result = await dispatch(core.handlers, 'record.save', {
      kind,
      entry: { profileId, ...entry }
    })
    if (!result.ok) throw new Error(result.error.message)
    return result.value as { id: string }
  }

  // What a family does between two looks at the Summary: a dose, a measurement, a deletion, a
  // check marked done or put off.
  const day = fc
    .integer({ min: 0, max: 2000 })
    .map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10))
  const step = fc.oneof(
    fc.record({
      kind: fc.constant('dose' as const),
      drugId: fc.constantFrom('doxorubicin', 'daunorubicin', 'vincristine', 'cyclophosphamide'),
      dose: fc.integer({ min: 1, max: 90 }),
      date: day
    }),
    fc.record({
      kind: fc.constant('measurement' as const),
      heightCm: fc.integer({ min: 80, max: 190 }),
      weightKg: fc.integer({ min: 12, max: 90 }),
      date: day
    }),
    fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    fc.record({
      kind: fc.constantFrom('done' as const, 'snooze' as const),
      itemKey: fc.constantFrom('heart.echocardiogram', 'heart.ecg', 'metabolic.cholesterol'),
      date: day
    })
  )
  type Step = typeof step extends fc.Arbitrary<infer S> ? S : never
  const saved: string[] = []

  const take = async (s: Step) => {
    if (s.kind === 'dose') {
      const entry = {
        drugId: s.drugId,
        route: 'iv',
        dose: s.dose,
        unit: 'mg/m2',
        schedule: { kind: 'once', date: s.date },
        confirmedUnusual: true
      }
      saved.push((await save('administration', entry)).id)
    } else if (s.kind === 'measurement') {
      await save('measurement', { measuredOn: s.date, heightCm: s.heightCm, weightKg: s.weightKg })
    } else if (s.kind === 'delete') {
      const id = saved.splice(s.pick % Math.max(1, saved.length), 1)[0]
      if (id) await core.handlers['record.delete']({ kind: 'administration', id })
    } else if (s.kind === 'done') {
      await core.handlers['careplan.markDone']({
        profileId,
        itemKey: s.itemKey,
        doneOn: s.date,
        note: null
      })
    } else {
      await core.handlers['careplan.snooze']({ profileId, itemKey: s.itemKey, until: s.date })
    }
  }

  it('are what the database says after every change, and the same answer while nothing changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        for (const s of steps) {
          await take(s)
          // Worked out afresh first: a plan reading may write (the day an item first appeared), so
          // the core's answer is compared with the database as that left it.
          const expected = fresh()
          const first = await remembered()
          expect(first).toEqual(expected)
          // Asked again with nothing written: the remembered answers themselves.
          const again = await remembered()
          expect(again.summary).toBe(first.summary)
          expect(again.plan).toBe(first.plan)
        }
      }),
      { numRuns: 150 }
    )
  })

  it('are forgotten when the vault locks', async () => {
    // Each unlock opens a connection that counts its changes from zero: the same count after a
    // lock and an unlock must not bring back an answer from before (nor keep it in memory).
    const reopened = async () => {
      await core.vault.lock()
      await core.vault.unlock(PASSPHRASE)
      return core.handlers['record.summary']({ profileId })
    }
    const before = await reopened()
    const after = await reopened()
    expect(after).not.toBe(before)
    expect(after).toEqual(before)
  })
})
