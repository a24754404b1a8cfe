import { START_LOCATION, createRouter, createWebHashHistory, type Router } from 'vue-router'
import type { MessageKey } from './i18n/index.ts'

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
    {
      path: '/',
      name: 'people',
      component: () => import('./views/PeopleView.vue'),
      meta: { titleKey: 'people.title' }
    },
    {
      // One person's pages: the summary a doctor reads, their care plan, the record itself, and
      // their details.
      path: '/people/:profileId',
      component: () => import('./views/PersonView.vue'),
      props: true,
      children: [
        { path: '', redirect: { name: 'summary' } },
        {
          path: 'summary',
          name: 'summary',
          component: () => import('./views/SummaryView.vue'),
          props: true,
          meta: { titleKey: 'person.summaryTitle' }
        },
        {
          path: 'careplan',
          name: 'careplan',
          component: () => import('./views/CarePlanView.vue'),
          props: true,
          meta: { titleKey: 'careplan.title' }
        },
        {
          path: 'record',
          name: 'record',
          component: () => import('./views/RecordView.vue'),
          props: true,
          meta: { titleKey: 'record.title' }
        },
        {
          path: 'details',
          name: 'details',
          component: () => import('./views/PersonDetailsView.vue'),
          props: true,
          meta: { titleKey: 'person.detailsTitle' }
        }
      ]
    },
    {
      path: '/library',
      name: 'library',
      component: () => import('./views/LibraryView.vue'),
      meta: { titleKey: 'library.title' }
    },
    {
      // Before the guide route, so "glossary" is never read as a guide's id.
      path: '/library/glossary/:termId?',
      name: 'glossary',
      component: () => import('./views/GlossaryView.vue'),
      props: true,
      meta: { titleKey: 'library.glossary.title' }
    },
    {
      // One of the person's own documents; before the guide route too, for the same reason.
      path: '/library/documents/:documentId/:sectionId?',
      name: 'document',
      component: () => import('./views/DocumentView.vue'),
      props: true,
      meta: { titleKey: 'documents.page.title' }
    },
    {
      // A guide, opened at one of its sections (a search result, a bookmark) or, without one,
      // where the person stopped reading last time.
      path: '/library/:guideId/:sectionId?',
      name: 'guide',
      component: () => import('./views/GuideView.vue'),
      props: true,
      meta: { titleKey: 'library.reader.title' }
    },
    {
      path: '/settings',
      name: 'settings',
      component: () => import('./views/SettingsView.vue'),
      meta: { titleKey: 'settings.title' }
    },
    { path: '/:anything(.*)', redirect: '/' }
  ]
})

/**
 * The first page, and its code, waits until `opened` says the vault is open: the first screen
 * (welcome or unlock) does not share the start with loading a list of people nobody can see yet.
 * Later navigations go ahead while locked, so the page behind the unlock screen is already home
 * when the vault opens again.
 */
export function holdFirstPageUntil(router: Router, opened: () => true | Promise<true>): void {
  router.beforeEach((_to, from) => (from === START_LOCATION ? opened() : true))
}
