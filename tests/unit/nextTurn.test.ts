/**
 * Long work in the core yields with nextTurn so that calls waiting meanwhile are answered. Two
 * steps that wait at once must not run back to back: a call that arrives between them (here an
 * immediate set after both began waiting, as an incoming message is handled) goes between.
 */
import { describe, expect, it } from 'vitest'
import { nextTurn } from '../../electron/core/nextTurn.ts'

describe('nextTurn', () => {
  it('runs two waiting steps in separate turns, with what arrived meanwhile between them', async () => {
    const order: string[] = []
    const first = nextTurn().then(() => order.push('export plan'))
    const second = nextTurn().then(() => order.push('import start'))
    // The call arrives once the first step is waiting for its turn.
    await Promise.resolve()
    setImmediate(() => order.push('another call'))
    await Promise.all([first, second])
    expect(order).toEqual(['export plan', 'another call', 'import start'])
  })
})
