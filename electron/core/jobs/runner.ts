/**
 * Runs heavy, pure jobs (kinds.ts) on worker threads so the core's own thread stays free to
 * answer the interface: an 8 MB import converts for seconds, but `vault.status` must not wait.
 *
 * Up to two workers (the machines Lantern runs on may have two cores), started on the first job
 * and kept for the next ones, each job going to a worker that has run its kind before where one
 * is free; `close()` ends them when the vault locks or the app quits. A job's
 * error comes back as a rejected promise with its message (a CoreError keeps its code and
 * fields); a worker that dies takes only its own job with it and is replaced on the next one.
 *
 * Only plain data crosses to a worker: file bytes in, HTML or PDF bytes out. Key material and
 * the database stay on the core's thread, and the worker's code (worker.ts) imports neither.
 */
import { Worker } from 'node:worker_threads'
import { CoreError } from '../errors.ts'
import type { Jobs } from './kinds.ts'
import type { JobMessage, JobRegistry, JobRequest } from './serve.ts'
import { transferables } from './transferables.ts'

export interface JobOptions {
  onProgress?: (fraction: number) => void
  signal?: AbortSignal
}

/**
 * A runner serves the registry its worker script serves: the core's jobs (kinds.ts) unless
 * told otherwise (the vault's own worker serves vault/vaultJobs.ts).
 */
export interface JobRunner<R extends JobRegistry = Jobs> {
  runJob<K extends keyof R & string>(
    kind: K,
    input: Parameters<R[K]>[0],
    options?: JobOptions
  ): Promise<Awaited<ReturnType<R[K]>>>
  /** Jobs waiting or running. */
  readonly activeJobs: number
  /** The live workers, for diagnosis and for the test that kills one. */
  workers(): readonly Worker[]
  /** Ends every worker; jobs still waiting or running are rejected. */
  close(): Promise<void>
}

interface Pending {
  request: JobRequest
  transfer: ArrayBuffer[]
  options: JobOptions
  resolve: (value: unknown) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  job: Pending | null
  /** Kinds this worker has run: its code for them is compiled, its caches (fonts) filled. */
  ran: Set<string>
}

function toError(error: Extract<JobMessage, { type: 'failed' }>['error']): Error {
  if (error.name === 'CoreError') {
    return new CoreError(
      error.code as ConstructorParameters<typeof CoreError>[0],
      error.message,
      error.fields as ConstructorParameters<typeof CoreError>[2]
    )
  }
  const rebuilt = new Error(error.message)
  rebuilt.name = error.name
  return rebuilt
}

export interface JobRunnerOptions {
  /** The worker's script: electron/core/jobs/worker.ts from source, out/main/jobWorker.js bundled. */
  workerFile: string
  size?: number
}

export function createJobRunner<R extends JobRegistry = Jobs>({
  workerFile,
  size = 2
}: JobRunnerOptions): JobRunner<R> {
  const slots: Slot[] = []
  const queue: Pending[] = []
  let nextId = 1

  const settle = (slot: Slot) => {
    slot.job = null
    pump()
  }

  const startWorker = (): Slot => {
    const slot: Slot = { worker: new Worker(workerFile), job: null, ran: new Set() }
    slot.worker.unref()
    slot.worker.on('message', (message: JobMessage) => {
      const job = slot.job
      if (!job || job.request.id !== message.id) return
      if (message.type === 'progress') {
        job.options.onProgress?.(message.fraction)
        return
      }
      settle(slot)
      if (message.type === 'done') job.resolve(message.value)
      else job.reject(toError(message.error))
    })
    // A crash (or terminate) rejects the job it was running; the next job starts a new worker.
    const lost = (reason: string) => {
      const index = slots.indexOf(slot)
      if (index === -1) return
      slots.splice(index, 1)
      const job = slot.job
      slot.job = null
      job?.reject(new Error(reason))
      pump()
    }
    slot.worker.on('error', (error) => lost(`The job failed: ${error.message}`))
    slot.worker.on('exit', (code) => lost(`The job's worker stopped (exit code ${code}).`))
    slots.push(slot)
    return slot
  }

  const pump = () => {
    while (queue.length > 0) {
      const job = queue[0]!
      // A job goes to an idle worker that has run its kind before; else to a fresh one, so a
      // worker warmed for one kind (the PDF layout) stays free for it; else to any idle worker.
      const idle = slots.filter((s) => s.job === null)
      const slot =
        idle.find((s) => s.ran.has(job.request.kind)) ??
        idle.find((s) => s.ran.size === 0) ??
        (slots.length < size ? startWorker() : idle[0])
      if (!slot) return
      queue.shift()
      slot.job = job
      slot.ran.add(job.request.kind)
      slot.worker.ref()
      slot.worker.postMessage(job.request, job.transfer)
    }
    // Idle workers must not keep a test process or a quitting app alive.
    for (const slot of slots) if (slot.job === null) slot.worker.unref()
  }

  return {
    runJob(kind, input, options = {}) {
      return new Promise((resolve, reject) => {
        const { signal } = options
        if (signal?.aborted) {
          reject(signal.reason as Error)
          return
        }
        const job: Pending = {
          request: { id: nextId++, kind, input },
          transfer: transferables(input),
          options,
          resolve: resolve as (value: unknown) => void,
          reject
        }
        signal?.addEventListener(
          'abort',
          () => {
            const queued = queue.indexOf(job)
            if (queued !== -1) {
              queue.splice(queued, 1)
              reject(signal.reason as Error)
              return
            }
            // Running: a pure job has nothing to clean up, so its worker is simply ended.
            const slot = slots.find((s) => s.job === job)
            if (!slot) return
            // Out of the pool before it ends, so the next job does not land on it.
            slots.splice(slots.indexOf(slot), 1)
            slot.job = null
            reject(signal.reason as Error)
            void slot.worker.terminate()
            pump()
          },
          { once: true }
        )
        queue.push(job)
        pump()
      })
    },
    get activeJobs() {
      return queue.length + slots.filter((s) => s.job !== null).length
    },
    workers: () => slots.map((s) => s.worker),
    async close() {
      const stopped = () => new Error('Lantern stopped the job.')
      for (const job of queue.splice(0)) job.reject(stopped())
      // Out of the pool at once, so a job that arrives while they end starts a fresh worker.
      const ending = slots.splice(0)
      for (const slot of ending) {
        slot.job?.reject(stopped())
        slot.job = null
      }
      await Promise.all(ending.map((s) => s.worker.terminate()))
    }
  }
}
