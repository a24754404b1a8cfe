/**
 * A care plan form (here: dismissing an item, with its reason) on the form toolkit: Esc closes
 * it when nothing was typed, and asks first when something was; nothing is sent without a
 * reason, and the cursor goes to the reason.
 */
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { h } from 'vue'
import type { PlanItem } from '../../electron/shared/careplan.ts'
import DismissForm from '../../renderer/src/components/careplan/DismissForm.vue'
import { provideCarePlanStatus } from '../../renderer/src/components/careplan/status.ts'
import { mountOnPage } from './helpers/withSetup.ts'

const mounted: VueWrapper[] = []

beforeEach(() => {
  setActivePinia(createPinia())
})

afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount()
  document.body.innerHTML = ''
})

/** The dismiss form of one item, open; what it did is recorded. */
function openDismiss() {
  const item = { key: 'echo', title: 'Echocardiogram' } as PlanItem
  const events: string[] = []
  const wrapper = mountOnPage(() => {
    provideCarePlanStatus()
    return () =>
      h(DismissForm, {
        item,
        dismissed: () => events.push('dismissed'),
        onClose: () => events.push('closed')
      })
  })
  mounted.push(wrapper)
  const reason = () => wrapper.get<HTMLInputElement>('input')
  const escape = async () => {
    document.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })
    )
    await flushPromises()
  }
  return { wrapper, events, reason, escape }
}

describe('a care plan form', () => {
  it('opens with the cursor in its field, and Esc closes it when nothing was typed', async () => {
    const { events, reason, escape } = openDismiss()
    await flushPromises()
    expect(document.activeElement).toBe(reason().element)
    await escape()
    expect(events).toEqual(['closed'])
  })

  it('asks before Esc drops a typed reason, and keeps it on a second Esc', async () => {
    const { wrapper, events, reason, escape } = openDismiss()
    await flushPromises()
    await reason().setValue('Our doctor says this does not apply')
    await escape()
    expect(events).toEqual([])
    expect(wrapper.text()).toContain('Close this form without saving what you typed?')
    await escape()
    expect(events).toEqual([])
    expect(reason().element.value).toBe('Our doctor says this does not apply')
    expect(document.activeElement).toBe(reason().element)
  })

  it('sends nothing without a reason, with the message beside it and the cursor on it', async () => {
    const { wrapper, events, reason } = openDismiss()
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(events).toEqual([])
    expect(reason().attributes('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(reason().element)
  })
})
