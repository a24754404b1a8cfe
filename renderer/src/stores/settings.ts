import { computed, ref } from 'vue'
import type { MethodInput, Settings } from '@shared/contract.ts'
import { AUTO_LOCK_MINUTES } from '@shared/limits.ts'
import { call } from '../api/client.ts'
import { definePersonalStore } from './personalData.ts'

/** Settings live inside the vault, so they are known only while it is unlocked. */
export const useSettingsStore = definePersonalStore('settings', () => {
  const settings = ref<Settings | null>(null)

  const autoLockMinutes = computed(
    () => settings.value?.autoLockMinutes ?? AUTO_LOCK_MINUTES.default
  )

  async function load(): Promise<void> {
    settings.value = await call('settings.get')
  }

  async function update(changes: MethodInput<'settings.update'>): Promise<Settings> {
    settings.value = await call('settings.update', changes)
    return settings.value
  }

  function reset(): void {
    settings.value = null
  }

  return { settings, autoLockMinutes, load, update, reset }
})
