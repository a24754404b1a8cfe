/**
 * The Details page's way of saving (useFieldwiseAutosave), on its emergency facts, against a
 * real core: each part saves by itself; a part that needs another look keeps what was typed,
 * with its message beside it, and is left out, so fixing it never costs another part; a part the
 * core refuses is shown the same way and the rest is still saved.
 */
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { h } from 'vue'
import type { Core } from '../../electron/core/api.ts'
import { TEMPERATURE_UNITS } from '../../electron/shared/record.ts'
import ImportantToKnow from '../../renderer/src/components/person/ImportantToKnow.vue'
import { useProfilesStore } from '../../renderer/src/stores/profiles.ts'
import { useSessionStore } from '../../renderer/src/stores/session.ts'
import { PASSPHRASE, cleanupTempDirs } from '../unit/helpers/vaultFixture.ts'
import { installRealCore } from './helpers/realCore.ts'
import { mountOnPage } from './helpers/withSetup.ts'

let core: Core
let profileId: string
const mounted: VueWrapper[] = []

beforeEach(async () => {
  core = installRealCore().core
  setActivePinia(createPinia())
  await useSessionStore().create(PASSPHRASE)
  profileId = (await useProfilesStore().add('Maya')).id
})

afterEach(async () => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount()
  document.body.innerHTML = ''
  await flushPromises()
  await cleanupTempDirs()
})

async function stored() {
  const people = await core.handlers['profiles.list']({})
  return people.find((p) => p.id === profileId)!
}

function openImportant() {
  const profiles = useProfilesStore()
  const wrapper = mountOnPage(
    () => () => h(ImportantToKnow, { person: profiles.people.find((p) => p.id === profileId)! })
  )
  mounted.push(wrapper)
  const field = (label: string) => {
    const forId = wrapper.findAll('label').find((l) => l.text().startsWith(label))!
    return wrapper.get<HTMLInputElement>(`#${forId.attributes('for')}`)
  }
  const leave = async () => {
    wrapper.get('form').element.dispatchEvent(new FocusEvent('focusout', { bubbles: true }))
    for (let i = 0; i < 5; i++) await flushPromises()
  }
  return { wrapper, field, leave }
}

describe('saving field by field', () => {
  it('saves what can be saved, and holds back a part with a problem beside it', async () => {
    await useProfilesStore().updatePerson({ profileId, feverThreshold: { value: 38, unit: 'C' } })
    const { wrapper, field, leave } = openImportant()
    await field('Care team’s 24-hour number').setValue('+44 20 7946 0000')
    await field('Fever threshold').setValue('thirty-eight')
    await leave()

    const person = await stored()
    expect(person.teamPhone24h).toBe('+44 20 7946 0000')
    // What is stored stays as it was until the new value can be read.
    expect(person.feverThreshold).toEqual({ value: 38, unit: 'C' })
    const fever = field('Fever threshold')
    expect(fever.attributes('aria-invalid')).toBe('true')
    expect(wrapper.get(`#${fever.element.id}-error`).text()).toBe(
      'Enter the temperature as a number, like 38.5.'
    )
    expect(fever.element.value).toBe('thirty-eight')
    expect(wrapper.get('[role="status"]').text()).toContain(
      'Saved, except Fever threshold the care team gave you: see the message beside it.'
    )
  })

  it('shows a part the core refuses beside it, and still saves the others', async () => {
    const update = window.lantern.profiles.updatePerson
    let refusals = 0
    Object.defineProperty(window.lantern.profiles, 'updatePerson', {
      configurable: true,
      value: async (input: Parameters<typeof update>[0]) => {
        // The core's own rule for a number, stricter than the form's (say, after an update).
        if ('teamPhone24h' in input && refusals++ === 0) {
          return {
            ok: false,
            error: {
              code: 'INVALID_INPUT',
              message: 'teamPhone24h: not a number we can call',
              fields: [{ path: 'teamPhone24h', message: 'Not a number we can call.' }]
            }
          }
        }
        return update(input)
      }
    })
    const { wrapper, field, leave } = openImportant()
    await field('Care team’s 24-hour number').setValue('999')
    await field('Fever threshold').setValue('38.5')
    await wrapper.get('select[aria-label="Unit"]').setValue(TEMPERATURE_UNITS[0])
    await leave()

    const phone = field('Care team’s 24-hour number')
    expect(phone.attributes('aria-invalid')).toBe('true')
    expect(wrapper.get(`#${phone.element.id}-error`).text()).toBe('Not a number we can call.')
    expect(wrapper.find('.form-problem').exists()).toBe(false)
    const person = await stored()
    expect(person.teamPhone24h).toBeNull()
    expect(person.feverThreshold).toEqual({ value: 38.5, unit: TEMPERATURE_UNITS[0] })
  })
})
