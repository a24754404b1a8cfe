/**
 * A parent takes the record along: the medicines given and the measurements as spreadsheets
 * and the whole record as a FHIR document from the Summary, and the care plan's due dates as a calendar file from the Care plan. Each
 * download is read back with a maintained parser.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import ICAL from 'ical.js'
import { expect, test } from './fixtures.ts'
import {
  createVault,
  expectAccessible,
  loadSample,
  openSampleTab,
  SAMPLE_NAME,
  watchForPageErrors
} from './steps.ts'

test('the Summary saves the medicines and measurements as CSV and the record as FHIR, the Care plan its due dates as a calendar, and the FHIR file comes back in as a new person', async ({
  app
}, testInfo) => {
  // Four files made and one read back in, each through the real core: a long walk.
  test.setTimeout(240_000)
  const pageErrors = watchForPageErrors(app)
  await createVault(app)
  await loadSample(app)
  await openSampleTab(app, 'Summary')

  const files = app.getByRole('region', { name: 'Files to take with you' })
  await expectAccessible(app, 'summary with its files')
  for (const [button, header] of [
    ['Medicines given (CSV)', 'Drug'],
    ['Height and weight (CSV)', 'Weight (kg)']
  ] as const) {
    const downloading = app.waitForEvent('download')
    await files.getByRole('button', { name: button }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^Lantern (medicines|measurements) - .+\.csv$/)
    const path = testInfo.outputPath(download.suggestedFilename())
    await download.saveAs(path)
    const text = readFileSync(path, 'utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[]
    expect(rows.length).toBeGreaterThan(3)
    expect(Object.keys(rows[0]!)).toContain(header)
    await expect(files.getByRole('status')).toContainText('is downloading')
    await expect(files.getByRole('button', { name: button })).toBeFocused()
  }

  const downloadingFhir = app.waitForEvent('download')
  await files.getByRole('button', { name: 'Whole record (FHIR)' }).click()
  const fhir = await downloadingFhir
  expect(fhir.suggestedFilename()).toMatch(/^Lantern record \(FHIR\) - .+\.json$/)
  const fhirPath = testInfo.outputPath('record.json')
  await fhir.saveAs(fhirPath)
  const bundle = JSON.parse(readFileSync(fhirPath, 'utf8')) as {
    resourceType: string
    type: string
    entry: { resource: { resourceType: string; name?: { text?: string }[] } }[]
  }
  expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'document' })
  // An International Patient Summary: the Composition first, then the person it is about.
  expect(bundle.entry[0]!.resource.resourceType).toBe('Composition')
  const patients = bundle.entry.filter((e) => e.resource.resourceType === 'Patient')
  expect(patients.map((p) => p.resource.name?.[0]?.text)).toEqual([SAMPLE_NAME])
  await expect(files.getByRole('button', { name: 'Whole record (FHIR)' })).toBeFocused()

  await openSampleTab(app, 'Care plan')
  const calendar = app.getByRole('region', { name: 'Due dates in your calendar' })
  await expect(calendar).toContainText('Your calendar shows them in')
  const downloading = app.waitForEvent('download')
  await calendar.getByRole('button', { name: 'Make a calendar file' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^Lantern follow-up dates - .+\.ics$/)
  const path = testInfo.outputPath(download.suggestedFilename())
  await download.saveAs(path)
  const ics = readFileSync(path, 'utf8')
  const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent')
  expect(events.length).toBeGreaterThan(2)
  expect(ics).not.toContain('Alex')
  await expect(calendar.getByRole('status')).toContainText('is downloading')
  await expectAccessible(app, 'care plan with its calendar file')

  // The FHIR file comes back in as a new person: read first, shown, then imported on request.
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click()
  const importer = app.getByRole('region', { name: 'Import a FHIR file' })
  await importer.getByRole('button', { name: 'Read the file' }).click()
  await expect(importer.getByText('Choose the FHIR file.')).toBeVisible()
  await importer.getByLabel('FHIR file').setInputFiles(fhirPath)
  await importer.getByRole('button', { name: 'Read the file' }).click()
  await expect(importer.getByRole('heading', { name: /What the file would add/ })).toBeFocused()
  await expect(importer).toContainText('Made by Lantern')
  const people = app.getByRole('list', { name: 'People in this vault' })
  await expect(people.getByRole('listitem')).toHaveCount(1)
  await expectAccessible(app, 'people with a FHIR file read')
  await importer.getByRole('button', { name: 'Import as a new person' }).click()
  await expect(app.getByRole('heading', { level: 1, name: SAMPLE_NAME })).toBeVisible()
  const medicines = app.getByRole('table', { name: /Cumulative dose of each medicine/ })
  await expect(medicines.getByRole('row')).toHaveCount(14)
  expect(pageErrors).toEqual([])
})
