/**
 * Cumulative doses, each case worked by hand in the comment above its numbers.
 * Mosteller: BSA = √(height cm × weight kg / 3600).
 */
import { describe, expect, it } from 'vitest'
import { bodySizeOn, mostellerBsa } from '../../electron/core/record/bodySize.ts'
import {
  type Administration,
  cumulativeDoses,
  intrathecalInjections
} from '../../electron/core/record/doses.ts'
import { anthracyclineDoxEquivalent } from '../../electron/core/record/equivalents.ts'
import { doseCount, expandSchedule } from '../../electron/core/record/schedule.ts'
import { ageInYears, isIsoDate } from '../../electron/core/record/dates.ts'

let nextId = 0
function given(
  partial: Omit<Administration, 'id' | 'estimated'> & { estimated?: boolean }
): Administration {
  return { id: `a${nextId++}`, estimated: false, ...partial }
}
const once = (date: string) => ({ kind: 'once' as const, date })

// A child of 110 cm and 19 kg: BSA = √(110 × 19 / 3600) = √0.580556 = 0.761942 m².
const CHILD = [{ measuredOn: '2024-03-01', heightCm: 110, weightKg: 19 }]
const CHILD_BSA = 0.761942

describe('body surface area (Mosteller)', () => {
  it('matches hand computation', () => {
    expect(mostellerBsa(110, 19)).toBeCloseTo(CHILD_BSA, 5)
    // 170 cm, 70 kg: √(11900 / 3600) = √3.305556 = 1.818119
    expect(mostellerBsa(170, 70)).toBeCloseTo(1.818119, 5)
  })

  it('takes height and weight each from the measurement nearest the dose, the earlier on a tie', () => {
    const measurements = [
      { measuredOn: '2024-01-01', heightCm: 100, weightKg: 16 },
      { measuredOn: '2024-01-21', weightKg: 15 },
      { measuredOn: '2024-02-10', heightCm: 102, weightKg: 17 }
    ]
    // 2024-01-20: height nearest is 01-01 (19 d) vs 02-10 (21 d) → 100; weight nearest 01-21 → 15.
    const jan20 = bodySizeOn(measurements, '2024-01-20')
    expect(jan20).toMatchObject({
      heightFrom: '2024-01-01',
      weightFrom: '2024-01-21',
      weightKg: 15
    })
    expect(jan20.bsaM2).toBeCloseTo(Math.sqrt((100 * 15) / 3600), 10)
    // 2024-01-31 is 10 days from 01-21 and 10 days from 02-10: the earlier weight (15) wins.
    expect(bodySizeOn(measurements, '2024-01-31')).toMatchObject({
      weightKg: 15,
      heightFrom: '2024-02-10'
    })
  })

  it('takes the latest measurement for a dose after it, and the first for a dose before it', () => {
    const measurements = [
      { measuredOn: '2019-06-01', heightCm: 105, weightKg: 17 },
      { measuredOn: '2020-01-15', heightCm: 112, weightKg: 19 },
      { measuredOn: '2021-06-01', heightCm: 125, weightKg: 24 }
    ]
    // √(125 × 24 / 3600) = 0.912871 m²
    expect(bodySizeOn(measurements, '2021-09-27')).toMatchObject({
      weightKg: 24,
      heightFrom: '2021-06-01',
      weightFrom: '2021-06-01'
    })
    expect(bodySizeOn(measurements, '2021-09-27').bsaM2).toBeCloseTo(0.912871, 6)
    expect(bodySizeOn(measurements, '2022-01-10').weightKg).toBe(24)
    expect(bodySizeOn(measurements, '2019-01-01').weightFrom).toBe('2019-06-01')
  })

  it('has no BSA without both a height and a weight', () => {
    expect(bodySizeOn([{ measuredOn: '2024-01-01', weightKg: 20 }], '2024-01-02')).toMatchObject({
      bsaM2: null,
      weightKg: 20
    })
    expect(bodySizeOn([], '2024-01-02').bsaM2).toBeNull()
  })
})

describe('schedules', () => {
  it('weekly × 4 from 3 March', () => {
    expect(
      expandSchedule({ kind: 'repeat', start: '2024-03-03', intervalDays: 7, count: 4 })
    ).toEqual(['2024-03-03', '2024-03-10', '2024-03-17', '2024-03-24'])
  })

  it('daily through an end date, inclusive, across a leap day', () => {
    const daily = {
      kind: 'repeat' as const,
      start: '2024-02-27',
      intervalDays: 1,
      end: '2024-03-02'
    }
    expect(expandSchedule(daily)).toEqual([
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
      '2024-03-02'
    ])
    // Every 7 days from 1 June to 30 June: 1, 8, 15, 22, 29 → 5 doses.
    expect(
      doseCount({ kind: 'repeat', start: '2024-06-01', intervalDays: 7, end: '2024-06-30' })
    ).toBe(5)
  })

  it('refuses a pattern with an absurd number of doses', () => {
    expect(() =>
      expandSchedule({ kind: 'repeat', start: '2000-01-01', intervalDays: 1, end: '2030-01-01' })
    ).toThrow(/exceed/)
  })
})

describe('cumulative doses, worked by hand', () => {
  it('1. one mg/m² dose: per m² as given, absolute = dose × BSA', () => {
    const [total] = cumulativeDoses(
      [
        given({
          drugId: 'vincristine',
          route: 'iv',
          dose: 1.5,
          unit: 'mg/m2',
          schedule: once('2024-03-04')
        })
      ],
      CHILD
    )
    // 1.5 mg/m² × 0.761942 m² = 1.142913 mg
    expect(total).toMatchObject({
      doses: 1,
      perM2Total: 1.5,
      unconvertedAbsolute: 0,
      baseUnit: 'mg'
    })
    expect(total!.absoluteTotal).toBeCloseTo(1.142913, 5)
  })

  it('2. weekly × 4 daunorubicin 25 mg/m² = 100 mg/m², first and last dates', () => {
    const [total] = cumulativeDoses(
      [
        given({
          drugId: 'daunorubicin',
          route: 'iv',
          dose: 25,
          unit: 'mg/m2',
          schedule: { kind: 'repeat', start: '2024-03-04', intervalDays: 7, count: 4 }
        })
      ],
      CHILD
    )
    // 4 × 25 = 100 mg/m²; 100 × 0.761942 = 76.1942 mg
    expect(total).toMatchObject({
      doses: 4,
      perM2Total: 100,
      firstDate: '2024-03-04',
      lastDate: '2024-03-25'
    })
    expect(total!.absoluteTotal).toBeCloseTo(76.1942, 3)
  })

  it('3. body size changing mid-treatment: each dose uses the nearest measurement', () => {
    const measurements = [
      { measuredOn: '2024-01-01', heightCm: 100, weightKg: 16 }, // BSA √(1600/3600) = 0.666667
      { measuredOn: '2024-03-01', heightCm: 104, weightKg: 18 } //  BSA √(1872/3600) = 0.721110
    ]
    const [total] = cumulativeDoses(
      [
        given({
          drugId: 'doxorubicin',
          route: 'iv',
          dose: 30,
          unit: 'mg/m2',
          schedule: once('2024-01-08')
        }),
        given({
          drugId: 'doxorubicin',
          route: 'iv',
          dose: 30,
          unit: 'mg/m2',
          schedule: once('2024-02-25')
        })
      ],
      measurements
    )
    // 30 × 0.666667 + 30 × 0.721110 = 20.0000 + 21.6333 = 41.6333 mg; per m² 60
    expect(total!.perM2Total).toBe(60)
    expect(total!.absoluteTotal).toBeCloseTo(41.6333, 3)
  })

  it('4. mg and mg/m² mixed for one drug add up in both forms', () => {
    const [total] = cumulativeDoses(
      [
        given({
          drugId: 'cyclophosphamide',
          route: 'iv',
          dose: 1000,
          unit: 'mg/m2',
          schedule: once('2024-04-01')
        }),
        given({
          drugId: 'cyclophosphamide',
          route: 'iv',
          dose: 760,
          unit: 'mg',
          schedule: once('2024-04-29')
        })
      ],
      CHILD
    )
    // absolute: 1000 × 0.761942 + 760 = 761.942 + 760 = 1521.942 mg
    // per m²:   1000 + 760 / 0.761942 = 1000 + 997.451 = 1997.451 mg/m²
    expect(total!.absoluteTotal).toBeCloseTo(1521.942, 2)
    expect(total!.perM2Total).toBeCloseTo(1997.451, 2)
  })

  it('5. g/m² high-dose methotrexate 5 g/m² × 4 = 20 000 mg/m²', () => {
    const [total] = cumulativeDoses(
      [
        given({
          drugId: 'methotrexate',
          route: 'iv',
          dose: 5,
          unit: 'g/m2',
          schedule: { kind: 'repeat', start: '2024-05-01', intervalDays: 14, count: 4 }
        })
      ],
      CHILD
    )
    // 4 × 5000 = 20000 mg/m²; × 0.761942 = 15238.84 mg
    expect(total!.perM2Total).toBe(20000)
    expect(total!.absoluteTotal).toBeCloseTo(15238.84, 1)
  })

  it('6. mg/kg uses the nearest weight; per m² divides by the BSA of that day', () => {
    const [total] = cumulativeDoses(
      [
        given({
          drugId: 'cytarabine',
          route: 'iv',
          dose: 2,
          unit: 'mg/kg',
          schedule: once('2024-03-05')
        })
      ],
      CHILD
    )
    // 2 × 19 = 38 mg; 38 / 0.761942 = 49.8726 mg/m²
    expect(total!.absoluteTotal).toBe(38)
    expect(total!.perM2Total).toBeCloseTo(49.8726, 3)
  })

  it('7. missing body size: nothing is guessed, the doses are counted as unconverted', () => {
    const totals = cumulativeDoses(
      [
        given({
          drugId: 'vincristine',
          route: 'iv',
          dose: 1.5,
          unit: 'mg/m2',
          schedule: once('2024-03-04')
        }),
        given({
          drugId: 'vincristine',
          route: 'iv',
          dose: 1,
          unit: 'mg',
          schedule: once('2024-03-11')
        }),
        given({
          drugId: 'cytarabine',
          route: 'iv',
          dose: 2,
          unit: 'mg/kg',
          schedule: once('2024-03-11')
        })
      ],
      [{ measuredOn: '2024-03-01', heightCm: 110 }] // a height but no weight
    )
    const vcr = totals.find((t) => t.drugId === 'vincristine')!
    // mg/m² keeps its per-m² value but has no absolute; the flat 1 mg has no per-m² value.
    expect(vcr).toMatchObject({
      perM2Total: 1.5,
      unconvertedPerM2: 1,
      absoluteTotal: 1,
      unconvertedAbsolute: 1
    })
    const arac = totals.find((t) => t.drugId === 'cytarabine')!
    expect(arac).toMatchObject({
      absoluteTotal: 0,
      unconvertedAbsolute: 1,
      perM2Total: 0,
      unconvertedPerM2: 1
    })
  })

  it('8. estimated doses are counted in the totals and flagged', () => {
    const [total] = cumulativeDoses(
      [
        given({
          drugId: 'dexamethasone',
          route: 'oral',
          dose: 6,
          unit: 'mg/m2',
          schedule: once('2024-03-04')
        }),
        given({
          drugId: 'dexamethasone',
          route: 'oral',
          dose: 6,
          unit: 'mg/m2',
          estimated: true,
          schedule: { kind: 'repeat', start: '2024-03-05', intervalDays: 1, count: 27 }
        })
      ],
      CHILD
    )
    // 28 days × 6 mg/m² = 168 mg/m², of which 27 doses estimated
    expect(total).toMatchObject({ doses: 28, perM2Total: 168, estimatedDoses: 27 })
  })

  it('9. intrathecal and IV methotrexate are separate totals; triple intrathecal counts as one injection', () => {
    const administrations = [
      given({
        drugId: 'methotrexate',
        route: 'intrathecal',
        dose: 12,
        unit: 'mg',
        schedule: once('2024-03-04')
      }),
      given({
        drugId: 'methotrexate',
        route: 'intrathecal',
        dose: 12,
        unit: 'mg',
        schedule: once('2024-03-18')
      }),
      given({
        drugId: 'cytarabine',
        route: 'intrathecal',
        dose: 30,
        unit: 'mg',
        schedule: once('2024-03-18')
      }),
      given({
        drugId: 'hydrocortisone',
        route: 'intrathecal',
        dose: 15,
        unit: 'mg',
        schedule: once('2024-03-18')
      }),
      given({
        drugId: 'methotrexate',
        route: 'iv',
        dose: 5,
        unit: 'g/m2',
        schedule: once('2024-04-01')
      })
    ]
    const totals = cumulativeDoses(administrations, CHILD)
    const itMtx = totals.find((t) => t.drugId === 'methotrexate' && t.route === 'intrathecal')!
    const ivMtx = totals.find((t) => t.drugId === 'methotrexate' && t.route === 'iv')!
    expect(itMtx).toMatchObject({ doses: 2, absoluteTotal: 24 })
    expect(ivMtx).toMatchObject({ doses: 1, perM2Total: 5000 })
    // Injections on 03-04 and 03-18 (three drugs in one): 2.
    expect(intrathecalInjections(administrations)).toBe(2)
  })

  it('10. units of activity are never added to milligrams', () => {
    const totals = cumulativeDoses(
      [
        given({
          drugId: 'pegaspargase',
          route: 'im',
          dose: 2500,
          unit: 'IU/m2',
          schedule: once('2024-03-07')
        }),
        given({
          drugId: 'pegaspargase',
          route: 'im',
          dose: 2500,
          unit: 'IU/m2',
          schedule: once('2024-04-04')
        })
      ],
      CHILD
    )
    expect(totals).toHaveLength(1)
    // 5000 IU/m²; × 0.761942 = 3809.71 IU
    expect(totals[0]).toMatchObject({ quantity: 'IU', baseUnit: 'IU', perM2Total: 5000 })
    expect(totals[0]!.absoluteTotal).toBeCloseTo(3809.71, 1)
  })

  it('11. mcg/m² converts to mg', () => {
    const [total] = cumulativeDoses(
      [
        given({
          drugId: 'blinatumomab',
          route: 'iv',
          dose: 15,
          unit: 'mcg/m2',
          schedule: { kind: 'repeat', start: '2024-06-01', intervalDays: 1, count: 28 }
        })
      ],
      CHILD
    )
    // 28 × 15 mcg/m² = 420 mcg/m² = 0.42 mg/m²
    expect(total!.perM2Total).toBeCloseTo(0.42, 10)
  })

  it('12. anthracyclines add up as doxorubicin equivalents, each with its factor, never as a plain sum', () => {
    const totals = cumulativeDoses(
      [
        given({
          drugId: 'daunorubicin',
          route: 'iv',
          dose: 25,
          unit: 'mg/m2',
          schedule: { kind: 'repeat', start: '2024-03-04', intervalDays: 7, count: 4 }
        }),
        given({
          drugId: 'doxorubicin',
          route: 'iv',
          dose: 25,
          unit: 'mg/m2',
          schedule: { kind: 'repeat', start: '2024-07-01', intervalDays: 7, count: 3 }
        }),
        given({
          drugId: 'pixantrone',
          route: 'iv',
          dose: 50,
          unit: 'mg/m2',
          schedule: once('2024-08-01')
        }),
        given({
          drugId: 'vincristine',
          route: 'iv',
          dose: 1.5,
          unit: 'mg/m2',
          schedule: once('2024-03-04')
        })
      ],
      CHILD
    )
    const classOf = (id: string) => (id === 'vincristine' ? 'vinca-alkaloid' : 'anthracycline')
    const table = { id: 't', version: 'v1', factors: { doxorubicin: 1, daunorubicin: 0.6 } }
    const equivalent = anthracyclineDoxEquivalent(totals, table, classOf)!
    // Daunorubicin 4 × 25 = 100 mg/m² × 0.6 = 60; doxorubicin 3 × 25 = 75 × 1 = 75; 135 in all,
    // not the plain sum 175. Pixantrone has no factor in this table: left out, and said so.
    expect(equivalent.total).toBeCloseTo(135, 10)
    expect(equivalent.parts).toMatchObject([
      { drugId: 'daunorubicin', perM2: 100, factor: 0.6, firstDate: '2024-03-04' },
      { drugId: 'doxorubicin', perM2: 75, factor: 1, equivalent: 75 },
      { drugId: 'pixantrone', perM2: 50, factor: null, equivalent: null }
    ])
    expect(equivalent.parts[0]!.equivalent).toBeCloseTo(60, 10)
    expect(equivalent).toMatchObject({
      table: { id: 't', version: 'v1' },
      unknownFactor: ['pixantrone'],
      unconvertedDoses: 0,
      incomplete: true
    })
    // No anthracyclines: no total at all.
    expect(anthracyclineDoxEquivalent(totals, table, () => 'vinca-alkaloid')).toBeNull()
  })

  it('13. doses after the last measurement use the last measurement', () => {
    const measurements = [
      { measuredOn: '2019-06-01', heightCm: 105, weightKg: 17 },
      { measuredOn: '2020-01-15', heightCm: 112, weightKg: 19 },
      { measuredOn: '2021-06-01', heightCm: 125, weightKg: 24 }
    ]
    const totals = cumulativeDoses(
      [
        given({
          drugId: 'daunorubicin',
          route: 'iv',
          dose: 25,
          unit: 'mg/m2',
          schedule: { kind: 'repeat', start: '2021-09-27', intervalDays: 7, count: 4 }
        }),
        given({
          drugId: 'cyclophosphamide',
          route: 'iv',
          dose: 60,
          unit: 'mg/kg',
          schedule: { kind: 'repeat', start: '2022-01-10', intervalDays: 1, count: 2 }
        })
      ],
      measurements
    )
    const daunorubicin = totals.find((t) => t.drugId === 'daunorubicin')!
    // Every dose is after 2021-06-01, the latest: BSA √(125 × 24 / 3600) = √0.833333 = 0.912871.
    // 4 × 25 = 100 mg/m² × 0.912871 = 91.2871 mg (not 76.9 mg, from the 2020 measurement).
    expect(daunorubicin.absoluteTotal).toBeCloseTo(91.2871, 3)
    expect(daunorubicin.measurementsUsed).toEqual([
      { heightFrom: '2021-06-01', weightFrom: '2021-06-01', doses: 4 }
    ])
    // Conditioning 60 mg/kg × 2 at 24 kg = 2880 mg (not 2280 mg at 19 kg);
    // per m²: 2880 / 0.912871 = 3154.88 mg/m².
    const cyclophosphamide = totals.find((t) => t.drugId === 'cyclophosphamide')!
    expect(cyclophosphamide.absoluteTotal).toBe(2880)
    expect(cyclophosphamide.perM2Total).toBeCloseTo(3154.88, 1)
    expect(cyclophosphamide.measurementsUsed).toEqual([
      { heightFrom: '2021-06-01', weightFrom: '2021-06-01', doses: 2 }
    ])
  })

  it('14. each total says which measurements converted its doses, and only those it used', () => {
    const measurements = [
      { measuredOn: '2024-01-01', heightCm: 100, weightKg: 16 },
      { measuredOn: '2024-03-01', weightKg: 18 }
    ]
    const totals = cumulativeDoses(
      [
        given({
          drugId: 'doxorubicin',
          route: 'iv',
          dose: 30,
          unit: 'mg/m2',
          schedule: { kind: 'repeat', start: '2024-01-08', intervalDays: 28, count: 3 }
        }),
        // Intrathecal mg needs no body size for its total, but its per-m² figure does.
        given({
          drugId: 'methotrexate',
          route: 'intrathecal',
          dose: 12,
          unit: 'mg',
          schedule: once('2024-01-08')
        })
      ],
      measurements
    )
    // Doses on 01-08, 02-05 and 03-04. Weights: 01-08 is 7 days from 01-01 (53 from 03-01);
    // 02-05 is 35 days from 01-01 but 25 from 03-01; 03-04 is 3 days from 03-01. Every dose
    // takes the only height (2024-01-01).
    expect(totals.find((t) => t.drugId === 'doxorubicin')!.measurementsUsed).toEqual([
      { heightFrom: '2024-01-01', weightFrom: '2024-01-01', doses: 1 },
      { heightFrom: '2024-01-01', weightFrom: '2024-03-01', doses: 2 }
    ])
    // The intrathecal dose was converted to per m² with the January measurement.
    expect(totals.find((t) => t.drugId === 'methotrexate')!.measurementsUsed).toEqual([
      { heightFrom: '2024-01-01', weightFrom: '2024-01-01', doses: 1 }
    ])
    // No measurement at all: nothing used, nothing claimed.
    expect(
      cumulativeDoses(
        [
          given({
            drugId: 'vincristine',
            route: 'iv',
            dose: 1,
            unit: 'mg',
            schedule: once('2024-01-08')
          })
        ],
        []
      )[0]!.measurementsUsed
    ).toEqual([])
  })
})

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2023-02-29')).toBe(false)
    expect(isIsoDate('2024-13-01')).toBe(false)
    expect(isIsoDate('24-01-01')).toBe(false)
  })

  it('counts age in completed years', () => {
    expect(ageInYears('2020-03-15', '2024-03-14')).toBe(3)
    expect(ageInYears('2020-03-15', '2024-03-15')).toBe(4)
  })
})
