/**
 * The lantern:// scheme the renderer is served from. A custom scheme instead of file:// keeps
 * an injected script from reading local files, and gives the pages a real origin for 'self'.
 */
import { protocol } from 'electron'
import type { VaultState } from '../shared/contract.ts'
import { contentSecurityPolicy } from '../shared/csp.ts'
import { createRendererHandler } from './rendererFiles.ts'
import { APP_SCHEME } from './trust.ts'

/** Must run before the app is ready: Chromium fixes scheme privileges at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true }
    }
  ])
}

/**
 * Serves the built renderer folder on the default session, with the CSP as a header. The app's
 * page comes with the screen for `vaultState()` already drawn (rendererFiles.ts, pageFiles).
 */
export function serveRenderer(rendererDir: string, vaultState: () => VaultState | null): void {
  protocol.handle(
    APP_SCHEME,
    createRendererHandler(
      rendererDir,
      contentSecurityPolicy({ allowSameOriginFetch: false }),
      vaultState
    )
  )
}
