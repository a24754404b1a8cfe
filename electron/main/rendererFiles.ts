/**
 * Serves the built renderer for the lantern:// protocol. Kept free of Electron at runtime
 * (the handler takes a fetch Request and returns a Response) so it is tested in plain Node,
 * and so the loopback bridge (tools/bridge/server.ts) finds files with the same lookup.
 */
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { VaultState } from '../shared/contract.ts'
import { APP_HOST, APP_SCHEME } from './trust.ts'

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm'
}

export function mimeTypeFor(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * The file under rendererDir that a lantern://app URL names, or null when the URL is not ours
 * or would leave the folder. Directory URLs mean their index.html.
 */
export function resolveRendererFile(requestUrl: string, rendererDir: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  if (url.username || url.password) return null
  // A URL without a path ('lantern://app') means the folder itself.
  return rendererFileForPath(url.pathname || '/', rendererDir)
}

/**
 * The file under rendererDir that a URL path names, or null when it would leave the folder or
 * is not a path an asset can have. `path` is as it arrives, still percent-encoded: from the
 * lantern:// URL in Electron, from the request line through the loopback bridge, where nothing
 * has resolved its dot-segments. Directory paths mean their index.html.
 */
export function rendererFileForPath(path: string, rendererDir: string): string | null {
  if (!path.startsWith('/')) return null
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  } catch {
    return null
  }
  // Dot-segments, written out or encoded, backslashes (a separator on Windows) and NUL are
  // never in a real asset path: refuse rather than resolve them.
  if (decoded.includes('\\') || decoded.includes('\0') || decoded.split('/').includes('..')) {
    return null
  }
  if (decoded.endsWith('/')) decoded += 'index.html'

  const root = resolve(rendererDir)
  const file = resolve(root, '.' + normalize(decoded))
  return file.startsWith(root + sep) ? file : null
}

/**
 * The file to answer with for `file`: for the app's page (index.html), the page with the vault's
 * first screen already drawn (first-run.html or locked.html, written by the build: see
 * tools/build/prerenderFirstScreens.ts), so it is painted before the app's code has loaded. An
 * open vault, or a state that could not be read (stateOrNull), gets index.html, which draws itself.
 *
 * Answers the files to try in turn: a build without the drawn pages still serves index.html.
 */
export function pageFiles(
  file: string,
  rendererDir: string,
  vaultState: () => VaultState | null
): string[] {
  const index = join(resolve(rendererDir), 'index.html')
  if (file !== index) return [file]
  // Asked only for the page itself (it looks for the vault's files), not for every asset.
  const state = stateOrNull(vaultState)
  const screen = state === 'none' ? 'first-run' : state === 'locked' ? 'locked' : null
  return screen ? [join(resolve(rendererDir), `${screen}.html`), index] : [index]
}

/** The vault's state for pageFiles; a vault folder that cannot be read means a page that draws itself. */
function stateOrNull(vaultState: () => VaultState | null): VaultState | null {
  try {
    return vaultState()
  } catch {
    return null
  }
}

/** The first of `files` that can be read, with its name; null when none can. */
export async function readFirst(
  files: readonly string[]
): Promise<{ file: string; body: Buffer } | null> {
  for (const file of files) {
    try {
      return { file, body: await readFile(file) }
    } catch {
      // Missing, a directory, or unreadable: try the next.
    }
  }
  return null
}

const NOT_FOUND = 404
const METHOD_NOT_ALLOWED = 405

/**
 * A handler for `protocol.handle`: GET only, confined to rendererDir, CSP on every answer.
 * `vaultState` is asked when the app's page is requested (pageFiles).
 */
export function createRendererHandler(
  rendererDir: string,
  contentSecurityPolicy: string,
  vaultState: () => VaultState | null = () => null
): (request: Request) => Promise<Response> {
  const baseHeaders = {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer'
  }
  const plain = (status: number, extra: Record<string, string> = {}) =>
    new Response(null, { status, headers: { ...baseHeaders, ...extra } })

  return async (request) => {
    if (request.method !== 'GET') return plain(METHOD_NOT_ALLOWED, { Allow: 'GET' })
    const file = resolveRendererFile(request.url, rendererDir)
    if (!file) return plain(NOT_FOUND)
    // Missing, a directory, or unreadable: all look the same from outside.
    const found = await readFirst(pageFiles(file, rendererDir, vaultState))
    if (!found) return plain(NOT_FOUND)
    return new Response(new Uint8Array(found.body), {
      status: 200,
      headers: { ...baseHeaders, 'Content-Type': mimeTypeFor(found.file) }
    })
  }
}
