/**
 * The page's side of "save before closing": the API client hands the app's handler to
 * window.lantern (built by the contract's buildBridge, as the preload and the loopback bridge
 * build it), and the shell hears "done" only once the handler has finished.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { onBeforeClose } from '../../renderer/src/api/client.ts'
import { buildBridge } from '../../electron/shared/contract.ts'

afterEach(() => {
  Reflect.deleteProperty(window, 'lantern')
})

/** window.lantern with a fake shell: `ask(id)` is main's request, `done` what came back. */
function installBridge() {
  let ask!: (id: unknown) => void
  const done: number[] = []
  const bridge = buildBridge(async () => ({ ok: true, value: null }), {
    on: (_channel, listener) => (ask = listener),
    send: (_channel, id) => done.push(id)
  })
  Object.defineProperty(window, 'lantern', { value: bridge, configurable: true })
  return { ask: (id: number) => ask(id), done }
}

describe('onBeforeClose', () => {
  it("runs the app's handler when the shell asks, and answers once it has finished", async () => {
    const shell = installBridge()
    let finish!: () => void
    const remove = onBeforeClose(() => new Promise<void>((resolve) => (finish = resolve)))
    shell.ask(12)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(shell.done).toEqual([])
    finish()
    await expect.poll(() => shell.done).toEqual([12])

    remove()
    shell.ask(13)
    await expect.poll(() => shell.done).toEqual([12, 13])
  })

  it('lets the app start in a page with no shell to ask it', () => {
    expect(window.lantern).toBeUndefined()
    const remove = onBeforeClose(async () => undefined)
    expect(() => remove()).not.toThrow()
  })
})
