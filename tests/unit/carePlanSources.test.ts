/**
 * The care-plan rules against their sources (issue: "What Lantern says is what its sources
 * say, today"). Each scenario is worked by hand from the source named above it; each failed
 * against the rules of version 2026.12.04-1.
 *
 * Unless a scenario says otherwise: a girl born 2015-06-01, diagnosed 2019-09-01, treatment
 * ended 2021-06-30, so entry into long-term follow-up is 2023-06-30; the plan is worked out for
 * 2026-11-22.
 */
import { describe, expect, it } from 'vitest'
import { doneOn, give, item, plan, radiation, record } from './helpers/carePlanScenario.ts'

const ECHO = 'heart.echocardiogram'
const keysOf = (r: Parameters<typeof plan>[0]) => plan(r).items.map((i) => i.key)

describe('heart', () => {
  // PanCare cardiac page (IGHG 2023): radiotherapy ≥ 30 Gy exposing the heart: every 2 years.
  it('30 Gy to the chest: an echocardiogram every 2 years, not every 5', () => {
    const r = record({ radiation: [radiation('chest', 30)] })
    const echo = item(r, ECHO, doneOn(ECHO, '2023-07-01'))!
    expect(echo.frequency).toMatch(/every 2 to 3 years/)
    expect(echo.nextDue).toBe('2025-07-01')
    // 15 to under 30 Gy stays every 5 years.
    const lower = item(
      record({ radiation: [radiation('chest', 29.9)] }),
      ECHO,
      doneOn(ECHO, '2023-07-01')
    )!
    expect(lower.nextDue).toBe('2028-07-01')
  })

  // PanCare: a cardiac history at every follow-up visit, at least every 5 years, for anyone given
  // anthracyclines. 120 mg/m² of daunorubicin is 72 mg/m² doxorubicin-equivalent (×0.6).
  it('daunorubicin 120 mg/m²: a cardiac history every 5 years, and no echocardiogram', () => {
    const r = record({ administrations: [give('daunorubicin', 120, '2020-01-10')] })
    const review = item(r, 'heart.cardiology-review')!
    expect(review.kind).toBe('check')
    expect(review.frequency).toMatch(/every 5 years/)
    expect(review.why.join(' ')).toMatch(/Daunorubicin 120 mg\/m²/)
    // Due from the end of treatment: 2021-06-30; done 2024-01-15 → again 2029-01-15.
    expect(
      item(r, 'heart.cardiology-review', doneOn('heart.cardiology-review', '2024-01-15'))!.nextDue
    ).toBe('2029-01-15')
    expect(item(r, ECHO)).toBeUndefined()
  })

  it('on treatment for breast cancer, epirubicin brings the heart-function topic from its label', () => {
    const r = record({
      profile: { dateOfBirth: '1979-03-01', treatmentCompletedOn: null },
      diagnoses: [{ condition: 'breast-cancer', diagnosedOn: '2025-01-10' }],
      administrations: [give('epirubicin', 100, '2025-02-01')]
    })
    const topic = item(r, 'heart.anthracycline-heart-monitoring')!
    expect(topic.why.join(' ')).toMatch(/Epirubicin/)
    expect(topic.citations.map((c) => c.url).join(' ')).toMatch(/epirubicin/)
  })

  // ASCO 2017 read only in restatements: a question for adults, with no schedule.
  it('someone first treated at 45 with an anthracycline gets a question about a heart ultrasound', () => {
    const r = record({
      profile: { dateOfBirth: '1979-03-01', treatmentCompletedOn: '2025-08-01' },
      diagnoses: [{ condition: 'breast-cancer', diagnosedOn: '2025-01-10' }],
      administrations: [give('epirubicin', 100, '2025-02-01')]
    })
    const ask = item(r, 'heart.adult-after-anthracycline')!
    expect(ask.kind).toBe('ask')
    expect(ask.nextDue).toBeNull()
    // Not for someone first treated as a child.
    expect(
      item(
        record({ administrations: [give('doxorubicin', 100, '2020-01-10')] }),
        'heart.adult-after-anthracycline'
      )
    ).toBeUndefined()
  })
})

describe('hormones', () => {
  // PanCareSurPass 16 (yearly tests from 6 months after radiation, at least 15 years from
  // exposure) and 15 (30 Gy or more: refer directly to an endocrinologist).
  it('cranial 18 Gy + TBI 12 Gy: the yearly pituitary tests stay, and the referral has a date', () => {
    const r = record({
      radiation: [
        radiation('cranial', 18, '2020-03-01'),
        radiation('total-body', 12, '2020-04-01')
      ],
      transplants: [{ type: 'allogeneic', transplantedOn: '2020-04-08', noChronicGvhd: true }]
    })
    const tests = item(r, 'hormones.pituitary-tests')!
    expect(tests.kind).toBe('check')
    expect(tests.frequency).toMatch(/15 years after it/)
    // 6 months after the last radiation (2020-04-01).
    expect(tests.nextDue).toBe('2020-10-01')
    expect(
      item(r, 'hormones.pituitary-tests', doneOn('hormones.pituitary-tests', '2026-01-10'))!.nextDue
    ).toBe('2027-01-10')
    const referral = item(r, 'hormones.endocrinologist')!
    expect(referral.kind).toBe('check')
    expect(referral.nextDue).toBe('2020-04-01')
  })

  // PanCareSurPass 19: radiation exposing the thyroid, including TBI; allogeneic transplant.
  it('TBI 12 Gy with an autologous transplant: thyroid blood tests', () => {
    const r = record({
      radiation: [radiation('total-body', 12, '2020-04-01')],
      transplants: [{ type: 'autologous', transplantedOn: '2020-04-08' }]
    })
    const thyroid = item(r, 'hormones.thyroid-function')!
    expect(thyroid.why.join(' ')).toMatch(/Total body irradiation/)
    expect(
      item(record({ radiation: [radiation('neck', 20)] }), 'hormones.thyroid-function')
    ).toBeDefined()
  })

  // PanCareSurPass 17 and 18: every 6 months from 6 to 12 months after radiation, until 8 (girls)
  // or 9 (boys).
  it('early puberty is watched every 6 months after radiation to the head, only while young', () => {
    const boy = record({
      profile: { dateOfBirth: '2020-01-01', sex: 'male', treatmentCompletedOn: '2024-06-01' },
      diagnoses: [{ condition: 'b-cell-all', diagnosedOn: '2022-01-01' }],
      radiation: [radiation('cranial', 18, '2024-01-01')]
    })
    const puberty = item(
      boy,
      'hormones.early-puberty',
      doneOn('hormones.early-puberty', '2026-06-01')
    )!
    expect(puberty.frequency).toMatch(/every 6 months/i)
    expect(puberty.nextDue).toBe('2026-12-01')
    expect(puberty.what).toMatch(/testosterone/)
    // The base girl is 11 on 2026-11-22: past 8, so the check no longer applies.
    expect(
      item(record({ radiation: [radiation('cranial', 18)] }), 'hormones.early-puberty')
    ).toBeUndefined()
  })
})

describe('chronic GVHD and transplants', () => {
  const allogeneic = (extra: object) => ({
    type: 'allogeneic' as const,
    transplantedOn: '2020-04-08',
    ...extra
  })

  // PanCare pulmonary page (IGHG 2024): allogeneic transplant; lung GVHD follows only one.
  it('chronic GVHD of the lungs: the lung check, saying why', () => {
    const r = record({
      transplants: [allogeneic({ gvhd: [{ kind: 'chronic', organs: ['lungs'] }] })]
    })
    const lungs = item(r, 'lungs.breathing-check')!
    expect(lungs.kind).toBe('check')
    expect(lungs.why.join(' ')).toMatch(/Chronic graft-versus-host disease \(GVHD\) of the lungs/)
    expect(lungs.frequency).toMatch(/every 5 years/)
  })

  it('an allogeneic transplant with no answer about chronic GVHD asks for one; "none" settles it', () => {
    const unanswered = item(record({ transplants: [allogeneic({})] }), 'gut.chronic-gvhd')!
    expect(unanswered.kind).toBe('needs-data')
    expect(unanswered.missing.join(' ')).toMatch(/whether chronic GVHD followed the transplant/)
    expect(
      item(record({ transplants: [allogeneic({ noChronicGvhd: true })] }), 'gut.chronic-gvhd')
    ).toBeUndefined()
    const gut = item(
      record({ transplants: [allogeneic({ gvhd: [{ kind: 'chronic', organs: ['gut'] }] })] }),
      'gut.chronic-gvhd'
    )!
    expect(gut.kind).toBe('topic')
  })

  // PanCareSurPass 35.1: transplant, irrespective of GVHD; 34: liver tests once at entry.
  it('any transplant: ferritin and liver tests once at entry into long-term follow-up', () => {
    const r = record({ transplants: [{ type: 'autologous', transplantedOn: '2020-04-08' }] })
    expect(item(r, 'liver.iron-overload')!.nextDue).toBe('2023-06-30')
    expect(item(r, 'liver.liver-tests', doneOn('liver.liver-tests', '2023-07-01'))!.dueState).toBe(
      'complete'
    )
  })

  // Majhail 2012, Table 1: eyes and mouth at 1 year after the transplant, then yearly.
  it('eye and mouth checks count from the transplant', () => {
    const r = record({ transplants: [allogeneic({ noChronicGvhd: true })] })
    expect(item(r, 'eyes.after-transplant')!.nextDue).toBe('2021-04-08')
    expect(
      item(r, 'mouth.after-transplant', doneOn('mouth.after-transplant', '2026-02-01'))!.nextDue
    ).toBe('2027-02-01')
  })
})

describe('platinum, high-dose methotrexate, steroids and the kidneys', () => {
  // PanCare ear page: cisplatin at any dose.
  it('cisplatin: hearing tests', () => {
    const r = record({ administrations: [give('cisplatin', 100, '2020-01-10')] })
    expect(item(r, 'ears.hearing-test')!.why.join(' ')).toMatch(/isplatin/)
  })

  // IGHG 2025: kidney function every 2 to 5 years after cisplatin (Lantern reminds after 2).
  it('cisplatin: kidney tests every 2 years from entry', () => {
    const r = record({ administrations: [give('cisplatin', 100, '2020-01-10')] })
    expect(
      item(r, 'kidneys.kidney-tests', doneOn('kidneys.kidney-tests', '2024-01-01'))!.nextDue
    ).toBe('2026-01-01')
  })

  // PanCareSurPass 12: ifosfamide, platinum, radiation to kidneys or heart, TBI, 4 weeks of
  // steroids: blood pressure at least every 2 years (everyone else: every 5).
  it('ifosfamide: blood pressure every 2 years, and the plan says so', () => {
    const key = 'metabolic.blood-pressure-and-vaccines'
    const r = record({ administrations: [give('ifosfamide', 1800, '2020-01-10', { days: 5 })] })
    const bp = item(r, key, doneOn(key, '2024-01-01'))!
    expect(bp.nextDue).toBe('2026-01-01')
    expect(item(r, key)!.frequency).toMatch(/every 2 years/)
    expect(item(record(), key, doneOn(key, '2024-01-01'))!.nextDue).toBe('2029-01-01')
  })

  // High-dose methotrexate: at least 1 g/m² in one intravenous dose (BMC Cancer 2022).
  it('methotrexate 5 g/m² through a vein: the learning check; 100 mg/m² alone: none', () => {
    const high = record({
      administrations: [give('methotrexate', 5, '2020-01-10', { unit: 'g/m2' })]
    })
    expect(item(high, 'brain.learning-and-school')!.why.join(' ')).toMatch(
      /5,000 mg\/m² in a single dose/
    )
    const low = record({ administrations: [give('methotrexate', 100, '2020-01-10')] })
    expect(item(low, 'brain.learning-and-school')).toBeUndefined()
  })
})

describe('new cancers', () => {
  // The childhood breast-screening schedule is for chest radiation in survivors of childhood,
  // teenage and young adult cancer; radiation for breast cancer itself is recorded as breast or
  // chest wall, and is followed up by that team.
  it('radiation for breast cancer itself does not bring the childhood breast-screening schedule', () => {
    const r = record({
      profile: { dateOfBirth: '1996-01-01', treatmentCompletedOn: '2024-10-01' },
      diagnoses: [{ condition: 'breast-cancer', diagnosedOn: '2024-03-01' }],
      radiation: [radiation('breast-or-chest-wall', 50, '2024-09-01')]
    })
    expect(keysOf(r)).not.toContain('new-cancers.breast')
    expect(keysOf(record({ radiation: [radiation('chest', 20)] }))).toContain('new-cancers.breast')
    // PanCareSurPass 2.2: upper abdominal fields reaching above the diaphragm at a young age.
    expect(keysOf(record({ radiation: [radiation('upper-abdomen', 20)] }))).toContain(
      'new-cancers.breast'
    )
  })

  // PanCareSurPass 39: from 5 years after radiation or age 30, whichever is later.
  it('TBI: bowel cancer screening from age 30', () => {
    const r = record({ radiation: [radiation('total-body', 12, '2020-04-01')] })
    expect(item(r, 'new-cancers.bowel')!.nextDue).toBe('2045-06-01')
  })
})

describe('metastatic breast cancer on treatment', () => {
  const onTreatment = (drugId: string, dose: number, unit: 'mg' | 'mg/kg' = 'mg') =>
    record({
      profile: { dateOfBirth: '1979-03-01', treatmentCompletedOn: null },
      diagnoses: [{ condition: 'breast-cancer', diagnosedOn: '2025-01-10' }],
      administrations: [give(drugId, dose, '2025-02-01', { unit, route: 'oral' })]
    })

  it('tamoxifen: the safety topic from its boxed warning', () => {
    const topic = item(onTreatment('tamoxifen', 20), 'tamoxifen.safety')!
    expect(topic.kind).toBe('topic')
    expect(topic.what).toMatch(/womb/)
    expect(topic.citations.map((c) => c.document).join(' ')).toMatch(/boxed warning/)
  })

  it('trastuzumab emtansine: liver tests and heart checks from its label', () => {
    const topic = item(
      onTreatment('ado-trastuzumab-emtansine', 3.6, 'mg/kg'),
      'her2.trastuzumab-emtansine'
    )!
    expect(topic.what).toMatch(/liver/)
  })
})
