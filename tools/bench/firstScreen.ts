/**
 * How long the first screen takes to appear, and how much the renderer weighs. Figures, not
 * pass/fail; `npm run bench` reports them, and `node tools/bench/firstScreen.ts` prints them
 * on their own.
 *
 * Needs the built renderer (`npx electron-vite build`). It is served by the loopback bridge, as
 * in the end-to-end tests, over an empty vault folder: the first screen is the welcome screen
 * that creates a vault, the one every new person sees first.
 *
 * What "first screen drawn" means here: the moment Chromium painted the first screen's h1,
 * in milliseconds since navigation start (the page's performance.timeOrigin). The paint time
 * comes from the browser's Element Timing API, so it is when the pixels were produced, not
 * when a script noticed the element. The page is served with the screen for the vault's state
 * already drawn (tools/build/prerenderFirstScreens.ts), so that paint comes from the HTML and
 * styles; the app then loads and mounts over it, which is timed as well (mountedMs): from then
 * on the screen's fields and buttons are the app's. The h1 is marked for Element Timing by a
 * script Playwright adds to every page before the app runs; the app carries nothing for this.
 *
 * - cold: a fresh browser context each run (empty cache, no cookies but the bridge's).
 * - warm: a reload in the context of the cold run just before. The bridge sends no-store, so
 *   the bytes are fetched again over loopback, as Electron reads them again from disk; what a
 *   reload saves is the browser's own start-up work for the context and the compiled code.
 *
 * Two pages are timed in turn with the app, through the same bridge and browser: one holding only
 * an h1 (the machine's cost of any navigation) and the welcome screen's own markup and styles
 * with no scripts (the browser's cost of drawing this screen's content; the rest is the app's
 * code).
 *
 * The browser is launched once, with the flags of playwright.config.ts, and not timed.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser, type Page } from '@playwright/test'
import playwrightConfig from '../../playwright.config.ts'
import { startBridge, type Bridge } from '../bridge/server.ts'

export interface FirstScreenFigures {
  /** Navigation start → first screen's h1 painted, one per fresh browser context. */
  coldMs: number[]
  /** The same after a reload in the same context. */
  warmMs: number[]
  /**
   * Navigation start → the app mounted over the drawn screen (cold): from then on its buttons and
   * fields are the app's. The screen is drawn from the page's HTML before this.
   */
  mountedMs: number[]
  /** The JavaScript the page must load before the app can start (see entryFiles). */
  entryBytes: number
  entryGzipBytes: number
  /** Every file of the built renderer: scripts, styles and the page. */
  totalBytes: number
  /**
   * The same cold measurement for a page holding nothing but an h1, through the same bridge
   * and browser, in turn with the app's runs: what this machine spends on a navigation before
   * any of the app's work. On a busy machine it is most of the figure; the ratio to it travels.
   */
  staticPageColdMs: number[]
  /**
   * The same cold measurement for the first screen itself as a static page: the welcome
   * screen's markup, as the app drew it, inside the built index.html with its styles and no
   * scripts. What this browser spends drawing this screen's content, with none of the app's
   * code; the app's figure less this one is what its scripts cost.
   */
  staticScreenColdMs: number[]
}

const RENDERER_DIR = resolve('out/renderer')
const DEFAULT_RUNS = 7
/** The cookie the bridge gives for its start-URL token (tools/bridge/server.ts). */
const BRIDGE_COOKIE = 'lantern_bridge'
const TIMING_NAME = 'lantern-first-screen'
const MOUNTED_AT = '__lanternBenchMountedAt'
/** The target for the cold figure's median. */
export const FIRST_SCREEN_TARGET_MS = 400

/**
 * Runs in the page before any of its scripts: every h1 gets the Element Timing attribute as it
 * is inserted (the observer's callback runs before the next paint). Only the first screen's
 * views have an h1; the brief "starting" screen has none.
 */
const MARK_HEADINGS = `
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (!(node instanceof Element)) continue;
      const headings = node.matches('h1') ? [node] : node.querySelectorAll('h1');
      for (const h1 of headings) h1.setAttribute('elementtiming', '${TIMING_NAME}');
    }
  }
}).observe(document, { childList: true, subtree: true });
globalThis.${MOUNTED_AT} = new Promise((resolve) => {
  new MutationObserver((records, observer) => {
    for (const record of records) {
      if (record.target.hasAttribute('data-prerendered')) continue;
      resolve(performance.now());
      observer.disconnect();
    }
  }).observe(document, { attributes: true, attributeFilter: ['data-prerendered'], subtree: true });
});
`

/**
 * When the app had mounted over the screen the page was served with already drawn: main.ts
 * removes the mount point's data-prerendered then, and the screen's buttons and fields are the
 * app's from that moment. Recorded by MARK_HEADINGS's second observer.
 */
async function appMountedAt(page: Page): Promise<number> {
  // Awaited through evaluate: waitForFunction would poll with eval, which the page's CSP refuses.
  return Number(await page.evaluate(`globalThis.${MOUNTED_AT}`))
}

/**
 * Runs in the page: the h1's paint time from its Element Timing entry (text entries carry
 * renderTime; loadTime is for images). Buffered, so an entry reported before this runs counts.
 */
const HEADING_PAINT_TIME = `
new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('no Element Timing entry for the h1')), 5000);
  new PerformanceObserver((list, observer) => {
    const entry = list.getEntries().find((e) => e.identifier === '${TIMING_NAME}');
    if (!entry) return;
    clearTimeout(timer);
    observer.disconnect();
    resolve(entry.renderTime);
  }).observe({ type: 'element', buffered: true });
})
`

/** Milliseconds from navigation start to the h1's paint, once the browser has reported it. */
async function headingPaintedAt(page: Page): Promise<number> {
  await page.locator('h1').first().waitFor({ state: 'visible' })
  const painted = await page.evaluate(HEADING_PAINT_TIME)
  if (typeof painted !== 'number' || !(painted > 0)) {
    throw new Error(`benchFirstScreen: no paint time for the h1 (${String(painted)})`)
  }
  return painted
}

/**
 * The scripts index.html loads before the app can run: its module script and the chunks it
 * preloads (the entry's static imports). Route views and the passphrase dictionaries load later.
 */
export function entryFiles(rendererDir = RENDERER_DIR): string[] {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8')
  const scripts = [...html.matchAll(/<script[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)]
  const preloads = [...html.matchAll(/<link[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)]
  return [...scripts, ...preloads].map((match) => join(rendererDir, match[1]!))
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((file) => statSync(file).isFile())
}

function sizes(
  rendererDir: string
): Pick<FirstScreenFigures, 'entryBytes' | 'entryGzipBytes' | 'totalBytes'> {
  const entry = entryFiles(rendererDir).map((file) => readFileSync(file))
  return {
    entryBytes: entry.reduce((sum, bytes) => sum + bytes.length, 0),
    entryGzipBytes: entry.reduce((sum, bytes) => sum + gzipSync(bytes).length, 0),
    totalBytes: filesUnder(rendererDir).reduce((sum, file) => sum + statSync(file).size, 0)
  }
}

/**
 * The built index.html with the first screen's markup in its mount point and no scripts, for
 * staticScreenColdMs. The markup is taken from the app as it drew the screen, so it follows the
 * welcome screen's template without a copy kept here.
 */
function staticScreenPage(indexHtml: string, screenMarkup: string): string {
  const withoutScripts = indexHtml
    .replace(/<script\b[^>]*>\s*<\/script>/g, '')
    .replace(/<link[^>]*\brel="modulepreload"[^>]*>/g, '')
  const mount = '<div id="app"></div>'
  if (!withoutScripts.includes(mount) || /<script\b/.test(withoutScripts)) {
    throw new Error('benchFirstScreen: index.html no longer has the shape this copy expects')
  }
  // A function, so "$&" in the markup is not read as a replacement pattern.
  return withoutScripts.replace(mount, () => `<div id="app">${screenMarkup}</div>`)
}

/** The first screen's markup as the app drew it, from one navigation not timed. */
async function firstScreenMarkup(browser: Browser, served: Served): Promise<string> {
  const context = await browser.newContext({ viewport: playwrightConfig.use?.viewport ?? null })
  try {
    const url = `${served.origin}/`
    await context.addCookies([
      { name: BRIDGE_COOKIE, value: served.token, url, httpOnly: true, sameSite: 'Strict' }
    ])
    const page = await context.newPage()
    await page.goto(url)
    // The app's own drawing, not the markup the page was served with.
    await page.locator('#app:not([data-prerendered]) h1').waitFor({ state: 'visible' })
    return await page.locator('#app').innerHTML()
  } finally {
    await context.close()
  }
}

/** A page with only an h1, for the machine's own share of the figure (staticPageColdMs). */
const STATIC_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>Lantern</title></head>' +
  '<body><main><h1>Welcome to Lantern</h1></main></body></html>'

interface Served {
  origin: string
  token: string
}

/** One navigation in a fresh context; with `reload`, also one reload in that context. */
async function timeNavigation(
  browser: Browser,
  served: Served,
  reload: boolean
): Promise<{ cold: number; warm?: number; mounted?: number }> {
  const context = await browser.newContext({ viewport: playwrightConfig.use?.viewport ?? null })
  try {
    // The token exchange (a redirect that sets the cookie) is the bridge's, not the app's:
    // each context gets the cookie up front and opens the app's own address.
    const url = `${served.origin}/`
    await context.addCookies([
      { name: BRIDGE_COOKIE, value: served.token, url, httpOnly: true, sameSite: 'Strict' }
    ])
    await context.addInitScript(MARK_HEADINGS)
    const page = await context.newPage()
    await page.goto(url)
    const cold = await headingPaintedAt(page)
    if (!reload) return { cold }
    const mounted = await appMountedAt(page)
    await page.reload()
    return { cold, mounted, warm: await headingPaintedAt(page) }
  } finally {
    await context.close()
  }
}

export async function benchFirstScreen(runs = DEFAULT_RUNS): Promise<FirstScreenFigures> {
  const scratch = mkdtempSync(join(tmpdir(), 'lantern-bench-first-'))
  const staticDir = join(scratch, 'static-page')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), STATIC_PAGE)
  const screenDir = join(scratch, 'static-screen')
  const app = await startBridge({ dataDir: join(scratch, 'vault'), rendererDir: RENDERER_DIR })
  const blank = await startBridge({ dataDir: join(scratch, 'unused'), rendererDir: staticDir })
  const browser = await chromium.launch(playwrightConfig.use?.launchOptions)
  const served = (bridge: Bridge): Served => ({
    origin: bridge.origin,
    token: new URL(bridge.url).searchParams.get('token')!
  })
  const coldMs: number[] = []
  const warmMs: number[] = []
  const mountedMs: number[] = []
  const staticPageColdMs: number[] = []
  const staticScreenColdMs: number[] = []
  let screen: Bridge | undefined
  try {
    cpSync(RENDERER_DIR, screenDir, { recursive: true })
    writeFileSync(
      join(screenDir, 'index.html'),
      staticScreenPage(
        readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8'),
        await firstScreenMarkup(browser, served(app))
      )
    )
    screen = await startBridge({ dataDir: join(scratch, 'unused-too'), rendererDir: screenDir })
    // In turn, so a spell of load on the machine falls on all three alike.
    for (let i = 0; i < runs; i++) {
      const { cold, warm, mounted } = await timeNavigation(browser, served(app), true)
      coldMs.push(cold)
      warmMs.push(warm!)
      mountedMs.push(mounted!)
      staticPageColdMs.push((await timeNavigation(browser, served(blank), false)).cold)
      staticScreenColdMs.push((await timeNavigation(browser, served(screen), false)).cold)
    }
  } finally {
    await browser.close()
    await app.close()
    await blank.close()
    await screen?.close()
    rmSync(scratch, { recursive: true, force: true })
  }
  return {
    coldMs,
    warmMs,
    mountedMs,
    ...sizes(RENDERER_DIR),
    staticPageColdMs,
    staticScreenColdMs
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** `node tools/bench/firstScreen.ts [runs]` */
async function main(): Promise<void> {
  const runs = process.argv[2] ? Number(process.argv[2]) : DEFAULT_RUNS
  if (!Number.isInteger(runs) || runs < 1) throw new Error('runs must be a whole number from 1')
  const figures = await benchFirstScreen(runs)
  const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ')
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
  const cold = median(figures.coldMs)
  console.log(
    `first screen, cold, median of ${figures.coldMs.length}: ${cold.toFixed(0)} ms ` +
      `(target ${FIRST_SCREEN_TARGET_MS} ms: ${cold <= FIRST_SCREEN_TARGET_MS ? 'met' : 'missed'}) [${list(figures.coldMs)}]`
  )
  console.log(
    `first screen, warm, median of ${figures.warmMs.length}: ${median(figures.warmMs).toFixed(0)} ms ` +
      `[${list(figures.warmMs)}]`
  )
  const floor = median(figures.staticPageColdMs)
  console.log(
    `a page with only an h1, cold, median of ${figures.staticPageColdMs.length}: ` +
      `${floor.toFixed(0)} ms; the first screen takes ${(cold / floor).toFixed(1)}× that ` +
      `[${list(figures.staticPageColdMs)}]`
  )
  console.log(
    `the app mounted over it, cold, median of ${figures.mountedMs.length}: ` +
      `${median(figures.mountedMs).toFixed(0)} ms [${list(figures.mountedMs)}]`
  )
  const screen = median(figures.staticScreenColdMs)
  console.log(
    `the first screen's markup and styles as a static page, cold, median of ` +
      `${figures.staticScreenColdMs.length}: ${screen.toFixed(0)} ms; the app takes ` +
      `${(cold / screen).toFixed(2)}× that [${list(figures.staticScreenColdMs)}]`
  )
  console.log(
    `entry scripts: ${kb(figures.entryBytes)} (${kb(figures.entryGzipBytes)} gzipped); ` +
      `whole renderer: ${kb(figures.totalBytes)}`
  )
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main()
}
