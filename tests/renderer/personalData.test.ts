/**
 * Nothing personal stays in the page behind the unlock screen. Every store says what it is
 * (definePersonalStore or defineAppStore); this fills every one of them through a real core,
 * locks as the Lock button does, and checks that each personal store is as new and that none
 * of what was in the vault (names, notes, the recovery code) is left in any store at all.
 */
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { call } from '../../renderer/src/api/client.ts'
import {
  clearPersonalData,
  definePersonalStore,
  storeKinds
} from '../../renderer/src/stores/personalData.ts'
import { useCarePlanStore } from '../../renderer/src/stores/carePlan.ts'
import { useDocumentsStore } from '../../renderer/src/stores/documents.ts'
import { useDraftsStore } from '../../renderer/src/stores/drafts.ts'
import { useDrugsStore } from '../../renderer/src/stores/drugs.ts'
import { useLibraryStore } from '../../renderer/src/stores/library.ts'
import { usePersonSummaryStore } from '../../renderer/src/stores/personSummary.ts'
import { useProfilesStore } from '../../renderer/src/stores/profiles.ts'
import { useQuestionsStore } from '../../renderer/src/stores/questions.ts'
import { useReadingStore } from '../../renderer/src/stores/reading.ts'
import { useRecordStore } from '../../renderer/src/stores/record.ts'
import { useSessionStore } from '../../renderer/src/stores/session.ts'
import { useSettingsStore } from '../../renderer/src/stores/settings.ts'
import { PASSPHRASE, cleanupTempDirs } from '../unit/helpers/vaultFixture.ts'
import { installRealCore } from './helpers/realCore.ts'

/** Every module in renderer/src/stores, so a new store is seen here without being listed. */
const STORE_DIR = resolve('renderer/src/stores')
const STORE_MODULES: Record<string, unknown>[] = await Promise.all(
  readdirSync(STORE_DIR)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => import(join(STORE_DIR, file)) as Promise<Record<string, unknown>>)
)

type Definition = { $id: string; (): { $state: unknown } }

function isStore(value: unknown): value is Definition {
  return typeof value === 'function' && typeof (value as { $id?: unknown }).$id === 'string'
}

/** Every store the modules define: any export that is a Pinia store definition. */
function everyStoreId(): string[] {
  return STORE_MODULES.flatMap((module) =>
    Object.values(module).flatMap((value) => (isStore(value) ? [value.$id] : []))
  )
}

/** Words that exist only inside this vault: none may be left in any store after a lock. */
const SECRETS = ['Marisol Quintero', 'Port near the left collarbone', 'Ask about the echo']

/** Each store's state as a new page would have it (a fresh Pinia, the same definitions). */
function freshStates(ids: string[]): Record<string, string> {
  const before = createPinia()
  setActivePinia(before)
  const states: Record<string, string> = {}
  for (const id of ids) states[id] = JSON.stringify(useById(id).$state)
  return states
}

function useById(id: string): { $state: unknown } {
  for (const module of STORE_MODULES) {
    for (const value of Object.values(module))
      if (isStore(value) && value.$id === id) return value()
  }
  throw new Error(`No store ${id}`)
}

/**
 * Fills every personal store through the real core, as the screens would: a person with a
 * record, a draft, a care plan, questions, a bookmark, a document and the last search.
 */
async function fillEveryStore(): Promise<void> {
  const session = useSessionStore()
  await session.start()
  const profiles = useProfilesStore()
  await profiles.load()
  const person = await profiles.add(SECRETS[0]!)
  profiles.markOpened(person.id)
  await profiles.updatePerson({ profileId: person.id, centralLineNotes: SECRETS[1]! })

  const record = useRecordStore()
  await record.load(person.id)
  await record.save('measurement', {
    profileId: person.id,
    measuredOn: '2024-02-01',
    heightCm: 120,
    weightKg: 24
  })
  await call('drafts.save', {
    profileId: person.id,
    kind: 'complication',
    entryId: null,
    data: { notes: SECRETS[1] }
  })
  await useDraftsStore().load(person.id)
  await usePersonSummaryStore().loadDocument(person.id)
  await useCarePlanStore().load(person.id)
  await useQuestionsStore().add(person.id, [SECRETS[2]!])
  await useQuestionsStore().load(person.id)
  await useSettingsStore().load()

  const library = useLibraryStore()
  const [guide] = await library.load()
  const reading = useReadingStore()
  await reading.addBookmark(guide!.id, guide!.outline[0]!.id, SECRETS[2]!)
  reading.searchQuery = SECRETS[0]!
  await call('documents.import', {
    fileName: 'letter.md',
    kind: 'markdown',
    content: btoa(`# Clinic letter\n\n${SECRETS[1]} for ${SECRETS[0]}.`)
  })
  await useDocumentsStore().load()
  await useDrugsStore().load()
  await flushPromises()
}

let pinia: Pinia

beforeEach(async () => {
  installRealCore()
  pinia = createPinia()
  setActivePinia(pinia)
  // Made through the session, as the first-run screen does: it shows the recovery code.
  await useSessionStore().create(PASSPHRASE)
})

afterEach(async () => {
  await flushPromises()
  await cleanupTempDirs()
})

describe('locking empties what came from the vault', () => {
  it('every store is defined as personal (emptied at a lock) or as the app’s own', () => {
    const { personal, app } = storeKinds()
    const undeclared = everyStoreId().filter((id) => !personal.includes(id) && !app.includes(id))
    expect(undeclared).toEqual([])
    expect(personal.filter((id) => app.includes(id))).toEqual([])
  })

  it('every personal store is as new after a lock, and nothing from the vault is left in any store', async () => {
    await fillEveryStore()
    const { personal } = storeKinds()
    const fresh = freshStates(personal)
    setActivePinia(pinia)

    // Filled: each personal store holds something (a new one needs a step in fillEveryStore).
    const unfilled = personal.filter((id) => JSON.stringify(useById(id).$state) === fresh[id])
    expect(unfilled).toEqual([])
    const recoveryCode = useSessionStore().recoveryCode
    expect(recoveryCode).toBeTruthy()
    const everything = () => JSON.stringify(pinia.state.value)
    for (const secret of SECRETS) expect(everything()).toContain(secret)

    await useSessionStore().lock()

    expect(useSessionStore().screen).toBe('locked')
    const left = personal.filter((id) => JSON.stringify(useById(id).$state) !== fresh[id])
    expect(left).toEqual([])
    for (const secret of [...SECRETS, recoveryCode!]) expect(everything()).not.toContain(secret)
  })

  it('a store that holds vault data cannot be defined without a way to empty it', () => {
    // @ts-expect-error: a personal store must hand back reset().
    const useForgetful = definePersonalStore('forgetful', () => ({ kept: SECRETS[0] }))
    expect(useForgetful.$id).toBe('forgetful')
  })

  it('a personal store that was never used is not made at a lock', () => {
    const fresh = createPinia()
    setActivePinia(fresh)
    clearPersonalData()
    expect(Object.keys(fresh.state.value)).toEqual([])
  })
})
