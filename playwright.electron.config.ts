// The Electron suite: runs the built app (out/) in a real Electron binary. Start it with
// `npm run test:electron`, which skips it on machines without that binary.
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: 'tests/electron',
  outputDir: 'test-results/electron',
  // Each test launches its own app; in parallel they would compete for the display and CPU.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: 'test-results/electron.json' }]]
    : 'list'
})
