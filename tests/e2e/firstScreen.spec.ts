/**
 * The first screen comes up fast because it loads only what it shows: the welcome or unlock
 * screen, not the record, summary, care plan, library or settings pages (each loads when its
 * route is first opened), and no guide or glossary text. Scripts ship minified.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page, Response } from '@playwright/test'
import { createRendererHandler } from '../../electron/main/rendererFiles.ts'
import { METHOD_NAMES } from '../../electron/shared/bridge.ts'
import { contentSecurityPolicy } from '../../electron/shared/csp.ts'
import type { Bridge } from '../../tools/bridge/server.ts'
import { expect, test } from './fixtures.ts'
import {
  PASSPHRASE,
  addPerson,
  createVault,
  newPassphraseField,
  watchForPageErrors
} from './steps.ts'

const RENDERER_DIR = resolve('out/renderer')

/** The pages a person reaches only after unlocking and choosing where to go. */
const LATER_VIEWS = [
  'PersonView',
  'SummaryView',
  'CarePlanView',
  'RecordView',
  'PersonDetailsView',
  'LibraryView',
  'GuideView',
  'GlossaryView',
  'DocumentView',
  'SettingsView'
] as const

/**
 * A component's code, wherever the bundler put it: Vue's compiler names every <script setup>
 * component in its output (`__name:"RecordView"`), minified or not. Finding the view by file
 * name would prove nothing when every view sits in one big chunk.
 */
function viewsIn(script: string): string[] {
  return [...script.matchAll(/__name:\s*[`"'](\w+)[`"']/g)]
    .map((match) => match[1]!)
    .filter((name) => (LATER_VIEWS as readonly string[]).includes(name))
}

/**
 * The passphrase checker's word lists (zxcvbn's common and English packages), by what only they
 * hold: the keyboard layouts' names and zxcvbn's own English feedback, which Lantern does not
 * show (it words its own). They are most of a megabyte and take a large part of a second to
 * set up, so the first screen must not load them before the person types a passphrase.
 */
function isStrengthDictionary(script: string): boolean {
  return (
    script.includes('keypadMac') ||
    script.includes('Straight rows of keys on your keyboard are easy to guess.')
  )
}

interface Loaded {
  /** Every request the page made, in order. */
  requests: string[]
  /** The later views whose code the page has loaded so far. */
  views: () => Promise<string[]>
  /** How many of the passphrase checker's dictionaries the page has loaded so far. */
  dictionaries: () => Promise<number>
  /** The addresses of the scripts that hold any of these components. */
  scriptsHolding: (components: readonly string[]) => Promise<string[]>
}

/** Starts watching before the first navigation, so nothing the page loads is missed. */
function watchLoads(page: Page): Loaded {
  const requests: string[] = []
  const scripts: Response[] = []
  page.on('request', (request) => requests.push(request.url()))
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response)
  })
  return {
    requests,
    views: async () => {
      const found = new Set<string>()
      for (const response of scripts)
        for (const view of viewsIn(await response.text())) found.add(view)
      return [...found].sort()
    },
    dictionaries: async () => {
      let count = 0
      for (const response of scripts) if (isStrengthDictionary(await response.text())) count++
      return count
    },
    scriptsHolding: async (components) => {
      const urls: string[] = []
      for (const response of scripts) {
        const names = [...(await response.text()).matchAll(/__name:\s*[`"'](\w+)[`"']/g)]
        if (names.some((match) => components.includes(match[1]!))) urls.push(response.url())
      }
      return urls
    }
  }
}

/** Opens the app in a fresh page and waits until the first screen is up and the page is idle. */
async function openFirstScreen(page: Page, bridge: Bridge, heading: string): Promise<Loaded> {
  const loaded = watchLoads(page)
  await page.goto(bridge.url)
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  // Whatever the page fetches on its own after drawing (the home route) arrives by now; nothing
  // is left to start until the person does something.
  await page.waitForLoadState('networkidle')
  return loaded
}

function apiCalls(requests: string[], bridge: Bridge): string[] {
  return requests
    .filter((url) => url.startsWith(`${bridge.origin}/api/`))
    .map((url) => url.slice(`${bridge.origin}/api/`.length))
}

test('the welcome screen loads none of the later pages and no guide or glossary text', async ({
  page,
  bridge
}) => {
  const pageErrors = watchForPageErrors(page)
  const loaded = await openFirstScreen(page, bridge, 'Welcome to Lantern')

  expect(await loaded.views(), 'views loaded with the welcome screen').toEqual([])
  expect(
    apiCalls(loaded.requests, bridge).filter((method) => method.startsWith('library.'))
  ).toEqual([])
  expect(loaded.requests.filter((url) => !url.startsWith(`${bridge.origin}/`))).toEqual([])

  // Each page's code arrives when the person first opens it, and works (through the CSP).
  await createVault(page)
  await addPerson(page, 'Robin')
  const [robin] = await bridge.core.handlers['profiles.list']({})
  await page.goto(`${bridge.origin}/#/people/${robin!.id}/record`)
  await expect(page.getByRole('region', { name: 'Diagnoses', exact: true })).toBeVisible()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Guides' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Guides' })).toBeVisible()
  expect(await loaded.views()).toEqual(
    expect.arrayContaining(['LibraryView', 'PersonView', 'RecordView'])
  )
  expect(pageErrors).toEqual([])
})

test('the welcome screen loads the passphrase dictionaries only once a passphrase is typed', async ({
  page,
  bridge
}) => {
  const pageErrors = watchForPageErrors(page)
  const loaded = await openFirstScreen(page, bridge, 'Welcome to Lantern')
  expect(await loaded.dictionaries(), 'dictionaries loaded before typing').toBe(0)

  // Typing starts the load, and the meter then rates what only the dictionaries know about.
  await newPassphraseField(page).fill('Password123!')
  const meter = page.getByRole('meter', { name: 'Passphrase strength' })
  await expect(meter).toHaveAttribute('aria-valuetext', 'Weak')
  await expect(page.getByText('one of the passphrases people use most')).toBeVisible()
  expect(await loaded.dictionaries(), 'dictionaries loaded after typing').toBe(2)
  expect(pageErrors).toEqual([])
})

test('the unlock screen loads none of the later pages either', async ({ page, bridge }) => {
  await bridge.core.vault.create(PASSPHRASE)
  await bridge.core.vault.lock()
  const loaded = await openFirstScreen(page, bridge, 'Lantern is locked')

  expect(await loaded.views(), 'views loaded with the unlock screen').toEqual([])
  expect(await loaded.dictionaries(), 'dictionaries loaded with the unlock screen').toBe(0)
  expect(
    apiCalls(loaded.requests, bridge).filter((method) => method.startsWith('library.'))
  ).toEqual([])
})

/**
 * Runs in the page before its scripts: idle callbacks are kept, not run, until the test runs
 * them (`runIdleCallbacks`), so what the page fetches "once it is idle" can be told apart from
 * what it fetches to draw the first screen.
 */
const HOLD_IDLE_CALLBACKS = `
window.__heldIdleCallbacks = [];
window.requestIdleCallback = (callback) => window.__heldIdleCallbacks.push(callback);
`

/** Runs the idle callbacks the page has asked for so far, as an idle moment would. */
async function runIdleCallbacks(page: Page): Promise<void> {
  await page.evaluate(`
    for (const callback of window.__heldIdleCallbacks.splice(0)) {
      callback({ didTimeout: false, timeRemaining: () => 50 });
    }
  `)
}

test('the first screen asks for the vault once and leaves the open vault until it is idle', async ({
  page,
  bridge
}) => {
  await page.addInitScript(HOLD_IDLE_CALLBACKS)
  const loaded = await openFirstScreen(page, bridge, 'Welcome to Lantern')

  // The state is asked for once, as the code loads, and the answer picks the screen.
  expect(apiCalls(loaded.requests, bridge)).toEqual(['vault.status'])

  // Drawing the welcome fetched none of the open vault's code (its frame and the list of
  // people): loaded alongside the first screen, it slowed that screen down.
  const OPEN_VAULT = ['AppShell', 'PeopleView']
  expect(await loaded.scriptsHolding(OPEN_VAULT), 'open vault code fetched to draw').toEqual([])

  // Once the page is idle it fetches that code, so unlocking does not wait for it.
  await runIdleCallbacks(page)
  await page.waitForLoadState('networkidle')
  await expect
    .poll(async () => (await loaded.scriptsHolding(OPEN_VAULT)).length, {
      message: 'open vault code fetched once the page was idle'
    })
    .toBeGreaterThan(0)
})

/** The scripts index.html names: its module script and what it preloads. */
function entryScripts(): { name: string; text: string }[] {
  const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8')
  const sources = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)
  ].map((match) => match[1]!)
  expect(sources.length).toBeGreaterThan(0)
  return sources.map((source) => ({
    name: source,
    text: readFileSync(join(RENDERER_DIR, source), 'utf8')
  }))
}

test('the scripts the first screen loads are minified and within budget', () => {
  const scripts = entryScripts()
  for (const { name, text } of scripts) {
    // Bundled as written, these files have a line break every 30 to 40 bytes; minified, one in
    // thousands (what is left sits inside template strings that must keep their lines).
    const lineBreaks = text.split('\n').length - 1
    expect(lineBreaks, `line breaks in ${name} (${text.length} bytes)`).toBeLessThan(
      text.length / 1000
    )
  }
  // Loading every screen up front took 1,034 KB, and with zod and the contract's schemas the
  // first screen took 302 KB; it needs about 200 KB (Vue, the router, the message catalogue, the
  // vault screens). The budget leaves room to grow and fails if the later pages, or zod, come
  // back into the first load.
  const bytes = scripts.reduce((sum, { text }) => sum + Buffer.byteLength(text), 0)
  expect(bytes).toBeLessThan(280 * 1024)
})

test('the scripts the first screen loads hold no zod and none of the schemas', () => {
  // The first screen's own checks (a passphrase's length) need no zod, and the core checks
  // every call against the contract's schemas. zod and the schemas were over a third of the
  // first load, built before anything was drawn; they come with the pages whose forms use them.
  for (const { name, text } of entryScripts()) {
    // zod names its classes in strings that survive minification. (Booleans, so a failure
    // does not print the whole script.)
    expect(text.includes('ZodError'), `zod in ${name}`).toBe(false)
    expect(text.includes('$ZodType'), `zod in ${name}`).toBe(false)
    // Every schema module's identifier rule says this.
    expect(text.includes('Not a valid identifier.'), `schemas in ${name}`).toBe(false)
  }
})

test('window.lantern is built without zod or the schemas, as the preload builds it', async ({
  page,
  bridge
}) => {
  // The script that builds window.lantern runs before the app's own; it once loaded the whole
  // contract (zod and every schema, 190 to 350 ms here) to learn the method names. It shares
  // buildBridge with the desktop app's preload (electron/shared/bridge.ts).
  await openFirstScreen(page, bridge, 'Welcome to Lantern')
  const script = await page.evaluate(() =>
    fetch('/__lantern/bridge.js').then((response) => response.text())
  )
  expect(script.length).toBeGreaterThan(0)
  expect(script.includes('ZodError'), 'zod in the bridge script').toBe(false)
  expect(script.includes('$ZodType'), 'zod in the bridge script').toBe(false)
  expect(script.includes('Not a valid identifier.'), 'schemas in the bridge script').toBe(false)
  // Every method of the contract is there all the same.
  const methods = await page.evaluate(() => {
    const lantern = (globalThis as unknown as { lantern: Record<string, unknown> }).lantern
    return Object.entries(lantern).flatMap(([domain, verbs]) =>
      typeof verbs === 'object' && verbs !== null
        ? Object.keys(verbs).map((verb) => `${domain}.${verb}`)
        : []
    )
  })
  expect(methods.sort()).toEqual([...METHOD_NAMES].sort())
})

test('the desktop app serves every file of the build, each with a type the page accepts', async () => {
  const handle = createRendererHandler(
    RENDERER_DIR,
    contentSecurityPolicy({ allowSameOriginFetch: false })
  )
  const files = readdirSync(join(RENDERER_DIR, 'assets'))
  const types: Record<string, string> = { js: 'text/javascript', css: 'text/css' }
  expect(files.filter((file) => file.endsWith('.js')).length).toBeGreaterThan(LATER_VIEWS.length)
  for (const file of files) {
    const response = await handle(new Request(`lantern://app/assets/${file}`))
    expect(response.status, file).toBe(200)
    const type = response.headers.get('content-type') ?? ''
    expect(type, file).toContain(types[file.split('.').pop()!] ?? '/')
    expect(type, file).not.toBe('application/octet-stream')
  }
})
