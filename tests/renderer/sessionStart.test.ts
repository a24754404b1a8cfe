/**
 * How the app starts (renderer/src/main.ts): the vault's state is asked for once, while the code
 * loads, and that answer picks the first screen; the open vault's first page, and its code, wait
 * until the vault is open, while a page asked for after a lock (home) goes ahead at once.
 */
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent } from 'vue'
import { START_LOCATION, createMemoryHistory, createRouter } from 'vue-router'
import { call } from '../../renderer/src/api/client.ts'
import { holdFirstPageUntil } from '../../renderer/src/router.ts'
import { useSessionStore } from '../../renderer/src/stores/session.ts'
import { PASSPHRASE, cleanupTempDirs } from '../unit/helpers/vaultFixture.ts'
import { installRealCore, type RealCore } from './helpers/realCore.ts'

let real: RealCore

beforeEach(() => {
  real = installRealCore()
  setActivePinia(createPinia())
})

afterEach(async () => {
  await real.core.shutdown()
  await cleanupTempDirs()
})

describe('the session starts from an answer already on its way', () => {
  it('asks the core once and shows the screen for what it said', async () => {
    const session = useSessionStore()
    const asked = call('vault.status')
    await session.start(asked)
    expect(real.calls).toEqual(['vault.status'])
    expect(session.screen).toBe('first-run')
  })

  it('shows the unavailable screen when that answer fails', async () => {
    const session = useSessionStore()
    await session.start(Promise.reject(new Error('no core')))
    expect(session.screen).toBe('unavailable')
    expect(real.calls).toEqual([])
  })
})

describe("the open vault's first page waits for the vault to open", () => {
  /** A router like the app's, whose pages count how often their code was loaded. */
  function countingRouter() {
    const loads = { people: 0, library: 0 }
    const page = defineComponent({ render: () => null })
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/', name: 'people', component: () => (loads.people++, Promise.resolve(page)) },
        { path: '/library', component: () => (loads.library++, Promise.resolve(page)) }
      ]
    })
    return { router, loads }
  }

  it('loads no page while the welcome screen shows, and home once the vault is made', async () => {
    const session = useSessionStore()
    const { router, loads } = countingRouter()
    holdFirstPageUntil(router, () => session.untilUnlocked())
    await session.start()
    // What installing the router does: go to the address the page was opened at.
    const first = router.push('/')
    await flushPromises()
    expect(loads.people).toBe(0)
    expect(router.currentRoute.value).toBe(START_LOCATION)

    await session.create(PASSPHRASE)
    await flushPromises()
    // The recovery code is on screen: still no page behind it.
    expect(loads.people).toBe(0)
    session.recoveryCodeKept()
    await first
    expect(loads.people).toBe(1)
    expect(router.currentRoute.value.name).toBe('people')
  })

  it('goes home at once after a lock, so the unlock opens on home and not the last page', async () => {
    const session = useSessionStore()
    const { router, loads } = countingRouter()
    holdFirstPageUntil(router, () => session.untilUnlocked())
    await session.start()
    await session.create(PASSPHRASE)
    session.recoveryCodeKept()
    await router.push('/library')
    expect(loads.library).toBe(1)

    await session.lock()
    expect(session.screen).toBe('locked')
    // What App.vue does when the vault locks.
    await router.replace({ name: 'people' })
    expect(router.currentRoute.value.name).toBe('people')
  })
})
