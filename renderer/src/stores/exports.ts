import { computed, ref } from 'vue'
import type { MethodInput } from '@shared/contract.ts'
import type { ExportPdfResult, ExportPhase } from '@shared/export.ts'
import { call } from '../api/client.ts'
import { offerDownload } from '../lib/download.ts'
import { defineAppStore } from './personalData.ts'

const PROGRESS_POLL_MS = 250

/** The exports made in one step, and the type each file is downloaded as. */
const MEDIA_TYPES = {
  'export.csv': 'text/csv',
  'export.calendar': 'text/calendar',
  'export.fhir': 'application/fhir+json'
} as const
type OneStepExport = keyof typeof MEDIA_TYPES

/** How an export ended, without the file's bytes: those went to the download at once. */
export type ExportOutcome =
  | Exclude<ExportPdfResult, { outcome: 'download' }>
  | {
      outcome: 'downloaded'
      fileName: string
    }

/**
 * Making files: the document for doctors, the spreadsheets, the calendar, the FHIR record and
 * the backup file. The core answers only at the end, so meanwhile it is asked which phase it is
 * in. Keeps nothing from the record: the file's bytes go straight to the browser's download,
 * and a PDF's password is passed on and forgotten.
 */
export const useExportsStore = defineAppStore('exports', () => {
  /** The running export's phase; null before the core first says, and when none runs. */
  const phase = ref<ExportPhase | null>(null)
  const running = ref(0)
  const busy = computed(() => running.value > 0)

  /** Runs one export, asking the core meanwhile which phase it is in (`phase`). */
  async function tracked<T>(run: () => Promise<T>): Promise<T> {
    running.value++
    phase.value = null
    let pending = true
    const poll = async () => {
      while (pending) {
        try {
          const progress = await call('export.progress')
          if (pending) phase.value = progress?.phase ?? phase.value
        } catch {
          // The export's own answer says what went wrong, if anything did.
        }
        await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS))
      }
    }
    // Asked after the export's own call has gone, so the first answer is already its phase.
    const result = run()
    void poll()
    try {
      return await result
    } finally {
      pending = false
      running.value--
      if (running.value === 0) phase.value = null
    }
  }

  async function exportPdf(input: MethodInput<'export.pdf'>): Promise<ExportOutcome> {
    const result = await tracked(() => call('export.pdf', input))
    if (result.outcome !== 'download') return result
    offerDownload(result.fileName, result.base64, 'application/pdf')
    return { outcome: 'downloaded', fileName: result.fileName }
  }

  /**
   * A file made in one step (a spreadsheet, a calendar): saved by the core where the person
   * chose, or handed to the browser's download.
   */
  async function exportFile<M extends OneStepExport>(
    method: M,
    input: MethodInput<M>
  ): Promise<ExportOutcome> {
    const result = await tracked(() => call(method, input))
    if (result.outcome !== 'download') return result
    offerDownload(result.fileName, result.base64, MEDIA_TYPES[method])
    return { outcome: 'downloaded', fileName: result.fileName }
  }

  return { phase, busy, tracked, exportPdf, exportFile }
})
