import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, SCREENSHOT_DIR, test } from './fixtures.ts'
import {
  PASSPHRASE,
  addPerson,
  createVault,
  expectAccessible,
  lock,
  lockedHeading,
  openSettings,
  peopleHeading,
  unlock,
  watchForPageErrors
} from './steps.ts'

const SAMPLE_NAME = 'Sample: Alex (fictional)'

async function openPeople(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click()
  await expect(peopleHeading(page)).toBeVisible()
}

function peopleList(page: Page) {
  return page.getByRole('list', { name: 'People in this vault' })
}

function personTabs(page: Page, name: string) {
  return page.getByRole('navigation', { name: `Pages for ${name}` })
}

test('the sample record: loaded from Settings, read as a summary, kept across a lock', async ({
  app,
  shoot
}) => {
  const pageErrors = watchForPageErrors(app)
  await createVault(app)

  await openSettings(app)
  const panel = app.getByRole('region', { name: 'Sample record' })
  await expect(panel).toContainText('fictional child')
  await panel.getByRole('button', { name: 'Load the sample' }).click()
  await expect(panel.getByRole('status').first()).toContainText('The sample record is ready.')
  await expect(panel.getByRole('button', { name: 'Delete the sample' })).toBeVisible()
  await shoot('settings-sample')
  await expectAccessible(app, 'settings with the sample')

  await panel.getByRole('link', { name: 'Open the sample record' }).click()
  await expect(app.getByRole('heading', { level: 1 })).toHaveText(SAMPLE_NAME)
  await expect(app.getByText('Sample (fictional)', { exact: true }).first()).toBeVisible()
  const tabs = personTabs(app, SAMPLE_NAME)
  await expect(tabs.getByRole('link', { name: 'Summary' })).toHaveAttribute('aria-current', 'page')

  // Who and what, first.
  await expect(app.getByText('B-cell acute lymphoblastic leukemia (ALL)').first()).toBeVisible()
  await expect(app.getByText('12 Oct 2016').first()).toBeVisible()
  const important = app.getByRole('region', { name: 'Important to know first' })
  await expect(important).toContainText('Ongoing problemsOsteonecrosis of both hips')

  // The exposures table, with per-m² and absolute totals.
  const exposures = app.getByRole('table', { name: /Cumulative dose of each medicine/ })
  const row = (agent: string, route = 'IV') =>
    exposures.getByRole('row').filter({ hasText: agent }).filter({ hasText: route })
  await expect(row('Daunorubicin')).toContainText('100 mg/m²')
  await expect(row('Daunorubicin')).toContainText('85.8 mg')
  // All nine columns fit a 1200-pixel window: the last dose date is not behind a sideways scroll.
  const sideways = await app
    .getByRole('region', { name: /Cumulative dose of each medicine/ })
    .evaluate((region) => region.scrollWidth - region.clientWidth)
  expect(sideways).toBeLessThanOrEqual(0)
  await expect(row('Doxorubicin')).toContainText('75 mg/m²')
  await expect(row('Doxorubicin')).toContainText('Anthracycline')
  await expect(row('Mercaptopurine', 'By mouth')).toContainText('estimated')
  await expect(
    app.getByText('Mercaptopurine, by mouth: includes 618 estimated doses')
  ).toBeVisible()
  // Each total says which measurement converted it: the latest before re-induction.
  await expect(
    app.getByText('Daunorubicin, IV: converted with the measurement of 13 Nov 2023.')
  ).toBeVisible()

  // Anthracyclines add up only as doxorubicin equivalents, with the care plan's table and each
  // factor: daunorubicin 100 × 0.6 = 60, doxorubicin 75 × 1 = 75, so 135 (not 175).
  const equivalent = app.getByRole('table', { name: /doxorubicin-equivalent/ })
  const part = (agent: string) =>
    equivalent
      .getByRole('row')
      .filter({ has: app.getByRole('rowheader', { name: agent, exact: true }) })
  await expect(part('Daunorubicin')).toContainText('× 0.6')
  await expect(part('Daunorubicin')).toContainText('60 mg/m²')
  await expect(part('Doxorubicin')).toContainText('× 1')
  await expect(part('Total, as doxorubicin')).toContainText('135 mg/m²')
  await expect(
    app.getByText(/Factors from the table pancare-ighg-2023, PanCare cardiac/)
  ).toBeVisible()
  await expect(app.getByText('Totals by class')).toHaveCount(0)
  await expect(app.getByText('Intrathecal injections: 21')).toBeVisible()

  const radiation = app.getByRole('table', { name: 'Radiation courses' })
  await expect(radiation.getByRole('row').filter({ hasText: 'Cranial' })).toContainText('18 Gy')
  await expect(radiation.getByRole('row').filter({ hasText: 'Whole body' })).toContainText('12 Gy')

  const transplant = app.getByRole('region', { name: 'Stem cell transplant' })
  await expect(transplant).toContainText('Allogeneic (from a donor), 20 Feb 2024')
  await expect(transplant).toContainText('Matched sibling')
  // GVHD organs in words, and the family's answer that no chronic GVHD followed.
  await expect(transplant).toContainText(
    /Graft-versus-host diseaseAcute, Skin, grade II, .*Resolved; No chronic GVHD after this transplant/
  )

  const careTeam = app.getByRole('region', { name: 'Care team' })
  await expect(
    careTeam.getByRole('row').filter({ hasText: 'coordinates follow-up' })
  ).toContainText('Dr Avery Sample (fictional)')
  await shoot('summary-sample')
  await expectAccessible(app, 'sample summary')

  // Locking empties the page; unlocking brings the sample back.
  await lock(app)
  await expect(app.getByText(SAMPLE_NAME)).toHaveCount(0)
  await unlock(app, PASSPHRASE)
  await expect(peopleHeading(app)).toBeVisible()
  await expect(peopleList(app)).toContainText(SAMPLE_NAME)
  await peopleList(app).getByRole('link', { name: SAMPLE_NAME }).click()
  await expect(app.getByRole('table', { name: /Cumulative dose/ })).toContainText('Daunorubicin')

  expect(pageErrors).toEqual([])
})

test('person details save by themselves, and a future date of birth is refused', async ({
  app,
  bridge,
  shoot
}) => {
  const pageErrors = watchForPageErrors(app)
  await createVault(app)
  await addPerson(app, 'Maya')

  await peopleList(app).getByRole('link', { name: 'Maya' }).click()
  await expect(app.getByRole('heading', { level: 1, name: 'Maya' })).toBeVisible()
  // Nothing in the record yet: the summary says so and points to the record.
  await expect(app.getByRole('heading', { name: 'Nothing in the record yet' })).toBeVisible()
  await expect(app.getByRole('link', { name: 'Add to the record' })).toBeVisible()

  await personTabs(app, 'Maya').getByRole('link', { name: 'Details' }).click()
  const dob = app.getByLabel('Date of birth')
  await dob.fill('2015-06-04')
  await expect(app.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  await app.getByLabel('Email').fill('maya.parent@example.org')
  await app.getByLabel('Sex').selectOption({ label: 'Female' })
  await expect(app.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  await expect
    .poll(async () => {
      const people = await bridge.core.handlers['profiles.list']({})
      return people.map((p) => [p.dateOfBirth, p.email, p.sex])
    })
    .toEqual([['2015-06-04', 'maya.parent@example.org', 'female']])
  await shoot('person-details')

  // Still there after the page is loaded afresh.
  await app.reload()
  await expect(app.getByRole('heading', { level: 1, name: 'Maya' })).toBeVisible()
  await expect(app.getByLabel('Date of birth')).toHaveValue('2015-06-04')
  await expect(app.getByLabel('Email')).toHaveValue('maya.parent@example.org')
  await expect(app.getByLabel('Sex')).toHaveValue('female')
  await openPeople(app)
  await expect(peopleList(app)).toContainText('Born 4 Jun 2015')
  await peopleList(app).getByRole('link', { name: 'Maya' }).click()
  await personTabs(app, 'Maya').getByRole('link', { name: 'Details' }).click()

  // A date of birth in the future: the contract's message beside the field, and it is not saved.
  const nextYear = new Date().getFullYear() + 1
  await app.getByLabel('Date of birth').fill(`${nextYear}-01-15`)
  await expect(app.getByLabel('Date of birth')).toHaveAccessibleDescription(
    /A date of birth cannot be in the future\./
  )
  await expect(
    app.getByRole('status').filter({ hasText: 'Saved, except Date of birth' })
  ).toBeVisible()
  const people = await bridge.core.handlers['profiles.list']({})
  expect(people[0]?.dateOfBirth).toBe('2015-06-04')
  await shoot('person-details-future-date')
  await expectAccessible(app, 'details with an error')

  // Put right, it saves and the message goes.
  await app.getByLabel('Date of birth').fill('2015-06-05')
  await expect(app.getByRole('status').filter({ hasText: /^\W*Saved(?!,)/ })).toBeVisible()
  await expect(app.getByText('A date of birth cannot be in the future.')).toHaveCount(0)
  expect((await bridge.core.handlers['profiles.list']({}))[0]?.dateOfBirth).toBe('2015-06-05')

  expect(pageErrors).toEqual([])
})

test('a detail typed just before Lock is saved, not lost', async ({ app, bridge }) => {
  await createVault(app)
  await addPerson(app, 'Maya')
  await peopleList(app).getByRole('link', { name: 'Maya' }).click()
  await personTabs(app, 'Maya').getByRole('link', { name: 'Details' }).click()

  // Lock at once, well inside the pause autosave waits for, and with the cursor still in the
  // field (as when Lantern locks itself): no blur saves it first, only the flush before locking.
  await app.getByLabel('Phone').fill('+44 20 7946 0000')
  await app.getByRole('button', { name: 'Lock', exact: true }).dispatchEvent('click')
  await expect(lockedHeading(app)).toBeVisible()
  await unlock(app, PASSPHRASE)
  await expect(peopleHeading(app)).toBeVisible()
  const people = await bridge.core.handlers['profiles.list']({})
  expect(people.map((p) => p.phone)).toEqual(['+44 20 7946 0000'])
})

test('deleting a person asks first, can be undone, and is final after a lock', async ({
  app,
  bridge,
  shoot
}) => {
  const pageErrors = watchForPageErrors(app)
  await createVault(app)
  await addPerson(app, 'Maya')
  await addPerson(app, 'Sam')
  const list = peopleList(app)

  // Asking first: Cancel changes nothing.
  await app.getByRole('button', { name: 'Delete Sam' }).click()
  await expect(app.getByRole('group', { name: 'Delete Sam?' })).toBeVisible()
  await expect(app.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await app.getByRole('button', { name: 'Cancel' }).click()
  await expect(app.getByRole('button', { name: 'Delete Sam' })).toBeFocused()

  // Delete, then Undo.
  await app.getByRole('button', { name: 'Delete Sam' }).click()
  await app.getByRole('button', { name: 'Delete Sam', exact: true }).last().click()
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list).not.toContainText('Sam')
  await expect(app.getByRole('status').filter({ hasText: 'Sam was deleted.' })).toBeVisible()
  const undo = app.getByRole('button', { name: 'Undo deleting Sam' })
  await expect(undo).toBeFocused()
  await shoot('people-undo')
  await expectAccessible(app, 'people with the undo bar')
  await undo.click()
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await expect(app.getByRole('status').filter({ hasText: 'Sam is back' })).toBeVisible()
  await expect(list.getByRole('link', { name: 'Sam' })).toBeFocused()

  // Delete again: after a lock there is no way back.
  await app.getByRole('button', { name: 'Delete Sam' }).click()
  await app.getByRole('button', { name: 'Delete Sam', exact: true }).last().click()
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await lock(app)
  await unlock(app, PASSPHRASE)
  await expect(peopleHeading(app)).toBeVisible()
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list).toContainText('Maya')
  await expect(list).not.toContainText('Sam')
  await expect(app.getByRole('button', { name: /Undo/ })).toHaveCount(0)
  const people = await bridge.core.handlers['profiles.list']({})
  expect(people.map((p) => p.displayName)).toEqual(['Maya'])

  // A deleted person's page says so, with a way back.
  expect(pageErrors).toEqual([])
})

test('the sample can be deleted from Settings and brought back', async ({ app, bridge }) => {
  await createVault(app)
  await openSettings(app)
  const panel = app.getByRole('region', { name: 'Sample record' })
  await panel.getByRole('button', { name: 'Load the sample' }).click()
  await expect(panel.getByRole('link', { name: 'Open the sample record' })).toBeVisible()
  await panel.getByRole('button', { name: 'Delete the sample' }).click()
  await expect(panel.getByRole('button', { name: 'Load the sample' })).toBeVisible()
  await expect(panel.getByRole('status').filter({ hasText: 'was deleted' })).toBeVisible()
  expect(await bridge.core.handlers['profiles.list']({})).toEqual([])
  await panel.getByRole('button', { name: /Undo/ }).click()
  await expect(panel.getByRole('link', { name: 'Open the sample record' })).toBeVisible()
  expect((await bridge.core.handlers['profiles.list']({})).map((p) => p.isSample)).toEqual([true])

  // A person who is not there: a plain message and the way back.
  await app.goto(
    `${new URL(app.url()).origin}/#/people/00000000-0000-4000-8000-000000000000/summary`
  )
  await expect(
    app.getByRole('heading', { level: 1, name: 'This person is not in the vault' })
  ).toBeVisible()
  await app.getByRole('link', { name: 'Back to People' }).click()
  await expect(peopleHeading(app)).toBeVisible()
})

test('the Details form keeps a valid choice while the date of birth is being fixed', async ({
  app,
  bridge,
  shoot
}) => {
  const pageErrors = watchForPageErrors(app)
  await createVault(app)
  await addPerson(app, 'Maya')
  await peopleList(app).getByRole('link', { name: 'Maya' }).click()
  await personTabs(app, 'Maya').getByRole('link', { name: 'Details' }).click()
  const core = async () => (await bridge.core.handlers['profiles.list']({}))[0]

  // Female chosen, then a date of birth that cannot be right: female is saved all the same,
  // and the date waits beside its message.
  await app.getByLabel('Sex').selectOption({ label: 'Female' })
  const nextYear = new Date().getFullYear() + 1
  const dob = app.getByLabel('Date of birth')
  await dob.fill(`${nextYear}-01-15`)
  await dob.blur()
  await expect(dob).toHaveAttribute('aria-invalid', 'true')
  await expect(dob).toHaveAccessibleDescription(/A date of birth cannot be in the future\./)
  const dobField = app.locator('.field').filter({ has: dob })
  const message = dobField.getByRole('alert')
  await expect(message).toHaveText('A date of birth cannot be in the future.')
  await expect(message).toBeInViewport()
  await expect.poll(async () => (await core())?.sex).toBe('female')
  expect((await core())?.dateOfBirth).toBeNull()
  await expect(dob).toHaveValue(`${nextYear}-01-15`)

  // A date typed only in part (no year yet) holds back only itself: the phone is saved.
  const completed = app.getByLabel('Treatment completed on')
  await completed.focus()
  await app.keyboard.type('0603')
  await app.getByLabel('Phone').fill('+44 20 7946 0000')
  await app.getByLabel('Phone').blur()
  await expect(completed).toHaveAccessibleDescription(/Enter a whole date/)
  await expect(app.locator('.field').filter({ has: completed }).getByRole('alert')).toBeInViewport()
  await expect.poll(async () => (await core())?.phone).toBe('+44 20 7946 0000')
  await expect(app.getByRole('status').filter({ hasText: /\S/ })).toContainText(
    'Saved, except Date of birth and Treatment completed on: see the messages beside them.'
  )

  // Enter asks for a save now: what cannot be saved gets the cursor.
  await app.getByLabel('Email').press('Enter')
  await expect(dob).toBeFocused()
  await shoot('person-details-kept-fields')
  await expectAccessible(app, 'details with two fields to fix')

  // Leaving asks first; staying puts the cursor on the first field to fix.
  app.once('dialog', (dialog) => void dialog.dismiss())
  await personTabs(app, 'Maya').getByRole('link', { name: 'Summary' }).click()
  await expect(dob).toBeFocused()

  // Leaving anyway and coming back: female and the phone are there; the bad date is not.
  app.once('dialog', (dialog) => void dialog.accept())
  await personTabs(app, 'Maya').getByRole('link', { name: 'Summary' }).click()
  await expect(app.getByRole('heading', { name: 'Nothing in the record yet' })).toBeVisible()
  await personTabs(app, 'Maya').getByRole('link', { name: 'Details' }).click()
  await expect(app.getByLabel('Sex')).toHaveValue('female')
  await expect(app.getByLabel('Phone')).toHaveValue('+44 20 7946 0000')
  await expect(dob).toHaveValue('')

  // The date put right is saved, and female is still there.
  await dob.fill('2015-06-04')
  await dob.blur()
  await expect(app.getByRole('status').filter({ hasText: /^\W*Saved(?!,)/ })).toBeVisible()
  await expect.poll(async () => (await core())?.dateOfBirth).toBe('2015-06-04')
  expect((await core())?.sex).toBe('female')
  expect(pageErrors).toEqual([])
})

/** The page as wide as the window, no wider, at a desktop width and a phone-like one. */
async function expectNoSidewaysScroll(
  page: Page,
  screen: string,
  shootNarrow?: () => Promise<void>
) {
  for (const width of [1200, 400]) {
    await page.setViewportSize({ width, height: 820 })
    if (width === 400) await shootNarrow?.()
    const html = page.locator('html')
    const [scrollWidth, clientWidth] = await html.evaluate((e) => [e.scrollWidth, e.clientWidth])
    expect(scrollWidth, `${screen} at ${width} px`).toBeLessThanOrEqual(clientWidth!)
  }
  await page.setViewportSize({ width: 1200, height: 820 })
}

test('a very long name and long entries wrap on every screen instead of widening the page', async ({
  app,
  bridge,
  shoot
}) => {
  test.setTimeout(120_000)
  const pageErrors = watchForPageErrors(app)
  const name = 'Maya'.repeat(50)
  const long = 'Febrileneutropenia'.repeat(11).slice(0, 200)
  await createVault(app)
  await addPerson(app, name)
  await expectNoSidewaysScroll(app, 'People')
  await shoot('wrap-people')

  // Asking before deleting names the person in full.
  await app.getByRole('button', { name: `Delete ${name}` }).click()
  await expect(app.getByRole('group', { name: `Delete ${name}?` })).toBeVisible()
  await expectNoSidewaysScroll(app, 'the delete confirmation')
  await shoot('wrap-confirm-delete')
  await app.getByRole('button', { name: 'Cancel' }).click()

  const profileId = (await bridge.core.handlers['profiles.list']({}))[0]!.id
  await bridge.core.handlers['record.save']({
    kind: 'phase',
    entry: {
      profileId,
      kind: 'induction',
      startedOn: '2021-02-22',
      protocol: long,
      source: 'typed'
    }
  } as never)
  await bridge.core.handlers['careplan.saveOwnItem']({
    profileId,
    title: long,
    system: 'other',
    what: long,
    everyMonths: 12,
    firstDue: null,
    responsible: 'you'
  } as never)

  // A complication with a long unbroken name, typed into the Record form.
  await peopleList(app).getByRole('link', { name }).click()
  const tabs = personTabs(app, name)
  await tabs.getByRole('link', { name: 'Record' }).click()
  const complications = app.getByRole('region', { name: 'Complications and side effects' })
  await complications.getByRole('button', { name: 'Add a complication' }).click()
  await complications.getByLabel('What happened').fill(long)
  await expectNoSidewaysScroll(app, 'a record form with long text')
  await complications.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(complications.getByRole('listitem')).toContainText(long.slice(0, 40))
  await expectNoSidewaysScroll(app, 'Record')
  await shoot('wrap-record')

  // Deleted: the undo line names it in full.
  await complications.getByRole('button', { name: /^Delete/ }).click()
  await expect(complications.getByRole('status')).toContainText('Deleted')
  await expectNoSidewaysScroll(app, 'Record after a delete')
  await complications.getByRole('button', { name: 'Undo' }).click()
  await expect(complications.getByRole('listitem')).toHaveCount(1)

  await tabs.getByRole('link', { name: 'Summary' }).click()
  await expect(app.getByRole('region', { name: 'Important to know first' })).toContainText(
    long.slice(0, 40)
  )
  await expectNoSidewaysScroll(app, 'Summary', () => shoot('wrap-summary-narrow'))
  await shoot('wrap-summary')

  await tabs.getByRole('link', { name: 'Care plan' }).click()
  await expect(app.getByText(long.slice(0, 40)).first()).toBeVisible()
  await expectNoSidewaysScroll(app, 'Care plan')
  await app
    .getByRole('article')
    .filter({ has: app.getByRole('heading', { name: long }) })
    .screenshot({ path: join(SCREENSHOT_DIR, 'wrap-careplan-own-item.png') })

  await tabs.getByRole('link', { name: 'Details' }).click()
  await expect(app.getByLabel('Date of birth')).toBeVisible()
  await expectNoSidewaysScroll(app, 'Details')
  await shoot('wrap-details')
  expect(pageErrors).toEqual([])
})
