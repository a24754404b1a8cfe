/**
 * The Electron shell's entry point: app lifecycle only. Security guards, the protocol, IPC and
 * the window each live in their own module; the application itself is the core.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { app, BrowserWindow, powerMonitor } from 'electron'
import { type Core, createCore } from '../core/api.ts'
import type { AutoLockReason } from '../core/autoLock.ts'
import { shippedDrugCatalog } from '../core/record/shippedCatalog.ts'
import { registerAppScheme, serveRenderer } from './appProtocol.ts'
import { registerIpcHandlers } from './ipc.ts'
import { chooseExportPath } from './saveDialog.ts'
import { installAppMenu } from './menu.ts'
import { installSecurityGuards } from './security.ts'
import { APP_ENTRY_URL } from './trust.ts'
import { createMainWindow, flushRenderer } from './window.ts'

// Development and test switches are honoured only in unpackaged builds, so a shipped app
// cannot be pointed at another page or data folder through its environment.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL || undefined
const testDataDir = app.isPackaged ? undefined : process.env.LANTERN_DATA_DIR || undefined

if (testDataDir) {
  // Isolates Chromium's profile and the single-instance lock, so a test run never meets a
  // Lantern the developer has open.
  app.setPath('userData', join(testDataDir, 'electron-profile'))
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme()
  installSecurityGuards({ devServerUrl, allowDevTools: !app.isPackaged })
  start()
}

function start(): void {
  const dataDir = testDataDir ?? join(app.getPath('userData'), 'vault')
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const core = createCore({
    dataDir,
    drugs: shippedDrugCatalog(),
    // Bundled beside this file (electron.vite.config.ts: jobWorker, vaultWorker).
    jobWorker: join(__dirname, 'jobWorker.js'),
    vaultWorker: join(__dirname, 'vaultWorker.js'),
    // Before the core locks by itself, pages keep what is typed (bounded by flushRenderer).
    beforeLock: async () => {
      await Promise.all(BrowserWindow.getAllWindows().map(flushRenderer))
    },
    // export.pdf: main asks where with the native dialog; the core writes the file there.
    chooseExportPath
  })
  let mainWindow: BrowserWindow | null = null

  const openWindow = () => {
    mainWindow = createMainWindow({
      preloadPath: join(__dirname, '../preload/index.js'),
      url: devServerUrl ?? APP_ENTRY_URL
    })
    // A crashed page cannot lock itself, nor be asked to save: lock at once.
    mainWindow.webContents.on('render-process-gone', () => lockFor(core, 'renderer-gone'))
    mainWindow.on('closed', () => {
      mainWindow = null
    })
  }

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  app.on('window-all-closed', () => {
    // On macOS the app keeps running with no window: nothing shows the vault, so close it.
    // (The window saved its edits and drafts as it closed.)
    lockFor(core, 'windows-closed')
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openWindow()
  })

  closeVaultBeforeQuit(core)

  void app.whenReady().then(() => {
    installAppMenu()
    serveRenderer(join(__dirname, '../renderer'), () => core.vault.state)
    registerIpcHandlers(core, devServerUrl)
    lockOnLeave(core)
    openWindow()
  })
}

/** A locked screen or a sleeping laptop may be picked up by someone else: close the vault. */
function lockOnLeave(core: Core): void {
  powerMonitor.on('lock-screen', () => lockFor(core, 'lock-screen'))
  powerMonitor.on('suspend', () => lockFor(core, 'suspend'))
}

/** The shell's locks all go through the core's auto-lock (tested in tests/unit/autoLock.test.ts). */
function lockFor(core: Core, reason: AutoLockReason): void {
  core.autoLock.lock(reason).catch((error: Error) => {
    console.error(`lockFor: locking on ${reason} failed: ${error.name}`)
  })
}

/** Quit waits once for the database to close cleanly and the key to be wiped. */
function closeVaultBeforeQuit(core: Core): void {
  let state: 'running' | 'closing' | 'closed' = 'running'
  app.on('before-quit', (event) => {
    if (state === 'closed') return
    event.preventDefault()
    if (state === 'closing') return
    state = 'closing'
    // Pages save their pending edits and drafts first: the vault must still be open for that.
    Promise.all(BrowserWindow.getAllWindows().map(flushRenderer))
      .then(() => core.shutdown())
      .catch((error: Error) => console.error(`closeVaultBeforeQuit: ${error.name}`))
      .finally(() => {
        state = 'closed'
        app.quit()
      })
  })
}
