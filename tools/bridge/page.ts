/**
 * window.lantern in a browser tab served by the loopback bridge. The object is built by the
 * preload's own buildBridge (electron/shared/bridge.ts); only the transport differs: fetch
 * where the preload uses ipcRenderer.invoke, an event stream and a POST where it uses
 * ipcRenderer.on and send. server.ts bundles this file for the browser and serves it before
 * the app's own script.
 */
import { buildBridge, type PageRequestTransport } from '../../electron/shared/bridge.ts'

/** Names this tab to the bridge, so a reply is taken only from the tab the request went to. */
const pageKey = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
  byte.toString(16).padStart(2, '0')
).join('')

async function invoke(method: string, input: unknown): Promise<unknown> {
  try {
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input === undefined ? {} : input)
    })
    return await response.json()
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'Lantern could not reach its core.' } }
  }
}

let requests: EventSource | undefined

const transport: PageRequestTransport = {
  on: (channel, listener) => {
    requests ??= new EventSource(`/__lantern/requests?page=${pageKey}`)
    requests.addEventListener(channel, (event) => listener(JSON.parse(event.data)))
  },
  send: (channel, id) => {
    void fetch('/__lantern/replies', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ page: pageKey, channel, id })
    }).catch(() => undefined)
  }
}

// As contextBridge does in Electron: the page can use the object but not change it.
const bridge = buildBridge(invoke, transport)
for (const part of Object.values(bridge)) {
  if (typeof part === 'object') Object.freeze(part)
}
Object.defineProperty(window, 'lantern', { value: Object.freeze(bridge), enumerable: true })
