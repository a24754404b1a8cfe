/**
 * The app's one window. Every web preference that matters for security is spelled out, even
 * where it is Electron's default, so a reviewer (and the Electron suite) sees it in one place.
 */
import { app, BrowserWindow } from 'electron'

/** Matches the renderer's light theme, so the window never flashes white or black. */
const BACKGROUND_COLOR = '#f7f5f0'

export function createMainWindow(options: { preloadPath: string; url: string }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 820,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Lantern',
    backgroundColor: BACKGROUND_COLOR,
    webPreferences: {
      preload: options.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      webviewTag: false,
      devTools: !app.isPackaged
    }
  })
  window.once('ready-to-show', () => window.show())
  saveBeforeClosing(window)
  window.loadURL(options.url).catch((error: Error) => {
    console.error(`createMainWindow: the app page did not load: ${error.message}`)
  })
  return window
}

/** Long enough for a save and a draft on a slow disk; short enough never to hang a quit. */
const FLUSH_TIMEOUT_MS = 5000

/**
 * Asks the page to save pending edits and keep unsaved drafts (renderer/src/main.ts defines
 * lanternBeforeClose). Resolves when done, after the timeout, or at once if the page is gone.
 */
export function flushRenderer(window: BrowserWindow): Promise<void> {
  if (window.isDestroyed()) return Promise.resolve()
  const flush = window.webContents
    .executeJavaScript('globalThis.lanternBeforeClose?.()', true)
    .then(() => undefined)
    .catch(() => undefined)
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, FLUSH_TIMEOUT_MS))
  return Promise.race([flush, timeout])
}

/** Nothing typed is lost on close: the window waits once for the page to save. */
function saveBeforeClosing(window: BrowserWindow): void {
  let flushed = false
  window.on('close', (event) => {
    if (flushed) return
    event.preventDefault()
    void flushRenderer(window).finally(() => {
      flushed = true
      if (!window.isDestroyed()) window.close()
    })
  })
}
