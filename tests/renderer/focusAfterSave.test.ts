/**
 * Where the keyboard is after a save that changes the screen under it: never left on the page
 * itself (document.body), which sends a keyboard or screen reader user back to the top.
 */
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import ChangePassphraseForm from '../../renderer/src/components/ChangePassphraseForm.vue'
import SampleRecordPanel from '../../renderer/src/components/person/SampleRecordPanel.vue'
import { useProfilesStore } from '../../renderer/src/stores/profiles.ts'
import { useSessionStore } from '../../renderer/src/stores/session.ts'
import { PASSPHRASE, cleanupTempDirs } from '../unit/helpers/vaultFixture.ts'
import { installRealCore } from './helpers/realCore.ts'
import { mountOnPage } from './helpers/withSetup.ts'

const mounted: VueWrapper[] = []

beforeEach(async () => {
  installRealCore()
  setActivePinia(createPinia())
  await useSessionStore().create(PASSPHRASE)
  useSessionStore().recoveryCodeKept()
})

afterEach(async () => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount()
  document.body.innerHTML = ''
  await flushPromises()
  await cleanupTempDirs()
})

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await flushPromises()
}

function buttonNamed(wrapper: VueWrapper, name: string) {
  return wrapper.findAll('button').find((b) => b.text() === name)!
}

describe('focus after a save', () => {
  it('loading the sample leaves the keyboard on the link to it, not on the page', async () => {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/', component: { render: () => null } },
        { path: '/people/:profileId', name: 'summary', component: { render: () => null } }
      ]
    })
    await useProfilesStore().load()
    const wrapper = mountOnPage(() => () => h(SampleRecordPanel), [router])
    mounted.push(wrapper)
    await settle()
    const load = buttonNamed(wrapper, 'Load the sample')
    ;(load.element as HTMLButtonElement).focus()
    await load.trigger('click')
    await settle()

    expect(useProfilesStore().people.some((p) => p.isSample)).toBe(true)
    expect(document.activeElement?.tagName).toBe('A')
    expect(document.activeElement?.textContent?.trim()).toMatch(/^Open the sample record/)
  })

  it('after a passphrase change the keyboard is on the message saying it changed', async () => {
    const wrapper = mountOnPage(() => () => h(ChangePassphraseForm))
    mounted.push(wrapper)
    const byId = (id: string) => wrapper.get<HTMLInputElement>(`#${id}`)
    await byId('change-current').setValue(PASSPHRASE)
    await byId('change-new').setValue('a brand new passphrase for the vault')
    await byId('change-confirm').setValue('a brand new passphrase for the vault')
    const submit = buttonNamed(wrapper, 'Change passphrase')
    ;(submit.element as HTMLButtonElement).focus()
    await wrapper.get('form').trigger('submit')
    await settle()

    expect(document.activeElement?.textContent?.trim()).toBe(
      'Your passphrase has been changed. Use the new one next time you unlock Lantern.'
    )
    expect(document.activeElement?.getAttribute('role')).toBe('status')
  })
})
