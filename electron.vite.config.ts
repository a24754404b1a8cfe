import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import { prerenderFirstScreens } from './tools/build/prerenderFirstScreens.ts'

const shared = { '@shared': resolve('electron/shared') }

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          // The core's workers run as files of their own; main passes their paths to createCore.
          jobWorker: resolve('electron/core/jobs/worker.ts'),
          vaultWorker: resolve('electron/core/vault/vaultWorker.ts')
        }
      }
    }
  },
  preload: {
    resolve: { alias: shared },
    build: {
      // A sandboxed preload cannot require() packages: it must be one self-contained bundle.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve('electron/preload/index.ts') } }
    }
  },
  renderer: {
    root: resolve('renderer'),
    resolve: { alias: { ...shared, '@': resolve('renderer/src') } },
    // The welcome and unlock screens are also written out already drawn (first-run.html,
    // locked.html): the page shows them before the app's code has loaded.
    plugins: [vue(), prerenderFirstScreens()],
    build: {
      // electron-vite leaves the renderer unminified by default; minified, the first screen has
      // far less script to fetch, parse and compile. Source maps stay off, as before.
      minify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } }
    }
  }
})
