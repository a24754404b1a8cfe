/**
 * What only a real Electron can show: the window's security settings, what the page can
 * reach, the navigation guards, IPC through the preload, and that nothing asks the network.
 * Runs against the build in out/ (npm run build first).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import {
  _electron as electron,
  type ElectronApplication,
  expect,
  type Page,
  test as base
} from '@playwright/test'
import type { WebPreferences } from 'electron'
import {
  BEFORE_CLOSE_CHANNEL,
  BEFORE_CLOSE_DONE_CHANNEL,
  type LanternBridge,
  METHOD_NAMES
} from '../../electron/shared/contract.ts'

const MAIN_ENTRY = resolve(__dirname, '../../out/main/index.js')
const APP_URL = /^lantern:\/\/app\//

/** The page's globals this suite touches; the Node project has no DOM types. */
interface PageGlobals {
  lantern: LanternBridge
  location: { href: string }
  open: (url: string) => unknown
  document: {
    createElement: (tag: string) => { textContent: string; href: string; click: () => void }
    head: { appendChild: (node: unknown) => void }
    body: { appendChild: (node: unknown) => void }
    addEventListener: (
      type: 'securitypolicyviolation',
      listener: (event: { effectiveDirective: string }) => void,
      options: { once: boolean }
    ) => void
  }
  __inlineScriptRan?: boolean
}

/**
 * Undocumented but long-standing (Electron's C++ WebContents::GetLastWebPreferences) and the
 * only way to read the preferences a window really got; the typings dropped it.
 */
type WithLastWebPreferences = { getLastWebPreferences: () => WebPreferences | null }

/** State the main process keeps for this suite (unpackaged builds only). */
interface MainGlobals {
  __lanternBlockedRequests?: string[]
  __openExternalCalls?: string[]
}

const test = base.extend<{ electronApp: ElectronApplication; mainWindow: Page }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  electronApp: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lantern-electron-'))
    const env: Record<string, string> = {}
    for (const [key, value] of Object.entries(process.env)) {
      // A dev server URL would swap the built renderer for a live one; RUN_AS_NODE would skip the app.
      if (
        value !== undefined &&
        key !== 'ELECTRON_RENDERER_URL' &&
        key !== 'ELECTRON_RUN_AS_NODE'
      ) {
        env[key] = value
      }
    }
    const app = await electron.launch({
      args: [MAIN_ENTRY],
      env: { ...env, LANTERN_DATA_DIR: dataDir }
    })
    // Record instead of opening the tester's browser.
    await app.evaluate(({ shell }) => {
      const calls: string[] = []
      ;(globalThis as MainGlobals).__openExternalCalls = calls
      shell.openExternal = async (url: string) => {
        calls.push(url)
      }
    })
    try {
      await use(app)
    } finally {
      await app.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  },
  mainWindow: async ({ electronApp }, use) => {
    const page = await electronApp.firstWindow()
    await page.waitForLoadState('load')
    await use(page)
  }
})

test.beforeAll(() => {
  expect(existsSync(MAIN_ENTRY), `${MAIN_ENTRY} is missing: run npm run build first`).toBe(true)
})

test('every window is sandboxed, isolated and shows the app', async ({
  electronApp,
  mainWindow
}) => {
  expect(mainWindow.url()).toMatch(APP_URL)
  const windows = await electronApp.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((window) => {
      const prefs = (
        window.webContents as unknown as WithLastWebPreferences
      ).getLastWebPreferences()
      return {
        url: window.webContents.getURL(),
        sandbox: prefs?.sandbox,
        contextIsolation: prefs?.contextIsolation,
        nodeIntegration: prefs?.nodeIntegration,
        nodeIntegrationInWorker: prefs?.nodeIntegrationInWorker,
        nodeIntegrationInSubFrames: prefs?.nodeIntegrationInSubFrames,
        webSecurity: prefs?.webSecurity,
        allowRunningInsecureContent: prefs?.allowRunningInsecureContent,
        webviewTag: prefs?.webviewTag
      }
    })
  )
  expect(windows).toHaveLength(1)
  for (const window of windows) {
    expect(window.url).toMatch(APP_URL)
    expect(window).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false
    })
  }
})

test('the page reaches nothing but one function per contract method and onBeforeClose', async ({
  mainWindow
}) => {
  const surface = await mainWindow.evaluate(() => {
    const lantern = (globalThis as unknown as PageGlobals).lantern as unknown as Record<
      string,
      unknown
    >
    return {
      require: typeof require,
      process: typeof process,
      ipcRenderer: 'ipcRenderer' in globalThis,
      electron: 'electron' in globalThis,
      lantern: Object.fromEntries(
        Object.entries(lantern).map(([key, value]) => [
          key,
          typeof value === 'function'
            ? typeof value
            : Object.fromEntries(
                Object.entries(value as Record<string, unknown>).map(([verb, fn]) => [
                  verb,
                  typeof fn
                ])
              )
        ])
      )
    }
  })

  expect(surface.require).toBe('undefined')
  expect(surface.process).toBe('undefined')
  expect(surface.ipcRenderer).toBe(false)
  expect(surface.electron).toBe(false)

  // One function per method, grouped by domain, and the one way to hear main's requests.
  const expected: Record<string, Record<string, string> | string> = { onBeforeClose: 'function' }
  for (const name of METHOD_NAMES) {
    const [domain, verb] = name.split('.') as [string, string]
    expected[domain] = { ...(expected[domain] as Record<string, string>), [verb]: 'function' }
  }
  expect(Object.keys(surface.lantern).sort()).toEqual(Object.keys(expected).sort())
  expect(surface.lantern).toEqual(expected)
})

test('navigation and new windows never leave the app', async ({ electronApp, mainWindow }) => {
  const windowsBefore = electronApp.windows().length

  await mainWindow.evaluate(() => {
    ;(globalThis as unknown as PageGlobals).location.href = 'https://example.com/'
  })
  await mainWindow.evaluate(() => {
    ;(globalThis as unknown as PageGlobals).open('https://example.com/')
  })
  // A cited site goes to the system browser, through the allowlist, and nowhere else.
  await mainWindow.evaluate(() => {
    ;(globalThis as unknown as PageGlobals).open('https://www.cancer.gov/types/leukemia')
  })
  await mainWindow.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals
    const link = document.createElement('a')
    link.href = 'https://www.cancer.net/cancer-types'
    document.body.appendChild(link)
    link.click()
  })

  const openExternalCalls = () =>
    electronApp.evaluate(() => (globalThis as MainGlobals).__openExternalCalls ?? [])
  await expect
    .poll(openExternalCalls)
    .toEqual(
      expect.arrayContaining([
        'https://www.cancer.gov/types/leukemia',
        'https://www.cancer.net/cancer-types'
      ])
    )
  // Give a wrongly allowed navigation time to commit before looking.
  await mainWindow.waitForTimeout(500)

  expect(await openExternalCalls()).toHaveLength(2)
  expect(mainWindow.url()).toMatch(APP_URL)
  expect(
    await mainWindow.evaluate(() => (globalThis as unknown as PageGlobals).location.href)
  ).toMatch(APP_URL)
  expect(electronApp.windows()).toHaveLength(windowsBefore)
  expect(
    await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)
  ).toBe(1)
})

test('IPC answers through the contract and rejects bad input', async ({ mainWindow }) => {
  const status = await mainWindow.evaluate(() =>
    (globalThis as unknown as PageGlobals).lantern.vault.status({})
  )
  expect(status).toEqual({ ok: true, value: { state: 'none' } })

  const badType = await mainWindow.evaluate(() =>
    (globalThis as unknown as PageGlobals).lantern.vault.unlock({
      passphrase: 42 as unknown as string
    })
  )
  expect(badType).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })

  const extraKey = await mainWindow.evaluate(() =>
    (globalThis as unknown as PageGlobals).lantern.vault.status({
      unexpected: true
    } as unknown as Record<string, never>)
  )
  expect(extraKey).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
})

test("main's request to save before closing reaches the page and comes back from it", async ({
  electronApp,
  mainWindow
}) => {
  // The app registers its handler (renderer/src/main.ts) as it starts.
  await mainWindow.waitForLoadState('load')
  const reply = await electronApp.evaluate(
    ({ BrowserWindow, ipcMain }, channels) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents
      return new Promise<{ fromThatPage: boolean; id: unknown }>((resolve) => {
        ipcMain.once(channels.done, (event, id: unknown) =>
          resolve({ fromThatPage: event.sender.id === contents.id, id })
        )
        contents.send(channels.ask, 4242)
      })
    },
    { ask: BEFORE_CLOSE_CHANNEL, done: BEFORE_CLOSE_DONE_CHANNEL }
  )
  expect(reply).toEqual({ fromThatPage: true, id: 4242 })
})

test('the CSP header stops inline script', async ({ mainWindow }) => {
  const violation = await mainWindow.evaluate(
    () =>
      new Promise<string | null>((done) => {
        const { document } = globalThis as unknown as PageGlobals
        document.addEventListener(
          'securitypolicyviolation',
          (event) => done(event.effectiveDirective),
          { once: true }
        )
        const script = document.createElement('script')
        script.textContent = 'globalThis.__inlineScriptRan = true'
        document.head.appendChild(script)
        setTimeout(() => done(null), 2000)
      })
  )
  expect(violation).toMatch(/^script-src/)
  expect(
    await mainWindow.evaluate(() => (globalThis as unknown as PageGlobals).__inlineScriptRan)
  ).toBeUndefined()
})

test('loading the app asks nothing of the network', async ({ electronApp, mainWindow }) => {
  await mainWindow.waitForLoadState('networkidle')
  const blocked = await electronApp.evaluate(
    () => (globalThis as MainGlobals).__lanternBlockedRequests
  )
  expect(blocked).toEqual([])
})

/** Creates a vault from the page, as the first-run screen does; it is left unlocked. */
async function createVaultFromPage(mainWindow: Page): Promise<void> {
  const created = await mainWindow.evaluate(() =>
    (globalThis as unknown as PageGlobals).lantern.vault.create({
      passphrase: 'a passphrase for the lock tests'
    })
  )
  expect(created).toMatchObject({ ok: true })
}

/** The vault's state as a freshly loaded page sees it; run from main, so a crash cannot get in the way. */
function statusAfterReload(electronApp: ElectronApplication): Promise<unknown> {
  return electronApp.evaluate(async ({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents
    const loaded = new Promise<void>((resolve) => contents.once('did-finish-load', () => resolve()))
    contents.reload()
    await loaded
    return contents.executeJavaScript('window.lantern.vault.status({})')
  })
}

test('a crashed page leaves the vault locked', async ({ electronApp, mainWindow }) => {
  await createVaultFromPage(mainWindow)
  await electronApp.evaluate(async ({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents
    const gone = new Promise<void>((resolve) =>
      contents.once('render-process-gone', () => resolve())
    )
    contents.forcefullyCrashRenderer()
    await gone
  })
  expect(await statusAfterReload(electronApp)).toEqual({ ok: true, value: { state: 'locked' } })
})

test('locking the screen or sleeping locks the vault', async ({ electronApp, mainWindow }) => {
  await createVaultFromPage(mainWindow)
  await electronApp.evaluate(({ powerMonitor }) => {
    powerMonitor.emit('lock-screen')
  })
  await expect
    .poll(() =>
      mainWindow.evaluate(() => (globalThis as unknown as PageGlobals).lantern.vault.status({}))
    )
    .toEqual({ ok: true, value: { state: 'locked' } })

  const unlocked = await mainWindow.evaluate(() =>
    (globalThis as unknown as PageGlobals).lantern.vault.unlock({
      passphrase: 'a passphrase for the lock tests'
    })
  )
  expect(unlocked).toEqual({ ok: true, value: { state: 'unlocked' } })
  await electronApp.evaluate(({ powerMonitor }) => {
    powerMonitor.emit('suspend')
  })
  await expect
    .poll(() =>
      mainWindow.evaluate(() => (globalThis as unknown as PageGlobals).lantern.vault.status({}))
    )
    .toEqual({ ok: true, value: { state: 'locked' } })
})
