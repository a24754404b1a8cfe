/**
 * The care-plan engine on hand-worked scenarios, with the rules that ship in content/careplan.
 * Each scenario is a small record; the expected items, reasons and dates are worked out in the
 * comments from the rules' sources (PanCare, IGHG, PanCareSurPass), not read back from the code.
 *
 * Dates: "entry into long-term follow-up" is counted from 2 years after treatment ended.
 */
import { describe, expect, it } from 'vitest'
import type { UserPlanState } from '../../electron/core/careplan/engine.ts'
import { longestRun } from '../../electron/core/careplan/facts.ts'
import { chooseGuideLink } from '../../electron/core/careplan/guideLink.ts'
import { NO_USER, doneOn, give, item, plan, radiation, record } from './helpers/carePlanScenario.ts'

const ECHO = 'heart.echocardiogram'

describe('a record with no exposures', () => {
  it('has the topics every survivor gets and no exposure-based check', () => {
    const { items, notes } = plan(record())
    const keys = items.map((i) => i.key)
    // Confirmed for everyone: psychosocial, body size, blood pressure; topics from ASCO and IOM.
    expect(keys).toEqual(
      expect.arrayContaining([
        'emotional.daily-life-check',
        'metabolic.weight-and-height',
        'metabolic.blood-pressure-and-vaccines',
        'recurrence.signs',
        'emotional.feelings-and-fear',
        'school-work.insurance-and-money',
        'fertility.questions',
        'fertility.sexual-health',
        'healthy-living.habits',
        'coordination.who-does-what'
      ])
    )
    for (const absent of [ECHO, 'heart.ecg', 'brain.learning-and-school', 'liver.liver-tests']) {
      expect(keys).not.toContain(absent)
    }
    expect(notes).toEqual([])
    // Every item says where it comes from.
    for (const i of items) expect(i.citations.length).toBeGreaterThan(0)
  })

  it('dates the psychosocial check from entry into long-term follow-up, every 2 years up to 18', () => {
    // Ended 2021-06-30 → first due 2023-06-30; done 2024-01-10 at age 8 → next 2026-01-10.
    const first = item(record(), 'emotional.daily-life-check')!
    expect(first.nextDue).toBe('2023-06-30')
    // Seen for the first time on AS_OF, years after that: no record, rather than overdue.
    expect(first.dueState).toBe('no-record')
    const after = item(
      record(),
      'emotional.daily-life-check',
      doneOn('emotional.daily-life-check', '2024-01-10')
    )!
    expect(after.nextDue).toBe('2026-01-10')
  })
})

describe('anthracyclines and the heart', () => {
  it('just under 100 mg/m² doxorubicin-equivalent: no echocardiogram, but an ECG', () => {
    // 99.9 mg/m² doxorubicin × 1 = 99.9: below PanCare's 100 mg/m² cardiomyopathy threshold;
    // arrhythmia is listed after any anthracycline dose.
    const r = record({ administrations: [give('doxorubicin', 99.9, '2020-01-10')] })
    expect(item(r, ECHO)).toBeUndefined()
    const ecg = item(r, 'heart.ecg')!
    expect(ecg.kind).toBe('check')
    expect(ecg.nextDue).toBe('2023-06-30')
  })

  it('at 100 mg/m²: an echocardiogram 2 years after treatment, then every 5 years', () => {
    const r = record({ administrations: [give('doxorubicin', 100, '2020-01-10')] })
    const echo = item(r, ECHO)!
    expect(echo.kind).toBe('check')
    expect(echo.status).toBe('CONFIRMED')
    expect(echo.frequency).toMatch(/every 5 years/)
    expect(echo.nextDue).toBe('2023-06-30')
    expect(echo.why).toEqual([
      'Doxorubicin 100 mg/m² at age 4: 100 mg/m² doxorubicin-equivalent in total (at least 100 and under 250 mg/m²).'
    ])
    // Done on 2024-02-29 → next 5 years later, on the last day of February 2029.
    expect(item(r, ECHO, doneOn(ECHO, '2024-02-29'))!.nextDue).toBe('2029-02-28')
  })

  it('daunorubicin 180 mg/m² counts as 108 mg/m² of doxorubicin, with the age at exposure', () => {
    // 180 × 0.6 = 108 (PanCare footnote d, from Feijen 2019).
    const r = record({ administrations: [give('daunorubicin', 45, '2019-09-05', { days: 4 })] })
    const echo = item(r, ECHO)!
    expect(echo.why[0]).toBe(
      'Daunorubicin 180 mg/m² (≈108 mg/m² doxorubicin-equivalent) at age 4: 108 mg/m² doxorubicin-equivalent in total (at least 100 and under 250 mg/m²).'
    )
    expect(echo.frequency).toMatch(/every 5 years/)
  })

  it('just under 250 stays every 5 years; at 250 it becomes every 2 years', () => {
    // Idarubicin 49.98 mg/m² × 5 = 249.9 → moderate. Doxorubicin 150 + epirubicin 125 × 0.8 = 250 → high.
    const under = record({ administrations: [give('idarubicin', 49.98, '2020-01-10')] })
    expect(item(under, ECHO)!.frequency).toMatch(/every 5 years/)
    const at = record({
      administrations: [
        give('doxorubicin', 150, '2020-01-10'),
        give('epirubicin', 125, '2020-02-10')
      ]
    })
    const echo = item(at, ECHO)!
    expect(echo.frequency).toMatch(/every 2 to 3 years/)
    expect(echo.why[0]).toContain('250 mg/m² doxorubicin-equivalent in total (at least 250 mg/m²)')
    // Done 2025-03-01 → next after 2 years.
    expect(item(at, ECHO, doneOn(ECHO, '2023-05-01', '2025-03-01'))!.nextDue).toBe('2027-03-01')
  })

  it('mitoxantrone counts ten times', () => {
    // 12 mg/m² × 10 = 120 → moderate risk.
    const r = record({ administrations: [give('mitoxantrone', 12, '2020-01-10')] })
    expect(item(r, ECHO)!.why[0]).toContain('(≈120 mg/m² doxorubicin-equivalent)')
  })

  it('anthracycline and chest radiation together raise the risk: every 2 years', () => {
    // Doxorubicin 120 alone → moderate (5 y); chest 20 Gy alone → moderate (5 y);
    // both (≥100 mg/m² with ≥15 Gy) → high risk (PanCareSurPass risk factor 3.3) → every 2 y.
    const both = record({
      administrations: [give('doxorubicin', 120, '2020-01-10')],
      radiation: [radiation('chest', 20)]
    })
    const echo = item(both, ECHO)!
    expect(echo.frequency).toMatch(/every 2 to 3 years/)
    expect(echo.why).toContain('Chest radiation 20 Gy at age 4 (at least 15 Gy).')
    expect(echo.ruleIds).toEqual(expect.arrayContaining(['heart-echo-high', 'heart-echo-moderate']))
    const chestOnly = record({ radiation: [radiation('chest', 20)] })
    expect(item(chestOnly, ECHO)!.frequency).toMatch(/every 5 years/)
  })

  it('heart radiation (IGHG 2023 via PanCare): under 15 Gy nothing, 29.9 Gy every 5 years, 30 Gy every 2 years', () => {
    expect(item(record({ radiation: [radiation('chest', 14.9)] }), ECHO)).toBeUndefined()
    expect(item(record({ radiation: [radiation('chest', 14.9)] }), 'heart.ecg')).toBeUndefined()
    expect(item(record({ radiation: [radiation('chest', 29.9)] }), ECHO)!.frequency).toMatch(
      /5 years/
    )
    expect(item(record({ radiation: [radiation('chest', 30)] }), ECHO)!.frequency).toMatch(
      /2 to 3 years/
    )
  })

  it('ECG once at entry, once more at 18 if the first was earlier', () => {
    // Born 2015-06-01: an ECG done at age 8 → due again on the 18th birthday, 2033-06-01.
    const r = record({ administrations: [give('doxorubicin', 50, '2020-01-10')] })
    expect(item(r, 'heart.ecg', doneOn('heart.ecg', '2023-07-01'))!.nextDue).toBe('2033-06-01')
    const twice = item(
      r,
      'heart.ecg',
      doneOn('heart.ecg', '2023-07-01', '2033-07-01'),
      '2034-01-01'
    )!
    expect(twice.dueState).toBe('complete')
    expect(twice.nextDue).toBeNull()
  })
})

describe('missing data', () => {
  it('an anthracycline dose in mg without height or weight: the echo needs data, never a guess', () => {
    const r = record({ administrations: [give('doxorubicin', 60, '2020-01-10', { unit: 'mg' })] })
    const echo = item(r, ECHO)!
    expect(echo.kind).toBe('needs-data')
    expect(echo.nextDue).toBeNull()
    expect(echo.missing.join(' ')).toMatch(/could not be converted/)
    // With a height and weight it converts: 60 mg / 1.0 m² (100 cm, 36 kg) = 60 mg/m² → below 100.
    const measured = record({
      administrations: [give('doxorubicin', 60, '2020-01-10', { unit: 'mg' })],
      measurements: [{ measuredOn: '2020-01-01', heightCm: 100, weightKg: 36 }]
    })
    expect(item(measured, ECHO)).toBeUndefined()
  })

  it('a chest radiation course without its dose: the echo needs the dose', () => {
    const echo = item(record({ radiation: [radiation('chest', null)] }), ECHO)!
    expect(echo.kind).toBe('needs-data')
    expect(echo.missing).toContain('The total dose of the chest radiation is not recorded.')
  })

  it('no treatment dates at all: a check says what date to add instead of a due date', () => {
    const r = record({
      profile: { treatmentCompletedOn: null },
      radiation: [{ ...radiation('cranial', 18), startedOn: null, endedOn: null }]
    })
    const dxa = item(r, 'bones.bone-density-scan')!
    expect(dxa.dueState).toBe('needs-date')
    expect(dxa.missing).toContain(
      'Add the date treatment ended (on the Details page) to see when this is due.'
    )
  })

  it('no recorded sex: checks that depend on it ask for it', () => {
    const r = record({
      profile: { sex: null },
      administrations: [give('cyclophosphamide', 1000, '2020-01-10')]
    })
    expect(item(r, 'fertility.ovarian-function')!.kind).toBe('needs-data')
    expect(item(r, 'fertility.male-fertility')!.kind).toBe('needs-data')
  })

  it('no date of birth: a plan-wide note, and age-banded checks use the shorter interval', () => {
    const { notes, items } = plan(record({ profile: { dateOfBirth: null } }))
    expect(notes[0]).toMatch(/date of birth or of diagnosis is missing/)
    const psych = items.find((i) => i.key === 'emotional.daily-life-check')!
    expect(psych.nextDue).toBe('2023-06-30')
  })
})

describe('age at exposure and age now', () => {
  it('someone first treated at 40: childhood-cancer checks become questions without schedules', () => {
    const r = record({
      profile: { dateOfBirth: '1980-01-01' },
      diagnoses: [{ condition: 'b-cell-all', diagnosedOn: '2020-01-01' }],
      administrations: [give('daunorubicin', 200, '2020-01-10')]
    })
    const { items, notes } = plan(r)
    expect(notes.join(' ')).toMatch(/before age 30/)
    const echo = items.find((i) => i.key === ECHO)!
    expect(echo.kind).toBe('ask')
    expect(echo.nextDue).toBeNull()
    expect(echo.frequency).toBeNull()
    // Topics written for everyone stay as they are.
    expect(items.find((i) => i.key === 'recurrence.signs')!.kind).toBe('topic')
  })

  it('the learning check comes every 2 years up to 18, every 5 after', () => {
    // Born 2015-06-01. Done at 17 (2032-07-01) → +2 y; done at 18 (2033-07-01) → +5 y.
    const r = record({
      administrations: [
        give('methotrexate', 12, '2019-09-10', { unit: 'mg', route: 'intrathecal' })
      ]
    })
    const key = 'brain.learning-and-school'
    expect(item(r, key)!.why).toEqual(['1 intrathecal injection (methotrexate) at age 4.'])
    expect(item(r, key, doneOn(key, '2032-07-01'))!.nextDue).toBe('2034-07-01')
    expect(item(r, key, doneOn(key, '2033-07-01'))!.nextDue).toBe('2038-07-01')
  })

  it('hearing tests follow the age bands after 30 Gy to the head', () => {
    // Cranial 18 Gy + TBI 12 Gy both reach the brain: 30 Gy in total, at least 30.
    const r = record({
      profile: { dateOfBirth: '2017-01-01' },
      radiation: [radiation('cranial', 18, '2020-02-01'), radiation('total-body', 12, '2020-03-01')]
    })
    const key = 'ears.hearing-test'
    const hearing = item(r, key)!
    expect(hearing.why[0]).toBe(
      'Cranial radiation 18 Gy at age 3 and total body irradiation (TBI) 12 Gy at age 3: 30 Gy in total to the same area (at least 30 Gy).'
    )
    expect(item(r, key, doneOn(key, '2022-03-01'))!.nextDue).toBe('2023-03-01') // age 5 → yearly
    expect(item(r, key, doneOn(key, '2024-03-01'))!.nextDue).toBe('2026-03-01') // age 7 → every 2 y
    expect(item(r, key, doneOn(key, '2030-03-01'))!.nextDue).toBe('2035-03-01') // age 13 → every 5 y
    // 18 Gy alone stays under 30: no hearing test; pituitary blood tests 6 months after radiation.
    const cranialOnly = record({ radiation: [radiation('cranial', 18, '2020-02-01')] })
    expect(item(cranialOnly, key)).toBeUndefined()
    expect(item(cranialOnly, 'hormones.pituitary-tests')!.nextDue).toBe('2020-08-01')
  })

  it('breast screening starts at 25 or 8 years after radiation, whichever is later', () => {
    // Born 2005-06-01, chest 20 Gy ending 2015-04-01: age 25 = 2030-06-01; +8 y = 2023-04-01.
    const young = record({
      profile: { dateOfBirth: '2005-06-01' },
      radiation: [radiation('chest', 20, '2015-04-01')]
    })
    expect(item(young, 'new-cancers.breast')!.nextDue).toBe('2030-06-01')
    // Born 1995-06-01, same course: age 25 = 2020-06-01; +8 y = 2023-04-01 is later.
    const older = record({
      profile: { dateOfBirth: '1995-06-01' },
      diagnoses: [{ condition: 'b-cell-all', diagnosedOn: '2014-09-01' }],
      radiation: [radiation('chest', 20, '2015-04-01')]
    })
    expect(item(older, 'new-cancers.breast')!.nextDue).toBe('2023-04-01')
    // Not for a boy, and 9.9 Gy is under the 10 Gy threshold.
    expect(
      item(
        record({ profile: { sex: 'male' }, radiation: [radiation('chest', 20)] }),
        'new-cancers.breast'
      )
    ).toBeUndefined()
    expect(
      item(record({ radiation: [radiation('chest', 9.9)] }), 'new-cancers.breast')
    ).toBeUndefined()
  })
})

describe('other thresholds', () => {
  it('corticosteroids: 27 days in a row is not prolonged, 28 is', () => {
    const short = record({
      administrations: [give('dexamethasone', 6, '2019-09-02', { days: 27 })]
    })
    expect(item(short, 'bones.osteonecrosis')).toBeUndefined()
    const long = record({ administrations: [give('dexamethasone', 6, '2019-09-02', { days: 28 })] })
    const bones = item(long, 'bones.osteonecrosis')!
    expect(bones.why).toEqual(['Dexamethasone given 28 days in a row at age 4.'])
    expect(bones.nextDue).toBe('2023-06-30')
    expect(longestRun(['2020-01-03', '2020-01-01', '2020-01-02', '2020-01-05'])).toEqual({
      days: 3,
      start: '2020-01-01'
    })
  })

  it('red cell transfusions: 9 is not enough for a ferritin test, 10 is', () => {
    const with9 = record({ supportiveCare: [{ kind: 'red-cell-transfusions', count: 9 }] })
    expect(item(with9, 'liver.iron-overload')).toBeUndefined()
    const with10 = record({
      supportiveCare: [
        { kind: 'red-cell-transfusions', count: 6 },
        { kind: 'red-cell-transfusions', count: 4 }
      ]
    })
    expect(item(with10, 'liver.iron-overload')!.nextDue).toBe('2023-06-30')
  })

  it('liver tests once, after methotrexate and after a transplant with TBI alike (the current IGHG page)', () => {
    const key = 'liver.liver-tests'
    const mtx = record({ administrations: [give('methotrexate', 20, '2020-01-10')] })
    expect(item(mtx, key, doneOn(key, '2023-07-01'))!.dueState).toBe('complete')
    const transplant = record({
      transplants: [{ type: 'allogeneic', transplantedOn: '2020-04-01', noChronicGvhd: true }],
      radiation: [radiation('total-body', 12, '2020-03-25')]
    })
    const once = item(transplant, key, doneOn(key, '2023-07-01'))!
    expect(once.dueState).toBe('complete')
    expect(once.nextDue).toBeNull()
  })

  it('an unconfirmed rule is a question with its source and no schedule', () => {
    const r = record({ administrations: [give('blinatumomab', 28, '2020-01-10', { unit: 'mcg' })] })
    const ask = item(r, 'blood.after-immunotherapy')!
    expect(ask.kind).toBe('ask')
    expect(ask.status).toBe('UNCONFIRMED')
    expect(ask.frequency).toBeNull()
    expect(ask.nextDue).toBeNull()
    expect(ask.citations.length).toBeGreaterThan(0)
  })

  it('metastatic breast cancer: heart checks on trastuzumab only while on treatment', () => {
    const onTreatment = record({
      profile: { dateOfBirth: '1970-01-01', treatmentCompletedOn: null },
      diagnoses: [{ condition: 'breast-cancer', diagnosedOn: '2024-01-01' }],
      administrations: [give('trastuzumab', 6, '2024-02-01', { unit: 'mg/kg' })]
    })
    const heart = item(onTreatment, 'heart.her2-heart-monitoring')!
    expect(heart.kind).toBe('topic')
    expect(heart.frequency).toMatch(/during treatment/)
    const finished = record({
      profile: { dateOfBirth: '1970-01-01', treatmentCompletedOn: '2025-01-01' },
      diagnoses: [{ condition: 'breast-cancer', diagnosedOn: '2024-01-01' }],
      administrations: [give('trastuzumab', 6, '2024-02-01', { unit: 'mg/kg' })]
    })
    expect(item(finished, 'heart.her2-heart-monitoring')).toBeUndefined()
  })
})

describe('what the person did with the plan', () => {
  it('a snooze past the due date shows as snoozed; a dismissal is kept with its reason', () => {
    const r = record({ administrations: [give('doxorubicin', 150, '2020-01-10')] })
    const user: UserPlanState = {
      ...NO_USER,
      states: new Map([
        [ECHO, { snoozedUntil: '2027-01-01', dismissed: null, responsible: 'family-doctor' }],
        [
          'heart.ecg',
          {
            snoozedUntil: null,
            dismissed: { reason: 'Done abroad', on: '2026-01-01' },
            responsible: null
          }
        ]
      ])
    }
    const echo = item(r, ECHO, user)!
    expect(echo.dueState).toBe('snoozed')
    expect(echo.nextDue).toBe('2023-06-30')
    expect(echo.responsible).toBe('family-doctor')
    expect(echo.responsibleIsDefault).toBe(false)
    expect(item(r, 'heart.ecg', user)!.dismissed).toEqual({
      reason: 'Done abroad',
      on: '2026-01-01'
    })
  })

  it('own items: first due date, then every n months after the last time', () => {
    const user: UserPlanState = {
      ...NO_USER,
      ownItems: [
        {
          id: 'x',
          title: 'Podiatrist',
          system: 'other',
          what: null,
          everyMonths: 6,
          firstDue: '2026-12-01',
          responsible: 'you'
        }
      ]
    }
    const own = plan(record(), user).items.find((i) => i.key === 'own.x')!
    expect(own.nextDue).toBe('2026-12-01')
    expect(own.dueState).toBe('due-soon')
    const done: UserPlanState = {
      ...user,
      completions: new Map([
        ['own.x', [{ id: 'c', doneOn: '2026-11-20', note: 'ok', dateKnown: true }]]
      ])
    }
    expect(plan(record(), done).items.find((i) => i.key === 'own.x')!.nextDue).toBe('2027-05-20')
  })
})

describe('the guide section an item links to', () => {
  const RECURRENCE = 'recurrence.signs'

  it('a child with B-cell ALL is sent to the childhood ALL guide', () => {
    // Born 2015-06-01, diagnosed 2019-09-01: 4 years old.
    const r = record({ administrations: [give('doxorubicin', 150, '2020-01-10')] })
    expect(item(r, ECHO)!.guideLink).toEqual({
      guideId: 'childhood-all',
      sectionId: 'late-effects-by-body-part'
    })
    expect(item(r, RECURRENCE)!.guideLink).toEqual({
      guideId: 'childhood-all',
      sectionId: 'watching-for-recurrence'
    })
  })

  it('someone diagnosed with ALL at 40 is sent to the adult guide, for a topic and for a late effect', () => {
    const adult = record({
      profile: { dateOfBirth: '1980-03-01', sex: 'male', treatmentCompletedOn: '2022-06-30' },
      diagnoses: [{ condition: 't-cell-all', diagnosedOn: '2020-05-01' }],
      administrations: [give('doxorubicin', 300, '2020-06-01')]
    })
    expect(item(adult, RECURRENCE)!.guideLink).toEqual({
      guideId: 'adult-all',
      sectionId: 'follow-up-tests'
    })
    // A childhood guideline's check becomes a question for an adult; its link still fits them.
    const echo = item(adult, ECHO)!
    expect(echo.kind).toBe('ask')
    expect(echo.guideLink).toEqual({
      guideId: 'adult-all',
      sectionId: 'side-effects-and-late-effects'
    })
    // The relapse guide fits anyone with ALL: the adult guide says nothing about feelings.
    expect(item(adult, 'emotional.feelings-and-fear')!.guideLink).toEqual({
      guideId: 'relapsed-all',
      sectionId: 'coping-with-a-relapse'
    })
  })

  it('metastatic breast cancer is sent to the breast cancer guide', () => {
    const r = record({
      profile: { dateOfBirth: '1970-01-01', treatmentCompletedOn: null },
      diagnoses: [{ condition: 'breast-cancer', diagnosedOn: '2024-01-01' }],
      administrations: [give('trastuzumab', 6, '2024-02-01', { unit: 'mg/kg' })]
    })
    expect(item(r, 'heart.her2-heart-monitoring')!.guideLink).toEqual({
      guideId: 'metastatic-breast-cancer',
      sectionId: 'trastuzumab'
    })
    expect(item(r, RECURRENCE)!.guideLink).toEqual({
      guideId: 'metastatic-breast-cancer',
      sectionId: 'local-recurrence-is-different'
    })
  })

  it('no guide for the person, or no diagnosis recorded: the first link; no links, or own items: none', () => {
    const none = record({ diagnoses: [] })
    expect(item(none, RECURRENCE)!.guideLink).toEqual({
      guideId: 'childhood-all',
      sectionId: 'watching-for-recurrence'
    })
    const other = record({ diagnoses: [{ condition: 'other', diagnosedOn: '2019-09-01' }] })
    expect(item(other, RECURRENCE)!.guideLink?.guideId).toBe('childhood-all')
    // No guide covers cataracts.
    const steroids = record({
      administrations: [give('dexamethasone', 6, '2020-01-01', { days: 28 })]
    })
    expect(item(steroids, 'eyes.cataract')!.guideLink).toBeNull()
    const own: UserPlanState = {
      ...NO_USER,
      ownItems: [
        {
          id: 'x',
          title: 'Podiatrist',
          system: 'other',
          what: null,
          everyMonths: null,
          firstDue: null,
          responsible: 'you'
        }
      ]
    }
    expect(plan(record(), own).items.find((i) => i.key === 'own.x')!.guideLink).toBeNull()
  })

  it('the choice on its own: age at first diagnosis decides between the ALL guides', () => {
    const links = [
      { guide: 'childhood-all', section: 'a' },
      { guide: 'adult-all', section: 'b' },
      { guide: 'metastatic-breast-cancer', section: 'c' }
    ]
    const facts = (dateOfBirth: string | null, conditions: string[]) => ({
      conditions,
      dateOfBirth,
      firstDiagnosedOn: '2020-01-01'
    })
    // 17 the day before the 18th birthday, 18 on it.
    expect(chooseGuideLink(links, facts('2002-01-02', ['b-cell-all']))?.sectionId).toBe('a')
    expect(chooseGuideLink(links, facts('2002-01-01', ['ph-positive-all']))?.sectionId).toBe('b')
    expect(chooseGuideLink(links, facts('1970-01-01', ['breast-cancer']))?.sectionId).toBe('c')
    // Age unknown: either ALL guide fits, so the rule's order decides.
    expect(chooseGuideLink(links.slice(1), facts(null, ['t-cell-all']))?.sectionId).toBe('b')
    expect(chooseGuideLink(links, facts(null, ['t-cell-all']))?.sectionId).toBe('a')
    // Only a guide for someone else: still the first link.
    expect(chooseGuideLink([links[2]!, links[0]!], facts('1990-01-01', ['other']))?.sectionId).toBe(
      'c'
    )
    expect(chooseGuideLink([], facts('1990-01-01', ['b-cell-all']))).toBeNull()
  })
})
