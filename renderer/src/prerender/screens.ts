/**
 * The first screens as HTML, rendered at build time (tools/build/prerenderFirstScreens.ts) from
 * the same components the app mounts, so the page can show the right screen before any of the
 * app's code has run. Runs in Node through Vue's server renderer: nothing here may touch the
 * document or the bridge (setLocale does; the catalogue is English until the app sets it).
 */
import { createPinia } from 'pinia'
import { createSSRApp, type Component } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { t } from '../i18n/index.ts'
import { screenTitle, type PrerenderedScreen } from '../lib/screenTitle.ts'
import FirstRunView from '../views/FirstRunView.vue'
import UnlockView from '../views/UnlockView.vue'

export interface RenderedScreen {
  /** What goes inside the mount point: the view's markup, as App.vue would draw it there. */
  markup: string
  /** The window title the app gives this screen. */
  title: string
}

const VIEWS: Record<PrerenderedScreen, Component> = {
  'first-run': FirstRunView,
  locked: UnlockView
}

export async function renderFirstScreens(): Promise<Record<PrerenderedScreen, RenderedScreen>> {
  const render = async (screen: PrerenderedScreen): Promise<RenderedScreen> => ({
    markup: await renderToString(createSSRApp(VIEWS[screen]).use(createPinia())),
    title: screenTitle(screen, t)
  })
  return { 'first-run': await render('first-run'), locked: await render('locked') }
}
