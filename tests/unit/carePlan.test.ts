/**
 * The care plan through the core's handlers, on the real encrypted database: what the person
 * does with it (done, snooze, dismiss, who, their own items, reviews) is kept through a lock;
 * the plan follows the record and the rules, says what changed, and keeps done dates.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/api.ts'
import { shippedCarePlanContent } from '../../electron/core/careplan/shippedContent.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import { addDays, addMonths } from '../../electron/core/record/dates.ts'
import type { CarePlan } from '../../electron/shared/careplan.ts'
import { PASSPHRASE, cleanupTempDirs, newCore, tempDir } from './helpers/vaultFixture.ts'

const ECHO = 'heart.echocardiogram'
let core: Core
let profileId: string

function today(): string {
  const now = new Date()
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10)
}

const itemOf = (plan: CarePlan, key: string) => plan.items.find((i) => i.key === key)

beforeEach(async () => {
  core = newCore()
  await core.vault.create(PASSPHRASE)
  profileId = (await core.handlers['profiles.loadSample']({})).id
})
afterEach(cleanupTempDirs)

describe('the sample profile', () => {
  it("lists the heart check with the sample's own numbers and the plain statement", async () => {
    const plan = await core.handlers['careplan.get']({ profileId, asOf: '2026-11-22' })
    expect(plan.disclaimer).toMatch(/not medical advice/)
    // Doxorubicin 3 × 25 = 75 mg/m²; daunorubicin 4 × 25 = 100 mg/m² × 0.6 = 60; total 135.
    expect(plan.anthracycline?.doxorubicinEquivalentMgM2).toBe(135)
    const echo = itemOf(plan, ECHO)!
    expect(echo.why[0]).toBe(
      'Doxorubicin 75 mg/m² at age 4; daunorubicin 100 mg/m² (≈60 mg/m² doxorubicin-equivalent) at age 7: 135 mg/m² doxorubicin-equivalent in total (at least 100 and under 250 mg/m²).'
    )
    // Treatment completed 2024-08-20 → first echo by 2026-08-20: already past when the plan
    // was first shown (today), so there is no record of it rather than an overdue check.
    expect(echo.nextDue).toBe('2026-08-20')
    expect(echo.dueState).toBe('no-record')
    expect(plan.changes).toBeNull()
  })

  it('marking a check done moves its next due date, and everything survives lock and unlock', async () => {
    const done = await core.handlers['careplan.markDone']({
      profileId,
      itemKey: ECHO,
      doneOn: today(),
      note: 'Normal function'
    })
    expect(itemOf(done, ECHO)!.nextDue).toBe(addMonths(today(), 60))
    await core.handlers['careplan.snooze']({
      profileId,
      itemKey: 'heart.ecg',
      until: addMonths(today(), 2)
    })
    await core.handlers['careplan.dismiss']({
      profileId,
      itemKey: 'new-cancers.skin',
      reason: 'Seen by dermatology'
    })
    await core.handlers['careplan.setResponsible']({
      profileId,
      itemKey: 'metabolic.cholesterol',
      responsible: 'follow-up-team'
    })
    await core.handlers['careplan.saveOwnItem']({
      profileId,
      title: 'Physiotherapy review',
      system: 'bones-and-joints',
      what: 'Knee exercises',
      everyMonths: 6,
      firstDue: '2027-01-15',
      responsible: 'you'
    })
    await core.handlers['careplan.addReview']({
      profileId,
      reviewedWith: 'Dr Amara Okafor, late-effects clinic',
      reviewedOn: today(),
      note: null
    })

    await core.vault.lock()
    await core.vault.unlock(PASSPHRASE)
    const plan = await core.handlers['careplan.get']({ profileId })
    const echo = itemOf(plan, ECHO)!
    expect(echo.completions).toEqual([
      { id: expect.any(String), doneOn: today(), note: 'Normal function', dateKnown: true }
    ])
    expect(echo.nextDue).toBe(addMonths(today(), 60))
    expect(itemOf(plan, 'heart.ecg')!.dueState).toBe('snoozed')
    expect(itemOf(plan, 'new-cancers.skin')!.dismissed?.reason).toBe('Seen by dermatology')
    expect(itemOf(plan, 'metabolic.cholesterol')!.responsible).toBe('follow-up-team')
    const own = plan.items.find((i) => i.kind === 'own')!
    expect(own).toMatchObject({
      title: 'Physiotherapy review',
      nextDue: '2027-01-15',
      frequency: 'Every 6 months'
    })
    expect(plan.reviews).toEqual([
      {
        id: expect.any(String),
        reviewedWith: 'Dr Amara Okafor, late-effects clinic',
        reviewedOn: today(),
        note: null
      }
    ])

    // Undo the done date: the echo is due from the start again.
    const undone = await core.handlers['careplan.undoDone']({
      profileId,
      completionId: echo.completions[0]!.id
    })
    expect(itemOf(undone, ECHO)!.nextDue).toBe('2026-08-20')
    const restored = await core.handlers['careplan.restore']({
      profileId,
      itemKey: 'new-cancers.skin'
    })
    expect(itemOf(restored, 'new-cancers.skin')!.dismissed).toBeNull()
    // Saving the item from its form decides who is responsible, over a choice made on the card.
    await core.handlers['careplan.setResponsible']({
      profileId,
      itemKey: own.key,
      responsible: 'oncology-team'
    })
    const edited = await core.handlers['careplan.saveOwnItem']({
      profileId,
      id: own.key.slice(4),
      title: 'Physiotherapy review',
      system: 'bones-and-joints',
      what: null,
      everyMonths: 12,
      firstDue: '2027-01-15',
      responsible: 'family-doctor'
    })
    expect(itemOf(edited, own.key)).toMatchObject({
      responsible: 'family-doctor',
      responsibleIsDefault: true,
      own: { everyMonths: 12, firstDue: '2027-01-15' }
    })
    const deleted = await core.handlers['careplan.deleteOwnItem']({
      profileId,
      id: own.key.slice(4)
    })
    expect(deleted.items.some((i) => i.kind === 'own')).toBe(false)
  })

  it('refuses changes to items that are not in the plan, and bad dates, changing nothing', async () => {
    const before = await core.handlers['careplan.get']({ profileId })
    const unknown = await dispatch(core.handlers, 'careplan.markDone', {
      profileId,
      itemKey: 'heart.not-a-check',
      doneOn: today()
    })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const past = await dispatch(core.handlers, 'careplan.snooze', {
      profileId,
      itemKey: ECHO,
      until: '2020-01-01'
    })
    expect(past).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: [{ path: 'until' }] }
    })
    const future = await dispatch(core.handlers, 'careplan.markDone', {
      profileId,
      itemKey: ECHO,
      doneOn: addDays(today(), 1)
    })
    expect(future).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: [{ path: 'doneOn', message: 'That date is in the future.' }]
      }
    })
    const after = await core.handlers['careplan.get']({ profileId })
    expect(after.items).toEqual(before.items)
    expect(after.changes).toEqual([])
  })
})

describe('re-evaluation', () => {
  it('a record change updates the plan, says what changed, and keeps done dates', async () => {
    await core.handlers['careplan.get']({ profileId }) // the first look is remembered
    await core.handlers['careplan.markDone']({
      profileId,
      itemKey: ECHO,
      doneOn: '2026-09-01',
      note: null
    })

    // 120 mg/m² more doxorubicin: 135 + 120 = 255 ≥ 250 → every 2 to 3 years instead of 5.
    await dispatch(core.handlers, 'record.save', {
      kind: 'administration',
      entry: {
        profileId,
        drugId: 'doxorubicin',
        route: 'iv',
        dose: 30,
        unit: 'mg/m2',
        schedule: { kind: 'repeat', start: '2024-01-01', intervalDays: 7, count: 4 }
      }
    })
    const plan = await core.handlers['careplan.get']({ profileId })
    const echo = itemOf(plan, ECHO)!
    expect(echo.frequency).toMatch(/every 2 to 3 years/)
    expect(echo.completions.map((c) => c.doneOn)).toEqual(['2026-09-01'])
    expect(echo.nextDue).toBe('2028-09-01')
    expect(plan.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'changed', key: ECHO, title: echo.title })
      ])
    )

    const seen = await core.handlers['careplan.acknowledgeChanges']({ profileId })
    expect(seen.changes).toEqual([])
  })

  it('an item that leaves the plan is reported as removed, and finds its done dates when it comes back', async () => {
    // The sample's hearing test comes from 18 Gy cranial + 12 Gy TBI = 30 Gy to the head; without
    // the cranial course the total is 12 Gy and the test leaves the plan.
    const key = 'ears.hearing-test'
    const cranialEntry = (
      await core.handlers['record.list']({ profileId, kind: 'radiation' })
    ).find((e) => (e as { field: string }).field === 'cranial')!
    await core.handlers['careplan.get']({ profileId })
    await core.handlers['careplan.markDone']({
      profileId,
      itemKey: key,
      doneOn: '2026-10-01',
      note: 'Hearing normal'
    })
    await core.handlers['record.delete']({ kind: 'radiation', id: cranialEntry.id })
    const without = await core.handlers['careplan.get']({ profileId })
    expect(itemOf(without, key)).toBeUndefined()
    expect(without.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'removed', key })])
    )
    const cranial = cranialEntry as unknown as Record<string, unknown>
    const input = Object.fromEntries(
      Object.entries(cranial).filter(([k]) => !['id', 'createdAt', 'updatedAt'].includes(k))
    )
    await dispatch(core.handlers, 'record.save', { kind: 'radiation', entry: input })
    const back = itemOf(await core.handlers['careplan.get']({ profileId }), key)!
    expect(back.completions.map((c) => c.note)).toEqual(['Hearing normal'])
    expect(back.dueState).toBe('scheduled')
  })

  it('a new version of the rules is reported, with the items it changed', async () => {
    const dir = tempDir()
    const first = newCore(dir)
    await first.vault.create(PASSPHRASE)
    const person = await first.handlers['profiles.loadSample']({})
    await first.handlers['careplan.get']({ profileId: person.id })
    await first.shutdown()

    const content = structuredClone(shippedCarePlanContent())
    content.version = `${content.version}-next`
    for (const rule of content.rules) {
      if (rule.id === 'heart-echo-moderate') {
        rule.frequency = 'From 2 years after treatment ends, then every 4 years'
        rule.schedule = { start: [{ from: 'therapy-end', months: 24 }], every: [{ months: 48 }] }
      }
    }
    const next = newCore(dir, { carePlanContent: content })
    await next.vault.unlock(PASSPHRASE)
    const plan = await next.handlers['careplan.get']({ profileId: person.id })
    expect(plan.rulesVersion).toBe(content.version)
    expect(plan.rulesCheckedOn).toBe(content.checkedOn)
    expect(plan.changes!.map((c) => [c.kind, c.key])).toEqual([
      ['rules-updated', null],
      ['changed', ECHO]
    ])
    expect(plan.changes![0]!.detail).toContain(content.version)
  })
})
