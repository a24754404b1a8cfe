/**
 * The app's page is served with the screen for the vault's state already drawn (written at build
 * time by tools/build/prerenderFirstScreens.ts), so the welcome or unlock screen is painted
 * before any of the app's code has loaded. The drawn screen must be the app's own screen, and
 * whatever a person does on it before the app is there must not be lost.
 */
import type { Page, Route } from '@playwright/test'
import type { Bridge } from '../../tools/bridge/server.ts'
import { expect, test } from './fixtures.ts'
import { PASSPHRASE, choosePassphrase, watchForPageErrors } from './steps.ts'

/**
 * Runs in the page (a string: these tests are typed without the DOM's types): the mount point's
 * elements, in document order, as tag, attributes (sorted; `value` left out, an attribute in the
 * drawn HTML and a property once the app has mounted) and their own text. From `html` when given
 * (the page as served), else from the live page.
 */
const SCREEN_OUTLINE = `(html) => {
  const root = html
    ? new DOMParser().parseFromString(html, 'text/html').getElementById('app')
    : document.getElementById('app');
  return [...root.querySelectorAll('*')].map((element) => {
    const attributes = [...element.attributes]
      .filter((attribute) => attribute.name !== 'value')
      .map((attribute) => attribute.name + '=' + attribute.value)
      .sort();
    const text = [...element.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent.trim())
      .filter(Boolean)
      .join(' ');
    return element.tagName + ' [' + attributes.join(' ') + '] ' + text;
  });
}`

const outline = (page: Page, html: string | null) =>
  page.evaluate(`(${SCREEN_OUTLINE})(${JSON.stringify(html)})`) as Promise<string[]>

/** The app's page as the bridge serves it now, and the same drawn by the app once mounted. */
async function servedAndDrawn(page: Page, bridge: Bridge) {
  const response = await page.goto(bridge.url)
  const served = await response!.text()
  await expect(page.locator('#app:not([data-prerendered]) h1')).toBeVisible()
  return {
    served,
    outlineServed: await outline(page, served),
    outlineDrawn: await outline(page, null)
  }
}

test('the welcome and unlock screens are served drawn, as the app draws them', async ({
  page,
  bridge,
  shoot
}) => {
  const pageErrors = watchForPageErrors(page)
  const welcome = await servedAndDrawn(page, bridge)
  expect(welcome.served).toContain('data-prerendered="first-run"')
  expect(welcome.served).toContain('Welcome to Lantern')
  expect(welcome.served).toContain('<title>Welcome — Lantern</title>')
  expect(welcome.outlineServed.length).toBeGreaterThan(20)
  expect(welcome.outlineServed).toEqual(welcome.outlineDrawn)
  await expect(page).toHaveTitle('Welcome — Lantern')
  await shoot('prerendered-welcome-after-mount')

  await bridge.core.vault.create(PASSPHRASE)
  await bridge.core.vault.lock()
  const unlock = await servedAndDrawn(page, bridge)
  expect(unlock.served).toContain('data-prerendered="locked"')
  expect(unlock.served).toContain('Lantern is locked')
  expect(unlock.outlineServed).toEqual(unlock.outlineDrawn)

  // An open vault's page draws itself: nothing of the vault is ever in the served HTML.
  await bridge.core.vault.unlock(PASSPHRASE)
  const open = await (await page.goto(bridge.url))!.text()
  expect(open).not.toContain('data-prerendered')
  expect(open).toContain('<div id="app"></div>')
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible()
  expect(pageErrors).toEqual([])
})

/**
 * Opens the app with its code (the entry script boot.js loads) held until `release()`: the drawn
 * screen is all there is meanwhile, as on a slow machine in the moment before the app arrives.
 */
async function openWithTheAppHeld(page: Page, bridge: Bridge): Promise<{ release: () => void }> {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let heldNow!: () => void
  const held = new Promise<void>((resolve) => (heldNow = resolve))
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route: Route) => {
    heldNow()
    await released
    await route.continue()
  })
  await page.goto(bridge.url)
  await held
  return { release }
}

test('the drawn welcome looks exactly as the app draws it, pixel for pixel', async ({
  page,
  bridge
}) => {
  const app = await openWithTheAppHeld(page, bridge)
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Lantern' })).toBeVisible()
  const drawn = await page.screenshot({ fullPage: true })

  app.release()
  await expect(page.locator('#app:not([data-prerendered]) h1')).toBeVisible()
  const theApps = await page.screenshot({ fullPage: true })
  // Booleans, so a failure does not print two images' bytes.
  expect(drawn.equals(theApps), 'the same pixels before and after the app mounted').toBe(true)
})

test('a passphrase typed and Create pressed before the app has loaded make the vault', async ({
  page,
  bridge,
  shoot
}) => {
  const pageErrors = watchForPageErrors(page)
  const app = await openWithTheAppHeld(page, bridge)
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Lantern' })).toBeVisible()
  await expect(page.locator('#app[data-prerendered="first-run"]')).toHaveCount(1)
  await shoot('prerendered-welcome-before-the-app')

  const address = page.url()
  await choosePassphrase(page, PASSPHRASE)
  await page.getByRole('button', { name: 'Create my vault' }).click()
  // Held, not sent: no vault yet, and the page did not go anywhere with the form.
  expect(bridge.core.vault.state).toBe('none')
  expect(page.url()).toBe(address)

  app.release()
  await expect(page.getByRole('heading', { level: 1, name: 'Your recovery code' })).toBeVisible()
  await bridge.core.vault.lock()
  await bridge.core.vault.unlock(PASSPHRASE)
  expect(bridge.core.vault.state).toBe('unlocked')
  expect(pageErrors).toEqual([])
})

test('Enter pressed in the unlock field before the app has loaded unlocks once it has', async ({
  page,
  bridge
}) => {
  await bridge.core.vault.create(PASSPHRASE)
  await bridge.core.vault.lock()
  const app = await openWithTheAppHeld(page, bridge)
  const field = page.getByLabel('Passphrase', { exact: true })
  await field.fill(PASSPHRASE)
  await field.press('Enter')
  expect(bridge.core.vault.state).toBe('locked')

  app.release()
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible()
  expect(bridge.core.vault.state).toBe('unlocked')
})

test('what is typed before the app has loaded stays, with the caret, once it has', async ({
  page,
  bridge
}) => {
  const app = await openWithTheAppHeld(page, bridge)
  const field = page.getByLabel('Passphrase', { exact: true })
  await field.fill('the first words')
  await expect(field).toBeFocused()

  app.release()
  await expect(page.locator('#app:not([data-prerendered]) h1')).toBeVisible()
  // The app's own field, holding the text, still the one typed in: typing goes on.
  await expect(field).toHaveValue('the first words')
  await expect(field).toBeFocused()
  await page.keyboard.type(' and more')
  await expect(field).toHaveValue('the first words and more')
  // The strength meter is the app's: it rates what was typed before it came.
  await expect(page.getByRole('meter', { name: 'Passphrase strength' })).not.toHaveAttribute(
    'aria-valuetext',
    'Not entered yet'
  )
})
