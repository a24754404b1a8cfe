import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

/**
 * The browser end-to-end suite: the built renderer in Chromium, through the loopback bridge,
 * to the real core (tests/e2e/fixtures.ts starts one bridge and one fresh vault folder per test).
 * Uses Debian's Chromium where present, since Playwright's own browser cannot be downloaded on
 * our build machines; elsewhere Playwright's bundled Chromium.
 */
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))
const executablePath = process.env.LANTERN_CHROMIUM ?? systemChromium

export default defineConfig({
  testDir: 'tests/e2e',
  tsconfig: './tsconfig.playwright.json',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]]
    : [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1200, height: 820 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic'
      ]
    }
  }
})
