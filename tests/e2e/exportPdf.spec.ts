/**
 * A parent makes the PDF for a doctor in the browser (through the bridge, so as a download):
 * from the Summary with a password, then from the Care plan without one. The downloads are
 * read with poppler, as the doctor's computer would read them.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { todayIso } from '../../electron/shared/record.ts'
import { expect, test } from './fixtures.ts'
import {
  createVault,
  expectAccessible,
  loadSample,
  openSampleTab as openTab,
  SAMPLE_NAME,
  watchForPageErrors
} from './steps.ts'

const PDF_PASSWORD = 'otter-lighthouse-7'
const NOTES_SHOTS = '/work/notes/shots'

const squeeze = (s: string) => s.replace(/\s+/g, '')

function pdftotext(file: string, args: string[] = []) {
  return spawnSync('pdftotext', [...args, '-raw', file, '-'], { encoding: 'utf8' })
}

test('a parent exports the summary as a PDF with a password, the care plan without one, then the one-page summary and the wallet card', async ({
  app
}, testInfo) => {
  const pageErrors = watchForPageErrors(app)
  await createVault(app)
  await loadSample(app)
  await openTab(app, 'Summary')

  // What the Summary screen says each medicine added up to: agent, route, both totals, doses.
  const medicines = app.getByRole('table', { name: /Cumulative dose of each medicine/ })
  await expect(medicines.getByRole('row')).toHaveCount(14)
  const screenDoses: string[][] = []
  for (const row of await medicines.locator('tbody tr').all()) {
    // The row's name without its marks ("estimated"), then its cells as the screen shows them.
    const agent = await row.locator('th').evaluate((th) => th.firstChild?.textContent ?? '')
    screenDoses.push([agent, ...(await row.locator('td').allTextContents())].map((s) => s.trim()))
  }

  // For people to look at: the Summary at desktop width and at 320 px.
  mkdirSync(NOTES_SHOTS, { recursive: true })
  await app.screenshot({ path: join(NOTES_SHOTS, 'summary-desktop.png'), fullPage: true })
  await app.setViewportSize({ width: 320, height: 820 })
  await app.screenshot({ path: join(NOTES_SHOTS, 'summary-320.png'), fullPage: true })
  await app.setViewportSize({ width: 1200, height: 820 })

  const opener = app.getByRole('button', { name: 'Export PDF' })
  await opener.click()
  const dialog = app.getByRole('dialog', { name: 'Export a PDF for a doctor' })
  await expect(dialog).toBeVisible()
  // The full document is the one on offer; the others are named but not ready.
  await expect(dialog.getByRole('radio', { name: /Full summary and care plan/ })).toBeChecked()
  await expect(dialog.getByRole('radio', { name: /One-page summary/ })).not.toBeChecked()
  await expect(dialog.getByRole('radio', { name: /Wallet card/ })).not.toBeChecked()
  // Chromium here speaks en-US: US Letter unless changed.
  await expect(dialog.getByRole('radio', { name: 'US Letter' })).toBeChecked()
  for (const part of ['Treatment', 'Care team', 'Survivorship care plan, with its sources']) {
    await expect(dialog.getByRole('checkbox', { name: part, exact: true })).toBeChecked()
  }
  await expect(
    dialog.getByRole('checkbox', { name: 'Put the name in the file’s details' })
  ).not.toBeChecked()
  // Focus is inside the dialog, on its first choice.
  await expect(dialog.getByRole('radio', { name: /Full summary and care plan/ })).toBeFocused()
  await expectAccessible(app, 'export dialog')
  mkdirSync(NOTES_SHOTS, { recursive: true })
  // Tall enough for the whole dialog in one picture.
  await app.setViewportSize({ width: 1200, height: 1400 })
  await dialog.screenshot({ path: join(NOTES_SHOTS, 'export-dialog.png') })
  await app.setViewportSize({ width: 1200, height: 820 })

  // A short password is refused beside its field, and nothing is made.
  const password = dialog.getByRole('textbox', { name: 'Password (optional)' })
  const confirm = dialog.getByRole('textbox', { name: 'Type the password again' })
  await password.fill('abc')
  await dialog.getByRole('button', { name: 'Make the PDF' }).click()
  await expect(
    dialog.getByText('Use at least 8 characters, or leave the password empty.')
  ).toBeVisible()
  await expect(password).toBeFocused()
  await expect(password).toHaveAttribute('aria-invalid', 'true')

  await password.fill(PDF_PASSWORD)
  await confirm.fill(PDF_PASSWORD)
  await dialog.getByRole('radio', { name: 'A4' }).check()
  const downloading = app.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Make the PDF' }).click()
  const download = await downloading
  const fileName = `Lantern summary - Sample Alex (fictional) - ${todayIso()}.pdf`
  expect(download.suggestedFilename()).toBe(fileName)
  const locked = testInfo.outputPath('locked.pdf')
  await download.saveAs(locked)
  await expect(dialog.getByRole('status')).toContainText(`Made “${fileName}”.`)
  expect(pdftotext(locked).stdout).toBe('')
  const opened = pdftotext(locked, ['-upw', PDF_PASSWORD])
  expect(opened.status).toBe(0)
  expect(squeeze(opened.stdout)).toContain(squeeze(SAMPLE_NAME))
  // The screen and the paper agree: every agent's cumulative doses, as the screen shows them,
  // are in the PDF in the same order within the agent's row (per m², total, number of doses).
  expect(screenDoses).toHaveLength(13)
  const paper = squeeze(opened.stdout)
  for (const [agent, , , perM2, total, doses] of screenDoses) {
    expect(total, `${agent}: a total on screen`).toMatch(/^[\d,.]+ (mg|IU|g|units?)$/)
    expect(paper, `${agent}: ${perM2} ${total}`).toContain(squeeze(`${perM2}${total}${doses}`))
  }
  expect(execFileSync('pdfinfo', ['-upw', PDF_PASSWORD, locked], { encoding: 'utf8' })).toMatch(
    /Page size:\s+595\.28 x 841\.89 pts \(A4\)/
  )

  // Esc closes the dialog, forgets the password and gives focus back to the button.
  await app.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(opener).toBeFocused()

  // From the Care plan page, without a password.
  await openTab(app, 'Care plan')
  await app.getByRole('button', { name: 'Export PDF' }).click()
  const again = app.getByRole('dialog', { name: 'Export a PDF for a doctor' })
  await expect(again.getByRole('textbox', { name: 'Password (optional)' })).toHaveValue('')
  const plain = app.waitForEvent('download')
  await again.getByRole('button', { name: 'Make the PDF' }).click()
  const open = testInfo.outputPath('open.pdf')
  await (await plain).saveAs(open)
  const text = pdftotext(open)
  expect(text.status).toBe(0)
  expect(squeeze(text.stdout)).toContain(squeeze(SAMPLE_NAME))
  expect(text.stdout).toContain('Survivorship care plan')

  // The one-page summary and the wallet card: each one sheet; the parts list is for the full one.
  for (const [choice, marker] of [
    ['One-page summary', 'Continued in the full summary'],
    ['Wallet card', 'Print at 100%']
  ] as const) {
    await again.getByRole('radio', { name: new RegExp(`^${choice}`) }).check()
    await expect(again.getByRole('group', { name: /^Parts to include/ })).toHaveCount(0)
    const made = app.waitForEvent('download')
    await again.getByRole('button', { name: 'Make the PDF' }).click()
    const file = testInfo.outputPath(`${choice}.pdf`)
    await (await made).saveAs(file)
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/)
    const words = squeeze(pdftotext(file).stdout)
    expect(words).toContain(squeeze(SAMPLE_NAME))
    expect(words).toContain(squeeze(marker))
  }
  await again.getByRole('button', { name: 'Close' }).click()
  await expect(app.getByRole('button', { name: 'Export PDF' })).toBeFocused()
  expect(pageErrors).toEqual([])
})
