import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import {
  PASSPHRASE,
  RECOVERY_CODE_PATTERN,
  addPerson,
  choosePassphrase,
  newPassphraseField,
  peopleHeading,
  readRecoveryCode,
  watchForPageErrors
} from './steps.ts'

test('a first visit makes the vault, shows the recovery code, and opens on People', async ({
  app,
  bridge,
  shoot
}) => {
  const pageErrors = watchForPageErrors(app)
  await app.reload()

  // Welcome: what Lantern is, and choosing a passphrase.
  await expect(app.getByRole('heading', { level: 1, name: 'Welcome to Lantern' })).toBeVisible()
  await expect(app.getByText('stays encrypted on this computer')).toBeVisible()
  await expect(app.getByText('Lantern cannot recover a forgotten passphrase')).toBeVisible()
  const meter = app.getByRole('meter', { name: 'Passphrase strength' })
  const passphrase = newPassphraseField(app)
  const again = app.getByLabel('Type the passphrase again')
  const create = app.getByRole('button', { name: 'Create my vault' })

  await expect(meter).toHaveAttribute('aria-valuetext', 'Not entered yet')
  await passphrase.fill('short')
  await expect(meter).toHaveAttribute('aria-valuetext', 'Too short')
  await create.click()
  await expect(passphrase).toHaveAttribute('aria-invalid', 'true')
  await expect(passphrase).toHaveAccessibleDescription(
    /Use at least 10 characters\. This one has 5\./
  )

  // A very common passphrase is long enough but called weak, in words, not only colour.
  await passphrase.fill('Password123!')
  await expect(meter).toHaveAttribute('aria-valuetext', 'Weak')
  await expect(app.getByText('one of the passphrases people use most')).toBeVisible()
  // A name, a year and symbols look varied but are guessed early: weak, and it says why.
  await passphrase.fill('Jennifer1985!!')
  await expect(meter).toHaveAttribute('aria-valuetext', 'Weak')
  await expect(app.getByText('Leave out recent years.')).toBeVisible()
  await shoot('first-run-weak-passphrase')

  // The two entries must match.
  await choosePassphrase(app, PASSPHRASE, PASSPHRASE + ' typo')
  await expect(meter).toHaveAttribute('aria-valuetext', 'Strong')
  await create.click()
  await expect(again).toHaveAccessibleDescription(/The two passphrases are not the same/)
  await expect(app.getByRole('alert').filter({ hasText: 'not the same' })).toBeVisible()
  await expect(again).toBeFocused()
  expect(bridge.core.vault.state).toBe('none')
  await shoot('first-run-welcome')

  await again.fill(PASSPHRASE)
  await expect(app.getByText('The two passphrases are not the same')).toHaveCount(0)
  await create.click()

  // The recovery code, once; Continue waits for the person to say they kept it.
  await expect(app.getByRole('heading', { level: 1, name: 'Your recovery code' })).toBeVisible()
  const code = await readRecoveryCode(app)
  expect(code).toMatch(RECOVERY_CODE_PATTERN)
  expect(bridge.core.vault.state).toBe('unlocked')
  const cont = app.getByRole('button', { name: 'Continue' })
  await expect(cont).toBeDisabled()
  await expect(app.getByRole('button', { name: 'Print' })).toBeVisible()
  await shoot('first-run-recovery-code')

  // Copy puts the code, as Lantern wrote it, on the clipboard.
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await app.getByRole('button', { name: 'Copy' }).click()
  await expect(app.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible()
  const copied = await app.evaluate<string>('navigator.clipboard.readText()')
  expect(copied).toBe(code.replace(/ /g, '-'))

  // Printing shows only the code and how to use it.
  await app.emulateMedia({ media: 'print' })
  await expect(app.getByText('Lantern recovery code', { exact: true })).toBeVisible()
  await expect(app.getByRole('button', { name: 'Copy' })).toBeHidden()
  await expect(cont).toBeHidden()
  await shoot('first-run-recovery-code-print')
  await app.emulateMedia({ media: 'screen' })

  const kept = app.getByLabel('I have written down or printed my recovery code')
  await kept.check()
  await expect(cont).toBeEnabled()
  await kept.uncheck()
  await expect(cont).toBeDisabled()
  await kept.check()
  await cont.click()

  // People: empty at first, inviting the first person.
  await expect(peopleHeading(app)).toBeVisible()
  await expect(app.getByRole('heading', { name: 'No one here yet' })).toBeVisible()
  await expect(app.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText([
    'People',
    'Guides',
    'Settings'
  ])
  await expect(app.getByRole('button', { name: 'Lock', exact: true })).toBeVisible()
  await shoot('people-empty')

  // An empty name is refused beside the field; a real one is added.
  await app.getByRole('button', { name: 'Add person' }).click()
  await expect(app.getByLabel('Name', { exact: true })).toHaveAccessibleDescription(
    /Enter a name\./
  )
  await addPerson(app, 'Maya')
  await expect(app.getByRole('status').filter({ hasText: 'Maya has been added.' })).toBeVisible()
  await addPerson(app, 'Zoë Núñez')

  // Rename in place; Escape asks before dropping the typed name (a second Escape keeps it),
  // then cancels without change.
  await app.getByRole('button', { name: 'Rename Zoë Núñez' }).click()
  const rename = app.getByLabel('New name for Zoë Núñez')
  await expect(rename).toBeFocused()
  await rename.fill('Zoë')
  await rename.press('Escape')
  const keep = app.getByRole('button', { name: 'Keep typing' })
  await expect(keep).toBeFocused()
  await keep.press('Escape')
  await expect(rename).toBeFocused()
  await expect(rename).toHaveValue('Zoë')
  await rename.press('Escape')
  await app.getByRole('button', { name: 'Close without saving' }).click()
  await expect(app.getByRole('button', { name: 'Rename Zoë Núñez' })).toBeFocused()
  await app.getByRole('button', { name: 'Rename Maya' }).click()
  await app.getByLabel('New name for Maya').fill('Maya Ortiz')
  await app.getByRole('button', { name: 'Save' }).click()
  const list = app.getByRole('list', { name: 'People in this vault' })
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await expect(list).toContainText('Maya Ortiz')
  await expect(list).toContainText('Zoë Núñez')
  await shoot('people')
  await app.emulateMedia({ colorScheme: 'dark' })
  await shoot('people-dark')
  await app.emulateMedia({ colorScheme: 'light' })

  // What the screen shows is what the core stored.
  const stored = await bridge.core.handlers['profiles.list']({})
  expect(stored.map((p) => p.displayName)).toEqual(['Maya Ortiz', 'Zoë Núñez'])
  expect(pageErrors).toEqual([])
})

/** Sideways overflow in pixels; 0 when the page fits its width. */
function overflow(page: Page): Promise<number> {
  // Runs in the page, which has the DOM (this file is type-checked for Node).
  return page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth'
  )
}

test('at 200% zoom every screen fits without sideways scrolling', async ({ app, shoot }) => {
  // 600 CSS pixels wide is what a 1200-pixel window shows at 200% zoom.
  await app.setViewportSize({ width: 600, height: 820 })
  await expect(app.getByRole('heading', { level: 1, name: 'Welcome to Lantern' })).toBeVisible()
  expect(await overflow(app)).toBeLessThanOrEqual(0)
  await shoot('narrow-welcome')

  await choosePassphrase(app, PASSPHRASE)
  await app.getByRole('button', { name: 'Create my vault' }).click()
  await readRecoveryCode(app)
  expect(await overflow(app)).toBeLessThanOrEqual(0)
  await shoot('narrow-recovery-code')
  await app.getByLabel('I have written down or printed my recovery code').check()
  await app.getByRole('button', { name: 'Continue' }).click()

  await addPerson(app, 'Alexandria Konstantinopoulou-Ramírez')
  expect(await overflow(app)).toBeLessThanOrEqual(0)
  await shoot('narrow-people')

  await app.getByRole('link', { name: 'Settings' }).click()
  await expect(app.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  expect(await overflow(app)).toBeLessThanOrEqual(0)
})
