/**
 * How long a test file's slow steps took (building a long record, exporting it), printed once
 * its tests have run: nothing is judged by them, but they say where the file's minutes go.
 */
export function stepTimings(title: string) {
  const timings: Record<string, number> = {}
  return {
    async timed<T>(label: string, run: () => Promise<T> | T): Promise<T> {
      const started = performance.now()
      const value = await run()
      timings[label] = Math.round(performance.now() - started)
      return value
    },
    print(): void {
      console.log(`${title} (ms):`, timings)
    }
  }
}
