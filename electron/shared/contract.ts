/**
 * The API contract: the one list of everything the renderer may ask of the core.
 *
 * Main registers a handler per method, the preload exposes one function per method, the
 * loopback bridge serves the same methods over HTTP, and the renderer's client is typed from
 * this file. Adding a method here is the only way to add a capability to the renderer.
 *
 * This module must stay free of Node and Electron imports: it runs in every process.
 */
import { z } from 'zod'
import {
  AUTO_LOCK_MINUTES,
  NAME_MAX_LENGTH,
  PASSPHRASE_MAX_LENGTH,
  PASSPHRASE_MIN_LENGTH
} from './limits.ts'
import { type CarePlan, carePlanInputs } from './careplan.ts'
import type { ClinicalDocument } from './document.ts'
import {
  type Bookmark,
  type DocumentSummary,
  type Glossary,
  type ImportedDocument,
  type Guide,
  type GuideSummary,
  type Question,
  type ReadingPosition,
  type SearchResult,
  libraryInputs
} from './library.ts'
import {
  BACKUP_FILE_MAX_BYTES,
  BACKUP_PART_MAX_BYTES,
  BACKUP_UPLOAD_ID,
  CSV_TABLES,
  EXPORT_SECTIONS,
  FHIR_FILE_MAX_BYTES,
  FHIR_GZIP_MAX_BYTES,
  type FhirImportPreview,
  EXPORT_VARIANTS,
  type ExportFileResult,
  type ExportPdfResult,
  type ExportProgress,
  PAPER_SIZES,
  PDF_PASSWORD_MAX_BYTES,
  PDF_PASSWORD_MIN_LENGTH
} from './export.ts'
import type {
  Allergy,
  CENTRAL_LINE_STATES,
  FeverThreshold,
  SEXES,
  SHUNT_STATES,
  SPLEEN_STATES
} from './record.ts'
import type { TreatmentSummary } from './summary.ts'
import {
  ENTRY_KINDS,
  ENTRY_SCHEMAS,
  type Entry,
  type EntryKind,
  personSchema,
  type RecordEntries
} from './record.ts'

/** Stable error codes. The renderer branches on these; never rename one. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'FORBIDDEN_SENDER',
  'NO_VAULT',
  'VAULT_EXISTS',
  'VAULT_LOCKED',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_CODE',
  'VAULT_DAMAGED',
  'VAULT_FROM_NEWER_VERSION',
  /** A backup file changed since Lantern made it (its checksum, or its record unreadable). */
  'BACKUP_FILE_DAMAGED',
  /** A file chosen to restore that Lantern did not make. */
  'NOT_A_BACKUP_FILE',
  'NOT_FOUND',
  /** A dose far from the usual one: saved only once the input carries `confirmedUnusual: true`. */
  'DOSE_NEEDS_CONFIRMATION',
  'INTERNAL'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiError {
  code: ErrorCode
  message: string
  /**
   * For INVALID_INPUT and DOSE_NEEDS_CONFIRMATION: the field paths concerned, so a form can show
   * the message beside the field.
   */
  fields?: { path: string; message: string }[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export * from './limits.ts'

const passphrase = z
  .string()
  .min(PASSPHRASE_MIN_LENGTH, `Use at least ${PASSPHRASE_MIN_LENGTH} characters.`)
  .max(PASSPHRASE_MAX_LENGTH, `Use at most ${PASSPHRASE_MAX_LENGTH} characters.`)

/** Any passphrase that might unlock: the length rule applies only when choosing one. */
const existingPassphrase = z.string().min(1, 'Enter your passphrase.').max(PASSPHRASE_MAX_LENGTH)

/** Crockford base32 groups; spaces, dashes and case are forgiven when the user types it back. */
const recoveryCode = z
  .string()
  .min(1, 'Enter your recovery code.')
  .max(100, 'That is longer than a recovery code.')

const id = z.string().uuid('Not a valid identifier.')

const displayName = z
  .string()
  .trim()
  .min(1, 'Enter a name.')
  .max(NAME_MAX_LENGTH, `Use at most ${NAME_MAX_LENGTH} characters.`)

const empty = z.strictObject({})

/** One upload of a backup file to restore, named by the page (backupUploads.ts). */
const backupUploadId = z.string().regex(BACKUP_UPLOAD_ID, 'Not an upload of a backup file.')

/**
 * A password for one exported file. Control characters are refused because the PDF standard's
 * password preparation (SASLprep) forbids them; the messages never quote what was typed.
 */
const pdfPassword = z
  .string()
  .min(PDF_PASSWORD_MIN_LENGTH, `Use at least ${PDF_PASSWORD_MIN_LENGTH} characters.`)
  .refine(
    (p) => new TextEncoder().encode(p).length <= PDF_PASSWORD_MAX_BYTES,
    'That is longer than a PDF password can be: use fewer characters.'
  )
  // eslint-disable-next-line no-control-regex
  .refine((p) => !/[\u0000-\u001f\u007f]/.test(p), 'Use letters, digits, spaces and punctuation.')

// ---- Value types returned to the renderer ----

export type VaultState = 'none' | 'locked' | 'unlocked'

/**
 * Why the vault opened with a caveat: 'daily-backup-failed' means the day's backup could not be
 * made (a full disk, say). The record itself opened and is unchanged.
 */
export const BACKUP_WARNINGS = ['daily-backup-failed'] as const
export type BackupWarning = (typeof BACKUP_WARNINGS)[number]

export interface VaultStatus {
  state: VaultState
  /** Present only while the vault is open and its latest backup attempt at opening failed. */
  backupWarning?: BackupWarning
}

/** What a re-encryption is doing, in this order; the renderer names each one in plain words. */
export const REENCRYPT_STEPS = [
  'checking',
  'new-keys',
  'copying',
  're-encrypting',
  'verifying',
  'switching',
  'backing-up',
  'removing-old-backups',
  'done'
] as const
export type ReencryptStep = (typeof REENCRYPT_STEPS)[number]

/** How far a running re-encryption has got: `stepsDone` of `stepsTotal`, now doing `step`. */
export interface ReencryptProgress {
  step: ReencryptStep
  stepsDone: number
  stepsTotal: number
}

export interface Profile {
  id: string
  displayName: string
  dateOfBirth: string | null
  sex: (typeof SEXES)[number] | null
  treatmentCompletedOn: string | null
  ongoingTherapy: string | null
  phone: string | null
  email: string | null
  // Important to know in an emergency (see personSchema): null or false means "not answered".
  allergies: Allergy[]
  noKnownAllergies: boolean
  centralLine: (typeof CENTRAL_LINE_STATES)[number] | null
  centralLineNotes: string | null
  centralLinePlacedOn: string | null
  shunt: (typeof SHUNT_STATES)[number] | null
  shuntNotes: string | null
  spleen: (typeof SPLEEN_STATES)[number] | null
  teamPhone24h: string | null
  feverThreshold: FeverThreshold | null
  /** The fictional sample record a new user can load to explore. */
  isSample: boolean
  createdAt: string
  updatedAt: string
}

export interface BackupSummary {
  id: string
  /** ISO 8601 */
  createdAt: string
  /**
   * Why it was made: 'rolling' (daily), 'pre-migration' (before an upgrade), 'manual', or
   * 'reencrypted' (the first under a new data key).
   */
  reason: string
}

export interface DrugSummary {
  id: string
  genericName: string
  otherNames: string[]
  brandNames: string[]
  class: string
  routes: string[]
  doseUnits: string[]
}

/** A form's unsaved content, kept in the vault through a lock or a close. */
export interface Draft {
  id: string
  kind: EntryKind
  /** The entry being edited, or null for a new entry not yet saved. */
  entryId: string | null
  data: Record<string, unknown>
  updatedAt: string
}

/** A draft is whatever the form held; this only bounds its size. */
export const MAX_DRAFT_BYTES = 64 * 1024

export const TEXT_SIZES = ['normal', 'large', 'larger'] as const
export const THEMES = ['system', 'light', 'dark'] as const

export interface Settings {
  autoLockMinutes: number
  /** How large the guides' text is. */
  textSize: (typeof TEXT_SIZES)[number]
  /** Light or dark colours, or whatever the computer uses. */
  theme: (typeof THEMES)[number]
  /** When the last backup file (`vault.exportBackup`) was made, ISO instant; null if never. */
  lastBackupFileAt: string | null
}

// ---- The methods ----

type EntryVariant<Extra extends z.ZodRawShape> = z.ZodObject<
  { kind: z.ZodLiteral<EntryKind>; entry: (typeof ENTRY_SCHEMAS)[EntryKind] } & Extra,
  z.core.$strict
>

/**
 * `{ kind, entry }` (and the `extra` fields), the entry checked by its own kind's schema. Typed
 * as one object whose entry may be any kind's: TypeScript cannot pass `{ kind: K, entry }` for
 * a generic K where a union of the eleven pairs is expected. The record store's `save<K>` is
 * where the types pair a kind with its own fields.
 */
function entryOfItsKind<Extra extends z.ZodRawShape>(extra: Extra) {
  const variants = ENTRY_KINDS.map((kind) =>
    z.strictObject({ kind: z.literal(kind), entry: ENTRY_SCHEMAS[kind], ...extra })
  )
  return z.discriminatedUnion(
    'kind',
    variants as unknown as [EntryVariant<Extra>, ...EntryVariant<Extra>[]],
    'Not a kind of record entry.'
  )
}

/** When an entry was first saved or last changed, as the core wrote it. */
const timestamp = z.iso.datetime('Not a time stamp.')

/**
 * Undo of a deletion: the entries deleted (the one the person deleted, and the relapses that
 * went with a diagnosis) with their own ids and times, and the links the deletion cleared
 * (a medicine's phase or transplant, a radiation course's transplant), to point at `to` again.
 */
const restoreInput = z
  .strictObject({
    profileId: id,
    entries: z
      .array(entryOfItsKind({ createdAt: timestamp, updatedAt: timestamp }))
      .min(1, 'Name at least one entry to restore.')
      .max(1000, 'Restore at most 1000 entries at once.'),
    links: z
      .array(
        z.discriminatedUnion(
          'kind',
          [
            z.strictObject({
              kind: z.literal('administration'),
              id,
              field: z.enum(
                ['phaseId', 'transplantId'],
                'A medicine links to a phase or a transplant.'
              ),
              to: id
            }),
            z.strictObject({
              kind: z.literal('radiation'),
              id,
              field: z.literal('transplantId', 'Radiation links only to a transplant.'),
              to: id
            })
          ],
          'Only medicines and radiation link to other entries.'
        )
      )
      // A phase may hold every dose of a long treatment (the bench's record has 2,000).
      .max(10_000, 'Relink at most 10,000 entries at once.')
  })
  .superRefine(({ profileId, entries }, ctx) => {
    entries.forEach(({ entry }, i) => {
      if (entry.id === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['entries', i, 'entry', 'id'],
          message: 'An entry comes back with the id it had.'
        })
      }
      if (entry.profileId !== profileId) {
        ctx.addIssue({
          code: 'custom',
          path: ['entries', i, 'entry', 'profileId'],
          message: 'Every entry restored belongs to the same person’s record.'
        })
      }
    })
  })

/** `method<Output>()(inputSchema)`: curried so the input type is inferred from the schema. */
function method<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as unknown as O })
}

export const contract = {
  'vault.status': method<VaultStatus>()(empty),
  'vault.create': method<{ recoveryCode: string }>()(z.strictObject({ passphrase })),
  'vault.unlock': method<VaultStatus>()(z.strictObject({ passphrase: existingPassphrase })),
  /** For a forgotten passphrase: the recovery code unlocks and a new passphrase replaces the old. */
  'vault.recover': method<VaultStatus>()(
    z.strictObject({ recoveryCode, newPassphrase: passphrase })
  ),
  'vault.lock': method<VaultStatus>()(empty),
  /** Works while locked: the damaged-vault screen offers these. */
  'vault.listBackups': method<BackupSummary[]>()(empty),
  /** The secret is the passphrase (backups follow passphrase changes), or the recovery code. */
  'vault.restoreBackup': method<VaultStatus>()(
    z.strictObject({
      backupId: z.string().regex(/^vault-\d{8}T\d{9}Z-[a-z-]{1,30}$/, 'Not a backup name.'),
      secret: existingPassphrase
    })
  ),
  /**
   * The whole vault as one backup file (core/vault/backupFile.ts), to restore on another
   * computer: saved where the native dialog says, or answered for the browser's download.
   * Remembered as the last backup file (`settings.get`).
   */
  'vault.exportBackup': method<ExportFileResult>()(empty),
  /**
   * A part of a backup file to restore, sent in order from offset 0 (a file may be far larger
   * than one request). Kept in the data folder, private, until `vault.importBackup` uses it or
   * the app next starts. Works with no vault, locked or open.
   */
  'vault.uploadBackupPart': method<{ receivedBytes: number }>()(
    z.strictObject({
      uploadId: backupUploadId,
      offset: z.number().int().min(0).max(BACKUP_FILE_MAX_BYTES),
      base64: z
        .string()
        .max(Math.ceil(BACKUP_PART_MAX_BYTES / 3) * 4, 'That part of the file is too large.')
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'That part of the file is not base64.')
    })
  ),
  /**
   * Restores the uploaded backup file in place of this computer's vault and opens it. A vault
   * already here is replaced only with `replaceExisting` (and kept aside in the data folder);
   * without it the answer is VAULT_EXISTS. With the recovery code, `newPassphrase` becomes the
   * passphrase. BACKUP_FILE_DAMAGED and NOT_A_BACKUP_FILE say the file is at fault, never the
   * passphrase. The upload is removed whatever the outcome.
   */
  'vault.importBackup': method<VaultStatus>()(
    z.strictObject({
      uploadId: backupUploadId,
      secret: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('passphrase'), passphrase: existingPassphrase }),
        z.strictObject({
          kind: z.literal('recoveryCode'),
          recoveryCode,
          newPassphrase: passphrase
        })
      ]),
      replaceExisting: z.boolean('Say whether the vault here is replaced.')
    })
  ),
  'vault.changePassphrase': method<null>()(
    z.strictObject({ currentPassphrase: existingPassphrase, newPassphrase: passphrase })
  ),
  /**
   * For a passphrase someone else may have learned: a new passphrase and a new data key for the
   * vault and its backups, and a new recovery code (answered once, to be shown once).
   */
  'vault.reencrypt': method<{ recoveryCode: string }>()(
    z.strictObject({ currentPassphrase: existingPassphrase, newPassphrase: passphrase })
  ),
  /**
   * Asked again and again while `vault.reencrypt` is pending, so the person sees how far it
   * has got; null when no re-encryption is running.
   */
  'vault.reencryptProgress': method<ReencryptProgress | null>()(empty),

  /**
   * Someone is using Lantern: the core's inactivity lock counts its minutes again from now.
   * The page sends it at most every few seconds. VAULT_LOCKED when the vault is not open.
   */
  'session.activity': method<null>()(empty),

  'settings.get': method<Settings>()(empty),
  /** Changes only the settings given. */
  'settings.update': method<Settings>()(
    z.strictObject({
      autoLockMinutes: z
        .number('Enter a number of minutes.')
        .int('Use whole minutes.')
        .min(AUTO_LOCK_MINUTES.min, `Use at least ${AUTO_LOCK_MINUTES.min} minute.`)
        .max(AUTO_LOCK_MINUTES.max, `Use at most ${AUTO_LOCK_MINUTES.max} minutes.`)
        .optional(),
      textSize: z.enum(TEXT_SIZES, 'Choose a text size from the list.').optional(),
      theme: z.enum(THEMES, 'Choose light, dark or the computer’s setting.').optional()
    })
  ),

  'profiles.list': method<Profile[]>()(empty),
  'profiles.create': method<Profile>()(z.strictObject({ displayName })),
  'profiles.rename': method<Profile>()(z.strictObject({ id, displayName })),
  'profiles.updatePerson': method<Profile>()(personSchema),
  /** Hides the person at once; `profiles.undoDelete` brings them back until `undoUntil`. */
  'profiles.delete': method<{ undoUntil: string }>()(z.strictObject({ id })),
  'profiles.undoDelete': method<Profile>()(z.strictObject({ id })),
  /** Adds the fictional sample record (a child with B-cell ALL) for exploring Lantern. */
  'profiles.loadSample': method<Profile>()(empty),

  /** The drug catalog shipped with the app (56 drugs, each with its sources). */
  'drugs.list': method<DrugSummary[]>()(empty),

  'record.list': method<Entry<EntryKind>[]>()(
    z.strictObject({ profileId: id, kind: z.enum(ENTRY_KINDS, 'Not a kind of record entry.') })
  ),
  /** A person's whole record, every kind at once: what the record screen opens with. */
  'record.listAll': method<RecordEntries>()(z.strictObject({ profileId: id })),
  'record.save': method<Entry<EntryKind>>()(entryOfItsKind({})),
  /**
   * Undo of a deletion, in one transaction: every entry and link comes back, or, if any of them
   * cannot, nothing changes. Links whose entry has since been deleted, or linked elsewhere, are
   * left as they are. Answers with the person's whole record.
   */
  'record.restore': method<RecordEntries>()(restoreInput),
  'record.summary': method<TreatmentSummary>()(z.strictObject({ profileId: id })),
  'drafts.save': method<{ id: string }>()(
    z.strictObject({
      profileId: id,
      kind: z.enum(ENTRY_KINDS, 'Not a kind of record entry.'),
      entryId: id.nullable(),
      data: z
        .record(z.string().max(100), z.unknown())
        .refine(
          (data) => JSON.stringify(data).length <= MAX_DRAFT_BYTES,
          'That draft is too large to keep.'
        )
    })
  ),
  'drafts.list': method<Draft[]>()(z.strictObject({ profileId: id })),
  'drafts.delete': method<null>()(z.strictObject({ id })),
  'record.delete': method<null>()(
    z.strictObject({ kind: z.enum(ENTRY_KINDS, 'Not a kind of record entry.'), id })
  ),

  /**
   * The survivorship care plan, recomputed from the record and the shipped rules. Every change
   * returns the whole plan again, so the screen never shows a half-updated state.
   */
  'careplan.get': method<CarePlan>()(carePlanInputs.get),
  'careplan.markDone': method<CarePlan>()(carePlanInputs.markDone),
  'careplan.undoDone': method<CarePlan>()(carePlanInputs.undoDone),
  /** `until: null` ends a snooze. */
  'careplan.snooze': method<CarePlan>()(carePlanInputs.snooze),
  'careplan.dismiss': method<CarePlan>()(carePlanInputs.dismiss),
  'careplan.restore': method<CarePlan>()(carePlanInputs.restore),
  /** `responsible: null` goes back to the rule's default. */
  'careplan.setResponsible': method<CarePlan>()(carePlanInputs.setResponsible),
  'careplan.saveOwnItem': method<CarePlan>()(carePlanInputs.saveOwnItem),
  'careplan.deleteOwnItem': method<CarePlan>()(carePlanInputs.deleteOwnItem),
  'careplan.addReview': method<CarePlan>()(carePlanInputs.addReview),
  'careplan.deleteReview': method<CarePlan>()(carePlanInputs.deleteReview),
  /** The person has seen what changed; the next differences are counted from now. */
  'careplan.acknowledgeChanges': method<CarePlan>()(carePlanInputs.acknowledgeChanges),

  /** The guide library: public text shipped with the app. */
  'library.list': method<GuideSummary[]>()(empty),
  'library.get': method<Guide>()(libraryInputs.get),
  'library.glossary': method<Glossary>()(empty),
  /** Ranked, section-level results with highlighted snippets, as the person types. */
  'library.search': method<SearchResult[]>()(libraryInputs.search),
  'library.listBookmarks': method<Bookmark[]>()(empty),
  /** Bookmarking a section again renames its bookmark. */
  'library.addBookmark': method<Bookmark[]>()(libraryInputs.addBookmark),
  'library.removeBookmark': method<Bookmark[]>()(libraryInputs.removeBookmark),
  'library.getPosition': method<ReadingPosition | null>()(libraryInputs.getPosition),
  'library.setPosition': method<null>()(libraryInputs.setPosition),
  /** A person's own list of questions for their care team. */
  'questions.list': method<Question[]>()(libraryInputs.listQuestions),
  /** Skips questions already on the list; answers with the whole list. */
  'questions.add': method<Question[]>()(libraryInputs.addQuestions),
  'questions.remove': method<Question[]>()(libraryInputs.removeQuestion),
  /** The person's own documents, cleaned and kept in the vault, searchable with the guides. */
  'documents.import': method<DocumentSummary>()(libraryInputs.importDocument),
  'documents.list': method<DocumentSummary[]>()(empty),
  'documents.get': method<ImportedDocument>()(libraryInputs.getDocument),
  'documents.delete': method<DocumentSummary[]>()(libraryInputs.deleteDocument),

  /**
   * The document for doctors as a PDF, made by the core (layout on a worker thread). In the
   * desktop app the core asks the shell where to save it (a native dialog) and writes it there;
   * through the browser bridge the file comes back to be downloaded. The password is used for
   * this file only: never stored, logged or sent back.
   */
  'export.pdf': method<ExportPdfResult>()(
    z.strictObject({
      profileId: id,
      variant: z.enum(
        EXPORT_VARIANTS,
        'Choose the full summary, the one-page summary or the wallet card.'
      ),
      paper: z.enum(PAPER_SIZES, 'Choose A4 or US Letter.'),
      password: pdfPassword.optional(),
      nameInMetadata: z.boolean('Say whether the name goes in the file’s details.'),
      sections: z
        .array(z.enum(EXPORT_SECTIONS, 'Not a part of the document.'))
        .min(1, 'Choose at least one part to include.')
        .max(EXPORT_SECTIONS.length, 'Choose each part once.')
        .optional()
    })
  ),
  /**
   * One person's doses given (one row per dose, with the core's own per-m² numbers) or their
   * measurements, as a spreadsheet file (CSV, UTF-8 with a byte-order mark); saved or answered
   * for download as `export.pdf` is.
   */
  'export.csv': method<ExportFileResult>()(
    z.strictObject({
      profileId: id,
      table: z.enum(CSV_TABLES, 'Choose the medicines given or the measurements.')
    })
  ),
  /**
   * The care plan's next due dates as a calendar file (.ics): all-day events with stable ids, so
   * a second file updates the first. The person's name is in the events only with `includeName`.
   */
  'export.calendar': method<ExportFileResult>()(
    z.strictObject({
      profileId: id,
      timeZone: z.string().min(1, 'Choose a time zone.').max(100, 'That is not a time zone.'),
      includeName: z.boolean('Say whether the name goes in the events.')
    })
  ),
  /**
   * One person's record as a FHIR R4 document (an International Patient Summary with mCODE
   * profiles for the cancer parts), for a clinic's system; saved or answered for download as
   * `export.pdf` is. Made on the job runner.
   */
  'export.fhir': method<ExportFileResult>()(z.strictObject({ profileId: id })),
  /**
   * Reads a FHIR file (gzipped, base64) on the job runner and answers what it would add as a new person,
   * and what not and why. Nothing is saved: the reading is kept until `import.fhirConfirm`, a
   * newer preview or the vault's lock. A file Lantern cannot read is INVALID_INPUT on `file`.
   */
  'import.fhirPreview': method<FhirImportPreview>()(
    z.strictObject({
      fileName: z.string().trim().min(1, 'The file needs a name.').max(255),
      /** The file gzipped, then base64 (FHIR_GZIP_MAX_BYTES). */
      gzipBase64: z
        .string()
        .max(
          Math.ceil(FHIR_GZIP_MAX_BYTES / 3) * 4,
          `That file is larger than ${FHIR_FILE_MAX_BYTES / 1024 / 1024} MB, more than any FHIR file of one person's record.`
        )
    })
  ),
  /**
   * Saves the previewed file as a new person, all or nothing: hidden until the last of it is
   * saved, in parts so other calls are answered meanwhile. Answers the person's id.
   */
  'import.fhirConfirm': method<{ profileId: string }>()(
    z.strictObject({ previewId: z.string().uuid('Not a preview of an import.') })
  ),
  /**
   * Asked again and again while any export (`export.*`, `vault.exportBackup`) is pending: the
   * phase of the one started last; null when none is running.
   */
  'export.progress': method<ExportProgress | null>()(empty),
  /**
   * The full document for doctors as plain blocks, built by the same code as `export.pdf`: the
   * Summary screen shows these, so the screen and the paper say the same numbers.
   */
  'document.get': method<ClinicalDocument>()(z.strictObject({ profileId: id }))
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = Contract[M]['output']

export {
  BEFORE_CLOSE_CHANNEL,
  BEFORE_CLOSE_DONE_CHANNEL,
  buildBridge,
  isPageRequestId,
  METHOD_NAMES,
  type PageRequestId,
  type PageRequestTransport
} from './bridge.ts'

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}

/**
 * Upper bound on one request body, checked before parsing (bridge) and after (IPC, by schema).
 * Large enough for an imported document (8 MB, base64-encoded); every other input is small and
 * has its own limit in its schema.
 */
export const MAX_REQUEST_BYTES = 12 * 1024 * 1024

/**
 * How deeply a request may nest objects and arrays (the request itself is level 1). The deepest
 * real input is a record entry's draft (request, data, schedule, a list inside it: about 5
 * levels); 64 leaves room for any form we may add, and stays far below the few thousand levels
 * at which recursive code (zod, JSON.stringify) runs out of stack.
 */
export const MAX_INPUT_DEPTH = 64

/**
 * How many values a request may hold, counting a value once for every place it appears. JSON
 * needs at least two bytes per value, so nothing under MAX_REQUEST_BYTES comes near it; over
 * IPC, where one object may be referenced many times, it stops a small request from standing
 * for an astronomic one.
 */
export const MAX_INPUT_VALUES = MAX_REQUEST_BYTES / 2

/**
 * Why a request is too deep or too large to parse, or null. Checked before the schemas, and
 * with an explicit stack instead of recursion, so no input can overflow the checker itself.
 * Cycles (possible over IPC) count as too deep.
 */
export function inputShapeProblem(input: unknown): string | null {
  if (!isContainer(input)) return null
  // One frame per open container on the current path: memory stays proportional to the depth.
  const stack = [{ children: childrenOf(input), next: 0 }]
  let values = 0
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!
    if (frame.next === frame.children.length) {
      stack.pop()
      continue
    }
    const child = frame.children[frame.next++]
    if (++values > MAX_INPUT_VALUES) return 'The request holds too many values.'
    if (!isContainer(child)) continue
    if (stack.length >= MAX_INPUT_DEPTH) return 'The request is nested too deeply.'
    stack.push({ children: childrenOf(child), next: 0 })
  }
  return null
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null
}

function childrenOf(container: object): readonly unknown[] {
  return Array.isArray(container) ? container : Object.values(container)
}

// ---- The shape of window.lantern: one async function per method, grouped by domain ----

type DomainOf<M extends string> = M extends `${infer D}.${string}` ? D : never
type VerbOf<M extends string, D extends string> = M extends `${D}.${infer V}` ? V : never

/** A method's input; methods whose input is an empty object may be called without one. */
export type InputArgs<M extends MethodName> =
  Record<string, never> extends MethodInput<M> ? [input?: MethodInput<M>] : [input: MethodInput<M>]

/** What window.lantern has for one method: `window.lantern.record.save` for 'record.save'. */
export type BridgeMethod<M extends MethodName> = (
  ...input: InputArgs<M>
) => Promise<Result<MethodOutput<M>>>

export type LanternMethods = {
  [D in DomainOf<MethodName>]: {
    [V in VerbOf<MethodName, D>]: `${D}.${V}` extends infer M extends MethodName
      ? BridgeMethod<M>
      : never
  }
}

export type LanternBridge = LanternMethods & {
  /**
   * Runs `handler` whenever main asks the page to save before closing; main hears "done" once
   * every handler has settled. Returns a function that removes the handler.
   */
  onBeforeClose: (handler: () => Promise<void> | void) => () => void
}
