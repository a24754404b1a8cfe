import { ref, shallowRef } from 'vue'
import type {
  GlossarySource,
  GlossaryTerm,
  Guide,
  GuideSummary,
  SearchResult
} from '@shared/library.ts'
import { call } from '../api/client.ts'
import { defineAppStore } from './personalData.ts'

/**
 * The guide library that ships with Lantern: the guides, the glossary and search over them.
 * Public text, the same for everyone, so it is kept through a lock (it is not personal data);
 * what a person keeps while reading is in the reading and questions stores.
 */
export const useLibraryStore = defineAppStore('library', () => {
  const guides = ref<GuideSummary[]>([])
  const loaded = ref(false)
  /** Whole guides, fetched when first opened. Shallow: they are read, never changed. */
  const opened = shallowRef<Map<string, Guide>>(new Map())
  const glossary = shallowRef<GlossaryTerm[]>([])
  /** The sources only the glossary cites; the guides list the others. */
  const glossarySources = shallowRef<GlossarySource[]>([])
  const glossaryLoaded = ref(false)
  let loadingGlossary: Promise<GlossaryTerm[]> | null = null
  let loadingGuides: Promise<GuideSummary[]> | null = null

  /** The list of guides; asked for once, however many parts of a page want it at the same time. */
  function load(): Promise<GuideSummary[]> {
    if (loaded.value) return Promise.resolve(guides.value)
    loadingGuides ??= call('library.list')
      .then((list) => {
        guides.value = list
        loaded.value = true
        return list
      })
      .finally(() => {
        loadingGuides = null
      })
    return loadingGuides
  }

  async function guide(guideId: string): Promise<Guide> {
    const known = opened.value.get(guideId)
    if (known) return known
    const fetched = await call('library.get', { guideId })
    opened.value = new Map(opened.value).set(guideId, fetched)
    return fetched
  }

  function loadGlossary(): Promise<GlossaryTerm[]> {
    if (glossaryLoaded.value) return Promise.resolve(glossary.value)
    loadingGlossary ??= call('library.glossary')
      .then(({ terms, sources }) => {
        glossary.value = terms
        glossarySources.value = sources
        glossaryLoaded.value = true
        return terms
      })
      .finally(() => {
        loadingGlossary = null
      })
    return loadingGlossary
  }

  function search(query: string, limit?: number): Promise<SearchResult[]> {
    return call('library.search', limit === undefined ? { query } : { query, limit })
  }

  /** The guide's title, for a bookmark or a search result; '' before the list has loaded. */
  function titleOf(guideId: string): string {
    return guides.value.find((g) => g.id === guideId)?.title ?? ''
  }

  return {
    guides,
    loaded,
    glossary,
    glossarySources,
    glossaryLoaded,
    load,
    guide,
    loadGlossary,
    search,
    titleOf
  }
})
