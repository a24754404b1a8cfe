/**
 * The loopback bridge: the real core behind HTTP on 127.0.0.1, for the browser end-to-end
 * tests and for trying Lantern in a browser during development. It is never packaged.
 *
 * It serves the built renderer and, in front of it, a tiny script that builds `window.lantern`
 * from the contract's method list exactly as the Electron preload does, but over fetch. So the
 * renderer runs the same code in both places, and every call reaches the same dispatch().
 *
 * Who may call: a random token printed in the start URL. The first visit trades it for an
 * HttpOnly, SameSite=Strict cookie; API calls without it, or from another Origin/Host, get 403.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { createCore, type Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import { shippedDrugCatalog } from '../../electron/core/record/shippedCatalog.ts'
import type { KdfCost } from '../../electron/core/vault/keyCrypto.ts'
import { MAX_REQUEST_BYTES, METHOD_NAMES } from '../../electron/shared/contract.ts'
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
  close: () => Promise<void>
}

const COOKIE = 'lantern_bridge'
const BRIDGE_SCRIPT_PATH = '/__lantern/bridge.js'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon'
}

/** The browser twin of electron/preload/index.ts, as a plain script (it runs before the app). */
function bridgeScript(): string {
  const methods = JSON.stringify(METHOD_NAMES)
  return `'use strict';
(() => {
  const call = async (method, input) => {
    try {
      const response = await fetch('/api/' + method, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input === undefined ? {} : input)
      });
      return await response.json();
    } catch (e) {
      return { ok: false, error: { code: 'INTERNAL', message: 'Lantern could not reach its core.' } };
    }
  };
  const bridge = {};
  for (const name of ${methods}) {
    const [domain, verb] = name.split('.');
    bridge[domain] = bridge[domain] || {};
    bridge[domain][verb] = (input) => call(name, input);
  }
  for (const domain of Object.keys(bridge)) Object.freeze(bridge[domain]);
  Object.defineProperty(window, 'lantern', { value: Object.freeze(bridge), enumerable: true });
})();
`
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
 * The decoded path and the query of a request, or null when the request target is not a
 * well-formed path: bad percent-encoding, NUL, backslashes or dot-segments (a browser resolves
 * these before sending, so only a hand-made request has them), or not a path at all.
 */
function requestTarget(raw: string | undefined): { path: string; query: URLSearchParams } | null {
  if (!raw?.startsWith('/')) return null
  const queryAt = raw.indexOf('?')
  let path: string
  try {
    path = decodeURIComponent(queryAt === -1 ? raw : raw.slice(0, queryAt))
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\') || path.split('/').some(isDotSegment)) {
    return null
  }
  return { path, query: new URLSearchParams(queryAt === -1 ? '' : raw.slice(queryAt + 1)) }
}

function isDotSegment(segment: string): boolean {
  return segment === '.' || segment === '..'
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const rendererDir = resolve(options.rendererDir)
  const indexFile = join(rendererDir, 'index.html')
  if (!existsSync(indexFile)) {
    throw new Error(`startBridge: no built renderer at ${indexFile}; run "npm run build" first`)
  }
  const indexHtml = readFileSync(indexFile, 'utf8').replace(
    '<head>',
    `<head>\n    <script src="${BRIDGE_SCRIPT_PATH}"></script>`
  )
  const token = randomBytes(24).toString('base64url')
  const core = createCore({
    dataDir: options.dataDir,
    kdfCost: options.kdfCost,
    drugs: shippedDrugCatalog()
  })
  let host = ''

  const isOwnRequest = (req: IncomingMessage): boolean => {
    // A page on another site, or DNS rebinding, cannot pass these: the browser sets both.
    if (req.headers.host !== host) return false
    const origin = req.headers.origin
    return origin === undefined || origin === `http://${host}`
  }

  const handleApi = async (req: IncomingMessage, res: ServerResponse, method: string) => {
    if (req.method !== 'POST')
      return sendJson(res, 405, {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'Use POST.' }
      })
    if (!isOwnRequest(req) || !sameSecret(readCookie(req, COOKIE), token)) {
      return sendJson(res, 403, {
        ok: false,
        error: { code: 'FORBIDDEN_SENDER', message: 'This request did not come from Lantern.' }
      })
    }
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

  /** `path` is already decoded and free of dot-segments (see requestTarget). */
  const serveStatic = (res: ServerResponse, path: string) => {
    if (path === BRIDGE_SCRIPT_PATH) {
      res.writeHead(200, { 'Content-Type': MIME['.js']! })
      return res.end(bridgeScript())
    }
    const relative = normalize(path).replace(/^([/\\])+/, '')
    const file = join(rendererDir, relative)
    const inside = file === rendererDir || file.startsWith(rendererDir + sep)
    if (
      inside &&
      relative !== '' &&
      relative !== 'index.html' &&
      existsSync(file) &&
      statSync(file).isFile()
    ) {
      res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' })
      return res.end(readFileSync(file))
    }
    // Everything else is the single-page app (its router handles the path).
    res.writeHead(200, { 'Content-Type': MIME['.html']! })
    res.end(indexHtml)
  }

  const handle = (req: IncomingMessage, res: ServerResponse) => {
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
      handleApi(req, res, apiMatch[1]!).catch(() => {
        if (!res.headersSent)
          sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Bridge failure.' } })
      })
      return
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
    serveStatic(res, target.path)
  }

  // Any page in the same browser can send this server a request: none may take it down.
  const server: Server = createServer((req, res) => {
    try {
      handle(req, res)
    } catch (error) {
      console.error(`bridge: a request failed: ${(error as Error)?.name ?? 'unknown error'}`)
      if (!res.headersSent) res.writeHead(500)
      res.end()
    }
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
    close: async () => {
      const closed = new Promise<void>((resolvePromise) => server.close(() => resolvePromise()))
      // An open page keeps idle keep-alive sockets; without this, close waits for them to time out.
      server.closeAllConnections()
      await closed
      await core.shutdown()
    }
  }
}
