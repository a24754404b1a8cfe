import { createRouter, createWebHashHistory } from 'vue-router'
import type { MessageKey } from './i18n/index.ts'
import CarePlanView from './views/CarePlanView.vue'
import DocumentView from './views/DocumentView.vue'
import GlossaryView from './views/GlossaryView.vue'
import GuideView from './views/GuideView.vue'
import LibraryView from './views/LibraryView.vue'
import PeopleView from './views/PeopleView.vue'
import PersonDetailsView from './views/PersonDetailsView.vue'
import PersonView from './views/PersonView.vue'
import RecordView from './views/RecordView.vue'
import SummaryView from './views/SummaryView.vue'
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
      // One person's pages: the summary a doctor reads, their care plan, the record itself, and
      // their details.
      path: '/people/:profileId',
      component: PersonView,
      props: true,
      children: [
        { path: '', redirect: { name: 'summary' } },
        {
          path: 'summary',
          name: 'summary',
          component: SummaryView,
          props: true,
          meta: { titleKey: 'person.summaryTitle' }
        },
        {
          path: 'careplan',
          name: 'careplan',
          component: CarePlanView,
          props: true,
          meta: { titleKey: 'careplan.title' }
        },
        {
          path: 'record',
          name: 'record',
          component: RecordView,
          props: true,
          meta: { titleKey: 'record.title' }
        },
        {
          path: 'details',
          name: 'details',
          component: PersonDetailsView,
          props: true,
          meta: { titleKey: 'person.detailsTitle' }
        }
      ]
    },
    {
      path: '/library',
      name: 'library',
      component: LibraryView,
      meta: { titleKey: 'library.title' }
    },
    {
      // Before the guide route, so "glossary" is never read as a guide's id.
      path: '/library/glossary/:termId?',
      name: 'glossary',
      component: GlossaryView,
      props: true,
      meta: { titleKey: 'library.glossary.title' }
    },
    {
      // One of the person's own documents; before the guide route too, for the same reason.
      path: '/library/documents/:documentId/:sectionId?',
      name: 'document',
      component: DocumentView,
      props: true,
      meta: { titleKey: 'documents.page.title' }
    },
    {
      // A guide, opened at one of its sections (a search result, a bookmark) or, without one,
      // where the person stopped reading last time.
      path: '/library/:guideId/:sectionId?',
      name: 'guide',
      component: GuideView,
      props: true,
      meta: { titleKey: 'library.reader.title' }
    },
    {
      path: '/settings',
      name: 'settings',
      component: SettingsView,
      meta: { titleKey: 'settings.title' }
    },
    { path: '/:anything(.*)', redirect: '/' }
  ]
})
