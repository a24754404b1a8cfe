/**
 * The core's memory with the large record loaded (its summary, plan and document worked out and
 * remembered) and the documents indexed: the process as the operating system counts it, the
 * core thread's JavaScript heap, and the heaps of the workers (the documents' index lives in its
 * worker's). Measured after a full garbage collection, so it is what is kept, not what is waiting
 * to be freed.
 */
import type { Worker } from 'node:worker_threads'
import { collectGarbage } from './heap.ts'
import type { BenchVault } from './vault.ts'

const MiB = 1024 * 1024

export interface MemoryFigures {
  rssMiB: number
  heapUsedMiB: number
  /** Memory outside the heap held by JavaScript objects (Buffers, SQLite's own is not here). */
  externalMiB: number
  /** The documents' index worker's heap (the index and the sections' text). */
  indexWorkerHeapMiB: number | null
  /** The other job workers' heaps (the PDF layout's warm worker). */
  jobWorkersHeapMiB: number
}

// A worker still starting, or ending (a runner's idle worker being replaced), has no heap to
// ask about: only the running ones count.
const heapOf = async (workers: readonly Worker[]) =>
  (await Promise.allSettled(workers.map((w) => w.getHeapStatistics()))).reduce(
    (sum, h) => sum + (h.status === 'fulfilled' ? h.value.used_heap_size : 0),
    0
  ) / MiB

export async function coreMemory({ core }: BenchVault): Promise<MemoryFigures> {
  collectGarbage()
  const usage = process.memoryUsage()
  const indexWorkers = core.documentSearch.workers()
  return {
    rssMiB: usage.rss / MiB,
    heapUsedMiB: usage.heapUsed / MiB,
    externalMiB: usage.external / MiB,
    indexWorkerHeapMiB: indexWorkers.length > 0 ? await heapOf(indexWorkers) : null,
    jobWorkersHeapMiB: await heapOf(core.jobs.workers())
  }
}
