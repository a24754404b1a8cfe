/**
 * The worker thread's side of the job runner (runner.ts): runs one job at a time from the
 * registry it is given and posts back its result, its progress or its error as plain data.
 * worker.ts serves every job in kinds.ts; vault/vaultWorker.ts serves the vault's (vaultJobs.ts).
 */
import { parentPort } from 'node:worker_threads'
import { transferables } from './transferables.ts'

export interface JobRequest {
  id: number
  kind: string
  input: unknown
}

export type JobMessage =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'done'; value: unknown }
  | {
      id: number
      type: 'failed'
      error: { name: string; message: string; code?: unknown; fields?: unknown }
    }

/** Jobs by kind: functions of plain data (structured-cloned in, bytes moved back) and progress. */
export type JobRegistry = Record<
  string,
  (input: never, progress: (fraction: number) => void) => unknown
>

export function serveJobs(registry: JobRegistry): void {
  const port = parentPort
  if (!port) throw new Error('The job worker must run on a worker thread.')
  port.on('message', async ({ id, kind, input }: JobRequest) => {
    const post = (message: JobMessage) => port.postMessage(message)
    try {
      const run = registry[kind] as (input: unknown, progress: (f: number) => void) => unknown
      const value = await run(input, (fraction) => post({ id, type: 'progress', fraction }))
      // A job's bytes (a PDF, an imported document's HTML) move to the core's thread.
      port.postMessage({ id, type: 'done', value } satisfies JobMessage, transferables(value))
    } catch (caught) {
      const error = caught as { name?: string; message?: string; code?: unknown; fields?: unknown }
      post({
        id,
        type: 'failed',
        error: {
          name: String(error?.name ?? 'Error'),
          message: String(error?.message ?? caught),
          code: error?.code,
          fields: error?.fields
        }
      })
    }
  })
}
