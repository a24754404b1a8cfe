/**
 * The Record tab: a parent types a child's ALL treatment in, entry by entry, through the real
 * UI; the core keeps it through a lock, totals the doses, refuses bad input with a message
 * beside the field, and saves edits by itself.
 */
import AxeBuilder from '@axe-core/playwright'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import type { Bridge } from '../../tools/bridge/server.ts'
import type { Entry, EntryKind } from '../../electron/shared/record.ts'
import { SCREENSHOT_DIR, expect, test } from './fixtures.ts'
import {
  addPerson,
  createVault,
  lock,
  lockedHeading,
  PASSPHRASE,
  unlock,
  watchForPageErrors
} from './steps.ts'

/** axe-core on the page as it is now: no serious or critical violations. */
async function expectNoSeriousViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(serious).toEqual([])
}

/** Creates the vault and a person, and opens their Record page; returns their profile id. */
async function openRecordOfNewPerson(page: Page, bridge: Bridge, name: string): Promise<string> {
  await createVault(page)
  await addPerson(page, name)
  const people = await bridge.core.handlers['profiles.list']({})
  const id = people.find((p) => p.displayName === name)!.id
  await openRecord(page, id)
  return id
}

async function openRecord(page: Page, profileId: string) {
  await page.goto(`${new URL(page.url()).origin}/#/people/${profileId}/record`)
  await expect(section(page, 'Diagnoses')).toBeVisible()
}

function section(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true })
}

/** The entries of one kind, straight from the core. */
async function list<K extends EntryKind>(bridge: Bridge, profileId: string, kind: K) {
  return (await bridge.core.handlers['record.list']({ profileId, kind })) as unknown as Entry<K>[]
}

/**
 * Save a new entry: one press, and the form closes into the entry's own row, says it was added
 * and leaves the cursor on that row's Edit button. No Done to press, no "Add a …" left open.
 */
async function saveNew(region: Locator) {
  await region.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(region.locator('form')).toHaveCount(0)
  await expect(region.getByRole('status').filter({ hasText: 'Added' }).first()).toBeVisible()
  await expect(region.locator(':focus')).toHaveAccessibleName(/^Edit /)
}

async function chooseDrug(region: Locator, typed: string, name: string) {
  await region.getByRole('combobox', { name: /Medicine/ }).fill(typed)
  await region.getByRole('option', { name: new RegExp(`^${name}`) }).click()
}

interface Medicine {
  typed: string
  name: string
  route?: string
  dose: string
  unit: string
  once?: string
  repeat?: { start: string; every: string; count?: string; end?: string }
  estimated?: boolean
}

async function addMedicine(page: Page, m: Medicine) {
  const region = section(page, 'Medicines given')
  await region.getByRole('button', { name: 'Add a medicine' }).click()
  await chooseDrug(region, m.typed, m.name)
  if (m.route) await region.getByLabel('How it was given').selectOption({ label: m.route })
  await region.getByLabel('Dose (each time)').fill(m.dose)
  await region.getByLabel('Unit', { exact: true }).selectOption(m.unit)
  if (m.estimated) await region.getByLabel('This dose is estimated').check()
  if (m.once) await region.getByLabel('Date given').fill(m.once)
  if (m.repeat) {
    await region.getByRole('radio', { name: 'Repeating' }).check()
    await region.getByLabel('First dose').fill(m.repeat.start)
    await region.getByLabel('Every', { exact: true }).fill(m.repeat.every)
    if (m.repeat.count) {
      await region.getByLabel('Number of doses').fill(m.repeat.count)
    } else {
      await region.getByRole('radio', { name: 'Until a date' }).check()
      await region.getByLabel('Last date').fill(m.repeat.end!)
    }
  }
  await saveNew(region)
}

async function addPhase(page: Page, kind: string, start: string, end: string) {
  const region = section(page, 'Treatment phases')
  await region.getByRole('button', { name: 'Add a phase' }).click()
  await region.getByLabel('Phase', { exact: true }).selectOption({ label: kind })
  await region.getByLabel('Start date').fill(start)
  await region.getByLabel('End date').fill(end)
  await saveNew(region)
}

async function addMeasurement(page: Page, date: string, height: string, weight: string) {
  const region = section(page, 'Height and weight')
  await region.getByRole('button', { name: 'Add a height and weight' }).click()
  await region.getByLabel('Date measured').fill(date)
  await region.getByLabel('Height').fill(height)
  await region.getByLabel('Weight').fill(weight)
  await saveNew(region)
}

test('a parent enters a whole ALL record, and it is all there after a lock', async ({
  app,
  bridge,
  shoot
}) => {
  test.setTimeout(240_000)
  const pageErrors = watchForPageErrors(app)
  const profileId = await openRecordOfNewPerson(app, bridge, 'Maya Ortiz')

  // Diagnosis.
  const diagnoses = section(app, 'Diagnoses')
  await diagnoses.getByRole('button', { name: 'Add a diagnosis' }).click()
  await diagnoses
    .getByLabel('Condition')
    .selectOption({ label: 'B-cell acute lymphoblastic leukemia (ALL)' })
  await diagnoses.getByLabel('Date of diagnosis').fill('2021-02-18')
  await diagnoses.getByLabel('Hospital or clinic').fill('Children’s Hospital')
  await diagnoses.getByLabel('Risk group').fill('Standard risk')
  await diagnoses.getByLabel('CNS status').fill('CNS1')
  await diagnoses.getByLabel('Immunophenotype').fill('Precursor B-cell, CD10+')
  await diagnoses.getByLabel('Cytogenetic findings').fill('Hyperdiploid\nTrisomy 4 and 10')
  await saveNew(diagnoses)
  await expect(diagnoses).toContainText('B-cell acute lymphoblastic leukemia (ALL)')
  await expect(diagnoses).toContainText('diagnosed 18 Feb 2021')

  // Two heights and weights.
  const sizes = section(app, 'Height and weight')
  await addMeasurement(app, '2021-02-20', '110', '19')
  await addMeasurement(app, '2021-09-01', '114', '20.5')
  await expect(sizes).toContainText('110 cm · 19 kg')
  await expect(sizes).toContainText('114 cm · 20.5 kg')
  // September as the summary and the care plan write it (not "Sept", as Chromium's en-GB has it).
  await expect(sizes).toContainText('1 Sep 2021')

  // Three phases.
  await addPhase(app, 'Induction', '2021-02-22', '2021-03-21')
  await addPhase(app, 'Consolidation', '2021-03-22', '2021-05-16')
  await addPhase(app, 'Maintenance', '2021-05-17', '2023-05-01')
  await expect(section(app, 'Treatment phases')).toContainText('22 Feb 2021 to 21 Mar 2021')

  // Medicines, entered phase by phase: the list's filter is also where new ones belong.
  const medicines = section(app, 'Medicines given')
  const filter = medicines.getByLabel('Show medicines from')
  await filter.selectOption({ label: 'Induction' })

  // The weekly vincristine, with its live preview of every date.
  await medicines.getByRole('button', { name: 'Add a medicine' }).click()
  await chooseDrug(medicines, 'vincr', 'vincristine')
  await expect(medicines.getByText('Kind of medicine: Vinca alkaloid')).toBeVisible()
  // Vincristine is only given IV: that is chosen already, and only its units are offered.
  await expect(medicines.getByLabel('How it was given')).toHaveValue('iv')
  await expect(medicines.getByLabel('Unit', { exact: true }).locator('option')).toHaveText([
    '…',
    'mg/m²',
    'mg'
  ])
  await medicines.getByLabel('Dose (each time)').fill('1.5')
  await medicines.getByLabel('Unit', { exact: true }).selectOption('mg/m2')
  await medicines.getByRole('radio', { name: 'Repeating' }).check()
  await medicines.getByLabel('First dose').fill('2021-02-22')
  await medicines.getByLabel('Number of doses').fill('4')
  await expect(medicines.getByText('4 doses: 22 Feb, 1, 8, 15 Mar 2021')).toBeVisible()
  await saveNew(medicines)
  await expect(medicines).toContainText('1.5 mg/m² IV, weekly × 4 from 22 Feb 2021')

  await addMedicine(app, {
    typed: 'MTX',
    name: 'methotrexate',
    route: 'Into the spinal fluid (intrathecal)',
    dose: '12',
    unit: 'mg',
    once: '2021-02-22'
  })
  await addMedicine(app, {
    typed: 'dauno',
    name: 'daunorubicin',
    dose: '25',
    unit: 'mg/m2',
    repeat: { start: '2021-02-22', every: '7', count: '4' }
  })
  await addMedicine(app, {
    typed: 'dexa',
    name: 'dexamethasone',
    route: 'By mouth',
    dose: '6',
    unit: 'mg/m2',
    repeat: { start: '2021-02-22', every: '1', count: '28' },
    estimated: true
  })
  await addMedicine(app, {
    typed: 'PEG',
    name: 'pegaspargase',
    route: 'Into a muscle (IM)',
    dose: '2500',
    unit: 'IU/m2',
    once: '2021-02-25'
  })
  await filter.selectOption({ label: 'Consolidation' })
  await addMedicine(app, {
    typed: 'cyclo',
    name: 'cyclophosphamide',
    route: 'Into a vein (IV)',
    dose: '1000',
    unit: 'mg/m2',
    once: '2021-03-22'
  })
  await filter.selectOption({ label: 'Maintenance' })
  await addMedicine(app, {
    typed: '6-MP',
    name: 'mercaptopurine',
    dose: '75',
    unit: 'mg/m2',
    repeat: { start: '2021-05-17', every: '1', end: '2021-06-15' }
  })
  await filter.selectOption({ label: 'All phases' })
  await expect(
    medicines.getByRole('list', { name: /^Induction/ }).getByRole('listitem')
  ).toHaveCount(5)
  await expect(medicines).toContainText('75 mg/m² by mouth, daily from 17 May 2021 to 15 Jun 2021')

  // Cranial radiation.
  const radiation = section(app, 'Radiation')
  await radiation.getByRole('button', { name: 'Add a radiation course' }).click()
  await radiation.getByLabel('Area treated').selectOption({ label: 'Head (cranial)' })
  await radiation.getByLabel('Total dose').fill('18')
  await radiation.getByLabel('Number of treatments (fractions)').fill('10')
  await radiation.getByLabel('Start date').fill('2022-09-05')
  await radiation.getByLabel('End date').fill('2022-09-16')
  await saveNew(radiation)
  await expect(radiation).toContainText('18 Gy in 10 fractions')

  // A CNS relapse of the diagnosis.
  const relapses = section(app, 'Relapses')
  await relapses.getByRole('button', { name: 'Add a relapse' }).click()
  await relapses.getByLabel('Date of relapse').fill('2022-08-10')
  await relapses.getByRole('checkbox', { name: 'Brain and spinal fluid (CNS)' }).check()
  await saveNew(relapses)
  await expect(relapses).toContainText('Relapse 10 Aug 2022')

  // An allogeneic transplant, with acute GVHD of the skin and chronic GVHD of the lungs.
  const transplants = section(app, 'Stem cell transplant')
  await transplants.getByRole('button', { name: 'Add a transplant' }).click()
  await transplants.getByRole('radio', { name: 'Allogeneic (from a donor)' }).check()
  await transplants.getByLabel('Date of transplant').fill('2022-12-01')
  await transplants.getByRole('textbox', { name: /^Donor/ }).fill('Matched sibling')
  await transplants.getByRole('button', { name: 'Add a GVHD episode' }).click()
  const episode = (n: number) => transplants.locator('.episode').nth(n)
  const organs = (n: number) =>
    episode(n).getByRole('group', { name: 'Parts of the body affected' })
  await organs(0).getByRole('checkbox', { name: 'Skin' }).check()
  await episode(0).getByLabel('Grade', { exact: false }).fill('II')
  await transplants.getByRole('button', { name: 'Add a GVHD episode' }).click()
  await episode(1).getByLabel('Kind').selectOption({ label: 'Chronic' })
  await organs(1).getByRole('checkbox', { name: 'Lungs' }).check()
  // Other organs are named in the family's words, asked for only once Other is ticked.
  await expect(episode(1).getByLabel('Which other parts of the body')).toHaveCount(0)
  await organs(1).getByRole('checkbox', { name: 'Other organs' }).check()
  await episode(1).getByLabel('Which other parts of the body').fill('nails')
  // "No chronic GVHD" and a chronic episode contradict each other: refused beside the box.
  await transplants.getByRole('checkbox', { name: 'No chronic GVHD after this transplant' }).check()
  await transplants.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(
    transplants.getByRole('alert').filter({ hasText: 'A chronic GVHD episode is recorded' })
  ).toBeVisible()
  await transplants.screenshot({ path: join(SCREENSHOT_DIR, 'transplant-form.png') })
  expect(await list(bridge, profileId, 'transplant')).toEqual([])
  await transplants
    .getByRole('checkbox', { name: 'No chronic GVHD after this transplant' })
    .uncheck()
  await saveNew(transplants)
  await expect(transplants).toContainText('Allogeneic (from a donor)')
  await expect(transplants).toContainText('2 GVHD episodes: Skin, Lungs, nails')
  expect((await list(bridge, profileId, 'transplant'))[0]!.gvhd).toMatchObject([
    { kind: 'acute', organs: ['skin'], grade: 'II' },
    { kind: 'chronic', organs: ['lungs', 'other'], organsOther: 'nails' }
  ])

  // Reopened, the form shows the organs ticked as they were saved.
  await transplants.getByRole('button', { name: /^Edit/ }).click()
  await expect(organs(0).getByRole('checkbox', { name: 'Skin' })).toBeChecked()
  await expect(organs(1).getByRole('checkbox', { name: 'Lungs' })).toBeChecked()
  await expect(organs(1).getByRole('checkbox', { name: 'Skin' })).not.toBeChecked()
  await expect(episode(1).getByLabel('Which other parts of the body')).toHaveValue('nails')
  await transplants.getByRole('button', { name: 'Done', exact: true }).click()
  await expect(transplants.locator('form')).toHaveCount(0)

  // A complication.
  const complications = section(app, 'Complications and side effects')
  await complications.getByRole('button', { name: 'Add a complication' }).click()
  await complications.getByLabel('What happened').fill('Febrile neutropenia')
  await complications.getByLabel('Grade (1 to 5, if known)').fill('3')
  await complications.getByLabel('Start date').fill('2021-03-05')
  await complications.getByLabel('End date').fill('2021-03-09')
  await complications.getByRole('radio', { name: 'Resolved' }).check()
  await saveNew(complications)
  await expect(complications).toContainText('grade 3 · 5 Mar 2021 to 9 Mar 2021 · Resolved')

  await shoot('record')
  await expectNoSeriousViolations(app, 'record with entries')

  // Lock and unlock through the UI: everything is still there.
  await lock(app)
  await unlock(app, PASSPHRASE)
  // The key derivation takes a moment: wait until the vault is really open.
  await expect(lockedHeading(app)).toBeHidden()
  await openRecord(app, profileId)
  await expect(section(app, 'Diagnoses')).toContainText('B-cell acute lymphoblastic leukemia')
  await expect(section(app, 'Relapses')).toContainText('Brain and spinal fluid (CNS)')
  await expect(section(app, 'Height and weight').getByRole('listitem')).toHaveCount(2)
  await expect(section(app, 'Treatment phases').getByRole('listitem')).toHaveCount(3)
  const medicineRows = section(app, 'Medicines given').getByRole('listitem')
  await expect(medicineRows).toHaveCount(7)
  for (const name of [
    'vincristine',
    'methotrexate',
    'daunorubicin',
    'dexamethasone',
    'pegaspargase',
    'cyclophosphamide',
    'mercaptopurine'
  ]) {
    await expect(medicineRows.filter({ hasText: name })).toHaveCount(1)
  }
  await expect(section(app, 'Medicines given')).toContainText('12 mg intrathecal, on 22 Feb 2021')
  await expect(section(app, 'Radiation')).toContainText('18 Gy in 10 fractions')
  await expect(section(app, 'Stem cell transplant')).toContainText('Matched sibling')
  await expect(section(app, 'Complications and side effects')).toContainText('Febrile neutropenia')

  // Cumulative doses, as the core adds them up. By hand:
  //   vincristine   1.5 mg/m² × 4 weekly doses                = 6 mg/m²
  //                 BSA (Mosteller, 110 cm and 19 kg measured 20 Feb 2021, nearest to every dose)
  //                 = √(110 × 19 / 3600) = √0.580556 = 0.761943 m², so 6 × 0.761943 = 4.5717 mg
  //   daunorubicin  25 mg/m² × 4                                = 100 mg/m²
  //   dexamethasone 6 mg/m² × 28 daily doses                    = 168 mg/m²
  //   cyclophosphamide 1000 mg/m² × 1                           = 1000 mg/m²
  //   mercaptopurine 75 mg/m² daily 17 May – 15 Jun 2021 = 30 doses = 2250 mg/m²
  //   methotrexate  12 mg intrathecal × 1 = 12 mg, and 1 intrathecal injection
  const summary = await bridge.core.handlers['record.summary']({ profileId })
  const exposure = (drugId: string, route?: string) =>
    summary.exposures.find((e) => e.drugId === drugId && (!route || e.route === route))!
  const bsa = Math.sqrt((110 * 19) / 3600)
  expect(exposure('vincristine').doses).toBe(4)
  expect(exposure('vincristine').perM2Total).toBeCloseTo(6, 6)
  expect(exposure('vincristine').absoluteTotal).toBeCloseTo(6 * bsa, 4)
  expect(exposure('daunorubicin').perM2Total).toBeCloseTo(100, 6)
  expect(exposure('dexamethasone').doses).toBe(28)
  expect(exposure('dexamethasone').perM2Total).toBeCloseTo(168, 6)
  expect(exposure('dexamethasone').estimatedDoses).toBe(28)
  expect(exposure('cyclophosphamide').perM2Total).toBeCloseTo(1000, 6)
  expect(exposure('mercaptopurine').doses).toBe(30)
  expect(exposure('mercaptopurine').perM2Total).toBeCloseTo(2250, 6)
  expect(exposure('methotrexate', 'intrathecal').absoluteTotal).toBeCloseTo(12, 6)
  expect(summary.intrathecalInjections).toBe(1)
  expect(summary.bodySizeMissing).toBe(false)
  expect(summary.diagnoses[0]?.relapses).toHaveLength(1)
  expect(summary.radiation[0]).toMatchObject({ field: 'cranial', totalDoseGy: 18, fractions: 10 })
  expect(summary.transplants[0]).toMatchObject({ type: 'allogeneic' })
  // Daunorubicin is the only anthracycline: 100 mg/m² × 0.6 = 60 mg/m² doxorubicin-equivalent.
  expect(summary.anthracycline?.parts.map((p) => [p.drugId, p.factor])).toEqual([
    ['daunorubicin', 0.6]
  ])
  expect(summary.anthracycline?.total).toBeCloseTo(60, 6)
  expect(exposure('vincristine').measurementsUsed).toEqual([
    { heightFrom: '2021-02-20', weightFrom: '2021-02-20', doses: 4 }
  ])
  expect(pageErrors).toEqual([])
})

test('bad input is explained beside its field and nothing is saved', async ({
  app,
  bridge,
  shoot
}) => {
  const pageErrors = watchForPageErrors(app)
  const profileId = await openRecordOfNewPerson(app, bridge, 'Sam')

  // A phase that ends before it starts.
  const phases = section(app, 'Treatment phases')
  await phases.getByRole('button', { name: 'Add a phase' }).click()
  await phases.getByLabel('Phase', { exact: true }).selectOption({ label: 'Induction' })
  await phases.getByLabel('Start date').fill('2021-03-10')
  await phases.getByLabel('End date').fill('2021-03-01')
  await phases.getByRole('button', { name: 'Save', exact: true }).click()
  const end = phases.getByLabel('End date')
  await expect(end).toHaveAttribute('aria-invalid', 'true')
  await expect(end).toHaveAccessibleDescription(/The end is before the start\./)
  await expect(phases.getByRole('alert').filter({ hasText: 'The end is before' })).toBeVisible()
  await expect(
    phases.getByRole('status').filter({ hasText: 'Not saved: fix the field' })
  ).toBeVisible()
  await expect(end).toBeFocused()
  expect(await list(bridge, profileId, 'phase')).toEqual([])
  await phases.getByRole('button', { name: 'Cancel' }).click()

  // A negative dose: no body-size note hides it, and the note explains totals kindly.
  const medicines = section(app, 'Medicines given')
  await medicines.getByRole('button', { name: 'Add a medicine' }).click()
  await chooseDrug(medicines, 'vinc', 'vincristine')
  await medicines.getByLabel('Dose (each time)').fill('-1.5')
  await medicines.getByLabel('Unit', { exact: true }).selectOption('mg/m2')
  await expect(medicines.getByText('There is none in this record yet')).toBeVisible()
  await medicines.getByLabel('Date given').fill('2021-03-03')
  await medicines.getByRole('button', { name: 'Save', exact: true }).click()
  const dose = medicines.getByLabel('Dose (each time)')
  await expect(dose).toHaveAccessibleDescription(/A dose is more than zero\./)
  await expect(medicines.getByRole('alert').filter({ hasText: 'more than zero' })).toBeVisible()
  expect(await list(bridge, profileId, 'administration')).toEqual([])
  await shoot('record-field-error')
  await expectNoSeriousViolations(app, 'record with a field error')
  await medicines.getByRole('button', { name: 'Cancel' }).click()

  // A repeating run with neither a number of doses nor a last date: the message is not hidden
  // on a field that is not shown; it sits above the buttons and takes the cursor.
  await medicines.getByRole('button', { name: 'Add a medicine' }).click()
  await chooseDrug(medicines, 'vinc', 'vincristine')
  await medicines.getByLabel('Dose (each time)').fill('1.5')
  await medicines.getByLabel('Unit', { exact: true }).selectOption('mg/m2')
  await medicines.getByRole('radio', { name: 'Repeating' }).check()
  await medicines.getByLabel('First dose').fill('2021-03-03')
  await medicines.getByRole('radio', { name: 'Until a date' }).check()
  await medicines.getByRole('button', { name: 'Save', exact: true }).click()
  const unplaced = medicines
    .getByRole('alert')
    .filter({ hasText: 'Give either the number of doses or the last date' })
  await expect(unplaced).toBeVisible()
  await expect(unplaced).toBeFocused()
  expect(await list(bridge, profileId, 'administration')).toEqual([])
  await medicines.getByRole('button', { name: 'Cancel' }).click()

  // Things that happened are not in the future: a dose and a measurement dated next year are
  // refused beside their date, and nothing is saved.
  const nextYear = `${new Date().getFullYear() + 1}-03-03`
  await medicines.getByRole('button', { name: 'Add a medicine' }).click()
  await chooseDrug(medicines, 'vinc', 'vincristine')
  await medicines.getByLabel('Dose (each time)').fill('1.5')
  await medicines.getByLabel('Unit', { exact: true }).selectOption('mg/m2')
  await medicines.getByLabel('Date given').fill(nextYear)
  await medicines.getByRole('button', { name: 'Save', exact: true }).click()
  const given = medicines.getByLabel('Date given')
  await expect(given).toHaveAttribute('aria-invalid', 'true')
  await expect(given).toHaveAccessibleDescription(/A dose cannot be dated in the future\./)
  await expect(given).toBeFocused()
  await shoot('record-future-dose')
  expect(await list(bridge, profileId, 'administration')).toEqual([])
  await medicines.getByRole('button', { name: 'Cancel' }).click()

  const sizes = section(app, 'Height and weight')
  await sizes.getByRole('button', { name: 'Add a height and weight' }).click()
  await sizes.getByLabel('Date measured').fill(nextYear)
  await sizes.getByLabel('Height').fill('110')
  await sizes.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(sizes.getByLabel('Date measured')).toHaveAccessibleDescription(
    /A measurement cannot be dated in the future\./
  )
  expect(await list(bridge, profileId, 'measurement')).toEqual([])
  await sizes.getByRole('button', { name: 'Cancel' }).click()

  // An absurd dose: 5000 g/m² of methotrexate.
  await medicines.getByRole('button', { name: 'Add a medicine' }).click()
  const picker = medicines.getByRole('combobox', { name: /Medicine/ })
  await picker.fill('meth')
  await expect(medicines.getByRole('listbox')).toBeVisible()
  await expect(medicines.getByRole('option', { name: /^methotrexate/ })).toContainText(
    'Antimetabolite'
  )
  await shoot('record-drug-picker')
  await expectNoSeriousViolations(app, 'record with the drug picker open')
  await medicines.getByRole('option', { name: /^methotrexate/ }).click()
  await medicines.getByLabel('How it was given').selectOption({ label: 'Into a vein (IV)' })
  await medicines.getByLabel('Dose (each time)').fill('5000')
  await medicines.getByLabel('Unit', { exact: true }).selectOption('g/m2')
  await medicines.getByLabel('Date given').fill('2021-03-03')
  await medicines.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(medicines.getByLabel('Dose (each time)')).toHaveAccessibleDescription(
    /more than any single dose/
  )
  expect(await list(bridge, profileId, 'administration')).toEqual([])

  // A name the catalog does not know is not a drug.
  await picker.fill('aspirin')
  await expect(
    medicines.getByText('No medicine in Lantern’s list matches “aspirin”.')
  ).toBeVisible()
  await medicines.getByLabel('Dose (each time)').fill('5')
  await medicines.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(picker).toHaveAccessibleDescription(/Choose a drug\./)
  expect(await list(bridge, profileId, 'administration')).toEqual([])
  expect(pageErrors).toEqual([])
})

test('edits save themselves, survive a reload, and are kept when the vault locks', async ({
  app,
  bridge,
  shoot
}) => {
  const pageErrors = watchForPageErrors(app)
  const profileId = await openRecordOfNewPerson(app, bridge, 'Jo')
  await addMeasurement(app, '2021-02-20', '110', '19')
  const sizes = section(app, 'Height and weight')

  // Edit: the weight changes, and after a short pause it is saved with no button pressed.
  await sizes.getByRole('button', { name: /^Edit/ }).click()
  await sizes.getByLabel('Weight').fill('19.5')
  await expect(sizes.getByRole('status').filter({ hasText: /^\W*Saved$/ })).toBeVisible()
  await expect
    .poll(async () => (await list(bridge, profileId, 'measurement'))[0]?.weightKg)
    .toBe(19.5)
  await shoot('record-autosaved')
  await app.reload()
  await expect(section(app, 'Height and weight')).toContainText('110 cm · 19.5 kg')

  // An invalid edit is not saved, and says why.
  await sizes.getByRole('button', { name: /^Edit/ }).click()
  await sizes.getByLabel('Height').fill('1100')
  await expect(sizes.getByRole('status').filter({ hasText: 'Not saved' })).toBeVisible()
  await expect(sizes.getByLabel('Height')).toHaveAccessibleDescription(/at most 250/)
  expect((await list(bridge, profileId, 'measurement'))[0]?.heightCm).toBe(110)

  // Fixed, then locked at once: the pending edit is saved before the vault locks.
  await sizes.getByLabel('Height').fill('111')
  await lock(app)
  await unlock(app, PASSPHRASE)
  // The key derivation takes a moment: wait until the vault is really open.
  await expect(lockedHeading(app)).toBeHidden()
  expect((await list(bridge, profileId, 'measurement'))[0]?.heightCm).toBe(111)
  await openRecord(app, profileId)
  await expect(section(app, 'Height and weight')).toContainText('111 cm · 19.5 kg')

  // Delete, then Undo brings it back.
  await sizes.getByRole('button', { name: /^Delete/ }).click()
  await expect(sizes).toContainText('Deleted')
  expect(await list(bridge, profileId, 'measurement')).toEqual([])
  await sizes.getByRole('button', { name: 'Undo' }).click()
  await expect(sizes).toContainText('111 cm · 19.5 kg')
  expect(await list(bridge, profileId, 'measurement')).toHaveLength(1)
  expect(pageErrors).toEqual([])
})

test('a new entry and an invalid edit are kept through a lock as drafts', async ({
  app,
  bridge
}) => {
  const pageErrors = watchForPageErrors(app)
  const profileId = await openRecordOfNewPerson(app, bridge, 'Lee')
  await addMeasurement(app, '2021-02-20', '110', '19')

  // A medicine half-typed with a dose that cannot be right, and an edit that is not valid.
  const medicines = section(app, 'Medicines given')
  await medicines.getByRole('button', { name: 'Add a medicine' }).click()
  await chooseDrug(medicines, 'vinc', 'vincristine')
  await medicines.getByLabel('Dose (each time)').fill('-2')
  const sizes = section(app, 'Height and weight')
  await sizes.getByRole('button', { name: /^Edit/ }).click()
  await sizes.getByLabel('Height').fill('1100')
  await expect(sizes.getByRole('status').filter({ hasText: 'Not saved' })).toBeVisible()

  // Locking keeps both in the vault, encrypted, instead of losing them.
  await app.getByRole('button', { name: 'Lock', exact: true }).click()
  await expect(lockedHeading(app)).toBeVisible()
  await unlock(app, PASSPHRASE)
  await expect(lockedHeading(app)).toBeHidden()
  const kept = await bridge.core.handlers['drafts.list']({ profileId })
  expect(kept).toHaveLength(2)
  expect(kept.find((d) => d.kind === 'administration')).toMatchObject({
    entryId: null,
    data: { dose: '-2' }
  })
  expect(kept.find((d) => d.kind === 'measurement')?.data).toMatchObject({ heightCm: '1100' })

  // The Record page opens both forms again, as they were, and says so.
  await openRecord(app, profileId)
  const notice = 'Kept from before Lantern locked or closed. Check it and save.'
  await expect(medicines.getByText(notice)).toBeVisible()
  await expect(medicines.getByRole('combobox', { name: /Medicine/ })).toHaveValue(/vincristine/)
  await expect(medicines.getByLabel('Dose (each time)')).toHaveValue('-2')
  await expect(sizes.getByText(notice)).toBeVisible()
  await expect(sizes.getByLabel('Height')).toHaveValue('1100')

  // Fixed and saved: the entries are in the record and the drafts are gone.
  await medicines.getByLabel('Dose (each time)').fill('1.5')
  await medicines.getByLabel('Unit', { exact: true }).selectOption('mg/m2')
  await medicines.getByLabel('Date given').fill('2021-03-03')
  await saveNew(medicines)
  await sizes.getByLabel('Height').fill('112')
  await expect(sizes.getByRole('status').filter({ hasText: /^\W*Saved$/ })).toBeVisible()
  await expect
    .poll(async () => (await list(bridge, profileId, 'administration'))[0]?.dose)
    .toBe(1.5)
  expect((await list(bridge, profileId, 'measurement'))[0]?.heightCm).toBe(112)
  await expect.poll(() => bridge.core.handlers['drafts.list']({ profileId })).toEqual([])
  expect(pageErrors).toEqual([])
})

test('closing the window keeps what was typed: the page saves and keeps drafts before it goes', async ({
  app,
  bridge
}) => {
  const profileId = await openRecordOfNewPerson(app, bridge, 'Kai')
  await addMeasurement(app, '2021-02-20', '110', '19')
  const medicines = section(app, 'Medicines given')
  await medicines.getByRole('button', { name: 'Add a medicine' }).click()
  await chooseDrug(medicines, 'vinc', 'vincristine')
  await medicines.getByLabel('Dose (each time)').fill('-2')
  const sizes = section(app, 'Height and weight')
  await sizes.getByRole('button', { name: /^Edit/ }).click()
  await sizes.getByLabel('Weight').fill('19.5')

  // What the Electron shell does before a window closes (electron/main/window.ts): the same
  // request and wait, over the bridge's event stream, with no pause for the autosave timer.
  // Then the window goes, and the app locks as it quits.
  expect(await bridge.askPagesToSaveBeforeClose()).toEqual(['done'])
  await bridge.core.vault.lock()
  await app.reload()
  await unlock(app, PASSPHRASE)
  await expect(lockedHeading(app)).toBeHidden()

  // The valid edit was saved; the unfinished medicine waits as a draft on the Record page.
  expect((await list(bridge, profileId, 'measurement'))[0]?.weightKg).toBe(19.5)
  await openRecord(app, profileId)
  await expect(medicines.getByLabel('Dose (each time)')).toHaveValue('-2')
  await expect(
    medicines.getByText('Kept from before Lantern locked or closed. Check it and save.')
  ).toBeVisible()
})

test('when the core locks by itself, the page first saves what was typed', async ({
  app,
  bridge
}) => {
  const profileId = await openRecordOfNewPerson(app, bridge, 'Ines')
  await addMeasurement(app, '2021-02-20', '110', '19')
  const sizes = section(app, 'Height and weight')
  await sizes.getByRole('button', { name: /^Edit/ }).click()
  await sizes.getByLabel('Weight').fill('19.5')

  // What the Electron shell does when the screen locks (electron/main/index.ts): the core asks
  // the page to save before it closes the vault, without waiting for the autosave timer.
  await bridge.core.autoLock.lock('lock-screen')
  expect(bridge.core.vault.state).toBe('locked')
  // Long past the autosave timer (AUTOSAVE_DELAY_MS, 800 ms): a save it started now would
  // meet a locked vault.
  await app.waitForTimeout(2000)
  await bridge.core.handlers['vault.unlock']({ passphrase: PASSPHRASE })
  expect((await list(bridge, profileId, 'measurement'))[0]?.weightKg).toBe(19.5)
})

test('every kind of new entry closes into its row once saved, and opens again as an edit', async ({
  app,
  bridge
}) => {
  const pageErrors = watchForPageErrors(app)
  const profileId = await openRecordOfNewPerson(app, bridge, 'Noor')

  const procedures = section(app, 'Surgery and procedures')
  await procedures.getByRole('button', { name: 'Add a surgery or procedure' }).click()
  await expect(
    procedures.getByRole('heading', { name: 'Add a surgery or procedure' })
  ).toBeVisible()
  await procedures.getByRole('radio', { name: 'Procedure' }).check()
  await procedures.getByLabel('What was done').fill('Bone marrow biopsy')
  await saveNew(procedures)
  await expect(procedures.getByRole('status')).toHaveText('Added Bone marrow biopsy.')
  await expect(procedures.getByRole('heading', { name: 'Add a surgery or procedure' })).toHaveCount(
    0
  )
  await expect(procedures.getByRole('listitem')).toContainText('Bone marrow biopsy')

  // Enter in a field saves it the same way.
  const support = section(app, 'Supportive care')
  await support.getByRole('button', { name: 'Add supportive care' }).click()
  await support.getByLabel('Kind').selectOption({ label: 'Platelet transfusions' })
  await support.getByLabel('How many').fill('6')
  await support.getByLabel('How many').press('Enter')
  await expect(support.locator('form')).toHaveCount(0)
  await expect(support.getByRole('listitem')).toContainText('Platelet transfusions')
  await expect(support.locator(':focus')).toHaveAccessibleName(/^Edit /)

  const team = section(app, 'Care team')
  await team.getByRole('button', { name: 'Add someone' }).click()
  await team.getByLabel('Name', { exact: true }).fill('Dr Rivera')
  await saveNew(team)
  await expect(team.getByRole('listitem')).toContainText('Dr Rivera')

  // Opened again, it is an edit of that entry, headed as one, and saves by itself.
  await team.getByRole('button', { name: /^Edit/ }).click()
  await expect(team.getByRole('heading', { name: 'Edit care team member' })).toBeVisible()
  await team.getByLabel('Role').fill('Oncologist')
  await expect(team.getByRole('status').filter({ hasText: /^\W*Saved$/ })).toBeVisible()
  await team.getByRole('button', { name: 'Done', exact: true }).click()
  await expect(team.getByRole('listitem')).toContainText('Oncologist')
  await expect
    .poll(async () => (await list(bridge, profileId, 'careTeamMember')).map((m) => m.role))
    .toEqual(['Oncologist'])
  expect(await list(bridge, profileId, 'procedure')).toHaveLength(1)
  expect(await list(bridge, profileId, 'supportiveCare')).toHaveLength(1)
  expect(pageErrors).toEqual([])
})
