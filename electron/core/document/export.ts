/**
 * `export.pdf`: the document for doctors as a file. The core builds the document from the
 * summary and the plan it already computed, a worker thread lays it out (so the core keeps
 * answering), and the file leaves by the path every export takes (exports/deliverFile.ts).
 */
import type { CarePlan } from '../../shared/careplan.ts'
import type { ParsedInput } from '../../shared/contract.ts'
import type { ClinicalDocument, DocumentVariant } from '../../shared/document.ts'
import {
  EXPORT_SECTIONS,
  exportFileName,
  type ExportPdfResult,
  REFERENCES_SECTION
} from '../../shared/export.ts'
import type { Question } from '../../shared/library.ts'
import { todayIso } from '../../shared/record.ts'
import type { TreatmentSummary } from '../../shared/summary.ts'
import { CoreError } from '../errors.ts'
import { nextTurn } from '../nextTurn.ts'
import type { JobInput } from '../jobs/kinds.ts'
import type { JobRunner } from '../jobs/runner.ts'
import { deliverFile, type DeliverDeps } from '../exports/deliverFile.ts'
import { buildDocument } from './variants.ts'

/** Where the document's facts come from: the functions the screens' own channels answer with. */
export interface DocumentSources {
  summary: (profileId: string) => TreatmentSummary
  plan: (profileId: string) => CarePlan
  questions: (profileId: string) => Question[]
  /** A number that moves whenever the vault's database is written (SQLite's total_changes). */
  changes: () => number
}

/**
 * The full document for one person, as `document.get` answers it and `export.pdf` prints it: one
 * way to gather and build, so the Summary screen and the file cannot disagree. `summary` is the
 * one summaryForPlan read, so that the plan read here agrees with it. Building is pure once both
 * are read: other calls are answered in a turn between (the plan of a long record takes up to
 * ~30 ms, and the building 5 to 10 more).
 */
export async function clinicalDocument(
  sources: DocumentSources,
  profileId: string,
  preparedOn: string,
  summary: TreatmentSummary,
  variant: DocumentVariant = 'full'
): Promise<ClinicalDocument> {
  const plan = sources.plan(profileId)
  const questions = sources.questions(profileId)
  await nextTurn()
  return buildDocument({ summary, plan, questions, preparedOn }, variant)
}

/**
 * The summary, read so that the plan read straight after it agrees with it, with a turn of the
 * event loop in between: each takes up to ~30 ms for a long record, and other calls are answered
 * in that turn. A change saved in the turn (or before it, since `first` was read) would make the
 * two disagree, so the summary is read again until none came; after three tries the caller reads
 * the plan right after it, with no turn between.
 */
export async function summaryForPlan(
  sources: DocumentSources,
  profileId: string,
  first: { readAt: number; summary: TreatmentSummary } = {
    readAt: sources.changes(),
    summary: sources.summary(profileId)
  }
): Promise<TreatmentSummary> {
  let { readAt, summary } = first
  for (let tries = 1; ; tries++) {
    await nextTurn()
    if (sources.changes() === readAt) break
    readAt = sources.changes()
    summary = sources.summary(profileId)
    if (tries === 3) break
  }
  return summary
}

export interface ExportDeps extends DocumentSources {
  jobs: JobRunner
  /** Where the file goes: the native dialog's place, or back for a download. */
  deliver: DeliverDeps
}

/**
 * pdfkit never returns from end() if a structure element is left unattached: a bug of that kind
 * must end as an error, not as a worker busy forever. The sample lays out in about a second.
 */
export const PDF_RENDER_TIMEOUT_MS = 120_000

/** Keeps the chosen parts, in the document's own order; the references go with the plan. */
export function selectSections(
  doc: ClinicalDocument,
  sections: readonly string[] | undefined
): ClinicalDocument {
  if (!sections) return doc
  const chosen = new Set<string>(sections)
  if (chosen.has('care-plan')) chosen.add(REFERENCES_SECTION)
  // A section the builder adds later, not in the dialog's list, stays: nobody chose to drop it.
  const known = new Set<string>([...EXPORT_SECTIONS, REFERENCES_SECTION])
  return { ...doc, sections: doc.sections.filter((s) => chosen.has(s.id) || !known.has(s.id)) }
}

export async function exportPdf(
  deps: ExportDeps,
  input: ParsedInput<'export.pdf'>
): Promise<ExportPdfResult> {
  const { profileId } = input
  const preparedOn = todayIso()
  // Its own turn for each step that takes tens of milliseconds, the first included: a call that
  // arrived with this one (an import starting) is not followed straight by the summary.
  await nextTurn()
  // Read first: an unknown person is NOT_FOUND before any dialog opens.
  const readAt = deps.changes()
  const first = deps.summary(profileId)
  const fileName = exportFileName(first.profile.displayName, preparedOn)
  return deliverFile(deps.deliver, { fileName, kind: 'pdf' }, async (phase) => {
    const summary = await summaryForPlan(deps, profileId, { readAt, summary: first })
    const built = await clinicalDocument(deps, profileId, preparedOn, summary, input.variant)
    // Parts can be left out of the full document only; the page and the card are fixed.
    const doc = input.variant === 'full' ? selectSections(built, input.sections) : built
    phase('laying-out')
    return render(deps.jobs, {
      doc,
      paper: input.paper,
      password: input.password,
      nameInMetadata: input.nameInMetadata
    })
  })
}

async function render(jobs: JobRunner, input: JobInput<'pdf.render'>): Promise<Uint8Array> {
  try {
    return await jobs.runJob('pdf.render', input, {
      signal: AbortSignal.timeout(PDF_RENDER_TIMEOUT_MS)
    })
  } catch (error) {
    if ((error as Error)?.name === 'TimeoutError') {
      throw new CoreError('INTERNAL', 'Lantern could not finish the PDF. Nothing was saved.')
    }
    throw error
  }
}
