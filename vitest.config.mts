import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Renderer components (.vue) are compiled for tests that render them to HTML.
  plugins: [vue()],
  // The renderer's own alias, so unit tests can load renderer modules (lib/format.ts) too.
  resolve: { alias: { '@shared': resolve('electron/shared') } },
  test: {
    // Key derivation and file I/O make some vault tests take seconds on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results/unit.json' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        // The renderer's modules, composables and stores, in a DOM (window, lifecycle hooks).
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.ts'],
          environment: 'happy-dom'
        }
      }
    ]
  }
})
