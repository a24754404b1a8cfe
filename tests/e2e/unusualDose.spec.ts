/**
 * Unusual doses in the real app: a parent types vincristine 15 mg/m² (about ten times a usual
 * dose) and is asked to check it beside the dose before anything is saved; it is saved only
 * when confirmed, and then marked in the record list and on the summary. An unconfirmed
 * unusual edit is never saved by autosave: it waits, as a draft through a lock, with its
 * question.
 */
import type { Locator, Page } from '@playwright/test'
import type { Bridge } from '../../tools/bridge/server.ts'
import type { Entry } from '../../electron/shared/record.ts'
import { expect, test } from './fixtures.ts'
import {
  addPerson,
  createVault,
  lockedHeading,
  PASSPHRASE,
  unlock,
  watchForPageErrors
} from './steps.ts'

/** The core's question, beside the dose (after the field message's "!" mark). */
const QUESTION =
  /This is about 7\.5 times the highest usual vincristine dose in mg\/m² \(usually 1\.4 to 2 mg\/m²\): check the number and the unit\.$/

function section(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true })
}

async function openRecordOfNewPerson(page: Page, bridge: Bridge, name: string): Promise<string> {
  await createVault(page)
  await addPerson(page, name)
  const people = await bridge.core.handlers['profiles.list']({})
  const id = people.find((p) => p.displayName === name)!.id
  await openPage(page, id, 'record')
  return id
}

async function openPage(page: Page, profileId: string, which: 'record' | 'summary') {
  await page.goto(`${new URL(page.url()).origin}/#/people/${profileId}/${which}`)
  if (which === 'record') await expect(section(page, 'Diagnoses')).toBeVisible()
}

async function administrations(bridge: Bridge, profileId: string) {
  return (await bridge.core.handlers['record.list']({
    profileId,
    kind: 'administration'
  })) as Entry<'administration'>[]
}

async function addMeasurement(page: Page) {
  const sizes = section(page, 'Height and weight')
  await sizes.getByRole('button', { name: 'Add a height and weight' }).click()
  await sizes.getByLabel('Date measured').fill('2021-02-20')
  await sizes.getByLabel('Height').fill('110')
  await sizes.getByLabel('Weight').fill('19')
  await sizes.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(sizes.locator('form')).toHaveCount(0)
  await expect(sizes).toContainText('110 cm · 19 kg')
}

async function startVincristine(medicines: Locator, dose: string) {
  await medicines.getByRole('button', { name: 'Add a medicine' }).click()
  await medicines.getByRole('combobox', { name: /Medicine/ }).fill('vincr')
  await medicines.getByRole('option', { name: /^vincristine/ }).click()
  await medicines.getByLabel('Dose (each time)').fill(dose)
  await medicines.getByLabel('Unit', { exact: true }).selectOption('mg/m2')
  await medicines.getByLabel('Date given').fill('2021-03-03')
}

test('vincristine 15 mg/m² is asked about, saved only when confirmed, and marked on the summary', async ({
  app,
  bridge,
  shoot
}) => {
  const pageErrors = watchForPageErrors(app)
  const profileId = await openRecordOfNewPerson(app, bridge, 'Sam Rivera')
  await addMeasurement(app)

  const medicines = section(app, 'Medicines given')
  await startVincristine(medicines, '15')
  await medicines.getByRole('button', { name: 'Save', exact: true }).click()

  // The question sits beside the dose, and nothing is saved.
  const dose = medicines.getByLabel('Dose (each time)')
  await expect(dose).toHaveAccessibleDescription(QUESTION)
  await expect(dose).toBeFocused()
  const confirm = medicines.getByRole('button', { name: 'Yes, this dose is right' })
  await expect(confirm).toBeVisible()
  await expect(medicines.getByRole('status').filter({ hasText: 'Not saved' })).toContainText(
    'check the dose'
  )
  expect(await administrations(bridge, profileId)).toEqual([])
  await shoot('unusual-dose-question')

  // Reloading shows it is not in the record: the list is empty, the form is gone.
  await app.reload()
  await expect(section(app, 'Diagnoses')).toBeVisible()
  await expect(medicines.getByRole('listitem')).toHaveCount(0)
  expect(await administrations(bridge, profileId)).toEqual([])

  // Typed again and confirmed: now it is saved, marked as an unusual dose the parent confirmed.
  await startVincristine(medicines, '15')
  await medicines.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(dose).toHaveAccessibleDescription(QUESTION)
  await confirm.click()
  // Saved, the new entry's form closes into its row, as every new entry does.
  await expect(medicines.locator('form')).toHaveCount(0)
  await expect(medicines.getByRole('status').filter({ hasText: 'Added' }).first()).toBeVisible()
  expect(await administrations(bridge, profileId)).toEqual([
    expect.objectContaining({ dose: 15, unit: 'mg/m2', confirmedUnusual: true })
  ])
  await expect(medicines).toContainText('15 mg/m² IV, on 3 Mar 2021 · unusual dose, confirmed')
  // Opened again, the form says the dose was confirmed and asks nothing more.
  await medicines.getByRole('button', { name: /^Edit/ }).click()
  await expect(medicines.getByText('You confirmed this unusual dose as right.')).toBeVisible()
  await expect(confirm).toHaveCount(0)
  await medicines.getByRole('button', { name: 'Done', exact: true }).click()

  // The summary says so in vincristine's own row.
  await openPage(app, profileId, 'summary')
  const row = app.getByRole('row', { name: /^Vincristine/ })
  await expect(row).toContainText('unusual dose confirmed')
  await expect(
    app.getByText('Vincristine, IV: includes 15 mg/m² on 3 Mar 2021: unusual, confirmed as right')
  ).toBeVisible()
  await shoot('unusual-dose-summary')
  expect(pageErrors).toEqual([])
})

test('an unusual edit is never autosaved: it waits with its question, even through a lock', async ({
  app,
  bridge
}) => {
  const pageErrors = watchForPageErrors(app)
  const profileId = await openRecordOfNewPerson(app, bridge, 'Noor')
  await addMeasurement(app)
  const medicines = section(app, 'Medicines given')
  await startVincristine(medicines, '1.5')
  await medicines.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(medicines.locator('form')).toHaveCount(0)
  await expect(medicines).toContainText('1.5 mg/m² IV, on 3 Mar 2021')

  // The edit to 15 is asked about instead of saved; the record keeps 1.5.
  await medicines.getByRole('button', { name: /^Edit/ }).click()
  const dose = medicines.getByLabel('Dose (each time)')
  await dose.fill('15')
  await expect(dose).toHaveAccessibleDescription(QUESTION)
  await expect(medicines.getByRole('status').filter({ hasText: 'Not saved' })).toBeVisible()
  expect((await administrations(bridge, profileId)).map((a) => a.dose)).toEqual([1.5])

  // Locking keeps it as a draft; unlocked, the form opens again with the question, still unsaved.
  await app.getByRole('button', { name: 'Lock', exact: true }).click()
  await expect(lockedHeading(app)).toBeVisible()
  await unlock(app, PASSPHRASE)
  await expect(lockedHeading(app)).toBeHidden()
  expect((await administrations(bridge, profileId)).map((a) => a.dose)).toEqual([1.5])
  await openPage(app, profileId, 'record')
  await expect(
    medicines.getByText('Kept from before Lantern locked or closed. Check it and save.')
  ).toBeVisible()
  await expect(dose).toHaveValue('15')
  await expect(dose).toHaveAccessibleDescription(QUESTION)
  expect((await administrations(bridge, profileId)).map((a) => a.dose)).toEqual([1.5])

  // Confirmed, it is saved marked; edited back to a usual dose, the mark goes.
  await medicines.getByRole('button', { name: 'Yes, this dose is right' }).click()
  await expect
    .poll(async () =>
      (await administrations(bridge, profileId)).map((a) => [a.dose, a.confirmedUnusual])
    )
    .toEqual([[15, true]])
  await dose.fill('2')
  await expect
    .poll(async () =>
      (await administrations(bridge, profileId)).map((a) => [a.dose, a.confirmedUnusual])
    )
    .toEqual([[2, false]])
  await expect(medicines.getByRole('button', { name: 'Yes, this dose is right' })).toHaveCount(0)
  await expect.poll(() => bridge.core.handlers['drafts.list']({ profileId })).toEqual([])
  expect(pageErrors).toEqual([])
})
