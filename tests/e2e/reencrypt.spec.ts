/**
 * "Someone else may know my passphrase": the person ticks the box, watches the re-encryption
 * go step by step, writes down the new recovery code, and from then on only the new passphrase
 * opens the vault.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import {
  PASSPHRASE,
  WRONG_PASSPHRASE_TEXT,
  addPerson,
  choosePassphrase,
  createVault,
  expectAccessible,
  lock,
  lockedHeading,
  openSettings,
  peopleHeading,
  readRecoveryCode,
  unlock,
  watchForPageErrors
} from './steps.ts'

const NEW_PASSPHRASE = 'a lantern nobody else has seen'

async function fillReencryptForm(page: Page) {
  const form = page.getByRole('region', { name: 'Change passphrase' })
  await form.getByLabel('Current passphrase', { exact: true }).fill(PASSPHRASE)
  await choosePassphrase(page, NEW_PASSPHRASE, NEW_PASSPHRASE, 'New passphrase')
  await form.getByLabel('Someone else may know my current passphrase').check()
  return form
}

/** Lets a request through only when `release` is called. */
function gate() {
  let release = () => {}
  const opened = new Promise<void>((resolve) => (release = resolve))
  return { opened, release }
}

test('re-encrypting under a new key: progress, a new recovery code, and only the new passphrase opens', async ({
  app,
  bridge,
  shoot
}) => {
  const pageErrors = watchForPageErrors(app)
  const oldCode = await createVault(app)
  await addPerson(app, 'Maya')
  await openSettings(app)
  const form = await fillReencryptForm(app)

  // What the core answered each time the screen asked how far it had got.
  const answers: unknown[] = []
  app.on('response', (response) => {
    if (response.url().endsWith('/api/vault.reencryptProgress')) {
      void response.json().then((body: { value?: unknown }) => answers.push(body.value))
    }
  })
  // The core does all its work, but its final answer is held back for a moment, so the screen
  // can be looked at while it still shows the progress the core reported.
  const held = gate()
  await app.route('**/api/vault.reencrypt', async (route) => {
    const response = await route.fetch()
    await held.opened
    await route.fulfill({ response })
  })

  await form.getByRole('button', { name: 'Change passphrase' }).click()
  const bar = form.getByRole('progressbar', { name: 'Re-encrypting your vault' })
  await expect(bar).toBeVisible()
  await expect(form.getByRole('button', { name: 'Re-encrypting…' })).toBeVisible()
  const step = form.getByRole('status').filter({ hasText: /^Step [1-8] of 8: / })
  await expect(step).toBeVisible()
  await expect(bar).toHaveAttribute('max', '8')
  await expect(bar).toHaveAttribute('aria-valuetext', (await step.innerText()).trim())
  await expect(form).toContainText('nothing is lost')
  await shoot('reencrypt-progress')
  await expectAccessible(app, 'settings while re-encrypting')

  // Asked while the work went on, the core answered with later and later steps, never a key.
  const seen = answers.filter((a) => a !== null) as { step: string; stepsDone: number }[]
  expect(seen.length).toBeGreaterThan(0)
  const done = seen.map((a) => a.stepsDone)
  expect(done).toEqual([...done].sort((a, b) => a - b))
  for (const answer of seen)
    expect(Object.keys(answer).sort()).toEqual(['step', 'stepsDone', 'stepsTotal'])

  held.release()
  // The new recovery code, shown once, saying the old one is finished.
  await expect(app.getByRole('heading', { level: 1, name: 'Your recovery code' })).toBeVisible()
  await expect(app.getByText('This is a new recovery code')).toBeVisible()
  const newCode = await readRecoveryCode(app)
  expect(newCode.replace(/\s/g, '')).not.toEqual(oldCode.replace(/\s/g, ''))
  await shoot('reencrypt-new-recovery-code')
  await app.getByLabel('I have written down or printed my recovery code').check()
  await app.getByRole('button', { name: 'Continue' }).click()
  await expect(peopleHeading(app)).toBeVisible()
  await expect(app.getByRole('status').filter({ hasText: 'now use a new key' })).toBeVisible()
  await expect(app.getByText(newCode)).toHaveCount(0)

  // The old passphrase and the old recovery code are refused; the new passphrase opens it all.
  await lock(app)
  await unlock(app, PASSPHRASE)
  await expect(app.getByLabel('Passphrase', { exact: true })).toHaveAccessibleDescription(
    WRONG_PASSPHRASE_TEXT
  )
  await expect(lockedHeading(app)).toBeVisible()
  await app.getByRole('button', { name: 'Forgot your passphrase? Use your recovery code' }).click()
  const codeField = app.getByLabel('Recovery code')
  await codeField.fill(oldCode)
  await choosePassphrase(
    app,
    'one more passphrase to try',
    'one more passphrase to try',
    'New passphrase'
  )
  await app.getByRole('button', { name: 'Unlock and set new passphrase' }).click()
  await expect(codeField).toHaveAccessibleDescription(/That recovery code is not right/)
  await app.getByRole('button', { name: 'Back to the passphrase' }).click()
  expect(bridge.core.vault.state).toBe('locked')

  await unlock(app, NEW_PASSPHRASE)
  await expect(peopleHeading(app)).toBeVisible()
  await expect(app.getByRole('list', { name: 'People in this vault' })).toContainText('Maya')
  expect(bridge.core.vault.listBackups().map((b) => b.reason)).toContain('reencrypted')
  expect(pageErrors).toEqual([])
})

test('the inactivity lock waits for a re-encryption, so its new recovery code is not lost', async ({
  app,
  bridge
}) => {
  await app.clock.install()
  await app.reload()
  await createVault(app)
  await openSettings(app)
  const minutes = app.getByLabel('Lock after this many minutes without activity')
  await minutes.fill('1')
  await app.getByRole('button', { name: 'Save' }).click()
  await expect(app.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  const form = await fillReencryptForm(app)
  let lockRequests = 0
  app.on('request', (request) => {
    if (request.url().endsWith('/api/vault.lock')) lockRequests++
  })

  // The re-encryption reaches the core only after a minute and more of stillness.
  const held = gate()
  await app.route('**/api/vault.reencrypt', async (route) => {
    await held.opened
    await route.fallback()
  })
  await form.getByRole('button', { name: 'Change passphrase' }).click()
  await expect(form.getByRole('progressbar', { name: 'Re-encrypting your vault' })).toBeVisible()
  await app.clock.fastForward(61_000)
  // Time for a lock to reach the core, if one were on its way.
  await app.waitForTimeout(500)
  held.release()

  await expect(app.getByRole('heading', { level: 1, name: 'Your recovery code' })).toBeVisible()
  await readRecoveryCode(app)
  expect(bridge.core.vault.state).toBe('unlocked')
  expect(lockRequests).toBe(0)
})
