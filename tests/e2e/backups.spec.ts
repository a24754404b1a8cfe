import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures.ts'
import { PASSPHRASE, addPerson, createVault, lock, peopleHeading, unlock } from './steps.ts'

test('when the day’s backup cannot be made, the vault still opens and says so', async ({
  app,
  bridge,
  dataDir,
  shoot
}) => {
  await createVault(app)
  await addPerson(app, 'Maya')
  await lock(app)
  // A file where the backups folder should be: as good as a full disk for a backup.
  writeFileSync(join(dataDir, 'backups'), 'not a folder')

  await unlock(app, PASSPHRASE)
  await expect(peopleHeading(app)).toBeVisible()
  await expect(app.getByRole('list', { name: 'People in this vault' })).toContainText('Maya')
  const warning = app.getByRole('status').filter({ hasText: 'could not make today’s backup' })
  await expect(warning).toBeVisible()
  await expect(warning).toContainText('your record is unchanged')
  expect(bridge.core.vault.state).toBe('unlocked')
  await shoot('unlock-backup-failed')
})
