import { ref } from 'vue'
import type { Draft } from '@shared/contract.ts'
import type { EntryKind } from '@shared/record.ts'
import { call } from '../api/client.ts'
import { definePersonalStore } from './personalData.ts'

/**
 * Forms kept in the vault when it locked or the window closed (a new entry not yet saved, an
 * edit that could not be saved), for one person. Personal data: emptied whenever the vault locks.
 */
export const useDraftsStore = definePersonalStore('drafts', () => {
  const profileId = ref<string | null>(null)
  const drafts = ref<Draft[]>([])

  async function load(forProfile: string): Promise<void> {
    if (profileId.value !== forProfile) drafts.value = []
    profileId.value = forProfile
    const list = await call('drafts.list', { profileId: forProfile })
    if (profileId.value === forProfile) drafts.value = list
  }

  /** The kept draft of one form: the new-entry form of a kind (entryId null), or an entry's. */
  function find(kind: EntryKind, entryId: string | null): Draft | undefined {
    return drafts.value.find((d) => d.kind === kind && d.entryId === entryId)
  }

  function ofKind(kind: EntryKind): Draft[] {
    return drafts.value.filter((d) => d.kind === kind)
  }

  /** Forgets a draft once its form is saved, cancelled or its entry deleted. */
  async function remove(id: string): Promise<void> {
    drafts.value = drafts.value.filter((d) => d.id !== id)
    await call('drafts.delete', { id })
  }

  function reset(): void {
    profileId.value = null
    drafts.value = []
  }

  return { profileId, drafts, load, find, ofKind, remove, reset }
})
