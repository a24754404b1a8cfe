/**
 * The record as spreadsheet files a family can open: every dose given, and every height and
 * weight. Pure: the caller reads the entries (listEntries) and the catalog, this only writes.
 *
 * What the files promise:
 * - UTF-8 with a byte order mark, so Excel on Windows reads "Zoë" and "mg/m²" as written
 *   rather than in the computer's legacy code page.
 * - CRLF line endings: RFC 4180's, and what Excel expects; LibreOffice and Numbers read them
 *   too. A note's own line breaks stay inside its quoted cell.
 * - Numbers as plain decimals (no grouping, dot decimal, never "1e-7"), at full precision:
 *   the per-m² and BSA-derived numbers are doseEvents' own, so the file agrees with the
 *   summary and the care plan, and a spreadsheet decides how many digits to show.
 * - Dates as YYYY-MM-DD, which every spreadsheet sorts and reads as a date.
 * - No cell runs as a formula (CSV or formula injection, OWASP's "CSV Injection"): a text
 *   cell starting with = + - @, a tab or a carriage return (and the full-width ＝ ＋ － ＠,
 *   which csv-stringify found Apple Numbers reads as formulas) gets a leading apostrophe. A spreadsheet shows that apostrophe
 *   in a typed note such as "-ve result" or "+2 kg"; a note read wrongly is a small price next
 *   to a note that runs. Cells that are numbers are written as numbers and never get one, so a
 *   negative number (none is expected) would stay a number.
 */
import { stringify } from 'csv-stringify/sync'
import { formatUnit } from '../../shared/format.ts'
import { labelMessages } from '../../shared/labels.ts'
import type { Entry } from '../../shared/record.ts'
import { mostellerBsa } from '../record/bodySize.ts'
import { BASE_UNIT, doseEvents, unitQuantity } from '../record/doses.ts'
import type { DrugInfo } from '../record/references.ts'

/** What a row of the doses file needs of an administration, as listEntries returns it. */
export type CsvAdministration = Pick<
  Entry<'administration'>,
  | 'id'
  | 'drugId'
  | 'route'
  | 'dose'
  | 'unit'
  | 'schedule'
  | 'estimated'
  | 'confirmedUnusual'
  | 'phaseId'
> &
  Partial<Pick<Entry<'administration'>, 'notes'>>

export type CsvMeasurement = Pick<Entry<'measurement'>, 'measuredOn' | 'heightCm' | 'weightKg'> &
  Partial<Pick<Entry<'measurement'>, 'notes'>>

export type CsvPhase = Pick<Entry<'phase'>, 'id' | 'kind' | 'name'>

/** One person's entries, as listEntries returns them, and the drug catalog. */
export interface RecordCsvInput {
  administrations: readonly CsvAdministration[]
  /** All of the person's measurements: each dose is converted with the ones nearest its date. */
  measurements: readonly CsvMeasurement[]
  /** The phases the administrations may link to; an unknown phaseId leaves the cells empty. */
  phases: readonly CsvPhase[]
  /** The catalog (DrugLookup), or only the names the file needs (the job worker's). */
  drugs: DrugNames
}

/** What the doses file needs of the drug catalog: each drug's generic name. */
export interface DrugNames {
  byId(id: string): Pick<DrugInfo, 'genericName'> | undefined
}

type Cell = string | number | null

const YES_NO = (value: boolean) => (value ? 'yes' : 'no')

/**
 * A number as a plain decimal. String() is the shortest text that reads back as the same
 * number, but it switches to exponents below 1e-6 and from 1e21 (a dose of 0.00005 mcg is
 * 5e-8 mg), which a spreadsheet may read as text or a person as a typo.
 */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${value}`)
  const text = String(value)
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text)
  if (!match) return text
  const [, sign, lead, fraction = '', exponent] = match
  const digits = lead! + fraction
  const point = 1 + Number(exponent)
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}

function writeCsv(headers: readonly string[], rows: readonly Cell[][]): string {
  return stringify(rows as Cell[][], {
    bom: true,
    header: true,
    columns: [...headers],
    record_delimiter: 'windows',
    // Setting record_delimiter turns this off; without it a note holding a bare "\n" or "\r"
    // is written unquoted, and a spreadsheet splits the row there.
    quote_record_delimiter: true,
    // csv-stringify's OWASP rule: the apostrophe for text cells starting with = + - @ \t \r
    // (and their full-width forms). It checks a cell's type before casting, so a number,
    // even a negative one, is never prefixed.
    escape_formulas: true,
    cast: { number: plainNumber }
  })
}

const ADMINISTRATION_HEADERS = [
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
] as const

/**
 * One row per dose given, in date order: a repeating entry ("weekly × 4") is one row per
 * week. "Dose per m²" and "Amount given" are in the base unit (mg, IU, units, cells), empty
 * when the record lacks the height or weight the conversion needs.
 */
export function administrationsCsv(input: RecordCsvInput): string {
  const byId = new Map(input.administrations.map((a) => [a.id, a]))
  const phases = new Map(input.phases.map((p) => [p.id, p]))
  // doseEvents is the one place dose numbers are worked out; a stable sort keeps doses given
  // on the same day in the record's order.
  const events = doseEvents(input.administrations, input.measurements).sort((x, y) =>
    x.date.localeCompare(y.date)
  )
  const rows = events.map((event): Cell[] => {
    const a = byId.get(event.administrationId)!
    const base = BASE_UNIT[unitQuantity(a.unit)]
    const phase = a.phaseId ? phases.get(a.phaseId) : undefined
    return [
      event.date,
      input.drugs.byId(a.drugId)?.genericName ?? a.drugId,
      labelMessages.routes[a.route] ?? a.route,
      a.dose,
      formatUnit(a.unit),
      event.perM2,
      event.perM2 === null ? null : formatUnit(`${base}/m2`),
      event.absolute,
      event.absolute === null ? null : base,
      event.bsaM2,
      phase ? labelMessages.phaseKinds[phase.kind] : null,
      phase?.name ?? null,
      YES_NO(event.estimated),
      YES_NO(a.confirmedUnusual),
      a.notes ?? null
    ]
  })
  return writeCsv(ADMINISTRATION_HEADERS, rows)
}

const MEASUREMENT_HEADERS = [
  'Date',
  'Height (cm)',
  'Weight (kg)',
  'Body surface area (m², Mosteller)',
  'Notes'
] as const

/**
 * One row per measurement, in date order. The body surface area is the one this measurement's
 * own height and weight give, so a row never shows a number made with another day's height;
 * doses, which need a size on every date, pair the nearest height and weight instead.
 */
export function measurementsCsv(input: Pick<RecordCsvInput, 'measurements'>): string {
  const rows = [...input.measurements]
    .sort((x, y) => x.measuredOn.localeCompare(y.measuredOn))
    .map((m): Cell[] => [
      m.measuredOn,
      m.heightCm ?? null,
      m.weightKg ?? null,
      m.heightCm != null && m.weightKg != null ? mostellerBsa(m.heightCm, m.weightKg) : null,
      m.notes ?? null
    ])
  return writeCsv(MEASUREMENT_HEADERS, rows)
}
