/**
 * Lantern with the keyboard alone: no mouse, no clicks, no filling fields from outside. Every
 * step is a key press (Tab, Shift+Tab, Enter, Space, arrows) or typing, and after each step the
 * test says where the keyboard must be: the element that has focus, by its role and name.
 */
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { PASSPHRASE } from './steps.ts'

interface Target {
  role: string
  name: string | RegExp
}

/** The focused element's role (explicit, or the one its tag implies) and accessible name. */
async function focused(page: Page): Promise<{ role: string; name: string }> {
  const active = page.locator(':focus')
  if ((await active.count()) === 0) return { role: 'none (focus is on <body>)', name: '' }
  const snapshot = await active.ariaSnapshot()
  // "- heading "People" [level=1]" → role "heading", name "People".
  const match = /^- ([\w-]+)(?: "((?:[^"\\]|\\.)*)")?/.exec(snapshot.trim())
  return { role: match?.[1] ?? 'unknown', name: match?.[2]?.replace(/\\"/g, '"') ?? '' }
}

function matches(actual: { role: string; name: string }, target: Target): boolean {
  if (actual.role !== target.role) return false
  return typeof target.name === 'string'
    ? actual.name === target.name
    : target.name.test(actual.name)
}

/** Asserts where the keyboard is now. */
async function expectFocusOn(page: Page, target: Target): Promise<void> {
  await expect
    .poll(() => focused(page), { message: `focus on ${target.role} ${target.name}` })
    .toEqual(
      expect.objectContaining({
        role: target.role,
        name: typeof target.name === 'string' ? target.name : expect.stringMatching(target.name)
      })
    )
}

/**
 * Presses Tab (or Shift+Tab) until the keyboard reaches `target`, as a person does; fails if it
 * is not reached within `most` presses.
 */
async function tabTo(page: Page, target: Target, { back = false, most = 60 } = {}): Promise<void> {
  for (let press = 0; press < most; press++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
    if (matches(await focused(page), target)) return
  }
  throw new Error(`Tab did not reach ${target.role} “${String(target.name)}” in ${most} presses`)
}

test('the whole of Lantern by keyboard alone: vault, a medicine, search, bookmark, lock and unlock', async ({
  app
}) => {
  test.setTimeout(180_000)
  const page = app

  // ---- Create the vault ----
  await expectFocusOn(page, { role: 'heading', name: 'Welcome to Lantern' })
  await tabTo(page, { role: 'textbox', name: 'Passphrase' })
  await page.keyboard.type(PASSPHRASE)
  await tabTo(page, { role: 'textbox', name: 'Type the passphrase again' })
  await page.keyboard.type(PASSPHRASE)
  await page.keyboard.press('Enter')
  await expectFocusOn(page, { role: 'heading', name: 'Your recovery code' })
  await tabTo(page, { role: 'checkbox', name: 'I have written down or printed my recovery code' })
  await page.keyboard.press('Space')
  await tabTo(page, { role: 'button', name: 'Continue' })
  await page.keyboard.press('Enter')
  await expectFocusOn(page, { role: 'heading', name: 'People' })

  // ---- A person, and their record ----
  await tabTo(page, { role: 'textbox', name: 'Name' })
  await page.keyboard.type('Maya')
  await page.keyboard.press('Enter')
  // Ready for the next name, with Maya in the list.
  await expectFocusOn(page, { role: 'textbox', name: 'Name' })
  await expect(page.getByRole('list', { name: 'People in this vault' })).toContainText('Maya')
  await tabTo(page, { role: 'link', name: 'Maya' }, { back: true })
  await page.keyboard.press('Enter')
  await expectFocusOn(page, { role: 'heading', name: 'Maya' })
  await tabTo(page, { role: 'link', name: 'Record' })
  await page.keyboard.press('Enter')
  await expect(page).toHaveTitle('Treatment record — Maya — Lantern')
  // Like a tab: the keyboard stays on the page's name in Maya's pages, ready for the next one.
  await expectFocusOn(page, { role: 'link', name: 'Record' })

  // ---- A medicine through the picker ----
  await tabTo(page, { role: 'button', name: 'Add a medicine' }, { most: 80 })
  await page.keyboard.press('Enter')
  await expectFocusOn(page, { role: 'combobox', name: 'Medicine' })
  await page.keyboard.type('vinc')
  const medicines = page.getByRole('region', { name: 'Medicines given', exact: true })
  await expect(medicines.getByRole('status').filter({ hasText: /medicines? match/ })).toHaveText(
    /^\d+ medicines? match(es)?\.$/
  )
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowUp')
  await expect(page.getByRole('combobox', { name: 'Medicine' })).toHaveAttribute(
    'aria-activedescendant',
    /option-0$/
  )
  await page.keyboard.press('Enter')
  await expectFocusOn(page, { role: 'combobox', name: 'Medicine' })
  await expect(page.getByRole('combobox', { name: 'Medicine' })).toHaveValue('vincristine')
  await expect(page.getByRole('combobox', { name: 'Medicine' })).toHaveAttribute(
    'aria-expanded',
    'false'
  )
  await tabTo(page, { role: 'textbox', name: 'Dose (each time)' })
  await page.keyboard.type('1.5')
  // A closed list box: typing picks the first unit that starts so (mg/m²), the arrow the next.
  await tabTo(page, { role: 'combobox', name: 'Unit' })
  await page.keyboard.type('mg')
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('combobox', { name: 'Unit' })).toHaveValue('mg')
  await tabTo(page, { role: 'textbox', name: 'Date given' })
  await page.keyboard.type('03022021')
  await tabTo(page, { role: 'button', name: 'Save' })
  await page.keyboard.press('Enter')
  // Saved: the form closes into the medicine's own row, and the keyboard is on its Edit button.
  await expectFocusOn(page, { role: 'button', name: /^Edit vincristine/ })
  await expect(medicines.getByRole('status').filter({ hasText: 'Added' })).toBeVisible()

  // ---- Search the guides and open a result ----
  await tabTo(page, { role: 'link', name: 'Guides' }, { back: true, most: 120 })
  await page.keyboard.press('Enter')
  await expectFocusOn(page, { role: 'heading', name: 'Guides' })
  await tabTo(page, {
    role: 'searchbox',
    name: 'Search the guides, the glossary and your documents'
  })
  await page.keyboard.type('lumbar puncture')
  await expect(page.getByRole('status').filter({ hasText: '“lumbar puncture”' })).toBeVisible()
  const results = page.getByRole('list', { name: 'Search results' })
  await page.keyboard.press('ArrowDown')
  const first = (await results.getByRole('link').first().textContent())!.trim()
  await expectFocusOn(page, { role: 'link', name: first })
  // Down the results to the first section of the childhood guide.
  const inGuide = results.getByRole('listitem').filter({ hasText: 'Childhood acute' }).first()
  const title = (await inGuide.getByRole('link').textContent())!.trim()
  if (title !== first) await tabTo(page, { role: 'link', name: title })
  await page.keyboard.press('Enter')
  // The section found: the keyboard is on its heading, at the top of what to read.
  await expectFocusOn(page, { role: 'heading', name: title })

  // ---- Bookmark it ----
  await tabTo(page, { role: 'button', name: `Bookmark ${title}` })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: `Bookmark ${title}` })).toHaveAttribute(
    'aria-pressed',
    'true'
  )
  await expectFocusOn(page, { role: 'button', name: `Bookmark ${title}` })

  // ---- Lock, and unlock ----
  await tabTo(page, { role: 'button', name: 'Lock' }, { back: true, most: 200 })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Lantern is locked' })).toBeVisible()
  await expectFocusOn(page, { role: 'textbox', name: 'Passphrase' })
  await page.keyboard.type(PASSPHRASE)
  await page.keyboard.press('Enter')
  await expectFocusOn(page, { role: 'heading', name: 'People' })
})
