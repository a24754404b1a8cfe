import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { flushPendingSaves, keepDrafts } from './composables/useDebouncedSave.ts'
import { setLocale } from './i18n/index.ts'
import { router } from './router.ts'
import './styles/global.css'

setLocale('en')

declare global {
  var lanternBeforeClose: (() => Promise<void>) | undefined
}

/** Called by the Electron shell before the window closes: nothing typed is lost. */
globalThis.lanternBeforeClose = async () => {
  try {
    await flushPendingSaves()
    await keepDrafts()
  } catch {
    // Closing goes on whatever happens here.
  }
}

createApp(App).use(createPinia()).use(router).mount('#app')
