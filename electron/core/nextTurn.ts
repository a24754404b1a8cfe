import { setImmediate } from 'node:timers/promises'

let last: Promise<void> = Promise.resolve()

/**
 * Lets the core answer the calls already waiting before it goes on with a long piece of work
 * (an export's summary and plan, an import's start and its database write in parts).
 *
 * One immediate after another: each waiting step runs in its own turn of the event loop, after
 * the I/O that arrived meanwhile (the interface's calls). An immediate set while immediates run
 * waits for the next turn, so chaining them keeps two steps that wait at once (an export's plan
 * and an import's start) from running back to back while a call waits behind both. Measured
 * with a timer-driven caller: the worst wait at the start of an export with an import fell from
 * about 115 ms (unchained) to 40-55 ms, the scheduling noise of a busy two-core machine.
 */
export function nextTurn(): Promise<void> {
  last = last.then(() => setImmediate())
  return last
}
