/**
 * The Content-Security-Policy for the renderer. Everything the app shows ships inside it, so
 * nothing may load from anywhere but the app itself. In Electron the renderer talks to the core
 * over IPC and needs no connections at all; the loopback bridge serves the same renderer and
 * lets it call the bridge on its own origin.
 */
export function contentSecurityPolicy(options: { allowSameOriginFetch: boolean }): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${options.allowSameOriginFetch ? "'self'" : "'none'"}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
    "media-src 'none'",
    "frame-ancestors 'none'"
  ].join('; ')
}
