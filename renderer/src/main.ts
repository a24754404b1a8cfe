// First, so the question to the core leaves before the rest of the code is evaluated.
import { vaultStatusAtLoad } from './api/statusAtLoad.ts'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { onBeforeClose } from './api/client.ts'
import { flushPendingSaves, keepDrafts } from './composables/useDebouncedSave.ts'
import { setLocale } from './i18n/index.ts'
import { takeOverPrerenderedScreen } from './lib/prerenderedScreen.ts'
import { holdFirstPageUntil, router } from './router.ts'
import { useSessionStore } from './stores/session.ts'
import './styles/global.css'

/**
 * How long the app waits for the vault's state before drawing the "starting" screen. The answer
 * normally comes back while the code loads; waiting for it means the first screen is drawn once.
 * A core that is slow to answer gets the starting screen soon enough not to look frozen.
 */
const STARTING_SCREEN_AFTER_MS = 150

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

const pinia = createPinia()
const app = createApp(App).use(pinia)
const session = useSessionStore(pinia)

holdFirstPageUntil(router, () => session.untilUnlocked())

const mountPoint = document.getElementById('app')!
// Served with its first screen already drawn (tools/build/prerenderFirstScreens.ts): that screen
// stays until the app draws the one for the vault's state, never the "starting" screen first.
const prerendered = mountPoint.dataset.prerendered !== undefined

const started = session.start(vaultStatusAtLoad)
// Not a top-level await: with one in the entry, the bundler split the first screen's code into
// two dozen files, each a request before anything could run.
void (
  prerendered
    ? started
    : Promise.race([
        started,
        new Promise((resolve) => setTimeout(resolve, STARTING_SCREEN_AFTER_MS))
      ])
).then(() => {
  const drawn = takeOverPrerenderedScreen(mountPoint)
  app.use(router).mount(mountPoint)
  delete mountPoint.dataset.prerendered
  drawn.restore(session.screen)
  // While the person reads the first screen or types, the open vault's code is fetched, so
  // unlocking does not wait for it. A failed fetch here is tried again when it is needed.
  requestIdleCallback(
    () => {
      import('./components/AppShell.vue').catch(() => undefined)
      import('./views/PeopleView.vue').catch(() => undefined)
    },
    { timeout: 1000 }
  )
})
