/**
 * The app's one window. Every web preference that matters for security is spelled out, even
 * where it is Electron's default, so a reviewer (and the Electron suite) sees it in one place.
 */
import { app, BrowserWindow, ipcMain, type IpcMainEvent } from 'electron'
import { askPageToSave, BEFORE_CLOSE_TIMEOUT_MS } from './beforeClose.ts'

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

/**
 * Asks the page to save pending edits and keep unsaved drafts (window.lantern.onBeforeClose,
 * registered in renderer/src/main.ts). Resolves when the page says it is done, after the
 * timeout, or at once if the page is gone. Only this window's page can answer for it.
 */
export function flushRenderer(window: BrowserWindow): Promise<void> {
  if (window.isDestroyed()) return Promise.resolve()
  const contents = window.webContents
  return askPageToSave(
    {
      sender: contents.id,
      send: (channel, id) => contents.send(channel, id),
      onReply: (channel, listener) => {
        const onMessage = (event: IpcMainEvent, id: unknown) => listener(event.sender.id, id)
        ipcMain.on(channel, onMessage)
        return () => ipcMain.removeListener(channel, onMessage)
      }
    },
    BEFORE_CLOSE_TIMEOUT_MS
  ).then(() => undefined)
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
