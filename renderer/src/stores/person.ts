import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { TreatmentSummary } from '@shared/summary.ts'
import { call } from '../api/client.ts'

/**
 * The treatment summary of the person being looked at. Always fetched afresh when shown, so
 * it reflects every change made in the record. Personal data: emptied whenever the vault locks.
 */
export const usePersonStore = defineStore('person', () => {
  const summary = ref<TreatmentSummary | null>(null)

  async function loadSummary(profileId: string): Promise<TreatmentSummary> {
    if (summary.value?.profile.id !== profileId) summary.value = null
    const loaded = await call('record.summary', { profileId })
    summary.value = loaded
    return loaded
  }

  function reset(): void {
    summary.value = null
  }

  return { summary, loadSummary, reset }
})
