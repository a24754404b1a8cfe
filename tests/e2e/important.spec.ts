import { expect, test } from './fixtures.ts'
import { addPerson, createVault, expectAccessible, watchForPageErrors } from './steps.ts'

test('what to know first: recorded on Details, shown at the top of the Summary, a slip refused beside its field', async ({
  app,
  bridge,
  shoot
}) => {
  const pageErrors = watchForPageErrors(app)
  await createVault(app)
  await addPerson(app, 'Maya')
  await app
    .getByRole('list', { name: 'People in this vault' })
    .getByRole('link', { name: 'Maya' })
    .click()
  const tabs = app.getByRole('navigation', { name: 'Pages for Maya' })

  // Before anyone answers, the summary says so: an empty answer never reads as "none".
  const block = app.getByRole('region', { name: 'Important to know first' })
  await expect(block).toContainText('AllergiesNot recorded')
  await expect(block).toContainText('Central lineNot recorded')

  await tabs.getByRole('link', { name: 'Details' }).click()
  const group = app.getByRole('form', { name: 'Important to know in an emergency' })
  await group.getByRole('button', { name: 'Add an allergy' }).click()
  await group.getByLabel('Allergy 1: Substance').fill('Co-trimoxazole')
  await group.getByLabel('Reaction (optional)').fill('Rash')
  const line = group.getByRole('group', { name: 'Central line' })
  await line.getByLabel('A central line is in place').check()
  await line.getByLabel('Type and place').fill('Port-a-cath, right chest')
  await group.getByLabel('Care team’s 24-hour number').fill('+44 20 7946 0000')
  await expect(group.getByRole('status')).toHaveText(/^\W*Saved(?!,)/)
  await expect
    .poll(async () => {
      const [maya] = await bridge.core.handlers['profiles.list']({})
      return [maya?.allergies, maya?.centralLine, maya?.centralLineNotes, maya?.teamPhone24h]
    })
    .toEqual([
      [{ substance: 'Co-trimoxazole', reaction: 'Rash' }],
      'in-place',
      'Port-a-cath, right chest',
      '+44 20 7946 0000'
    ])

  // A fever threshold of 45 °C is a slip: refused beside the field, and nothing is stored.
  const fever = group.getByLabel('Fever threshold the care team gave you')
  await fever.fill('45')
  await group.getByLabel('Unit').selectOption({ label: '°C' })
  await fever.press('Tab')
  await expect(fever).toHaveAccessibleDescription(/between 35 and 42 °C/)
  await expect(fever).toHaveAttribute('aria-invalid', 'true')
  await expect(group.getByRole('status')).toContainText(
    'Saved, except Fever threshold the care team gave you'
  )
  expect((await bridge.core.handlers['profiles.list']({}))[0]?.feverThreshold).toBeNull()
  await shoot('important-details')
  await expectAccessible(app, 'details with the emergency group and an error')

  // The care team's number, put right.
  await fever.fill('38')
  await fever.press('Tab')
  await expect(group.getByRole('status')).toHaveText(/^\W*Saved(?!,)/)
  await expect(fever).not.toHaveAttribute('aria-invalid', 'true')

  await tabs.getByRole('link', { name: 'Summary' }).click()
  await expect(block).toBeVisible()
  await expect(block).toContainText('Co-trimoxazole (Rash)')
  await expect(block).toContainText('A central line is in place, Port-a-cath, right chest')
  await expect(block).toContainText('SpleenNot recorded')
  await expect(block).toContainText('+44 20 7946 0000')
  await expect(block).toContainText('38 °C')
  await shoot('important-summary')
  await expectAccessible(app, 'summary with what to know first')
  expect(pageErrors).toEqual([])
})
