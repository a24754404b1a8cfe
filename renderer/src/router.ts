import { createRouter, createWebHashHistory } from 'vue-router'
import type { MessageKey } from './i18n/index.ts'
import PeopleView from './views/PeopleView.vue'
import SettingsView from './views/SettingsView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** The page's name, for the window title and the navigation. */
    titleKey: MessageKey
  }
}

/** The sections of the open vault. The locked, first-run and recovery screens are not routes. */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'people', component: PeopleView, meta: { titleKey: 'people.title' } },
    {
      path: '/settings',
      name: 'settings',
      component: SettingsView,
      meta: { titleKey: 'settings.title' }
    },
    { path: '/:anything(.*)', redirect: '/' }
  ]
})
