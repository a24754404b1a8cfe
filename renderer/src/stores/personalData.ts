import { defineStore, getActivePinia } from 'pinia'

/**
 * Every store is defined through one of the two functions below, which say whether it holds
 * anything from inside the vault (lint forbids pinia's own defineStore in renderer/src/stores).
 *
 * A personal store must hand back reset() (the compiler refuses one without), and it is
 * emptied on every lock by clearPersonalData(): it registers itself as it is defined, so there
 * is no list to keep by hand and no way to forget one. tests/renderer/personalData.test.ts fills
 * every store through a real core, locks, and checks each is as new and that nothing personal
 * is left anywhere.
 */
type Resettable = { reset: () => void }
/** A defined store, as far as this module needs it: its id, and using it. */
type Definition = { $id: string; (): unknown }

const personal = new Set<Definition>()
const app = new Set<Definition>()

/** A store that holds something from inside the vault: emptied whenever it locks. */
export function definePersonalStore<Id extends string, Setup extends Resettable>(
  id: Id,
  setup: () => Setup
) {
  const useStore = defineStore(id, setup)
  personal.add(useStore)
  return useStore
}

/**
 * A store of the app's own (the vault's state, shipped guides and drug catalog, a running
 * export): nothing from inside the vault, so nothing to empty at a lock.
 */
export function defineAppStore<Id extends string, Setup extends object>(
  id: Id,
  setup: () => Setup
) {
  const useStore = defineStore(id, setup)
  app.add(useStore)
  return useStore
}

/**
 * Empties every personal store in use. Called on every lock, so nothing personal stays in the
 * page behind the unlock screen.
 */
export function clearPersonalData(): void {
  const pinia = getActivePinia()
  for (const useStore of personal) {
    // One never used holds nothing; making it now only to empty it would be wasted work.
    if (pinia?.state.value[useStore.$id] !== undefined) (useStore() as Resettable).reset()
  }
}

/** Which kind each defined store is, by id: for the test that proves the lock empties them. */
export function storeKinds(): { personal: string[]; app: string[] } {
  const ids = (set: Set<Definition>) => [...set].map((useStore) => useStore.$id)
  return { personal: ids(personal), app: ids(app) }
}
