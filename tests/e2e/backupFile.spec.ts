/**
 * A family moves to a new computer: a backup file made from Settings on the old one, then
 * restored through the welcome screen of a fresh Lantern, and the same person is there.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startBridge } from '../../tools/bridge/server.ts'
import { expect, test } from './fixtures.ts'
import {
  PASSPHRASE,
  addPerson,
  createVault,
  expectAccessible,
  openSettings,
  peopleHeading,
  watchForPageErrors
} from './steps.ts'

const PERSON = 'Marguerite Okonkwo-Lind'

test('a backup file made in Settings restores on a new computer through the welcome screen', async ({
  app,
  shoot
}) => {
  const pageErrors = watchForPageErrors(app)
  await createVault(app)
  await addPerson(app, PERSON)
  await openSettings(app)

  const panel = app.getByRole('region', { name: 'Backup file' })
  await expect(panel).toContainText('You have not made a backup file yet')
  const downloading = app.waitForEvent('download')
  await panel.getByRole('button', { name: 'Make a backup file' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^Lantern backup \d{4}-\d{2}-\d{2}\.lantern-backup$/)
  const folder = mkdtempSync(join(tmpdir(), 'lantern-backup-file-'))
  const file = join(folder, download.suggestedFilename())
  await download.saveAs(file)
  await expect(panel).toContainText('Last backup file made')
  await expect(panel).not.toContainText('You have not made a backup file yet')
  await expect(panel.getByRole('status').first()).toContainText('The backup file is downloading')
  await expect(panel.getByRole('button', { name: 'Make a backup file' })).toBeFocused()
  await expectAccessible(app, 'settings with the backup file')
  const bytes = readFileSync(file)
  expect(bytes.includes(Buffer.from(PERSON))).toBe(false)
  const damaged = join(folder, 'damaged.lantern-backup')
  bytes[Math.floor(bytes.length / 2)]! ^= 0x01
  writeFileSync(damaged, bytes)

  // The new computer: another data folder, another Lantern, another browser profile.
  const newDataDir = mkdtempSync(join(tmpdir(), 'lantern-e2e-new-computer-'))
  const bridge = await startBridge({ dataDir: newDataDir, rendererDir: resolve('out/renderer') })
  const context = await app.context().browser()!.newContext()
  try {
    const page = await context.newPage()
    const newPageErrors = watchForPageErrors(page)
    await page.goto(bridge.url)
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Lantern' })).toBeVisible()
    await page.getByRole('button', { name: 'Restore from a backup file' }).click()
    const restore = page.getByRole('region', { name: 'Moving from another computer?' })
    const fileField = restore.getByLabel('Backup file', { exact: true })
    const passphrase = restore.getByLabel('Passphrase of the backup file', { exact: true })
    const restoreButton = restore.getByRole('button', { name: 'Restore', exact: true })
    await expect(fileField).toBeVisible()
    await expectAccessible(page, 'restore a backup file on the welcome screen')

    // Nothing chosen: said beside the field.
    await restoreButton.click()
    await expect(restore.getByText('Choose the backup file.')).toBeVisible()
    await expect(fileField).toBeFocused()

    // A damaged copy is called damaged, whatever the passphrase.
    await fileField.setInputFiles(damaged)
    await passphrase.fill(PASSPHRASE)
    await restoreButton.click()
    await expect(restore.getByText(/That backup file is damaged/)).toBeVisible()
    await expect(fileField).toHaveAttribute('aria-invalid', 'true')

    // The good file with a wrong passphrase: said beside the passphrase.
    await fileField.setInputFiles(file)
    await passphrase.fill('not the passphrase at all')
    await restoreButton.click()
    await expect(restore.getByText(/That passphrase does not open this backup file/)).toBeVisible()
    await expect(passphrase).toBeFocused()

    await passphrase.fill(PASSPHRASE)
    await restoreButton.click()
    await expect(peopleHeading(page)).toBeVisible()
    await expect(page.getByRole('list', { name: 'People in this vault' })).toContainText(PERSON)
    await expect(page.getByText('Your vault was restored from the backup file.')).toBeVisible()
    await page.screenshot({ path: join('test-results', 'screenshots', 'restored-from-file.png') })
    expect(newPageErrors).toEqual([])
  } finally {
    await context.close()
    await bridge.close()
    rmSync(newDataDir, { recursive: true, force: true })
    rmSync(folder, { recursive: true, force: true })
  }
  await shoot('backup-file-settings')
  expect(pageErrors).toEqual([])
})
