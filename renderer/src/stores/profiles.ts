import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Profile } from '@shared/contract.ts'
import { call } from '../api/client.ts'

/** The people in this vault. Personal data: emptied whenever the vault locks. */
export const useProfilesStore = defineStore('profiles', () => {
  const people = ref<Profile[]>([])
  const loaded = ref(false)

  async function load(): Promise<void> {
    people.value = await call('profiles.list')
    loaded.value = true
  }

  async function add(displayName: string): Promise<Profile> {
    const profile = await call('profiles.create', { displayName })
    people.value = [...people.value, profile]
    return profile
  }

  async function rename(id: string, displayName: string): Promise<Profile> {
    const profile = await call('profiles.rename', { id, displayName })
    people.value = people.value.map((p) => (p.id === id ? profile : p))
    return profile
  }

  function reset(): void {
    people.value = []
    loaded.value = false
  }

  return { people, loaded, load, add, rename, reset }
})
