/** Small statistics over timings in milliseconds, as every part of the bench reports them. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/** The nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

export async function time(task: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now()
  await task()
  return performance.now() - start
}

/** A set of runs of one thing: how many, the middle one, the 95th percentile and the extremes. */
export interface Timing {
  runs: number
  median: number
  p95: number
  min: number
  max: number
}

export function timing(times: number[]): Timing {
  return {
    runs: times.length,
    median: median(times),
    p95: percentile(times, 95),
    min: Math.min(...times),
    max: Math.max(...times)
  }
}

/** Runs `task` `runs` times, one after another, and times each. */
export async function timeRuns(runs: number, task: () => Promise<unknown> | unknown) {
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push(await time(task))
  return timing(times)
}
