/**
 * A full garbage collection on the bench's own thread, which is also the core's. The bench runs
 * its parts one after another in one process; the garbage one part leaves (search indexes built
 * for comparison, Chromium's printing served by the bridge) is the bench's, not the app's, and a
 * collection of it falling inside a later part's timed call would be charged to that call.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

export function collectGarbage(): void {
  setFlagsFromString('--expose-gc')
  ;(runInNewContext('gc') as () => void)()
}
