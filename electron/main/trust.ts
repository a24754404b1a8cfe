/**
 * Who and what the shell trusts: the app's own pages, its own top frame as an IPC sender,
 * and a short list of sites a guide may send the user to. Pure functions, no Electron at
 * runtime, so the rules are unit-tested in plain Node.
 *
 * Custom schemes are compared by protocol and host, never by `origin`: for a non-special
 * scheme the WHATWG origin is the opaque 'null', which a file: URL shares.
 */

export const APP_SCHEME = 'lantern'
export const APP_HOST = 'app'
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** Sites the guides cite. Each addition is a place a click can take the user: keep it short. */
export const EXTERNAL_HOST_ALLOWLIST: readonly string[] = Object.freeze([
  'www.cancer.gov',
  'www.cancer.org',
  'www.survivorshipguidelines.org',
  'www.asco.org',
  'www.cancer.net'
])

function parse(url: unknown): URL | null {
  if (typeof url !== 'string') return null
  try {
    return new URL(url)
  } catch {
    return null
  }
}

function hasCredentials(url: URL): boolean {
  return url.username !== '' || url.password !== ''
}

/** The dev server's URL, only if it is a plain http(s) origin we could match exactly. */
function parseDevServer(devServerUrl: string | undefined): URL | null {
  const dev = parse(devServerUrl)
  if (!dev || (dev.protocol !== 'http:' && dev.protocol !== 'https:') || hasCredentials(dev)) {
    return null
  }
  return dev
}

/** A page of the app itself: lantern://app/..., or in development the exact dev server origin. */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  const parsed = parse(url)
  if (!parsed || hasCredentials(parsed)) return false
  if (parsed.protocol === `${APP_SCHEME}:`) {
    return parsed.host === APP_HOST
  }
  const dev = parseDevServer(devServerUrl)
  return dev !== null && parsed.protocol === dev.protocol && parsed.host === dev.host
}

/**
 * An IPC sender we answer: the top frame of one of our own pages. A null frame (navigated
 * away or destroyed) and any sub-frame are refused.
 */
export function isTrustedSender(
  frame: { url: string; parent: unknown } | null | undefined,
  devServerUrl?: string
): boolean {
  if (!frame) return false
  try {
    return frame.parent === null && isAppUrl(frame.url, devServerUrl)
  } catch {
    // A disposed WebFrameMain throws on property access.
    return false
  }
}

/** A link the user may open in their browser: https, no credentials, an allowlisted host. */
export function isAllowedExternalUrl(url: string): boolean {
  const parsed = parse(url)
  if (!parsed || parsed.protocol !== 'https:' || hasCredentials(parsed)) return false
  return parsed.port === '' && EXTERNAL_HOST_ALLOWLIST.includes(parsed.hostname)
}

export interface RequestPolicy {
  /** Set only in development: the renderer then loads from this server, with hot reload. */
  devServerUrl?: string
  /** DevTools load their own front end from internal schemes; unpackaged builds only. */
  allowDevTools: boolean
}

const DEV_TOOLS_SCHEMES = new Set(['devtools:', 'chrome-extension:'])

/**
 * Whether the session may perform a request at all. Everything the app shows ships inside it,
 * so only its own scheme passes (plus data: URLs, which never leave the process and which the
 * CSP already limits to images).
 */
export function isAllowedRequestUrl(url: string, policy: RequestPolicy): boolean {
  const parsed = parse(url)
  if (!parsed) return false
  if (parsed.protocol === 'data:') return true
  if (isAppUrl(url)) return true
  if (policy.allowDevTools && DEV_TOOLS_SCHEMES.has(parsed.protocol)) return true
  const dev = parseDevServer(policy.devServerUrl)
  if (!dev || hasCredentials(parsed) || parsed.host !== dev.host) return false
  // Vite's hot reload talks over a WebSocket to the same host.
  const wsProtocol = dev.protocol === 'https:' ? 'wss:' : 'ws:'
  return parsed.protocol === dev.protocol || parsed.protocol === wsProtocol
}

/** Scheme and host only: enough to diagnose a refusal without logging paths or queries. */
export function describeUrlForLog(url: string): string {
  const parsed = parse(url)
  if (!parsed) return 'an unparseable URL'
  return parsed.host ? `${parsed.protocol}//${parsed.host}` : parsed.protocol
}
