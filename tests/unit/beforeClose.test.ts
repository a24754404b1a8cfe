/**
 * "Save before closing" as a message in the contract: main sends the page a request with an id
 * (electron/main/beforeClose.ts), the page's bridge runs its handlers and answers with that id
 * (buildBridge in electron/shared/contract.ts), and main goes on when that page has answered or
 * the time is up. Electron's webContents.send and ipcMain.on are replaced by a small fake.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  askPageToSave,
  BEFORE_CLOSE_TIMEOUT_MS,
  type PageLink
} from '../../electron/main/beforeClose.ts'
import {
  BEFORE_CLOSE_CHANNEL,
  BEFORE_CLOSE_DONE_CHANNEL,
  buildBridge,
  type PageRequestTransport
} from '../../electron/shared/contract.ts'

type Reply = (sender: number, id: unknown) => void

/** ipcMain as main sees it: who listens for replies, and what each page was sent. */
function fakeIpc() {
  const listeners = new Set<Reply>()
  const sent: { to: number; channel: string; id: number }[] = []
  const pages = new Map<number, (id: unknown) => void>()
  const linkTo = (webContentsId: number): PageLink<number> => ({
    sender: webContentsId,
    send: (channel, id) => {
      sent.push({ to: webContentsId, channel, id })
      pages.get(webContentsId)?.(id)
    },
    onReply: (channel, listener) => {
      expect(channel).toBe(BEFORE_CLOSE_DONE_CHANNEL)
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  })
  const reply: Reply = (sender, id) => {
    for (const listener of [...listeners]) listener(sender, id)
  }
  /** The preload's ipcRenderer in the page of webContents `id`. */
  const preloadIn = (webContentsId: number): PageRequestTransport => ({
    on: (channel, listener) => {
      expect(channel).toBe(BEFORE_CLOSE_CHANNEL)
      pages.set(webContentsId, listener)
    },
    send: (channel, id) => {
      expect(channel).toBe(BEFORE_CLOSE_DONE_CHANNEL)
      reply(webContentsId, id)
    }
  })
  return { listeners, sent, linkTo, reply, preloadIn }
}

const noMethods = async () => ({ ok: true, value: null })

afterEach(() => {
  vi.useRealTimers()
})

describe("main's side: askPageToSave", () => {
  it("goes on once that page answers with the request's id, and stops listening", async () => {
    const ipc = fakeIpc()
    const asked = askPageToSave(ipc.linkTo(7), BEFORE_CLOSE_TIMEOUT_MS)
    expect(ipc.sent).toEqual([{ to: 7, channel: BEFORE_CLOSE_CHANNEL, id: expect.any(Number) }])
    ipc.reply(7, ipc.sent[0]!.id)
    expect(await asked).toBe('done')
    expect(ipc.listeners.size).toBe(0)
  })

  it('does not take an answer from another window, or for another request, as done', async () => {
    vi.useFakeTimers()
    const ipc = fakeIpc()
    let outcome: string | undefined
    void askPageToSave(ipc.linkTo(7), BEFORE_CLOSE_TIMEOUT_MS).then((o) => (outcome = o))
    const { id } = ipc.sent[0]!
    ipc.reply(8, id)
    ipc.reply(7, id + 1)
    ipc.reply(7, String(id))
    ipc.reply(7, undefined)
    await vi.advanceTimersByTimeAsync(BEFORE_CLOSE_TIMEOUT_MS - 1)
    expect(outcome).toBeUndefined()
    await vi.advanceTimersByTimeAsync(1)
    expect(outcome).toBe('timed-out')
    expect(ipc.listeners.size).toBe(0)
  })

  it('gives each request its own id, so two waits end by their own answers', async () => {
    const ipc = fakeIpc()
    const first = askPageToSave(ipc.linkTo(7), BEFORE_CLOSE_TIMEOUT_MS)
    const second = askPageToSave(ipc.linkTo(7), BEFORE_CLOSE_TIMEOUT_MS)
    const [a, b] = ipc.sent.map((s) => s.id)
    expect(a).not.toBe(b)
    let firstDone = false
    void first.then(() => (firstDone = true))
    ipc.reply(7, b)
    expect(await second).toBe('done')
    expect(firstDone).toBe(false)
    ipc.reply(7, a)
    expect(await first).toBe('done')
  })

  it('goes on at once when the page cannot be reached', async () => {
    const ipc = fakeIpc()
    const gone: PageLink<number> = {
      ...ipc.linkTo(7),
      send: () => {
        throw new Error('Object has been destroyed')
      }
    }
    expect(await askPageToSave(gone, BEFORE_CLOSE_TIMEOUT_MS)).toBe('unreachable')
    expect(ipc.listeners.size).toBe(0)
  })
})

describe("the page's side: buildBridge's onBeforeClose", () => {
  it('answers only after every handler has finished saving', async () => {
    const ipc = fakeIpc()
    const bridge = buildBridge(noMethods, ipc.preloadIn(7))
    const saved: string[] = []
    let finishSlowSave!: () => void
    bridge.onBeforeClose(
      () =>
        new Promise<void>((resolve) => {
          finishSlowSave = () => {
            saved.push('slow form')
            resolve()
          }
        })
    )
    bridge.onBeforeClose(() => {
      saved.push('quick form')
    })
    let outcome: string | undefined
    const asked = askPageToSave(ipc.linkTo(7), BEFORE_CLOSE_TIMEOUT_MS).then((o) => (outcome = o))
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(saved).toEqual(['quick form'])
    expect(outcome).toBeUndefined()
    finishSlowSave()
    await asked
    expect(outcome).toBe('done')
    expect(saved).toEqual(['quick form', 'slow form'])
  })

  it('answers even when a handler fails, and at once when there is none', async () => {
    const ipc = fakeIpc()
    const bridge = buildBridge(noMethods, ipc.preloadIn(7))
    expect(await askPageToSave(ipc.linkTo(7), BEFORE_CLOSE_TIMEOUT_MS)).toBe('done')
    const remove = bridge.onBeforeClose(async () => {
      throw new Error('the disk is full')
    })
    bridge.onBeforeClose(() => {
      throw new Error('a synchronous failure')
    })
    expect(await askPageToSave(ipc.linkTo(7), BEFORE_CLOSE_TIMEOUT_MS)).toBe('done')
    remove()
  })

  it('stops running a handler once it is removed', async () => {
    const ipc = fakeIpc()
    const bridge = buildBridge(noMethods, ipc.preloadIn(7))
    const handler = vi.fn()
    const remove = bridge.onBeforeClose(handler)
    await askPageToSave(ipc.linkTo(7), BEFORE_CLOSE_TIMEOUT_MS)
    remove()
    await askPageToSave(ipc.linkTo(7), BEFORE_CLOSE_TIMEOUT_MS)
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('ignores a request without a valid id', async () => {
    const sent: unknown[] = []
    let deliver!: (id: unknown) => void
    const bridge = buildBridge(noMethods, {
      on: (_channel, listener) => (deliver = listener),
      send: (_channel, id) => sent.push(id)
    })
    const handler = vi.fn()
    bridge.onBeforeClose(handler)
    for (const bad of [undefined, null, '3', 0, -1, 1.5, Number.NaN, { id: 3 }]) deliver(bad)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(handler).not.toHaveBeenCalled()
    expect(sent).toEqual([])
    deliver(3)
    await vi.waitFor(() => expect(sent).toEqual([3]))
  })
})
