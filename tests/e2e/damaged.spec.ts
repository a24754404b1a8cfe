import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import {
  DAMAGED_TEXT,
  PASSPHRASE,
  WRONG_PASSPHRASE_TEXT,
  addPerson,
  createVault,
  lock,
  lockedHeading,
  peopleHeading,
  unlock
} from './steps.ts'

/** Flips bytes in the middle of page 1, as a failing disk or an interrupted copy might. */
function damage(file: string): Buffer {
  expect(existsSync(`${file}-wal`) && readFileSync(`${file}-wal`).length > 0).toBe(false)
  const bytes = readFileSync(file)
  for (let i = 100; i < 200; i++) bytes[i] = bytes[i]! ^ 0xff
  writeFileSync(file, bytes)
  return Buffer.from(bytes)
}

function restorePanel(page: Page) {
  return page.getByRole('region', { name: 'Restore from a backup' })
}

test('a damaged vault file gets its own message, not "wrong passphrase"', async ({
  app,
  bridge,
  shoot
}) => {
  await createVault(app)
  await addPerson(app, 'Maya')
  await lock(app)

  const file = bridge.core.vault.dbFile
  const damaged = damage(file)

  // A wrong passphrase is still just that.
  const passphrase = app.getByLabel('Passphrase', { exact: true })
  await unlock(app, 'not my passphrase')
  await expect(passphrase).toHaveAccessibleDescription(WRONG_PASSPHRASE_TEXT)
  const wrongMessage = (await app.getByRole('alert').innerText()).trim()

  // The right passphrase on a damaged file: a different message, with what to do.
  await unlock(app, PASSPHRASE)
  const alert = app.getByRole('alert')
  await expect(alert).toHaveCount(1)
  await expect(alert.getByRole('heading', { name: 'The vault file is damaged' })).toBeVisible()
  await expect(alert).toContainText('Nothing has been changed or deleted')
  await expect(alert).toContainText('“backups” folder')
  await expect(alert).not.toContainText(WRONG_PASSPHRASE_TEXT)
  await expect(app.getByText(WRONG_PASSPHRASE_TEXT)).toHaveCount(0)
  const damagedMessage = (await alert.innerText()).trim()
  expect(damagedMessage).toMatch(DAMAGED_TEXT)
  expect(damagedMessage).not.toEqual(wrongMessage)
  await expect(lockedHeading(app)).toBeVisible()
  expect(bridge.core.vault.state).toBe('locked')
  // This vault was never unlocked after it was made, so there is no backup to offer yet.
  await expect(restorePanel(app)).toContainText('There is no backup of this vault yet')
  await shoot('unlock-damaged')

  // Nothing was written to the damaged file.
  expect(readFileSync(file).equals(damaged)).toBe(true)
})

test('a damaged vault is restored from its newest backup, and the damaged file is kept', async ({
  app,
  bridge,
  dataDir,
  shoot
}) => {
  await createVault(app)
  await addPerson(app, 'Maya')
  await lock(app)
  // Each day's first unlock makes a verified backup.
  await unlock(app, PASSPHRASE)
  await expect(peopleHeading(app)).toBeVisible()
  await addPerson(app, 'Sam')
  await lock(app)

  const damaged = damage(bridge.core.vault.dbFile)
  await unlock(app, PASSPHRASE)
  await expect(app.getByRole('alert')).toContainText('The vault file is damaged')
  const panel = restorePanel(app)
  const choices = panel.getByRole('radio')
  await expect(choices).toHaveCount(1)
  await expect(choices.first()).toBeChecked()
  await expect(panel).toContainText('newest, daily backup')

  // The secret is the passphrase or the recovery code; a wrong one is named.
  const secret = panel.getByLabel('Passphrase or recovery code')
  await secret.fill('not my passphrase')
  await panel.getByRole('button', { name: 'Restore this backup' }).click()
  await expect(secret).toHaveAccessibleDescription(/neither your passphrase nor your recovery code/)
  expect(bridge.core.vault.state).toBe('locked')
  await shoot('unlock-damaged-restore')

  await secret.fill(PASSPHRASE)
  await panel.getByRole('button', { name: 'Restore this backup' }).click()
  await expect(peopleHeading(app)).toBeVisible()
  await expect(
    app.getByRole('status').filter({ hasText: 'restored from the backup' })
  ).toBeVisible()
  const list = app.getByRole('list', { name: 'People in this vault' })
  await expect(list).toContainText('Maya')
  // Added after the backup was made, so not in it.
  await expect(list).not.toContainText('Sam')
  expect(bridge.core.vault.state).toBe('unlocked')

  // The damaged file was moved aside, byte for byte, not deleted.
  const aside = readdirSync(dataDir).filter((name) => name.startsWith('replaced-'))
  expect(aside).toHaveLength(1)
  expect(readFileSync(join(dataDir, aside[0]!, 'vault.db')).equals(damaged)).toBe(true)
})
