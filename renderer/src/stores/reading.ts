import { ref } from 'vue'
import type { Bookmark, ReadingPosition } from '@shared/library.ts'
import { call } from '../api/client.ts'
import { definePersonalStore } from './personalData.ts'

/**
 * What a person keeps while reading the guides: bookmarks and where they were in each guide
 * (both in the vault), and the last search, so coming back from a result shows its results again
 * (only in memory, never in the page's address or history). Personal data: emptied whenever the
 * vault locks.
 */
export const useReadingStore = definePersonalStore('reading', () => {
  const bookmarks = ref<Bookmark[]>([])
  const loaded = ref(false)
  const searchQuery = ref('')

  async function load(): Promise<Bookmark[]> {
    bookmarks.value = await call('library.listBookmarks')
    loaded.value = true
    return bookmarks.value
  }

  function bookmarkOf(guideId: string, sectionId: string): Bookmark | undefined {
    return bookmarks.value.find((b) => b.guideId === guideId && b.sectionId === sectionId)
  }

  async function addBookmark(guideId: string, sectionId: string, label: string) {
    bookmarks.value = await call('library.addBookmark', { guideId, sectionId, label })
    loaded.value = true
    return bookmarkOf(guideId, sectionId)
  }

  async function removeBookmark(id: string): Promise<void> {
    bookmarks.value = await call('library.removeBookmark', { id })
  }

  function position(guideId: string): Promise<ReadingPosition | null> {
    return call('library.getPosition', { guideId })
  }

  async function savePosition(guideId: string, sectionId: string): Promise<void> {
    await call('library.setPosition', { guideId, sectionId })
  }

  function reset(): void {
    bookmarks.value = []
    loaded.value = false
    searchQuery.value = ''
  }

  return {
    bookmarks,
    loaded,
    searchQuery,
    load,
    bookmarkOf,
    addBookmark,
    removeBookmark,
    position,
    savePosition,
    reset
  }
})
