import type { ExportPhase } from '../../shared/export.ts'

/** One running export's handle: it says which phase it is in, and that it has ended. */
export interface ExportTask {
  phase: (phase: ExportPhase) => void
  end: () => void
}

/**
 * What `export.progress` answers: the phase of the export started last that still runs. The
 * window polls it while any export (a PDF, a backup file, a spreadsheet) is pending, so two
 * exports at once must not end each other's progress.
 */
export class ExportProgress {
  readonly #running: { phase: ExportPhase }[] = []

  start(): ExportTask {
    const task: { phase: ExportPhase } = { phase: 'building' }
    this.#running.push(task)
    return {
      phase: (phase) => {
        task.phase = phase
      },
      end: () => {
        const at = this.#running.indexOf(task)
        if (at >= 0) this.#running.splice(at, 1)
      }
    }
  }

  current(): ExportPhase | null {
    return this.#running.at(-1)?.phase ?? null
  }
}
