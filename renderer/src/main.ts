import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { onBeforeClose } from './api/client.ts'
import { flushPendingSaves, keepDrafts } from './composables/useDebouncedSave.ts'
import { setLocale } from './i18n/index.ts'
import { router } from './router.ts'
import './styles/global.css'

setLocale('en')

/** The shell asks before the window closes: nothing typed is lost. */
onBeforeClose(async () => {
  try {
    await flushPendingSaves()
    await keepDrafts()
  } catch {
    // Closing goes on whatever happens here.
  }
})

createApp(App).use(createPinia()).use(router).mount('#app')
