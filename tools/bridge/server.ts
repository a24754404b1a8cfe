/**
 * The loopback bridge: the real core behind HTTP on 127.0.0.1, for the browser end-to-end
 * tests and for trying Lantern in a browser during development. It is never packaged.
 *
 * It serves the built renderer, with the same file lookup as the lantern:// protocol
 * (electron/main/rendererFiles.ts), and in front of it a small script, bundled from page.ts,
 * that builds `window.lantern` with the preload's own buildBridge over fetch. So the renderer
 * runs the same code in both places, and every call reaches the same dispatch(). Main's
 * request to save before closing travels over an event stream, through the same handshake
 * (electron/main/beforeClose.ts) that Electron's window runs.
 *
 * Who may call: a random token printed in the start URL. The first visit trades it for an
 * HttpOnly, SameSite=Strict cookie; API calls, request streams and replies without it, or from
 * another Origin/Host, get 403.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { createCore, type Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import { shippedDrugCatalog } from '../../electron/core/record/shippedCatalog.ts'
import type { KdfCost } from '../../electron/core/vault/keyCrypto.ts'
import {
  askPageToSave,
  BEFORE_CLOSE_TIMEOUT_MS,
  type BeforeCloseOutcome
} from '../../electron/main/beforeClose.ts'
import {
  mimeTypeFor,
  pageFiles,
  readFirst,
  rendererFileForPath
} from '../../electron/main/rendererFiles.ts'
import { BEFORE_CLOSE_DONE_CHANNEL, MAX_REQUEST_BYTES } from '../../electron/shared/contract.ts'
import { contentSecurityPolicy } from '../../electron/shared/csp.ts'

export interface BridgeOptions {
  dataDir: string
  rendererDir: string
  port?: number
  kdfCost?: KdfCost
}

export interface Bridge {
  /** Open this in a browser: it carries the token once and then drops it from the address. */
  url: string
  origin: string
  core: Core
  /**
   * What Electron's window does before it closes: asks every open page to save what is typed
   * and keep drafts, and waits for each (within the same limit). One outcome per page.
   */
  askPagesToSaveBeforeClose: () => Promise<BeforeCloseOutcome[]>
  close: () => Promise<void>
}

const COOKIE = 'lantern_bridge'
const BRIDGE_SCRIPT_PATH = '/__lantern/bridge.js'
const REQUESTS_PATH = '/__lantern/requests'
const REPLIES_PATH = '/__lantern/replies'
const PAGE_KEY = /^[0-9a-f]{32}$/

let bridgeScript: Promise<string> | undefined

/**
 * page.ts bundled for the browser, with the contract it imports: built once per process, in
 * memory (Vite is already the project's bundler). Found from the repository root, like
 * out/renderer: Playwright loads this file as CommonJS, where import.meta does not exist.
 */
function bridgePageScript(): Promise<string> {
  bridgeScript ??= (async () => {
    const here = resolve('tools/bridge')
    if (!existsSync(join(here, 'page.ts'))) {
      throw new Error(`startBridge: no ${join(here, 'page.ts')}; run from the repository root`)
    }
    const { build } = await import('vite')
    const result = await build({
      configFile: false,
      envFile: false,
      logLevel: 'silent',
      publicDir: false,
      root: here,
      build: {
        write: false,
        minify: true,
        target: 'es2022',
        reportCompressedSize: false,
        lib: {
          entry: join(here, 'page.ts'),
          formats: ['iife'],
          name: 'lanternBridge',
          fileName: () => 'bridge.js'
        }
      }
    })
    const outputs = Array.isArray(result) ? result : [result]
    for (const output of outputs) {
      if (!('output' in output)) continue
      const chunk = output.output.find((file) => file.type === 'chunk')
      if (chunk?.type === 'chunk') return chunk.code
    }
    throw new Error('startBridge: bundling tools/bridge/page.ts produced no script')
  })()
  return bridgeScript
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy({ allowSameOriginFetch: true }))
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}

function sameSecret(given: string | undefined | null, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The body as text, or null when it exceeds the limit (the rest is drained, not buffered). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk)
    })
    req.on('end', () =>
      resolvePromise(size > MAX_REQUEST_BYTES ? null : Buffer.concat(chunks).toString('utf8'))
    )
    req.on('error', reject)
  })
}

/**
 * The path (still percent-encoded, exactly as sent) and the query of a request, or null when
 * the request target is not a path at all ('*', an absolute URL). Whether the path may name a
 * file is rendererFileForPath's decision, the same as in Electron.
 */
function requestTarget(raw: string | undefined): { path: string; query: URLSearchParams } | null {
  if (!raw?.startsWith('/')) return null
  const queryAt = raw.indexOf('?')
  return {
    path: queryAt === -1 ? raw : raw.slice(0, queryAt),
    query: new URLSearchParams(queryAt === -1 ? '' : raw.slice(queryAt + 1))
  }
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const rendererDir = resolve(options.rendererDir)
  const indexFile = join(rendererDir, 'index.html')
  if (!existsSync(indexFile)) {
    throw new Error(`startBridge: no built renderer at ${indexFile}; run "npm run build" first`)
  }
  // Deferred scripts run in document order, so window.lantern exists before the app's code.
  const withBridgeScript = (html: string) =>
    html.replace('<head>', `<head>\n    <script defer src="${BRIDGE_SCRIPT_PATH}"></script>`)
  const script = await bridgePageScript()
  const token = randomBytes(24).toString('base64url')

  // The open pages' event streams, by the key each page chose, and who waits for replies.
  const pages = new Map<string, ServerResponse>()
  const replyListeners = new Set<(page: string, id: unknown) => void>()

  const askPagesToSaveBeforeClose = () =>
    Promise.all(
      [...pages].map(([key, stream]) =>
        askPageToSave(
          {
            sender: key,
            send: (channel, id) => {
              if (stream.destroyed || stream.writableEnded) throw new Error('page gone')
              stream.write(`event: ${channel}\ndata: ${JSON.stringify(id)}\n\n`)
            },
            onReply: (_channel, listener) => {
              replyListeners.add(listener)
              return () => replyListeners.delete(listener)
            }
          },
          BEFORE_CLOSE_TIMEOUT_MS
        )
      )
    )

  const core = createCore({
    dataDir: options.dataDir,
    kdfCost: options.kdfCost,
    drugs: shippedDrugCatalog(),
    // As in Electron (electron/main/index.ts): before the core locks by itself, pages save.
    beforeLock: async () => {
      await askPagesToSaveBeforeClose()
    }
  })
  let host = ''

  const isOwnRequest = (req: IncomingMessage): boolean => {
    // A page on another site, or DNS rebinding, cannot pass these: the browser sets both.
    if (req.headers.host !== host) return false
    const origin = req.headers.origin
    return origin === undefined || origin === `http://${host}`
  }

  const hasCookie = (req: IncomingMessage) => sameSecret(readCookie(req, COOKIE), token)

  const forbidden = (res: ServerResponse) =>
    sendJson(res, 403, {
      ok: false,
      error: { code: 'FORBIDDEN_SENDER', message: 'This request did not come from Lantern.' }
    })

  const handleApi = async (req: IncomingMessage, res: ServerResponse, method: string) => {
    if (req.method !== 'POST')
      return sendJson(res, 405, {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'Use POST.' }
      })
    if (!hasCookie(req)) return forbidden(res)
    const body = await readBody(req)
    let input: unknown
    try {
      if (body === null) throw new Error('too large')
      input = body === '' ? {} : JSON.parse(body)
    } catch {
      return sendJson(res, 400, {
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: 'The request was not readable JSON of an allowed size.'
        }
      })
    }
    sendJson(res, 200, await dispatch(core.handlers, method, input))
  }

  /** A page opens its stream of main's requests (page.ts), naming itself with a random key. */
  const openRequests = (req: IncomingMessage, res: ServerResponse, query: URLSearchParams) => {
    if (!hasCookie(req)) return forbidden(res)
    const key = query.get('page') ?? ''
    if (!PAGE_KEY.test(key)) {
      res.writeHead(400)
      return res.end()
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8' })
    // A comment line: the browser counts the stream as open once it has bytes.
    res.write(': open\n\n')
    pages.get(key)?.end()
    pages.set(key, res)
    res.on('close', () => {
      if (pages.get(key) === res) pages.delete(key)
    })
  }

  /** A page's answer to one of main's requests: `{ page, channel, id }`. */
  const handleReply = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { Allow: 'POST' })
      return res.end()
    }
    if (!hasCookie(req)) return forbidden(res)
    const body = await readBody(req)
    let reply: { page?: unknown; channel?: unknown; id?: unknown }
    try {
      reply = JSON.parse(body ?? '')
    } catch {
      res.writeHead(400)
      return res.end()
    }
    if (typeof reply?.page === 'string' && reply.channel === BEFORE_CLOSE_DONE_CHANNEL) {
      for (const listener of [...replyListeners]) listener(reply.page, reply.id)
    }
    res.writeHead(204)
    res.end()
  }

  /** `path` is as the request sent it: rendererFileForPath decodes and confines it. */
  const serveStatic = async (res: ServerResponse, path: string) => {
    const file = rendererFileForPath(path, rendererDir)
    // The app's page with the vault's first screen drawn, chosen as in Electron (pageFiles).
    // Missing, a directory, or unreadable: all look the same from outside, as in Electron.
    const found = file
      ? await readFirst(pageFiles(file, rendererDir, () => core.vault.state))
      : null
    if (found && file === indexFile) {
      res.writeHead(200, { 'Content-Type': mimeTypeFor(found.file) })
      return res.end(withBridgeScript(found.body.toString('utf8')))
    }
    const body = found?.body
    if (!file || !body) {
      // Chromium asks every page for /favicon.ico; Electron's window never does. Nothing there is
      // not an error the page made, so it is answered as empty rather than as missing.
      if (path === '/favicon.ico') return res.writeHead(204).end()
      res.writeHead(404)
      return res.end()
    }
    res.writeHead(200, { 'Content-Type': mimeTypeFor(file) })
    res.end(body)
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    securityHeaders(res)
    if (!isOwnRequest(req)) {
      res.writeHead(403)
      return res.end()
    }
    const target = requestTarget(req.url)
    if (!target) {
      res.writeHead(400)
      return res.end('Malformed path.')
    }
    const apiMatch = /^\/api\/([A-Za-z]+\.[A-Za-z]+)$/.exec(target.path)
    if (apiMatch) {
      return handleApi(req, res, apiMatch[1]!).catch(() => {
        if (!res.headersSent)
          sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Bridge failure.' } })
      })
    }
    if (target.path === REPLIES_PATH) return handleReply(req, res)
    if (target.path === REQUESTS_PATH) return openRequests(req, res, target.query)
    if (target.path === BRIDGE_SCRIPT_PATH) {
      res.writeHead(200, { 'Content-Type': mimeTypeFor(BRIDGE_SCRIPT_PATH) })
      return res.end(script)
    }
    if (target.query.has('token')) {
      if (!sameSecret(target.query.get('token'), token)) {
        res.writeHead(403)
        return res.end('Wrong token.')
      }
      res.writeHead(302, {
        'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/'
      })
      return res.end()
    }
    return serveStatic(res, target.path)
  }

  // Any page in the same browser can send this server a request: none may take it down.
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error(`bridge: a request failed: ${(error as Error)?.name ?? 'unknown error'}`)
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })

  await new Promise<void>((resolvePromise) =>
    server.listen(options.port ?? 0, '127.0.0.1', resolvePromise)
  )
  const { port } = server.address() as AddressInfo
  host = `127.0.0.1:${port}`
  const origin = `http://${host}`
  return {
    url: `${origin}/?token=${token}`,
    origin,
    core,
    askPagesToSaveBeforeClose,
    close: async () => {
      const closed = new Promise<void>((resolvePromise) => server.close(() => resolvePromise()))
      // Event streams end cleanly, so an open page sees the bridge go rather than a broken
      // response; idle keep-alive sockets would otherwise keep close waiting until they time out.
      for (const stream of pages.values()) stream.end()
      server.closeAllConnections()
      await closed
      await core.shutdown()
    }
  }
}
