import { ref } from 'vue'
import type { MethodInput, Profile } from '@shared/contract.ts'
import type { FhirImportPreview } from '@shared/export.ts'
import { call } from '../api/client.ts'
import { toBase64 } from '../lib/base64.ts'
import { definePersonalStore } from './personalData.ts'

/** People just deleted, who can still be brought back until `undoUntil`. */
export interface RecentlyDeleted {
  people: Profile[]
  /** ISO 8601: the earliest of the deletions' undo deadlines. */
  undoUntil: string
}

/** The people in this vault. Personal data: emptied whenever the vault locks. */
export const useProfilesStore = definePersonalStore('profiles', () => {
  const people = ref<Profile[]>([])
  const loaded = ref(false)
  const recentlyDeleted = ref<RecentlyDeleted | null>(null)
  /** The person whose pages were opened last: the guides offer to add questions to their list. */
  const lastOpenedId = ref<string | null>(null)

  async function load(): Promise<void> {
    people.value = await call('profiles.list')
    loaded.value = true
  }

  function replace(profile: Profile): void {
    people.value = people.value.map((p) => (p.id === profile.id ? profile : p))
  }

  async function add(displayName: string): Promise<Profile> {
    const profile = await call('profiles.create', { displayName })
    people.value = [...people.value, profile]
    return profile
  }

  async function rename(id: string, displayName: string): Promise<Profile> {
    const profile = await call('profiles.rename', { id, displayName })
    replace(profile)
    return profile
  }

  async function updatePerson(person: MethodInput<'profiles.updatePerson'>): Promise<Profile> {
    const profile = await call('profiles.updatePerson', person)
    replace(profile)
    return profile
  }

  /** Deletes one or more people at once; they can be brought back with undoDelete(). */
  async function remove(toDelete: Profile[]): Promise<RecentlyDeleted> {
    const deleted: Profile[] = []
    let undoUntil = ''
    try {
      for (const person of toDelete) {
        const result = await call('profiles.delete', { id: person.id })
        deleted.push(person)
        if (!undoUntil || result.undoUntil < undoUntil) undoUntil = result.undoUntil
      }
    } finally {
      const gone = new Set(deleted.map((p) => p.id))
      people.value = people.value.filter((p) => !gone.has(p.id))
      if (deleted.length > 0) recentlyDeleted.value = { people: deleted, undoUntil }
    }
    return recentlyDeleted.value as RecentlyDeleted
  }

  /** Brings back everyone in the last deletion, in their old places in the list. */
  async function undoDelete(): Promise<Profile[]> {
    const last = recentlyDeleted.value
    if (!last) return []
    const restored: Profile[] = []
    for (const person of last.people) {
      restored.push(await call('profiles.undoDelete', { id: person.id }))
    }
    recentlyDeleted.value = null
    await load()
    return restored
  }

  function markOpened(id: string): void {
    lastOpenedId.value = id
  }

  function forgetDeleted(): void {
    recentlyDeleted.value = null
  }

  async function loadSample(): Promise<Profile> {
    const profile = await call('profiles.loadSample')
    people.value = [...people.value, profile]
    return profile
  }

  /**
   * What a FHIR file would add as a new person; nothing is saved yet. Sent gzipped by the
   * browser's own CompressionStream, so a long record's file fits one request.
   */
  async function previewFhirFile(file: File): Promise<FhirImportPreview> {
    const gzipped = await new Response(
      file.stream().pipeThrough(new CompressionStream('gzip'))
    ).arrayBuffer()
    return call('import.fhirPreview', {
      fileName: file.name,
      gzipBase64: toBase64(new Uint8Array(gzipped))
    })
  }

  /** Saves the previewed file as a new person, who joins the list. */
  async function importFhirFile(previewId: string): Promise<string> {
    const { profileId } = await call('import.fhirConfirm', { previewId })
    await load()
    return profileId
  }

  function reset(): void {
    people.value = []
    loaded.value = false
    recentlyDeleted.value = null
    lastOpenedId.value = null
  }

  return {
    people,
    loaded,
    recentlyDeleted,
    lastOpenedId,
    load,
    add,
    rename,
    updatePerson,
    remove,
    undoDelete,
    markOpened,
    forgetDeleted,
    loadSample,
    previewFhirFile,
    importFhirFile,
    reset
  }
})
