/**
 * A record typed in after the fact is not a wall of red: an item that was already past due when
 * the plan first showed it says there is no record of it being done; "overdue" is kept for what
 * fell due while the family was keeping the plan. The counts at the top come from the core.
 *
 * The engine on hand-worked dates first, then the core on the real encrypted database.
 */
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/api.ts'
import { buildPlanItems, type UserPlanState } from '../../electron/core/careplan/engine.ts'
import { computeFacts, type PlanRecord } from '../../electron/core/careplan/facts.ts'
import { shippedCarePlanContent } from '../../electron/core/careplan/shippedContent.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import { addDays, addMonths } from '../../electron/core/record/dates.ts'
import type { CarePlan, DueState, PlanItem } from '../../electron/shared/careplan.ts'
import { todayIso } from '../../electron/shared/record.ts'
import { DRUGS, PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

const CONTENT = shippedCarePlanContent()
const TABLE = CONTENT.equivalenceTables.find((t) => t.id === CONTENT.anthracyclineTable)!
const ECHO = 'heart.echocardiogram'

// ---- The engine, on a record worked by hand ----

/**
 * A girl born 2015-06-01, treated for ALL with 150 mg/m² doxorubicin; treatment ended
 * 2021-06-30. PanCare: echocardiogram from 2 years after treatment (2023-06-30), then every
 * 5 years under 250 mg/m².
 */
const RECORD: PlanRecord = {
  profile: {
    dateOfBirth: '2015-06-01',
    sex: 'female',
    treatmentCompletedOn: '2021-06-30',
    ongoingTherapy: null
  },
  diagnoses: [{ condition: 'b-cell-all', diagnosedOn: '2019-09-01' }],
  administrations: [
    {
      id: 'a1',
      drugId: 'doxorubicin',
      route: 'iv',
      dose: 150,
      unit: 'mg/m2',
      schedule: { kind: 'once', date: '2020-01-10' },
      estimated: false
    }
  ],
  measurements: [],
  radiation: [],
  transplants: [],
  supportiveCare: []
}
const ECHO_FIRST_DUE = '2023-06-30'

function user(parts: Partial<UserPlanState> = {}): UserPlanState {
  return {
    completions: new Map(),
    states: new Map(),
    ownItems: [],
    firstSeen: new Map(),
    ...parts
  }
}

function echoOf(state: UserPlanState, asOf: string, seenOn?: string): PlanItem {
  const facts = computeFacts(RECORD, DRUGS, TABLE)
  return buildPlanItems(CONTENT, facts, state, asOf, seenOn).items.find((i) => i.key === ECHO)!
}

describe('the engine: overdue only for what fell due while the plan was kept', () => {
  it('an item already past due the first time the plan shows it has no record, not overdue', () => {
    // Typed in on 2026-11-22: the echo was due on 2023-06-30, before anyone kept this plan.
    const echo = echoOf(user(), '2026-11-22')
    expect(echo.nextDue).toBe(ECHO_FIRST_DUE)
    expect(echo.dueState).toBe('no-record')
    expect(echo.firstSeenOn).toBe('2026-11-22')
    // A snooze past that date still shows as snoozed.
    const snoozed = user({
      states: new Map([[ECHO, { snoozedUntil: '2027-01-01', dismissed: null, responsible: null }]])
    })
    expect(echoOf(snoozed, '2026-11-22').dueState).toBe('snoozed')
  })

  it('an item whose due date passed after it first appeared is overdue', () => {
    // In the plan since 2023-01-01, half a year before it fell due.
    const seen = user({ firstSeen: new Map([[ECHO, '2023-01-01']]) })
    expect(echoOf(seen, '2023-05-01').dueState).toBe('due-soon')
    const late = echoOf(seen, '2026-11-22')
    expect(late.dueState).toBe('overdue')
    expect(late.firstSeenOn).toBe('2023-01-01')
  })

  it('the day it appeared counts as kept: due that very day is overdue the day after', () => {
    const seen = user({ firstSeen: new Map([[ECHO, ECHO_FIRST_DUE]]) })
    expect(echoOf(seen, '2023-07-01').dueState).toBe('overdue')
    const seenLater = user({ firstSeen: new Map([[ECHO, '2023-07-01']]) })
    expect(echoOf(seenLater, '2023-07-02').dueState).toBe('no-record')
  })

  it('a last-done date moves the next due date; one that is still too old is still no record', () => {
    const recent = user({
      firstSeen: new Map([[ECHO, '2026-11-22']]),
      completions: new Map([
        [ECHO, [{ id: 'c', doneOn: '2024-09-01', note: null, dateKnown: true }]]
      ])
    })
    const echo = echoOf(recent, '2026-11-22')
    // 2024-09-01 + 5 years.
    expect(echo.nextDue).toBe('2029-09-01')
    expect(echo.dueState).toBe('scheduled')
    const old = user({
      firstSeen: new Map([[ECHO, '2026-11-22']]),
      completions: new Map([
        [ECHO, [{ id: 'c', doneOn: '2020-02-01', note: null, dateKnown: true }]]
      ])
    })
    // 2020-02-01 + 5 years = 2025-02-01: due before the plan was kept, and not done since.
    expect(echoOf(old, '2026-11-22')).toMatchObject({
      nextDue: '2025-02-01',
      dueState: 'no-record'
    })
  })

  it('done, date not known: counted from the day it was noted, and replaced by nothing else', () => {
    const noted = user({
      firstSeen: new Map([[ECHO, '2026-11-22']]),
      completions: new Map([
        [ECHO, [{ id: 'c', doneOn: null, notedOn: '2026-11-22', note: null, dateKnown: false }]]
      ])
    })
    const echo = echoOf(noted, '2026-11-22')
    expect(echo.nextDue).toBe('2031-11-22')
    expect(echo.dueState).toBe('scheduled')
    // Five years on, with nothing recorded since, it is overdue like any other.
    expect(echoOf(noted, '2031-11-23').dueState).toBe('overdue')
  })

  it('fast-check: overdue exactly when due after first seen and before the day looked at', () => {
    const day = fc.integer({ min: 0, max: 4000 }).map((n) => addDays('2021-01-01', n))
    // The obviously right reading of the issue, state by state.
    const reference = (due: string, seen: string, asOf: string): DueState =>
      due >= asOf
        ? due <= addDays(asOf, 90)
          ? 'due-soon'
          : 'scheduled'
        : due >= seen
          ? 'overdue'
          : 'no-record'
    fc.assert(
      fc.property(
        day,
        day,
        fc.option(day, { nil: null }),
        fc.boolean(),
        (asOf, seen, doneOn, dateKnown) => {
          const done =
            doneOn === null || doneOn > asOf
              ? []
              : [
                  dateKnown
                    ? { id: 'c', doneOn, note: null, dateKnown: true as const }
                    : {
                        id: 'c',
                        doneOn: null,
                        notedOn: doneOn,
                        note: null,
                        dateKnown: false as const
                      }
                ]
          const echo = echoOf(
            user({ firstSeen: new Map([[ECHO, seen]]), completions: new Map([[ECHO, done]]) }),
            asOf
          )
          const due = done.length > 0 ? addMonths(doneOn!, 60) : ECHO_FIRST_DUE
          expect(echo.nextDue).toBe(due)
          expect(echo.dueState).toBe(reference(due, seen, asOf))
        }
      ),
      { numRuns: 1000 }
    )
  })
})

// ---- The core, on the real encrypted database ----

let core: Core
let profileId: string
const itemOf = (plan: CarePlan, key: string) => plan.items.find((i) => i.key === key)!
const active = (plan: CarePlan) => plan.items.filter((i) => !i.dismissed)
const count = (plan: CarePlan, state: DueState) =>
  active(plan).filter((i) => i.dueState === state).length

beforeEach(async () => {
  core = newCore()
  await core.vault.create(PASSPHRASE)
  // Alex's treatment ended 2024-08-20: typed in now, most checks were due before today.
  profileId = (await core.handlers['profiles.loadSample']({})).id
})
afterEach(cleanupTempDirs)

describe('a record typed in after treatment ended', () => {
  it('shows no overdue item: what was due before the first look has no record yet', async () => {
    const today = todayIso()
    const plan = await core.handlers['careplan.get']({ profileId })
    const echo = itemOf(plan, ECHO)
    expect(echo.nextDue).toBe('2026-08-20')
    expect(echo.dueState).toBe('no-record')
    expect(echo.firstSeenOn).toBe(today)
    expect(count(plan, 'overdue')).toBe(0)
    expect(count(plan, 'no-record')).toBeGreaterThan(10)
    // Every item with a due date before today is "no record"; none is hidden as scheduled.
    for (const i of active(plan)) {
      if (i.nextDue !== null && i.nextDue < today && i.dueState !== 'snoozed') {
        expect([i.key, i.dueState]).toEqual([i.key, 'no-record'])
      }
    }
  })

  it('the counts at the top are computed by the core, from the items it shows', async () => {
    const plan = await core.handlers['careplan.get']({ profileId })
    expect(plan.status).toEqual({
      items: active(plan).length,
      noRecord: count(plan, 'no-record'),
      overdue: 0,
      dueSoon: count(plan, 'due-soon'),
      bySystem: expect.any(Object)
    })
    const heart = active(plan).filter((i) => i.system === 'heart')
    expect(plan.status.bySystem.heart).toEqual({
      items: heart.length,
      noRecord: heart.filter((i) => i.dueState === 'no-record').length,
      overdue: 0,
      dueSoon: heart.filter((i) => i.dueState === 'due-soon').length
    })
    // A dismissed item is not counted.
    const dismissed = await core.handlers['careplan.dismiss']({
      profileId,
      itemKey: ECHO,
      reason: 'Seen by cardiology'
    })
    expect(dismissed.status.items).toBe(plan.status.items - 1)
    expect(dismissed.status.noRecord).toBe(plan.status.noRecord - 1)
  })

  it('the day each item first appeared is kept: what falls due later becomes overdue', async () => {
    const first = await core.handlers['careplan.get']({ profileId })
    // The thyroid check starts 5 years after the neck radiation: due in the future today.
    const thyroid = itemOf(first, 'new-cancers.thyroid')
    expect(thyroid.nextDue! > todayIso()).toBe(true)
    const later = addDays(thyroid.nextDue!, 1)
    await core.vault.lock()
    await core.vault.unlock(PASSPHRASE)
    const then = await core.handlers['careplan.get']({ profileId, asOf: later })
    expect(itemOf(then, 'new-cancers.thyroid').dueState).toBe('overdue')
    expect(itemOf(then, 'new-cancers.thyroid').firstSeenOn).toBe(todayIso())
    expect(itemOf(then, ECHO).dueState).toBe('no-record')
    expect(then.status.overdue).toBe(count(then, 'overdue'))
    expect(then.status.overdue).toBeGreaterThan(0)
  })

  it('recording when an item was last done sets its next due date from it, kept across a lock', async () => {
    await core.handlers['careplan.get']({ profileId })
    const done = await core.handlers['careplan.markDone']({
      profileId,
      itemKey: ECHO,
      doneOn: '2024-09-01',
      note: null
    })
    // Every 5 years from 2024-09-01.
    expect(itemOf(done, ECHO)).toMatchObject({ nextDue: '2029-09-01', dueState: 'scheduled' })
    expect(done.status.noRecord).toBe(count(done, 'no-record'))
    await core.vault.lock()
    await core.vault.unlock(PASSPHRASE)
    const again = await core.handlers['careplan.get']({ profileId })
    expect(itemOf(again, ECHO).completions).toEqual([
      { id: expect.any(String), doneOn: '2024-09-01', note: null, dateKnown: true }
    ])
    expect(itemOf(again, ECHO).nextDue).toBe('2029-09-01')
  })

  it('done, date not known: a repeating check is due again one interval from today; a one-off is done', async () => {
    const today = todayIso()
    await core.handlers['careplan.get']({ profileId })
    const echo = itemOf(
      await core.handlers['careplan.markDone']({
        profileId,
        itemKey: ECHO,
        doneOn: null,
        note: null
      }),
      ECHO
    )
    expect(echo.completions).toEqual([
      { id: expect.any(String), doneOn: null, notedOn: today, note: null, dateKnown: false }
    ])
    expect(echo.nextDue).toBe(addMonths(today, 60))
    expect(echo.dueState).toBe('scheduled')

    // The iron check after transfusions is done once, on entering long-term follow-up.
    const liver = itemOf(
      await core.handlers['careplan.markDone']({
        profileId,
        itemKey: 'liver.iron-overload',
        doneOn: null,
        note: 'At the old hospital'
      }),
      'liver.iron-overload'
    )
    expect(liver.dueState).toBe('complete')
    expect(liver.completions[0]).toMatchObject({ doneOn: null, note: 'At the old hospital' })
  })

  it('a date found later replaces "date not known"; a newer check is kept beside it', async () => {
    await core.handlers['careplan.get']({ profileId })
    await core.handlers['careplan.markDone']({ profileId, itemKey: ECHO, doneOn: null, note: null })
    // The date turns up in a clinic letter: on or before the day it was noted, so it is that check.
    const found = itemOf(
      await core.handlers['careplan.markDone']({
        profileId,
        itemKey: ECHO,
        doneOn: '2025-03-04',
        note: null
      }),
      ECHO
    )
    expect(found.completions.map((c) => [c.doneOn, c.dateKnown])).toEqual([['2025-03-04', true]])
    expect(found.nextDue).toBe('2030-03-04')

    // Noted as done without a date on 2025-01-10 (the day is set here as if it had been then).
    const cholesterol = 'metabolic.cholesterol'
    await core.handlers['careplan.markDone']({
      profileId,
      itemKey: cholesterol,
      doneOn: null,
      note: null
    })
    core.vault.db
      .prepare('UPDATE careplan_completions SET done_on = ? WHERE item_key = ? AND date_known = 0')
      .run('2025-01-10', cholesterol)
    const both = itemOf(
      await core.handlers['careplan.markDone']({
        profileId,
        itemKey: cholesterol,
        doneOn: '2025-06-01',
        note: null
      }),
      cholesterol
    )
    // A check after that day is another one: both are kept, the newest first.
    expect(both.completions.map((c) => [c.doneOn, c.dateKnown])).toEqual([
      ['2025-06-01', true],
      [null, false]
    ])
    expect(both.nextDue).toBe('2030-06-01')
  })

  it('"date not known" is refused for an item not in the plan, changing nothing', async () => {
    const before = await core.handlers['careplan.get']({ profileId })
    const unknown = await dispatch(core.handlers, 'careplan.markDone', {
      profileId,
      itemKey: 'heart.not-a-check',
      doneOn: null
    })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await core.handlers['careplan.get']({ profileId })).items).toEqual(before.items)
  })

  it('own items: a first due date already past when added has no record yet', async () => {
    const plan = await core.handlers['careplan.saveOwnItem']({
      profileId,
      title: 'Physiotherapy review',
      system: 'bones-and-joints',
      what: null,
      everyMonths: 12,
      firstDue: '2025-01-15',
      responsible: 'you'
    })
    const own = plan.items.find((i) => i.kind === 'own')!
    expect(own).toMatchObject({ nextDue: '2025-01-15', dueState: 'no-record' })
  })
})
