/**
 * Settings' backup file panel: it says when the last backup file was made, reminds once that is
 * a month ago (or when none was ever made), says what the core is doing while it makes one, and
 * a made file moves the date on.
 */
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import BackupFilePanel from '../../renderer/src/components/backup/BackupFilePanel.vue'
import { useSessionStore } from '../../renderer/src/stores/session.ts'
import { useSettingsStore } from '../../renderer/src/stores/settings.ts'
import { PASSPHRASE, cleanupTempDirs } from '../unit/helpers/vaultFixture.ts'
import { installRealCore } from './helpers/realCore.ts'
import { mountOnPage } from './helpers/withSetup.ts'

const DAY_MS = 24 * 60 * 60 * 1000
const mounted: VueWrapper[] = []

beforeEach(async () => {
  installRealCore()
  setActivePinia(createPinia())
  await useSessionStore().create(PASSPHRASE)
  useSessionStore().recoveryCodeKept()
  await useSettingsStore().load()
})

afterEach(async () => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount()
  document.body.innerHTML = ''
  await flushPromises()
  await cleanupTempDirs()
})

async function panel(): Promise<VueWrapper> {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/', component: { render: () => null } }]
  })
  const wrapper = mountOnPage(() => () => h(BackupFilePanel), [router])
  mounted.push(wrapper)
  for (let i = 0; i < 3; i++) await flushPromises()
  return wrapper
}

function lastMadeDaysAgo(days: number | null) {
  const settings = useSettingsStore()
  settings.settings = {
    ...settings.settings!,
    lastBackupFileAt: days === null ? null : new Date(Date.now() - days * DAY_MS).toISOString()
  }
}

describe('the backup file panel', () => {
  it('reminds when no backup file was ever made', async () => {
    lastMadeDaysAgo(null)
    const wrapper = await panel()
    expect(wrapper.text()).toContain('You have not made a backup file yet')
    expect(wrapper.text()).not.toContain('Last backup file made')
  })

  it('says when the last one was made, and reminds only once it is 30 days old', async () => {
    lastMadeDaysAgo(29)
    const recent = await panel()
    expect(recent.text()).toContain('Last backup file made')
    expect(recent.find('[role="note"]').exists()).toBe(false)
    recent.unmount()
    mounted.splice(0)

    lastMadeDaysAgo(30)
    const old = await panel()
    expect(old.find('[role="note"]').text()).toContain('Your last backup file is 30 days old')
  })

  it('makes a backup file and then counts from now', async () => {
    lastMadeDaysAgo(45)
    const wrapper = await panel()
    const make = wrapper.findAll('button').find((b) => b.text() === 'Make a backup file')!
    // Everything the status line says along the way: what the core is doing, then the outcome.
    const status = wrapper.find('[role="status"]').element
    const said: string[] = []
    const observer = new MutationObserver(() => said.push(status.textContent ?? ''))
    observer.observe(status, { childList: true, characterData: true, subtree: true })
    await make.trigger('click')
    for (let i = 0; i < 20 && !wrapper.text().includes('downloading'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      await flushPromises()
    }
    expect(wrapper.text()).toContain('The backup file is downloading')
    observer.disconnect()
    const phases = ['Putting the file together…', 'Saving the file…']
    expect(said.filter((text) => phases.includes(text)).length).toBeGreaterThan(0)
    expect(said.at(-1)).toContain('The backup file is downloading')
    expect(Date.now() - Date.parse(useSettingsStore().settings!.lastBackupFileAt!)).toBeLessThan(
      60_000
    )
    expect(wrapper.find('[role="note"]').exists()).toBe(false)
  })
})
