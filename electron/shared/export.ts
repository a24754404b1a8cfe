/**
 * The choices and answers of `export.pdf`, the document for doctors as a file. Kept free of zod
 * (the schema is in contract.ts) so the export dialog can show the same rules and lists.
 */
import type { DocumentVariant } from './document.ts'

/**
 * The documents that can be made: the full summary and care plan, a one-page summary for an
 * emergency department or a new family doctor, and a two-sided wallet card.
 */
export const EXPORT_VARIANTS = [
  'full',
  'one-page',
  'card'
] as const satisfies readonly DocumentVariant[]
export type ExportVariant = (typeof EXPORT_VARIANTS)[number]

export const PAPER_SIZES = ['A4', 'LETTER'] as const
export type PaperSize = (typeof PAPER_SIZES)[number]

/**
 * The parts of the full document a person may leave out, by the section ids the core's builder
 * gives them. The numbered reference list goes with the care plan: it lists the plan's sources.
 */
export const EXPORT_SECTIONS = [
  'important',
  'diagnoses',
  'treatment',
  'care-team',
  'care-plan',
  'questions',
  'review'
] as const
export type ExportSection = (typeof EXPORT_SECTIONS)[number]

/** The section that is printed only when the care plan is. */
export const REFERENCES_SECTION = 'references'

/**
 * A PDF password (AES-256). PDF readers use at most 127 bytes of it (UTF-8, after SASLprep);
 * a longer one would open with its first 127 bytes, so Lantern refuses it instead.
 */
export const PDF_PASSWORD_MIN_LENGTH = 8
export const PDF_PASSWORD_MAX_BYTES = 127

/** What the core is doing for a running export; the dialog names each in plain words. */
export const EXPORT_PHASES = ['building', 'laying-out', 'saving'] as const
export type ExportPhase = (typeof EXPORT_PHASES)[number]

export interface ExportProgress {
  phase: ExportPhase
}

/**
 * How an export ended. Through the loopback bridge (a browser: no native dialogs) the file comes
 * back as base64 for the page to offer as a download; in the desktop app the core has written
 * it where the person chose in the save dialog, or the person closed that dialog.
 */
export type ExportFileResult =
  | { outcome: 'download'; fileName: string; base64: string }
  | { outcome: 'saved'; fileName: string }
  | { outcome: 'cancelled' }
export type ExportPdfResult = ExportFileResult

/** The kinds of file Lantern writes; the save dialog offers each with its own extension. */
export const EXPORT_FILE_KINDS = ['pdf', 'backup', 'fhir', 'csv', 'calendar'] as const
export type ExportFileKind = (typeof EXPORT_FILE_KINDS)[number]

/** The extension each kind of file is saved with. */
export const EXPORT_FILE_EXTENSIONS: Record<ExportFileKind, string> = {
  pdf: 'pdf',
  backup: 'lantern-backup',
  fhir: 'json',
  csv: 'csv',
  calendar: 'ics'
}

/** Largest backup file Lantern takes back: far above a vault of hundreds of imported documents. */
export const BACKUP_FILE_MAX_BYTES = 4 * 1024 * 1024 * 1024
/**
 * Largest part of one in a request, before base64: well under the contract's request limit, and
 * small enough that decoding and writing one holds the core's thread for a few milliseconds
 * (6 MB parts held it 40 to 100 ms).
 */
export const BACKUP_PART_MAX_BYTES = 2 * 1024 * 1024
/** An upload's name: twelve hex digits, which the data folder's start-up housekeeping knows. */
export const BACKUP_UPLOAD_ID = /^[0-9a-f]{12}$/
/** After this many days without a backup file, Settings reminds the person to make one. */
export const BACKUP_FILE_REMINDER_DAYS = 30

/** "Lantern backup 2026-12-07.lantern-backup": no one's name, since a vault holds several people. */
export function backupFileName(madeOn: string): string {
  return `Lantern backup ${madeOn}.${EXPORT_FILE_EXTENSIONS.backup}`
}

/** Characters no common file system takes in a name (Windows is the strictest). */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_FILE_NAMES = /[\u0000-\u001f\u007f<>:"/\\|?*]/g

const NAME_IN_FILE_MAX = 80

/**
 * "Lantern summary - Zoë Núñez-O'Brien - 2026-12-06.pdf": the person's name as written, with
 * characters a file system refuses turned into spaces, leading dots (hidden files) dropped, and
 * cut to a length every file system takes.
 */
/** What a CSV export holds: the doses given, or the height and weight measurements. */
export const CSV_TABLES = ['administrations', 'measurements'] as const
export type CsvTable = (typeof CSV_TABLES)[number]

/**
 * @param what the kind of file, as it reads in the name ("summary", "medicines"...)
 * @param extension without the dot
 */
export function exportFileName(
  personName: string,
  preparedOn: string,
  what = 'summary',
  extension = EXPORT_FILE_EXTENSIONS.pdf
): string {
  const name = Array.from(
    personName
      .normalize('NFC')
      .replace(UNSAFE_IN_FILE_NAMES, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^[\s.]+/, '')
      .trim()
  )
    .slice(0, NAME_IN_FILE_MAX)
    .join('')
    .replace(/[\s.]+$/, '')
  return name
    ? `Lantern ${what} - ${name} - ${preparedOn}.${extension}`
    : `Lantern ${what} - ${preparedOn}.${extension}`
}

/**
 * What a FHIR file would add, shown before anything is saved (`import.fhirPreview`). Nothing is
 * written until the person confirms with `import.fhirConfirm` and this `previewId`.
 */
export interface FhirImportPreview {
  previewId: string
  /** 'lantern': made by Lantern, restored as it was; 'other-system': mapped where it fits. */
  source: 'lantern' | 'other-system'
  /** The name the new person will have. */
  personName: string
  willImport: { what: string; count: number }[]
  notImported: { what: string; why: string }[]
}

/**
 * Largest FHIR file read, in bytes (the core refuses larger ones with a message). A Lantern
 * export of a three-year, 2,000-administration record is 3.8 MB; reading one holds several times
 * its size in memory on a worker.
 */
export const FHIR_FILE_MAX_BYTES = 32 * 1024 * 1024
/**
 * The page sends a FHIR file gzipped (FHIR's JSON shrinks about tenfold), so a file up to
 * FHIR_FILE_MAX_BYTES fits one request: this much compressed, well under MAX_REQUEST_BYTES
 * with base64's third more. The file never touches the disk outside the vault.
 */
export const FHIR_GZIP_MAX_BYTES = 8 * 1024 * 1024
