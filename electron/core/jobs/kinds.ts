/**
 * Every job the core may run on a worker thread, by kind. A job is a function of plain data:
 * its input and output cross a thread boundary by structured clone, so no key material, database
 * handle or vault object may ever be part of either (the worker has none of them, on purpose).
 * All are pure but the documents' index jobs, which keep the index in their worker's memory and
 * run on a runner of their own (library/documentIndexJobs.ts).
 */
import type { ClinicalDocument } from '../../shared/document.ts'
import type { PaperSize } from '../../shared/export.ts'
import type { DocumentKind } from '../../shared/library.ts'
import { writeClinicalPdf } from '../document/pdf.ts'
import { documentIndexJobs } from '../library/documentIndexJobs.ts'
import { convertDocument } from '../library/documents.ts'
import {
  administrationsCsv,
  type DrugNames,
  measurementsCsv,
  type RecordCsvInput
} from '../exports/csv.ts'
import type { CsvTable } from '../../shared/export.ts'
import { fhirBundle, fhirFile, type FhirDrug, type FhirExportInput } from '../fhir/bundle.ts'
import type { ImportDrugs } from '../fhir/import/foreign.ts'
import { readGzippedFhirFile } from '../fhir/import/read.ts'
import type { FhirImportPlan } from '../fhir/import/types.ts'
import type { JobRegistry } from './serve.ts'

/** What export.fhir hands its worker: the record, summary and plan, and the drugs it names. */
export type FhirJobInput = Omit<FhirExportInput, 'drugs'> & {
  drugs: [drugId: string, drug: FhirDrug][]
}

/**
 * A text file as UTF-8 bytes in memory of their own, so they move to the core's thread: a 4 MB
 * string posted back was copied there, holding the core's thread 22 to 37 ms; moved bytes, 1 to 4.
 */
function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}

/** What export.csv hands its worker: the person's rows, and the names of the drugs in them. */
export type CsvJobInput = Omit<RecordCsvInput, 'drugs'> & {
  table: CsvTable
  drugNames: [drugId: string, genericName: string][]
}

/** What a job may tell its caller while it runs: a fraction done, from 0 to 1. */
export type ReportProgress = (fraction: number) => void

export const jobs = {
  /**
   * An imported file's title and safe HTML (documents.import). The file's bytes and the HTML
   * cross as bytes, moved rather than copied: the HTML as UTF-8, which the core turns back into
   * text part by part as it saves it, then moves on to the documents' index.
   */
  convertDocument: async (
    input: { fileName: string; kind: DocumentKind; bytes: Uint8Array },
    progress: ReportProgress
  ): Promise<{ title: string; html: Uint8Array }> => {
    const converted = await convertDocument(input, progress)
    // TextEncoder gives the bytes their own memory, which can move to the core's thread.
    return { title: converted.title, html: new TextEncoder().encode(converted.html) }
  },

  /**
   * The document for doctors laid out as a PDF (export.pdf): seconds of pdfkit for a long
   * record. The password arrives only in this input, is used by pdfkit for this file and is
   * never kept; the bytes go back by transfer, not by copy.
   */
  'pdf.render': async (input: {
    doc: ClinicalDocument
    paper: PaperSize
    password?: string
    nameInMetadata?: boolean
  }): Promise<Uint8Array> =>
    // Moved to the core's thread when the bytes own their memory (transferables.ts); a small
    // file that is a slice of Node's shared pool is copied instead.
    writeClinicalPdf(input.doc, {
      paper: input.paper,
      password: input.password,
      nameInMetadata: input.nameInMetadata
    }),

  /**
   * A CSV file of one person's doses or measurements (export.csv): thousands of dated doses
   * converted and written out held the core's thread for 60 ms and more. The drugs come as the
   * few names the file needs, since the catalog's lookup is code and cannot cross threads.
   */
  'csv.write': (input: CsvJobInput): Uint8Array => {
    if (input.table === 'measurements') return utf8(measurementsCsv(input))
    const names = new Map(input.drugNames)
    const drugs: DrugNames = {
      byId: (id) => {
        const genericName = names.get(id)
        return genericName === undefined ? undefined : { genericName }
      }
    }
    return utf8(administrationsCsv({ ...input, drugs }))
  },

  /**
   * One person's record as a FHIR document (export.fhir), as JSON: thousands of resources built
   * and written out took about a third of a second for a long record. The drugs come as the
   * few the record names, with their codes, since the catalog's lookup cannot cross threads.
   */
  'fhir.bundle': (input: FhirJobInput): Uint8Array => {
    const byId = new Map(input.drugs)
    return fhirFile(fhirBundle({ ...input, drugs: { byId: (id) => byId.get(id) } }))
  },

  /**
   * A FHIR file read into what it would add (import.fhirPreview): parsing and mapping a long
   * record's file took about a quarter of a second. Nothing is saved here.
   */
  'fhir.read': (input: { gzipped: Uint8Array; drugs: ImportDrugs }): FhirImportPlan =>
    readGzippedFhirFile(input.gzipped, input.drugs),

  ...documentIndexJobs
} satisfies JobRegistry

export type Jobs = typeof jobs
export type JobKind = keyof typeof jobs
export type JobInput<K extends JobKind> = Parameters<(typeof jobs)[K]>[0]
export type JobOutput<K extends JobKind> = Awaited<ReturnType<(typeof jobs)[K]>>
