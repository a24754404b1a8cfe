import { ref, toRaw } from 'vue'
import { ENTRY_KINDS, type Entry, type EntryInput, type EntryKind } from '@shared/record.ts'
import { call } from '../api/client.ts'
import { definePersonalStore } from './personalData.ts'

type Entries = Record<EntryKind, Entry<EntryKind>[]>

function emptyEntries(): Entries {
  return Object.fromEntries(ENTRY_KINDS.map((kind) => [kind, []])) as unknown as Entries
}

/** A link that deleting a phase or a transplant cleared (the database sets it to null). */
export type Unlinked =
  | { kind: 'administration'; id: string; field: 'phaseId' | 'transplantId' }
  | { kind: 'radiation'; id: string; field: 'transplantId' }

/** What was deleted, kept in memory so Undo can put it back together with what went with it. */
export interface Deleted {
  kind: EntryKind
  entry: Entry<EntryKind>
  /** Relapses deleted with their diagnosis (the database cascades). */
  relapses: Entry<'relapse'>[]
  /** Entries that pointed at it and lost the link. */
  unlinked: Unlinked[]
}

/**
 * An entry as Undo sends it back: its fields with its id, and its times apart. Entries come
 * from the store's reactive state: the raw entry is sent, because Electron's IPC cannot copy a
 * Vue proxy (a nested one, such as an administration's schedule, made Undo fail in the app).
 */
function restorable(kind: EntryKind, entry: Entry<EntryKind>) {
  const { createdAt, updatedAt, ...fields } = toRaw(entry)
  return { kind, entry: fields, createdAt, updatedAt }
}

/** One person's treatment record, as entered. Personal data: emptied whenever the vault locks. */
export const useRecordStore = definePersonalStore('record', () => {
  const profileId = ref<string | null>(null)
  const entries = ref<Entries>(emptyEntries())
  const loaded = ref(false)

  async function load(forProfile: string): Promise<void> {
    if (profileId.value !== forProfile) {
      entries.value = emptyEntries()
      loaded.value = false
    }
    profileId.value = forProfile
    const all = await call('record.listAll', { profileId: forProfile })
    if (profileId.value !== forProfile) return
    entries.value = all
    loaded.value = true
  }

  async function reloadKind(kind: EntryKind): Promise<void> {
    const forProfile = profileId.value
    if (!forProfile) return
    const list = await call('record.list', { profileId: forProfile, kind })
    if (profileId.value === forProfile) {
      entries.value[kind] = list
    }
  }

  function list<K extends EntryKind>(kind: K): Entry<K>[] {
    return entries.value[kind] as unknown as Entry<K>[]
  }

  /** Creates (no id) or updates an entry; the list is re-read so it keeps the core's order. */
  async function save<K extends EntryKind>(
    kind: K,
    entry: EntryInput<K>
  ): Promise<Entry<EntryKind>> {
    const saved = await call('record.save', { kind, entry })
    if (saved.profileId === profileId.value) {
      const current = entries.value[kind]
      const at = current.findIndex((e) => e.id === saved.id)
      entries.value[kind] =
        at >= 0 ? current.map((e) => (e.id === saved.id ? saved : e)) : [...current, saved]
      if (at < 0) void reloadKind(kind).catch(() => undefined)
    }
    return saved
  }

  async function remove(kind: EntryKind, id: string): Promise<Deleted> {
    const entry = list(kind).find((e) => e.id === id)
    if (!entry) throw new Error('not in the record')
    const deleted: Deleted = { kind, entry, relapses: [], unlinked: [] }
    if (kind === 'diagnosis') deleted.relapses = list('relapse').filter((r) => r.diagnosisId === id)
    if (kind === 'phase') {
      for (const a of list('administration')) {
        if (a.phaseId === id)
          deleted.unlinked.push({ kind: 'administration', id: a.id, field: 'phaseId' })
      }
    }
    if (kind === 'transplant') {
      for (const a of list('administration')) {
        if (a.transplantId === id) {
          deleted.unlinked.push({ kind: 'administration', id: a.id, field: 'transplantId' })
        }
      }
      for (const r of list('radiation')) {
        if (r.transplantId === id) {
          deleted.unlinked.push({ kind: 'radiation', id: r.id, field: 'transplantId' })
        }
      }
    }
    await call('record.delete', { kind, id })
    const all = entries.value
    all[kind] = all[kind].filter((e) => e.id !== id)
    if (deleted.relapses.length) {
      all.relapse = all.relapse.filter((r) => (r as Entry<'relapse'>).diagnosisId !== id)
    }
    if (deleted.unlinked.length) {
      await Promise.all([reloadKind('administration'), reloadKind('radiation')]).catch(
        () => undefined
      )
    }
    return deleted
  }

  /**
   * Undo: the entry comes back as it was (same id), with its relapses and links, in one call the
   * core runs as one transaction: all of it, or nothing.
   */
  async function restore(deleted: Deleted): Promise<Entry<EntryKind>> {
    const forProfile = deleted.entry.profileId
    const all = await call('record.restore', {
      profileId: forProfile,
      entries: [
        restorable(deleted.kind, deleted.entry),
        ...deleted.relapses.map((relapse) => restorable('relapse', relapse))
      ],
      links: deleted.unlinked.map((link) => ({ ...link, to: deleted.entry.id }))
    })
    if (profileId.value === forProfile) entries.value = all
    return list(deleted.kind).find((e) => e.id === deleted.entry.id) ?? deleted.entry
  }

  function reset(): void {
    profileId.value = null
    entries.value = emptyEntries()
    loaded.value = false
  }

  return { profileId, entries, loaded, load, list, save, remove, restore, reset }
})
