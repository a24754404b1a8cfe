/**
 * One walk through every screen of Lantern, every dialog and every open picker, for the checks
 * that must hold everywhere (axe-core, reflow). The walk stops at each place and hands it to
 * `at`, which may resize the window and change the colours but must leave the page as it was:
 * the walk goes on from there at the size it started with. Where a dialog, a form or a picker
 * opens on a screen already visited, `at` is also given that part, the only thing that changed.
 *
 * Set-up is the slow part of an end-to-end test (a vault, the sample record), so the places are
 * visited once each, in the order a person would reach them, and every check runs at each stop.
 */
import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures.ts'
import {
  PASSPHRASE,
  addPerson,
  choosePassphrase,
  lock,
  openSettings,
  readRecoveryCode
} from './steps.ts'

export const SAMPLE_NAME = 'Sample: Alex (fictional)'

/**
 * The layouts every screen must work in. Zoom at 200% halves the CSS-pixel viewport: a
 * 1280 × 820 window zoomed to 200% lays the page out in 640 × 410 CSS pixels, with the same
 * media queries, wrapping and scrolling as a 640 × 410 window at 100%. Chromium's zoom changes
 * only how many device pixels draw each CSS pixel, which no layout or axe rule can see, and a
 * device scale factor is fixed for a browser context (a new one would mean a new app and a new
 * vault per layout), so 200% zoom is emulated as that viewport.
 */
export const LAYOUTS = [
  { name: 'normal width', width: 1200, height: 820 },
  { name: '320 px wide', width: 320, height: 640 },
  { name: '200% zoom', width: 640, height: 410 }
] as const
export type Layout = (typeof LAYOUTS)[number]
export const NORMAL = LAYOUTS[0]

/** A document of the person's own with headings and a table wider than a phone. */
const LETTER = {
  name: 'clinic-letter.md',
  mimeType: 'text/markdown',
  buffer: Buffer.from(
    [
      '# Letter from the clinic',
      '',
      'Alex came to the clinic for a routine check. The counts are below.',
      '',
      '## Blood counts',
      '',
      '| Test | Result | Usual range | Taken on | Comment from the laboratory |',
      '|---|---|---|---|---|',
      '| Haemoglobin | 121 g/L | 115–155 g/L | 2026-03-02 | Within the usual range for age |',
      '| Neutrophils | 1.9 × 10⁹/L | 1.5–8.0 × 10⁹/L | 2026-03-02 | Within the usual range |',
      '',
      '## Next visit',
      '',
      'In three months, with blood tests on the same day.'
    ].join('\n')
  )
}
export const LETTER_TITLE = 'Letter from the clinic'

export type Stop = (place: string, part?: Locator) => Promise<void>

function region(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true })
}

function personTabs(page: Page) {
  return page.getByRole('navigation', { name: `Pages for ${SAMPLE_NAME}` })
}

async function openTab(page: Page, tab: string) {
  await personTabs(page).getByRole('link', { name: tab }).click()
  await expect(personTabs(page).getByRole('link', { name: tab })).toHaveAttribute(
    'aria-current',
    'page'
  )
}

async function openGuides(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Guides' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Guides' })).toBeVisible()
}

export async function visitEveryScreen(page: Page, at: Stop): Promise<void> {
  // Leaving a form that was never saved asks first; the walk always means to leave.
  page.on('dialog', (dialog) => void dialog.accept())

  // ---- First run ----
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Lantern' })).toBeVisible()
  await at('first run')
  await choosePassphrase(page, 'short', 'different')
  await page.getByRole('button', { name: 'Create my vault' }).click()
  await expect(page.getByRole('alert').first()).toBeVisible()
  await at('first run, with its errors')
  await page.getByRole('button', { name: 'Restore from a backup file' }).click()
  const restoreFile = region(page, 'Moving from another computer?')
  await restoreFile.getByRole('button', { name: 'Restore', exact: true }).click()
  await expect(restoreFile.getByText('Choose the backup file.')).toBeVisible()
  await at('first run, restoring a backup file, with its errors')
  await choosePassphrase(page, PASSPHRASE)
  await page.getByRole('button', { name: 'Create my vault' }).click()
  await readRecoveryCode(page)
  await at('recovery code')
  await page.getByLabel('I have written down or printed my recovery code').check()
  await page.getByRole('button', { name: 'Continue' }).click()

  // ---- People ----
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible()
  await at('people, none yet')
  await addPerson(page, 'Maya')
  await page.getByRole('button', { name: 'Rename Maya' }).click()
  await at('people, renaming', page.getByRole('listitem').filter({ hasText: 'New name for Maya' }))
  await page.keyboard.press('Escape')

  // ---- Settings, and the sample record ----
  await openSettings(page)
  await page.getByRole('button', { name: 'Change passphrase' }).click()
  await expect(page.getByRole('alert').first()).toBeVisible()
  const sample = region(page, 'Sample record')
  await sample.getByRole('button', { name: 'Load the sample' }).click()
  await expect(sample.getByRole('status').first()).toContainText('The sample record is ready.')
  const backupFile = region(page, 'Backup file')
  await backupFile.getByRole('button', { name: 'Restore a backup file…' }).click()
  await backupFile.getByRole('button', { name: 'Restore', exact: true }).click()
  await expect(backupFile.getByText('Tick this to replace the vault here')).toBeVisible()
  await at('settings, with errors and the sample loaded')

  // ---- One person: summary, care plan, record, details ----
  await sample.getByRole('link', { name: 'Open the sample record' }).click()
  // The heading is the name alone (the "fictional" badge sits beside it); the window title says
  // the page and whose it is.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SAMPLE_NAME)
  await expect(page).toHaveTitle(`Treatment summary — ${SAMPLE_NAME} — Lantern`)
  await expect(page.getByRole('table').first()).toBeVisible()
  await at('summary')
  await page.getByRole('button', { name: 'Export PDF' }).click()
  const exportDialog = page.getByRole('dialog', { name: 'Export a PDF for a doctor' })
  await expect(exportDialog).toBeVisible()
  await at('export dialog', exportDialog)
  await exportDialog.getByRole('button', { name: 'Close' }).click()
  await expect(exportDialog).toBeHidden()

  await openTab(page, 'Care plan')
  await expect(
    page.getByRole('heading', { level: 2, name: 'Survivorship care plan' })
  ).toBeVisible()
  await at('care plan')
  const doneButton = page.getByRole('button', { name: /^Mark done / })
  const card = page.getByRole('article').filter({ has: doneButton }).first()
  await card.getByRole('button', { name: /^Mark done / }).click()
  await expect(card.getByLabel('Date it was done')).toBeVisible()
  await at('care plan, marking a check done', card)
  await page.getByRole('button', { name: 'Cancel' }).first().click()

  await openTab(page, 'Record')
  await expect(page).toHaveTitle(`Treatment record — ${SAMPLE_NAME} — Lantern`)
  const medicines = region(page, 'Medicines given')
  await expect(medicines.getByRole('listitem').first()).toBeVisible()
  await at('record with entries')
  await medicines.getByRole('button', { name: 'Add a medicine' }).click()
  const picker = medicines.getByRole('combobox', { name: /Medicine/ })
  await picker.fill('vinc')
  await expect(medicines.getByRole('option', { name: /^vincristine/ })).toBeVisible()
  const newEntry = medicines.locator('form')
  await at('record, drug picker with matches', newEntry)
  await picker.fill('aspirin')
  await expect(
    medicines.getByText('No medicine in Lantern’s list matches “aspirin”.')
  ).toBeVisible()
  await at('record, drug picker with no match', newEntry)
  await picker.press('Escape')
  await medicines.getByRole('button', { name: 'Cancel' }).click()

  await openTab(page, 'Details')
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible()
  await at('person details')

  // ---- The library ----
  await openGuides(page)
  await at('guides')
  const documents = region(page, 'Your documents')
  await documents.getByLabel('Add a document').setInputFiles(LETTER)
  await expect(documents.getByRole('status').filter({ hasText: /\S/ })).toHaveText(
    `Added “${LETTER_TITLE}”. It is in the list below and in search.`
  )
  const search = page
    .getByRole('search')
    .getByLabel('Search the guides, the glossary and your documents')
  await search.pressSequentially('neutrophil', { delay: 20 })
  await expect(page.getByRole('status').filter({ hasText: '“neutrophil”' })).toBeVisible()
  await at('guides, with a document and search results')
  await search.fill('')

  await documents.getByRole('link', { name: LETTER_TITLE, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: LETTER_TITLE })).toBeVisible()
  await expect(page).toHaveTitle(`${LETTER_TITLE} — Guides — Lantern`)
  await at('document')
  await page.getByRole('button', { name: 'Delete this document' }).click()
  const asking = page.getByRole('group', { name: /^Delete “/ })
  await expect(asking).toBeVisible()
  await at('document, asking before deleting', asking)
  await page.getByRole('button', { name: 'Keep it' }).click()

  await openGuides(page)
  await page.getByRole('link', { name: /^Childhood acute lymphoblastic leukemia/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Childhood acute/ })).toBeVisible()
  await expect(page).toHaveTitle('Childhood acute lymphoblastic leukemia (ALL) — Guides — Lantern')
  await at('guide')

  await openGuides(page)
  await page.getByRole('link', { name: 'Open the glossary' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible()
  await at('glossary')

  // ---- Locked ----
  await lock(page)
  await at('unlock')
  await page.getByLabel('Passphrase', { exact: true }).fill('wrong passphrase')
  await page.getByRole('button', { name: 'Unlock', exact: true }).click()
  await expect(page.getByRole('alert')).toBeVisible()
  await at('unlock, wrong passphrase')
  await page.getByRole('button', { name: 'Forgot your passphrase? Use your recovery code' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await at('recovery')
}
