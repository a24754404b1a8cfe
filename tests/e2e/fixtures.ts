/**
 * One real Lantern per test: a fresh vault folder, the real core behind the loopback bridge,
 * and the built renderer in Chromium. Any request to anything but the app fails the test.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { startBridge, type Bridge } from '../../tools/bridge/server.ts'

export const SCREENSHOT_DIR = resolve('test-results/screenshots')

interface LanternFixtures {
  dataDir: string
  bridge: Bridge
  /** The app, opened and past the token exchange. */
  app: Page
  /** Saves a full-page screenshot to test-results/screenshots/<name>.png. */
  shoot: (name: string) => Promise<void>
}

export const test = base.extend<LanternFixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'lantern-e2e-'))
    await use(dir)
    rmSync(dir, { recursive: true, force: true })
  },
  bridge: async ({ dataDir }, use) => {
    const bridge = await startBridge({ dataDir, rendererDir: resolve('out/renderer') })
    await use(bridge)
    await bridge.close()
  },
  app: async ({ page, bridge }, use) => {
    const outside: string[] = []
    await page.context().route('**/*', (route) => {
      const url = route.request().url()
      if (url.startsWith(bridge.origin + '/') || url.startsWith('data:')) return route.continue()
      outside.push(url)
      return route.abort('blockedbyclient')
    })
    await page.goto(bridge.url)
    await use(page)
    expect(outside, 'the app must make no request outside itself').toEqual([])
  },
  shoot: async ({ page }, use) => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await use(async (name) => {
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
    })
  }
})

export { expect }
