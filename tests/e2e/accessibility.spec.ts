import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { PASSPHRASE, addPerson, choosePassphrase, lock, readRecoveryCode } from './steps.ts'

/** axe-core on the screen as it is now: no serious or critical violations. */
async function expectNoSeriousViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${screen}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
    )
  expect(serious).toEqual([])
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every screen so far passes axe-core in the ${colorScheme} theme`, async ({ app }) => {
    await app.emulateMedia({ colorScheme })
    await expect(app.getByRole('heading', { level: 1, name: 'Welcome to Lantern' })).toBeVisible()
    await expectNoSeriousViolations(app, 'welcome')

    // With every kind of message showing.
    await choosePassphrase(app, 'short', 'different')
    await app.getByRole('button', { name: 'Create my vault' }).click()
    await expect(app.getByRole('alert').first()).toBeVisible()
    await expectNoSeriousViolations(app, 'welcome with errors')

    await choosePassphrase(app, PASSPHRASE)
    await app.getByRole('button', { name: 'Create my vault' }).click()
    await readRecoveryCode(app)
    await expectNoSeriousViolations(app, 'recovery code')
    await app.getByLabel('I have written down or printed my recovery code').check()
    await app.getByRole('button', { name: 'Continue' }).click()

    await expect(app.getByRole('heading', { level: 1, name: 'People' })).toBeVisible()
    await expectNoSeriousViolations(app, 'people, empty')
    await addPerson(app, 'Maya')
    await app.getByRole('button', { name: 'Rename Maya' }).click()
    await expectNoSeriousViolations(app, 'people, renaming')

    await app.getByRole('link', { name: 'Settings' }).click()
    await expect(app.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
    await app.getByRole('button', { name: 'Change passphrase' }).click()
    await expect(app.getByRole('alert').first()).toBeVisible()
    await expectNoSeriousViolations(app, 'settings with errors')

    await lock(app)
    await app.getByLabel('Passphrase', { exact: true }).fill('wrong passphrase')
    await app.getByRole('button', { name: 'Unlock', exact: true }).click()
    await expect(app.getByRole('alert')).toBeVisible()
    await expectNoSeriousViolations(app, 'unlock, wrong passphrase')

    await app
      .getByRole('button', { name: 'Forgot your passphrase? Use your recovery code' })
      .click()
    await expectNoSeriousViolations(app, 'recover with code')
  })
}
