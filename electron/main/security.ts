/**
 * Hardening for every session and every web contents the app ever creates (security notes §1).
 * The decisions themselves are in trust.ts; this file only attaches them to Electron.
 */
import { app, session, type Session, type WebContents } from 'electron'
import { openExternalSafely } from './externalLinks.ts'
import { describeUrlForLog, isAllowedRequestUrl, isAppUrl, type RequestPolicy } from './trust.ts'

/** Nothing serves dictionaries here: the spellchecker must never reach Google's CDN. */
const NOWHERE = 'http://0.0.0.0/'

declare global {
  /** Unpackaged builds only: requests the guard cancelled, read by the Electron suite. */
  var __lanternBlockedRequests: string[] | undefined
}

/**
 * Call before the app is ready: some hooks (sandbox for all renderers, the first session)
 * take effect only if installed before Chromium starts.
 */
export function installSecurityGuards(policy: RequestPolicy): void {
  app.enableSandbox()
  if (!app.isPackaged) globalThis.__lanternBlockedRequests = []

  const hardened = new WeakSet<Session>()
  const harden = (ses: Session) => {
    if (hardened.has(ses)) return
    hardened.add(ses)
    hardenSession(ses, policy)
  }
  app.on('session-created', harden)
  void app.whenReady().then(() => harden(session.defaultSession))

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, policy))
}

function hardenSession(ses: Session, policy: RequestPolicy): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)

  ses.setSpellCheckerEnabled(false)
  ses.setSpellCheckerDictionaryDownloadURL(NOWHERE)

  // Exports are written by the core; a page has no reason to start a download.
  ses.on('will-download', (event) => event.preventDefault())

  ses.webRequest.onBeforeRequest((details, callback) => {
    if (isAllowedRequestUrl(details.url, policy)) {
      callback({})
      return
    }
    console.warn(`security: blocked a request to ${describeUrlForLog(details.url)}`)
    globalThis.__lanternBlockedRequests?.push(details.url)
    callback({ cancel: true })
  })
}

function hardenWebContents(contents: WebContents, policy: RequestPolicy): void {
  const isOurs = (url: string) => isAppUrl(url, policy.devServerUrl)

  // A plain link to a cited site opens in the browser; every other way off the app is refused.
  contents.on('will-navigate', (event) => {
    if (isOurs(event.url)) return
    event.preventDefault()
    void openExternalSafely(event.url)
  })
  // Sub-frames only: the main frame is decided above, so a link is never opened twice.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isOurs(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isOurs(event.url)) event.preventDefault()
  })

  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:/i.test(url)) void openExternalSafely(url)
    return { action: 'deny' }
  })

  contents.on('will-attach-webview', (event) => event.preventDefault())
}
