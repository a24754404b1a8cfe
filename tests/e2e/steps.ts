/**
 * What a person does in Lantern, step by step, for the end-to-end specs: each step goes
 * through the real UI with accessible locators, exactly as someone at the keyboard would.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect } from './fixtures.ts'

export const PASSPHRASE = 'maple river lantern at dusk'
export const RECOVERY_CODE_PATTERN = /^(?:[0-9A-Z]{5}\s*){6}$/

/** Collects console errors and uncaught exceptions (a CSP violation shows up here). */
export function watchForPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

export function newPassphraseField(page: Page, label = 'Passphrase') {
  return page.getByLabel(label, { exact: true })
}

export async function choosePassphrase(
  page: Page,
  passphrase: string,
  again = passphrase,
  label = 'Passphrase'
) {
  await newPassphraseField(page, label).fill(passphrase)
  await page.getByLabel('Type the passphrase again').fill(again)
}

/** The recovery code as shown on screen, e.g. "7K2QF M9XRT 0PZ4W H3NJC Q8VYD 2BGEA". */
export async function readRecoveryCode(page: Page): Promise<string> {
  const code = page.getByText(RECOVERY_CODE_PATTERN)
  await expect(code).toBeVisible()
  return ((await code.textContent()) ?? '').replace(/\s+/g, ' ').trim()
}

/** Creates the vault from the welcome screen; returns the recovery code it showed. */
export async function createVault(page: Page, passphrase = PASSPHRASE): Promise<string> {
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Lantern' })).toBeVisible()
  await choosePassphrase(page, passphrase)
  await page.getByRole('button', { name: 'Create my vault' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Your recovery code' })).toBeVisible()
  const code = await readRecoveryCode(page)
  await page.getByLabel('I have written down or printed my recovery code').check()
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible()
  return code
}

export async function addPerson(page: Page, name: string) {
  await page.getByLabel('Name', { exact: true }).fill(name)
  await page.getByRole('button', { name: 'Add person' }).click()
  await expect(page.getByRole('list', { name: 'People in this vault' })).toContainText(name)
}

export async function lock(page: Page) {
  await page.getByRole('button', { name: 'Lock', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Lantern is locked' })).toBeVisible()
}

export async function unlock(page: Page, passphrase: string) {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase)
  await page.getByRole('button', { name: 'Unlock', exact: true }).click()
}

export async function openSettings(page: Page) {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
}

export const SAMPLE_NAME = 'Sample: Alex (fictional)'

/** Loads the fictional sample from Settings and opens its record (the Summary). */
export async function loadSample(page: Page) {
  await openSettings(page)
  const panel = page.getByRole('region', { name: 'Sample record' })
  await panel.getByRole('button', { name: 'Load the sample' }).click()
  await expect(panel.getByRole('status').first()).toContainText('The sample record is ready.')
  await panel.getByRole('link', { name: 'Open the sample record' }).click()
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_NAME })).toBeVisible()
}

/** One of the sample person's pages, by its tab. */
export async function openSampleTab(page: Page, name: 'Summary' | 'Care plan') {
  const tabs = page.getByRole('navigation', { name: `Pages for ${SAMPLE_NAME}` })
  await tabs.getByRole('link', { name }).click()
  await expect(tabs.getByRole('link', { name })).toHaveAttribute('aria-current', 'page')
}

export function lockedHeading(page: Page) {
  return page.getByRole('heading', { level: 1, name: 'Lantern is locked' })
}

export function peopleHeading(page: Page) {
  return page.getByRole('heading', { level: 1, name: 'People' })
}

export const WRONG_PASSPHRASE_TEXT = /That passphrase is not right/
export const DAMAGED_TEXT = /The vault file is damaged/

/** axe-core on the screen as it is now, in both themes: no serious or critical violations. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze()
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${screen} (${colorScheme}): ${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)
    expect(serious).toEqual([])
  }
  await page.emulateMedia({ colorScheme: 'light' })
}
