/**
 * The job worker's thread runs at a lower scheduling priority than the core's, on Linux.
 *
 * Why: the job worker does long CPU-bound work (converting an 8 MB file takes seconds, laying out
 * a long PDF, indexing documents) beside the core's thread, which answers the window. On a machine
 * with few cores they competed for them, and the core's answers waited for a CPU while the worker
 * had one: tens of milliseconds at a time, the window frozen meanwhile. With the worker at nice 10
 * the scheduler gives the core's thread the CPU whenever it has work; when it has none, the worker
 * still gets every idle cycle, so a job alone takes no longer.
 *
 * Linux only: there a thread's nice value is its own (setpriority(2) with a thread id, which
 * Node's os.setPriority passes through). macOS and Windows have no per-thread priority reachable
 * from Node; there the worker keeps the core's. The vault's worker is left alone: a person waits
 * for its key derivation to unlock.
 */
import { readlinkSync } from 'node:fs'
import { setPriority } from 'node:os'

/** Half way to the lowest (19): background work that a person is not watching second by second. */
export const JOB_WORKER_NICE = 10

/**
 * Lowers the calling thread's priority to JOB_WORKER_NICE. Answers the thread's id when it did,
 * or null (not Linux, or the system refused: the work runs at the usual priority then).
 */
export function lowerThisThreadsPriority(): number | null {
  if (process.platform !== 'linux') return null
  try {
    // "<pid>/task/<tid>": the calling thread's own entry.
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop())
    if (!Number.isInteger(threadId) || threadId <= 0) return null
    setPriority(threadId, JOB_WORKER_NICE)
    return threadId
  } catch {
    return null
  }
}
