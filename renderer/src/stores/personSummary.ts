import { ref } from 'vue'
import type { ClinicalDocument } from '@shared/document.ts'
import { call } from '../api/client.ts'
import { definePersonalStore } from './personalData.ts'

/**
 * The document for doctors of the person being looked at, as the core built it for the Summary
 * screen (the same blocks the PDF prints). Always fetched afresh when shown, so it reflects every
 * change made in the record. Personal data: emptied whenever the vault locks.
 */
export const usePersonSummaryStore = definePersonalStore('personSummary', () => {
  const document = ref<ClinicalDocument | null>(null)
  /** Whose document `document` is: the document itself names the person, not their id. */
  const profileId = ref<string | null>(null)

  async function loadDocument(id: string): Promise<ClinicalDocument> {
    if (profileId.value !== id) {
      document.value = null
      profileId.value = id
    }
    const loaded = await call('document.get', { profileId: id })
    // A slower answer for someone the screen has moved away from is dropped.
    if (profileId.value === id) document.value = loaded
    return loaded
  }

  function reset(): void {
    document.value = null
    profileId.value = null
  }

  return { document, profileId, loadDocument, reset }
})
