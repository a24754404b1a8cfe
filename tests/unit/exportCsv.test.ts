/**
 * The spreadsheet files: read back with csv-parse, they hold the record's values exactly (the
 * dose numbers are doseEvents' own), accents and all, and no cell can run as a formula.
 * Mosteller: BSA = √(height cm × weight kg / 3600).
 */
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import {
  type CsvAdministration,
  type CsvMeasurement,
  type CsvPhase,
  type RecordCsvInput,
  administrationsCsv,
  measurementsCsv,
  plainNumber
} from '../../electron/core/exports/csv.ts'
import { mostellerBsa } from '../../electron/core/record/bodySize.ts'
import { type DoseEvent, doseEvents } from '../../electron/core/record/doses.ts'
import type { Result } from '../../electron/shared/contract.ts'
import type { RecordEntries } from '../../electron/shared/record.ts'
import { DRUGS, PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

type Row = Record<string, string>

/** As a program reads the file: the BOM dropped, the header row naming each cell. */
function rowsOf(csv: string): Row[] {
  return parse(csv, { bom: true, columns: true }) as Row[]
}

const PHASE_ID = '11111111-1111-4111-8111-111111111111'
const ACCENTED = 'Zoë Núñez – maintenance'

function administration(
  id: string,
  fields: Partial<CsvAdministration> & Pick<CsvAdministration, 'drugId' | 'schedule'>
): CsvAdministration {
  return {
    id,
    route: 'iv',
    dose: 1.5,
    unit: 'mg/m2',
    estimated: false,
    confirmedUnusual: false,
    phaseId: null,
    notes: null,
    ...fields
  }
}

// A child of 110 cm and 19 kg: BSA = √(110 × 19 / 3600) = 0.761942 m².
const MEASUREMENTS: CsvMeasurement[] = [
  { measuredOn: '2024-03-01', heightCm: 110, weightKg: 19, notes: null },
  { measuredOn: '2024-02-20', heightCm: null, weightKg: 18.5, notes: '+1 kg since January' }
]
const PHASES: CsvPhase[] = [{ id: PHASE_ID, kind: 'maintenance', name: ACCENTED }]

function input(administrations: CsvAdministration[]): RecordCsvInput {
  return { administrations, measurements: MEASUREMENTS, phases: PHASES, drugs: DRUGS }
}

/** Each dangerous first character a cell can start with (OWASP), and a note that starts with it. */
const FORMULA_STARTS = [
  ['=', '=HYPERLINK("http://x","y")'],
  ['+', '+SUM(A1:A9)'],
  ['-', '-ve culture, as expected'],
  ['@', '@SUM(1+1)*cmd|" /C calc"!A0'],
  ['tab', '\t=1+1'],
  ['carriage return', '\r=1+1']
] as const

describe('the doses file', () => {
  it('starts with a BOM and one header row, and ends every line with CRLF', () => {
    const csv = administrationsCsv(
      input([administration('a1', { drugId: 'vincristine', schedule: once('2024-03-04') })])
    )
    expect(csv.startsWith('\uFEFFDate,Drug,Route,')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    // Every line break is a CRLF: none is left bare.
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/)
    const rows = rowsOf(csv)
    expect(rows).toHaveLength(1)
    expect(Object.keys(rows[0]!)).toEqual([
      'Date',
      'Drug',
      'Route',
      'Dose as entered',
      'Unit as entered',
      'Dose per m²',
      'Dose per m² unit',
      'Amount given',
      'Amount given unit',
      'Body surface area used (m²)',
      'Treatment phase',
      'Phase name',
      'Estimated',
      'Confirmed unusual dose',
      'Notes'
    ])
  })

  it('writes one row per dose given, with the dose numbers doseEvents computes', () => {
    const administrations = [
      // 1.5 mg/m² weekly × 4: 1.5 mg/m², and 1.5 × 0.761942 = 1.142913 mg each.
      administration('a1', {
        drugId: 'vincristine',
        schedule: { kind: 'repeat', start: '2024-03-04', intervalDays: 7, count: 4 },
        phaseId: PHASE_ID
      }),
      // A flat 70 mg: 70 / 0.761942 = 91.8705 mg/m².
      administration('a2', {
        drugId: 'cytarabine',
        route: 'intrathecal',
        dose: 70,
        unit: 'mg',
        schedule: once('2024-03-11'),
        estimated: true,
        confirmedUnusual: true
      }),
      // 1 g/m²: 1000 mg/m², and 1000 × 0.761942 = 761.942 mg.
      administration('a3', {
        drugId: 'cyclophosphamide',
        dose: 1,
        unit: 'g/m2',
        schedule: once('2024-03-18')
      })
    ]
    const rows = rowsOf(administrationsCsv(input(administrations)))
    expect(rows.map((r) => [r.Date, r.Drug])).toEqual([
      ['2024-03-04', 'vincristine'],
      ['2024-03-11', 'vincristine'],
      ['2024-03-11', 'cytarabine'],
      ['2024-03-18', 'vincristine'],
      ['2024-03-18', 'cyclophosphamide'],
      ['2024-03-25', 'vincristine']
    ])
    expect(rows[0]).toMatchObject({
      Route: 'Into a vein (IV)',
      'Dose as entered': '1.5',
      'Unit as entered': 'mg/m²',
      'Dose per m²': '1.5',
      'Dose per m² unit': 'mg/m²',
      'Amount given unit': 'mg',
      'Treatment phase': 'Maintenance',
      'Phase name': ACCENTED,
      Estimated: 'no',
      'Confirmed unusual dose': 'no'
    })
    expect(Number(rows[0]!['Amount given'])).toBeCloseTo(1.142913, 5)
    expect(Number(rows[0]!['Body surface area used (m²)'])).toBe(mostellerBsa(110, 19))
    const cytarabine = rows[2]!
    expect(cytarabine).toMatchObject({
      Route: 'Into the spinal fluid (intrathecal)',
      'Dose as entered': '70',
      'Unit as entered': 'mg',
      'Dose per m² unit': 'mg/m²',
      'Amount given': '70',
      'Amount given unit': 'mg',
      'Treatment phase': '',
      'Phase name': '',
      Estimated: 'yes',
      'Confirmed unusual dose': 'yes'
    })
    expect(Number(cytarabine['Dose per m²'])).toBeCloseTo(91.8705, 4)
    expect(rows[4]).toMatchObject({
      'Dose as entered': '1',
      'Unit as entered': 'g/m²',
      'Dose per m²': '1000'
    })
    expect(Number(rows[4]!['Amount given'])).toBeCloseTo(761.942, 3)
    expectSameNumbers(rows, doseEvents(administrations, MEASUREMENTS))
  })

  it('leaves the per-m² cells empty when the record has no height to convert with', () => {
    const rows = rowsOf(
      administrationsCsv({
        ...input([
          administration('a1', {
            drugId: 'cytarabine',
            unit: 'mg',
            dose: 70,
            schedule: once('2024-03-04'),
            route: 'intrathecal'
          })
        ]),
        measurements: [{ measuredOn: '2024-03-01', weightKg: 19, heightCm: null }]
      })
    )
    expect(rows[0]).toMatchObject({
      Route: 'Into the spinal fluid (intrathecal)',
      'Dose per m²': '',
      'Dose per m² unit': '',
      'Amount given': '70',
      'Amount given unit': 'mg',
      'Body surface area used (m²)': ''
    })
  })

  it('keeps accents and a drug or phase the catalog does not know', () => {
    const csv = administrationsCsv({
      ...input([
        administration('a1', {
          drugId: 'not-in-the-catalog',
          schedule: once('2024-03-04'),
          phaseId: PHASE_ID,
          notes: `Given by ${ACCENTED}; “ward 5”, day 1`
        }),
        administration('a2', {
          drugId: 'vincristine',
          schedule: once('2024-03-05'),
          phaseId: '22222222-2222-4222-8222-222222222222'
        })
      ])
    })
    const rows = rowsOf(csv)
    expect(rows[0]).toMatchObject({
      Drug: 'not-in-the-catalog',
      'Phase name': ACCENTED,
      Notes: `Given by ${ACCENTED}; “ward 5”, day 1`
    })
    expect(rows[1]).toMatchObject({ 'Treatment phase': '', 'Phase name': '' })
    expect(csv).toContain(ACCENTED)
  })

  it.each(FORMULA_STARTS)('puts an apostrophe before a note starting with %s', (_, note) => {
    const rows = rowsOf(
      administrationsCsv(
        input([
          administration('a1', { drugId: 'vincristine', schedule: once('2024-03-04'), notes: note })
        ])
      )
    )
    expect(rows[0]!.Notes).toBe(`'${note}`)
  })

  it('puts an apostrophe before a phase name that is a formula, and keeps the text after it', () => {
    const rows = rowsOf(
      administrationsCsv({
        ...input([
          administration('a1', {
            drugId: 'vincristine',
            schedule: once('2024-03-04'),
            phaseId: PHASE_ID
          })
        ]),
        phases: [{ id: PHASE_ID, kind: 'other', name: '=HYPERLINK("http://x","y")' }]
      })
    )
    expect(rows[0]!['Phase name']).toBe(`'=HYPERLINK("http://x","y")`)
    expect(rows[0]!['Treatment phase']).toBe('Other')
  })

  it('keeps a note with line breaks in one cell, even for a reader that splits rows at a bare CR or LF', () => {
    const note = 'Line one\nline two\rline three'
    const csv = administrationsCsv(
      input([
        administration('a1', { drugId: 'vincristine', schedule: once('2024-03-04'), notes: note }),
        administration('a2', { drugId: 'vincristine', schedule: once('2024-03-05') })
      ])
    )
    // Excel and LibreOffice end a row at any of the three, outside quotes.
    const rows = parse(csv, { bom: true, columns: true, record_delimiter: ['\r\n', '\n', '\r'] })
    expect(rows).toHaveLength(2)
    expect((rows as Row[])[0]!.Notes).toBe(note)
  })

  it('writes numbers as plain decimals, never with an exponent or a thousands separator', () => {
    const rows = rowsOf(
      administrationsCsv({
        ...input([
          // 0.00005 mcg = 0.00000005 mg: String() would write 5e-8.
          administration('a1', {
            drugId: 'blinatumomab',
            unit: 'mcg',
            dose: 0.00005,
            schedule: once('2024-03-04')
          }),
          // 12,000 units, written without a separator.
          administration('a2', {
            drugId: 'bleomycin',
            unit: 'units',
            dose: 12000,
            schedule: once('2024-03-05')
          })
        ])
      })
    )
    // At full precision, as doseEvents has it: 0.00005 × 0.001 is 5.0000000000000004e-8.
    expect(rows[0]!['Amount given']).toBe('0.000000050000000000000004')
    expect(Number(rows[0]!['Amount given'])).toBe(0.00005 * 0.001)
    expect(rows[0]!['Dose as entered']).toBe('0.00005')
    expect(rows[1]!['Dose as entered']).toBe('12000')
    for (const row of rows) {
      for (const key of ['Dose as entered', 'Dose per m²', 'Amount given']) {
        expect(row[key]).toMatch(/^\d+(\.\d+)?$/)
      }
    }
  })
})

describe('plainNumber', () => {
  it('writes what String() writes, without exponents', () => {
    expect(plainNumber(1.5)).toBe('1.5')
    expect(plainNumber(2624.8727)).toBe('2624.8727')
    expect(plainNumber(5e-8)).toBe('0.00000005')
    expect(plainNumber(-1.25e-7)).toBe('-0.000000125')
    expect(plainNumber(1.5e21)).toBe('1500000000000000000000')
    expect(plainNumber(1e21)).toBe('1000000000000000000000')
    expect(plainNumber(-2)).toBe('-2')
    for (const n of [5e-8, 1.25e-7, 1.5e21, 0.1 + 0.2, 1 / 3]) {
      expect(Number(plainNumber(n))).toBe(n)
    }
    expect(() => plainNumber(Number.NaN)).toThrow()
  })
})

describe('the measurements file', () => {
  it('writes each measurement in date order, with the BSA its own height and weight give', () => {
    const csv = measurementsCsv({ measurements: MEASUREMENTS })
    expect(csv.startsWith('\uFEFFDate,')).toBe(true)
    const rows = rowsOf(csv)
    expect(rows).toEqual([
      {
        Date: '2024-02-20',
        'Height (cm)': '',
        'Weight (kg)': '18.5',
        'Body surface area (m², Mosteller)': '',
        Notes: "'+1 kg since January"
      },
      {
        Date: '2024-03-01',
        'Height (cm)': '110',
        'Weight (kg)': '19',
        'Body surface area (m², Mosteller)': String(mostellerBsa(110, 19)),
        Notes: ''
      }
    ])
    expect(Number(rows[1]!['Body surface area (m², Mosteller)'])).toBeCloseTo(0.761942, 6)
  })

  it('writes a negative number as a number, without the apostrophe text gets', () => {
    // No schema lets a weight below 0.5 kg through; the file still must not turn a number to text.
    const csv = measurementsCsv({
      measurements: [
        { measuredOn: '2024-03-01', heightCm: null, weightKg: -2, notes: '-2 typed by mistake' }
      ]
    })
    expect(csv.split('\r\n')[1]).toBe("2024-03-01,,-2,,'-2 typed by mistake")
  })
})

describe('from a real vault', () => {
  let core: Core

  async function ok<T>(method: string, payload: unknown): Promise<T> {
    const result = (await dispatch(core.handlers, method, payload)) as Result<T>
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
    return result.value
  }

  it('writes the sample record, dose for dose, with the numbers doseEvents gives', async () => {
    core = newCore()
    await core.vault.create(PASSPHRASE)
    const { id: profileId } = await ok<{ id: string }>('profiles.loadSample', {})
    const all = await ok<RecordEntries>('record.listAll', { profileId })
    const recordInput: RecordCsvInput = {
      administrations: all.administration,
      measurements: all.measurement,
      phases: all.phase,
      drugs: DRUGS
    }
    const rows = rowsOf(administrationsCsv(recordInput))
    const events = doseEvents(all.administration, all.measurement)
    expect(events.length).toBeGreaterThan(20)
    expect(rows).toHaveLength(events.length)
    expect(rows.some((r) => r['Dose per m²'] !== '')).toBe(true)
    expectSameNumbers(rows, events)
    // Every note in the sample is a sentence starting "Fictional sample data.".
    expect(rows.every((r) => r.Notes.startsWith('Fictional sample data.'))).toBe(true)

    expect(rowsOf(measurementsCsv(recordInput))).toHaveLength(all.measurement.length)
  })

  it('writes what was typed through the contract: accents, and a formula as text', async () => {
    core = newCore()
    await core.vault.create(PASSPHRASE)
    const { id: profileId } = await ok<{ id: string }>('profiles.create', { displayName: 'Zoë' })
    const save = (kind: string, entry: Record<string, unknown>) =>
      ok<{ id: string }>('record.save', { kind, entry: { profileId, ...entry } })
    await save('measurement', { measuredOn: '2024-03-01', heightCm: 110, weightKg: 19 })
    const phase = await save('phase', {
      kind: 'maintenance',
      name: ACCENTED,
      startedOn: '2024-03-01'
    })
    await save('administration', {
      phaseId: phase.id,
      drugId: 'mercaptopurine',
      route: 'oral',
      dose: 75,
      unit: 'mg/m2',
      schedule: { kind: 'repeat', start: '2024-03-01', intervalDays: 1, count: 3 },
      notes: '=HYPERLINK("http://x","y")'
    })
    const all = await ok<RecordEntries>('record.listAll', { profileId })
    const rows = rowsOf(
      administrationsCsv({
        administrations: all.administration,
        measurements: all.measurement,
        phases: all.phase,
        drugs: DRUGS
      })
    )
    expect(rows).toHaveLength(3)
    for (const row of rows) {
      expect(row).toMatchObject({
        Drug: 'mercaptopurine',
        Route: 'By mouth',
        'Dose per m²': '75',
        'Phase name': ACCENTED,
        Notes: `'=HYPERLINK("http://x","y")`
      })
    }
  })
})

function once(date: string) {
  return { kind: 'once' as const, date }
}

/**
 * Each row's date and numbers are exactly those of the dose event in the same place, the events
 * in date order (a stable sort, as the file keeps them).
 */
function expectSameNumbers(rows: readonly Row[], events: readonly DoseEvent[]): void {
  const inOrder = [...events].sort((x, y) => x.date.localeCompare(y.date))
  const cell = (value: number | null) => (value === null ? '' : value)
  const read = (text: string) => (text === '' ? '' : Number(text))
  const fromRows = rows.map((r) => [
    r.Date,
    read(r['Dose per m²']!),
    read(r['Amount given']!),
    read(r['Body surface area used (m²)']!),
    r.Estimated === 'yes'
  ])
  const fromEvents = inOrder.map((e) => [
    e.date,
    cell(e.perM2),
    cell(e.absolute),
    cell(e.bsaM2),
    e.estimated
  ])
  expect(fromRows).toEqual(fromEvents)
}
