import { expect, test } from './fixtures.ts'
import {
  PASSPHRASE,
  WRONG_PASSPHRASE_TEXT,
  addPerson,
  choosePassphrase,
  createVault,
  lock,
  lockedHeading,
  peopleHeading,
  unlock,
  watchForPageErrors
} from './steps.ts'

test('Lock, a wrong passphrase, then the right one: the record is still there', async ({
  app,
  bridge,
  shoot
}) => {
  const pageErrors = watchForPageErrors(app)
  await createVault(app)
  await addPerson(app, 'Maya')

  await lock(app)
  expect(bridge.core.vault.state).toBe('locked')
  // Nothing personal stays in the page behind the unlock screen.
  await expect(app.getByText('Maya')).toHaveCount(0)
  const passphrase = app.getByLabel('Passphrase', { exact: true })
  await expect(passphrase).toBeFocused()
  await shoot('unlock-screen')

  // Wrong: said beside the field, and the vault stays locked.
  await unlock(app, 'not my passphrase')
  await expect(passphrase).toHaveAccessibleDescription(WRONG_PASSPHRASE_TEXT)
  await expect(app.getByRole('alert')).toContainText('Caps Lock')
  await expect(lockedHeading(app)).toBeVisible()
  expect(bridge.core.vault.state).toBe('locked')
  await shoot('unlock-wrong-passphrase')

  // Show lets a tired person check what they typed.
  await app.getByRole('button', { name: 'Show (Passphrase)' }).click()
  await expect(passphrase).toHaveAttribute('type', 'text')
  await app.getByRole('button', { name: 'Hide (Passphrase)' }).click()
  await expect(passphrase).toHaveAttribute('type', 'password')

  // Key derivation takes a moment: the button says so while it works.
  await app.route('**/api/vault.unlock', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400))
    await route.fallback()
  })
  await unlock(app, PASSPHRASE)
  await expect(app.getByRole('button', { name: 'Unlocking…' })).toBeVisible()
  await expect(peopleHeading(app)).toBeVisible()
  await expect(app.getByRole('list', { name: 'People in this vault' })).toContainText('Maya')
  expect(bridge.core.vault.state).toBe('unlocked')
  expect(pageErrors).toEqual([])
})

test('a forgotten passphrase is replaced with the recovery code', async ({
  app,
  bridge,
  shoot
}) => {
  const code = await createVault(app)
  await addPerson(app, 'Sam')
  await lock(app)

  await app.getByRole('button', { name: 'Forgot your passphrase? Use your recovery code' }).click()
  await expect(app.getByRole('heading', { level: 1, name: 'Use your recovery code' })).toBeVisible()
  const codeField = app.getByLabel('Recovery code')
  const newPassphrase = 'a brand new passphrase for sam'

  // A wrong code is named as such, beside the code field.
  await codeField.fill('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF')
  await choosePassphrase(app, newPassphrase, newPassphrase, 'New passphrase')
  await app.getByRole('button', { name: 'Unlock and set new passphrase' }).click()
  await expect(codeField).toHaveAccessibleDescription(/That recovery code is not right/)
  expect(bridge.core.vault.state).toBe('locked')

  // Typed the way people copy from paper: small letters, spaces instead of dashes.
  await codeField.fill(code.toLowerCase())
  await shoot('recover-with-code')
  await app.getByRole('button', { name: 'Unlock and set new passphrase' }).click()
  await expect(peopleHeading(app)).toBeVisible()
  await expect(
    app.getByRole('status').filter({ hasText: 'Your new passphrase is set' })
  ).toBeVisible()
  await expect(app.getByRole('list', { name: 'People in this vault' })).toContainText('Sam')

  // The old passphrase no longer opens the vault; the new one does.
  await lock(app)
  await unlock(app, PASSPHRASE)
  await expect(app.getByLabel('Passphrase', { exact: true })).toHaveAccessibleDescription(
    WRONG_PASSPHRASE_TEXT
  )
  await expect(lockedHeading(app)).toBeVisible()
  // Keyboard only: the field has focus, Enter unlocks.
  await expect(app.getByLabel('Passphrase', { exact: true })).toBeFocused()
  await app.keyboard.press('ControlOrMeta+A')
  await app.keyboard.type(newPassphrase)
  await app.keyboard.press('Enter')
  await expect(peopleHeading(app)).toBeVisible()
  await expect(app.getByRole('list', { name: 'People in this vault' })).toContainText('Sam')
})

test('Lantern locks itself after the chosen minutes without activity', async ({
  app,
  bridge,
  shoot
}) => {
  // The clock must be in place before the app's code runs.
  await app.clock.install()
  await app.reload()
  await createVault(app)
  await addPerson(app, 'Ada')

  await app
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click()
  await expect(app.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  const minutes = app.getByLabel('Lock after this many minutes without activity')
  await expect(minutes).toHaveValue('10')

  // Out of range: the message sits beside the field and nothing is saved.
  await minutes.fill('0')
  await app.getByRole('button', { name: 'Save' }).click()
  await expect(minutes).toHaveAccessibleDescription(/from 1 to 240/)
  expect((await bridge.core.handlers['settings.get']({})).autoLockMinutes).toBe(10)

  await minutes.fill('1')
  await app.getByRole('button', { name: 'Save' }).click()
  await expect(app.getByRole('status').filter({ hasText: 'Saved' })).toContainText(
    'lock after 1 minute without activity'
  )
  await expect(minutes).not.toHaveAttribute('aria-invalid')
  expect((await bridge.core.handlers['settings.get']({})).autoLockMinutes).toBe(1)
  await shoot('settings')

  // Activity puts it off, in the page and in the core, which hears of it… (80 s after the last
  // save, 40 s after the click; the page clock also runs in real time, so each step keeps a
  // 20 s margin for a slow machine.)
  const heading = app.getByRole('heading', { level: 1, name: 'Settings' })
  await app.clock.fastForward(40_000)
  const reported = app.waitForRequest('**/api/session.activity')
  await heading.click()
  await reported
  await app.clock.fastForward(40_000)
  await expect(heading).toBeVisible()
  expect(bridge.core.vault.state).toBe('unlocked')

  // …and a minute of stillness locks.
  await app.clock.fastForward(61_000)
  await expect(lockedHeading(app)).toBeVisible()
  await expect(app.getByRole('status')).toHaveText(
    'Locked after 1 minute without activity. Your information is safe.'
  )
  expect(bridge.core.vault.state).toBe('locked')
  await expect(app.getByText('Ada')).toHaveCount(0)
  await shoot('unlock-after-auto-lock')

  // Unlocking again starts on People, with the person still there.
  await unlock(app, PASSPHRASE)
  await expect(peopleHeading(app)).toBeVisible()
  await expect(app.getByRole('list', { name: 'People in this vault' })).toContainText('Ada')
})

test('when the core locks by itself (screen locked, computer asleep), the page follows', async ({
  app,
  bridge
}) => {
  await app.clock.install()
  await app.reload()
  await createVault(app)
  await addPerson(app, 'Noor')

  // What the Electron shell does on 'lock-screen'; the page is not touched.
  await bridge.core.autoLock.lock('lock-screen')
  expect(bridge.core.vault.state).toBe('locked')
  await app.clock.fastForward(15_000)
  await expect(lockedHeading(app)).toBeVisible()
  await expect(app.getByRole('status')).toHaveText('Lantern was locked. Your information is safe.')
  await expect(app.getByText('Noor')).toHaveCount(0)
})
