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
  window.loadURL(options.url).catch((error: Error) => {
    console.error(`createMainWindow: the app page did not load: ${error.message}`)
  })
  return window
}
