import { setImmediate } from 'node:timers/promises'

let last: Promise<void> = Promise.resolve()

/**
 * Lets the core answer the calls already waiting before it goes on with a long piece of work
 * (an export's summary and plan, an import's start and its database write in parts).
 *
 * A zero timer, not setImmediate: an immediate runs before the timers and I/O already waiting.
 * And one timer after another: every timer that is due runs in the same phase of the event loop,
 * so two pieces of work waiting at once (an export's plan and an import's start) would run back
 * to back, and a call due between them would wait for both.
 */
export function nextTurn(): Promise<void> {
  last = last.then(() => setImmediate())
  return last
}
