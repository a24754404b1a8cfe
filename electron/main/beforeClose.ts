/**
 * Main's half of "save before closing": send the page a request with a fresh id, wait for the
 * page's reply with that id from that page, or for the timeout. Free of Electron at runtime
 * (window.ts passes webContents.send and ipcMain.on), so the handshake is unit-tested in plain
 * Node, and the loopback bridge runs the same code over its event stream.
 */
import {
  BEFORE_CLOSE_CHANNEL,
  BEFORE_CLOSE_DONE_CHANNEL,
  isPageRequestId,
  type PageRequestId
} from '../shared/contract.ts'

/** Long enough for a save and a draft on a slow disk; short enough never to hang a quit. */
export const BEFORE_CLOSE_TIMEOUT_MS = 5000

/** One page, as main reaches it. */
export interface PageLink<Sender> {
  /** Who must answer: in Electron the window's webContents id. Replies from others are ignored. */
  sender: Sender
  /** Sends the request to that page alone (webContents.send). */
  send: (channel: typeof BEFORE_CLOSE_CHANNEL, id: PageRequestId) => void
  /** Hears replies from every page (ipcMain.on); returns a function that stops listening. */
  onReply: (
    channel: typeof BEFORE_CLOSE_DONE_CHANNEL,
    listener: (sender: Sender, id: unknown) => void
  ) => () => void
}

/** `unreachable`: the request could not even be sent (the page is gone). */
export type BeforeCloseOutcome = 'done' | 'timed-out' | 'unreachable'

let lastId = 0

/** Resolves when the page has saved, the timeout has passed, or the page cannot be reached. */
export function askPageToSave<Sender>(
  page: PageLink<Sender>,
  timeoutMs: number
): Promise<BeforeCloseOutcome> {
  const id = (lastId = lastId >= Number.MAX_SAFE_INTEGER ? 1 : lastId + 1)
  return new Promise((resolve) => {
    let settled = false
    const finish = (outcome: BeforeCloseOutcome) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      stopListening()
      resolve(outcome)
    }
    const timer = setTimeout(() => finish('timed-out'), timeoutMs)
    // Listening starts before the request goes out, so even an instant reply is heard.
    const stopListening = page.onReply(BEFORE_CLOSE_DONE_CHANNEL, (sender, reply) => {
      if (sender !== page.sender) return
      if (isPageRequestId(reply) && reply === id) finish('done')
    })
    try {
      page.send(BEFORE_CLOSE_CHANNEL, id)
    } catch {
      finish('unreachable')
    }
  })
}
