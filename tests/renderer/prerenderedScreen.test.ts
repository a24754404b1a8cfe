/**
 * The page comes with its first screen already drawn (tools/build/prerenderFirstScreens.ts); a
 * person may type and click on it before the app has mounted. Here the real screens are drawn as
 * the build draws them (renderFirstScreens), typed into and clicked as boot.js notes a click,
 * then the app mounts over them (takeOverPrerenderedScreen, as main.ts does) on a real core.
 */
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp, type App, type Component } from 'vue'
import { takeOverPrerenderedScreen } from '../../renderer/src/lib/prerenderedScreen.ts'
import { renderFirstScreens } from '../../renderer/src/prerender/screens.ts'
import { useSessionStore } from '../../renderer/src/stores/session.ts'
import FirstRunView from '../../renderer/src/views/FirstRunView.vue'
import UnlockView from '../../renderer/src/views/UnlockView.vue'
import { PASSPHRASE, cleanupTempDirs } from '../unit/helpers/vaultFixture.ts'
import { installRealCore, type RealCore } from './helpers/realCore.ts'

let real: RealCore
let pinia: Pinia
let app: App | null = null

beforeEach(() => {
  real = installRealCore()
  pinia = createPinia()
  setActivePinia(pinia)
})

afterEach(async () => {
  app?.unmount()
  app = null
  document.body.innerHTML = ''
  await real.core.shutdown()
  await cleanupTempDirs()
})

/** The mount point as the served page has it: the screen drawn, marked with its name. */
async function servedPage(screen: 'first-run' | 'locked'): Promise<HTMLElement> {
  const drawn = (await renderFirstScreens())[screen]
  const mountPoint = document.createElement('div')
  mountPoint.id = 'app'
  mountPoint.dataset.prerendered = screen
  mountPoint.innerHTML = drawn.markup
  document.body.append(mountPoint)
  return mountPoint
}

function type(mountPoint: HTMLElement, id: string, text: string): HTMLInputElement {
  const field = mountPoint.querySelector<HTMLInputElement>(`#${id}`)!
  field.value = text
  return field
}

/** What boot.js does with a click on the drawn screen: holds it and notes the button's place. */
function clickBeforeTheApp(mountPoint: HTMLElement, button: HTMLButtonElement): void {
  const buttons = [...mountPoint.querySelectorAll('button')]
  expect(buttons).toContain(button)
  mountPoint.dataset.pendingClick = String(buttons.indexOf(button))
}

/** main.ts's take-over: read what was done, mount over it, give it to the app's screen. */
async function mountOver(mountPoint: HTMLElement, view: Component): Promise<void> {
  const session = useSessionStore()
  await session.start()
  const drawn = takeOverPrerenderedScreen(mountPoint)
  app = createApp(view).use(pinia)
  app.mount(mountPoint)
  drawn.restore(session.screen)
}

describe('what was done on the drawn screen before the app mounted', () => {
  it('a passphrase typed on the welcome and Create pressed make the vault with it', async () => {
    const mountPoint = await servedPage('first-run')
    type(mountPoint, 'first-run-new', PASSPHRASE)
    type(mountPoint, 'first-run-confirm', PASSPHRASE)
    clickBeforeTheApp(mountPoint, mountPoint.querySelector('button[type="submit"]')!)

    await mountOver(mountPoint, FirstRunView)

    await expect.poll(() => real.core.vault.state, { timeout: 20_000 }).toBe('unlocked')
    expect(real.calls).toContain('vault.create')
    // The vault opens with what was typed before the app was there, and with nothing else.
    await real.core.vault.lock()
    await expect(real.core.vault.unlock('not the passphrase typed')).rejects.toThrow()
    await real.core.vault.unlock(PASSPHRASE)
    expect(real.core.vault.state).toBe('unlocked')
  })

  it('the caret stays in the field the person was typing in, with the text', async () => {
    const mountPoint = await servedPage('first-run')
    type(mountPoint, 'first-run-new', PASSPHRASE)
    const confirm = type(mountPoint, 'first-run-confirm', 'half typ')
    confirm.focus()
    confirm.setSelectionRange(4, 4)

    // The welcome puts focus on its heading as it mounts; the person was in a field already.
    await mountOver(mountPoint, FirstRunView)

    // The app's own fields now: the drawn ones are gone.
    const field = mountPoint.querySelector<HTMLInputElement>('#first-run-confirm')!
    expect(field).not.toBe(confirm)
    expect(field.value).toBe('half typ')
    expect(mountPoint.querySelector<HTMLInputElement>('#first-run-new')!.value).toBe(PASSPHRASE)
    expect(document.activeElement).toBe(field)
    expect([field.selectionStart, field.selectionEnd]).toEqual([4, 4])
  })

  it('nothing is carried to another screen: the vault changed before the app mounted', async () => {
    const mountPoint = await servedPage('first-run')
    type(mountPoint, 'first-run-new', PASSPHRASE)
    type(mountPoint, 'first-run-confirm', PASSPHRASE)
    clickBeforeTheApp(mountPoint, mountPoint.querySelector('button[type="submit"]')!)
    // Made meanwhile, in another window: the app draws the unlock screen.
    await real.core.vault.create(PASSPHRASE)
    await real.core.vault.lock()

    await mountOver(mountPoint, UnlockView)
    await flushPromises()

    expect(real.calls).toEqual(['vault.status'])
    expect(mountPoint.querySelector<HTMLInputElement>('#unlock-passphrase')!.value).toBe('')
    expect(real.core.vault.state).toBe('locked')
  })
})
