import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { SCREENSHOT_DIR, expect, test } from './fixtures.ts'
import {
  PASSPHRASE,
  addPerson,
  createVault,
  expectAccessible,
  lock,
  lockedHeading,
  peopleHeading,
  unlock,
  watchForPageErrors
} from './steps.ts'

const CHILDHOOD = 'Childhood acute lymphoblastic leukemia (ALL)'
const RELAPSE = 'When ALL comes back (relapsed and refractory ALL)'

// ---- Steps ----

async function openGuides(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Guides' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Guides' })).toBeVisible()
}

async function openGuide(page: Page, title: string) {
  await page.getByRole('link', { name: title, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
}

function contents(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Contents of this guide' })
}

/** Goes to a part of the open guide from its table of contents. */
async function openSection(page: Page, title: string) {
  await contents(page).getByRole('link', { name: title, exact: true }).click()
  await expect(sectionHeading(page, title)).toBeFocused()
}

function sectionHeading(page: Page, title: string): Locator {
  return page.locator('article').getByRole('heading', { name: title, exact: true })
}

function searchBox(page: Page): Locator {
  return page.getByRole('search').getByLabel('Search the guides, the glossary and your documents')
}

async function search(page: Page, query: string) {
  await searchBox(page).fill('')
  // Typed as a person types, key by key: results follow the typing.
  await searchBox(page).pressSequentially(query, { delay: 20 })
}

/** Sideways overflow in pixels; 0 when the page fits its width. Runs in the page. */
function overflow(page: Page): Promise<number> {
  return page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth'
  )
}

/** Presses Tab until a glossary word matching `word` has the focus; false if none in 30 presses. */
async function tabToTerm(page: Page, word: RegExp): Promise<boolean> {
  const focusedTerm = page.locator('.term:focus')
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab')
    const text = (await focusedTerm.count()) > 0 ? await focusedTerm.textContent() : ''
    if (word.test(text ?? '')) return true
  }
  return false
}

async function shootElement(locator: Locator, name: string) {
  await locator.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) })
}

test('search finds guide sections and glossary words; the reader explains terms and prints one section', async ({
  app,
  shoot
}) => {
  test.setTimeout(120_000)
  const pageErrors = watchForPageErrors(app)
  await createVault(app)
  await openGuides(app)

  // The four guides, each with who it is for and when it was last reviewed.
  const cards = app.getByRole('region', { name: 'The guides' }).getByRole('listitem')
  await expect(cards).toHaveCount(4)
  await expect(cards.filter({ hasText: CHILDHOOD })).toContainText(
    'Parents and families of children'
  )
  await expect(cards.filter({ hasText: RELAPSE })).toContainText(/Last reviewed \d+ \w{3} \d{4}/)
  await expectAccessible(app, 'library')

  // Results as the person types, with the count said politely and the words marked.
  await search(app, 'blinatumomab')
  const status = app.getByRole('status').filter({ hasText: /for “blinatumomab”/ })
  await expect(status).toHaveText(/^\d+ results? for “blinatumomab”$/)
  const results = app.getByRole('list', { name: 'Search results' }).getByRole('listitem')
  const top = results.first()
  await expect(top.getByRole('link')).toHaveText('Blinatumomab')
  await expect(top).toContainText(RELAPSE)
  await expect(top.locator('mark').first()).toHaveText(/^blinatumomab$/i)
  // What was searched stays out of the address and the history.
  await expect(app).toHaveURL(/#\/library$/)
  await shoot('library-search')
  await expectAccessible(app, 'library with search results')

  // Enter opens the first result: the relapse guide at that section.
  await searchBox(app).press('Enter')
  await expect(app).toHaveURL(/#\/library\/relapsed-all\/blinatumomab$/)
  await expect(app.getByRole('heading', { level: 1, name: RELAPSE })).toBeVisible()
  const blinatumomab = sectionHeading(app, 'Blinatumomab')
  await expect(blinatumomab).toBeFocused()
  await expect(blinatumomab).toBeInViewport()
  await expect(
    contents(app).getByRole('link', { name: 'Blinatumomab', exact: true })
  ).toHaveAttribute('aria-current', 'location')

  // Back to the results, still there; British spelling finds the American one.
  await app.goBack()
  await expect(searchBox(app)).toHaveValue('blinatumomab')
  await search(app, 'leukaemia')
  await expect(app.getByRole('status').filter({ hasText: /for “leukaemia”/ })).toHaveText(
    /^\d+ results for “leukaemia”$/
  )
  await expect(results.first().locator('mark').first()).toHaveText(/leuk(a)?emia/i)
  expect(await results.count()).toBeGreaterThan(3)

  // A glossary word: found by search, opened in the glossary with focus on it.
  await search(app, 'neutropenia')
  const glossaryResult = results
    .filter({ hasText: 'Glossary' })
    .getByRole('link', { name: /^neutropenia \(/ })
  await expect(glossaryResult).toBeVisible()
  await glossaryResult.click()
  await expect(app).toHaveURL(/#\/library\/glossary\/neutropenia$/)
  await expect(app.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible()
  const word = app.getByRole('term').filter({ hasText: /^neutropenia$/ })
  await expect(word).toBeFocused()
  await expect(word).toBeInViewport()
  const definition = app.locator('.entry.target').getByRole('definition')
  await expect(definition).toContainText('too few neutrophils')
  await expect(definition).toContainText("Sources: CureSearch for Children's Cancer")

  // The glossary page: A to Z and a filter.
  const glossaryCount = app.locator('#glossary-count')
  await expect(glossaryCount).toHaveText(/^\d{3} words$/)
  await app.getByLabel('Find a word').fill('neutro')
  await expect(glossaryCount).toHaveText(/^Showing [2-9] of \d{3} words\.$/)
  await expect(app.getByRole('term').filter({ hasText: /^neutrophil$/ })).toBeVisible()
  await expect(app.getByRole('term').filter({ hasText: /^lymphocyte$/ })).toHaveCount(0)
  // A word supported by a page only the glossary cites: that page's publisher is named too.
  await app.getByLabel('Find a word').fill('DNA')
  const dna = app
    .locator('.entry')
    .filter({ has: app.getByRole('term').filter({ hasText: /^DNA$/ }) })
  await expect(dna.locator('.sources')).toHaveText('Sources: National Cancer Institute (NCI)')
  await app.getByLabel('Find a word').fill('')
  const letters = app.getByRole('navigation', { name: 'Words by first letter' })
  await letters.getByRole('link', { name: 'W', exact: true }).click()
  await expect(app.getByRole('heading', { level: 2, name: 'W', exact: true })).toBeFocused()
  await expect(app.getByRole('heading', { level: 2, name: 'W', exact: true })).toBeInViewport()
  await app.screenshot({ path: join(SCREENSHOT_DIR, 'glossary.png') })
  await expectAccessible(app, 'glossary')

  // In the childhood guide, the glossary explains a word on keyboard focus.
  await openGuides(app)
  await openGuide(app, CHILDHOOD)
  await openSection(app, 'What ALL is')
  const focusedTerm = app.locator('.term:focus')
  expect(await tabToTerm(app, /^white blood cells?$/i), 'Tab reaches "white blood cell"').toBe(true)
  const tooltip = app.getByRole('tooltip')
  await expect(tooltip).toBeVisible()
  await expect(tooltip).toHaveCount(1)
  await expect(tooltip).toContainText('neutrophil')
  await expect(focusedTerm).toHaveAttribute('role', 'button')
  await expect(focusedTerm).toHaveAccessibleDescription(/neutrophils/)
  await app.screenshot({ path: join(SCREENSHOT_DIR, 'glossary-tooltip.png') })
  // Escape closes it and leaves the keyboard where it was.
  await app.keyboard.press('Escape')
  await expect(tooltip).toHaveCount(0)
  await expect(focusedTerm).toHaveCount(1)
  // Pointing at a word shows its explanation too; each term only once per section.
  const section = app.locator('#section-what-all-is')
  await section.locator('.term').first().hover()
  await expect(app.getByRole('tooltip')).toBeVisible()
  const marked = await section
    .locator('.term')
    .evaluateAll((terms) => terms.map((term) => term.getAttribute('data-term-id')))
  expect(new Set(marked).size).toBe(marked.length)
  // Not in headings, and "all" in a sentence is not the abbreviation ALL.
  await expect(app.locator('article :is(h2, h3) .term')).toHaveCount(0)
  const allTerms = await app
    .locator('article .term')
    .evaluateAll((terms) => terms.map((term) => term.textContent))
  expect(allTerms).not.toContain('all')
  await app.mouse.move(0, 0)

  // The abbreviation families hear on the ward: ANC, explained when the keyboard reaches it.
  await openSection(app, 'Blood counts and infection')
  expect(await tabToTerm(app, /^ANC$/), 'Tab reaches "ANC"').toBe(true)
  await expect(app.getByRole('tooltip')).toContainText('absolute neutrophil count')
  await expect(app.getByRole('tooltip')).toContainText('white blood cells that fight bacteria')
  // A plural is explained by its singular's entry.
  await expect(
    app.locator('#section-blood-counts-and-infection .term[data-term-id="neutrophil"]')
  ).toHaveText('Neutrophils')
  await shootElement(app.locator('#section-blood-counts-and-infection'), 'glossary-anc')
  await app.keyboard.press('Escape')

  await app.getByRole('heading', { level: 1 }).focus()
  await app.screenshot({ path: join(SCREENSHOT_DIR, 'guide-reader.png') })
  await expectAccessible(app, 'guide reader')

  // Narrow, as a small window or 200% zoom: the contents go above the text, nothing runs off.
  await app.setViewportSize({ width: 600, height: 820 })
  await openSection(app, 'Medicines named in this guide')
  await expect.poll(() => overflow(app)).toBeLessThanOrEqual(0)
  await app.screenshot({ path: join(SCREENSHOT_DIR, 'guide-reader-narrow.png') })
  await app.setViewportSize({ width: 1200, height: 820 })

  // Print this section: the section with its smaller parts, the title and the sources only.
  // Runs in the page, which has the DOM (this file is type-checked for Node).
  await app.evaluate("window.print = () => { document.body.dataset.printed = 'yes' }")
  await app.getByRole('button', { name: 'Print this section: Chemotherapy' }).click()
  await expect(app.locator('body')).toHaveAttribute('data-printed', 'yes')
  await app.emulateMedia({ media: 'print' })
  await expect(sectionHeading(app, 'Chemotherapy')).toBeVisible()
  await expect(sectionHeading(app, 'The four phases')).toBeVisible()
  await expect(sectionHeading(app, 'Radiation therapy')).toBeHidden()
  await expect(sectionHeading(app, 'What ALL is')).toBeHidden()
  await expect(app.getByText(/^This guide is for parents and families/)).toBeHidden()
  await expect(app.getByRole('heading', { name: 'Where the facts come from' })).toBeVisible()
  await expect(app.getByText(/^From the Lantern guide “Childhood acute/)).toBeVisible()
  await expect(contents(app)).toBeHidden()
  await expect(app.getByRole('button', { name: /^Bookmark/ }).first()).toBeHidden()
  await app.pdf({ path: join(SCREENSHOT_DIR, 'guide-section-print.pdf'), format: 'A4' })
  // Once printed, the whole guide prints again.
  await app.evaluate("window.dispatchEvent(new Event('afterprint'))")
  await expect(sectionHeading(app, 'Radiation therapy')).toBeVisible()
  await app.emulateMedia({ media: 'screen' })

  expect(pageErrors).toEqual([])
})

test('bookmarks and the reading position are kept in the vault; text size and colours apply at once', async ({
  app,
  bridge,
  shoot
}) => {
  test.setTimeout(120_000)
  const pageErrors = watchForPageErrors(app)
  await createVault(app)
  await openGuides(app)
  const bookmarks = app.getByRole('region', { name: 'Bookmarks' })
  await expect(bookmarks).toContainText('No bookmarks yet.')

  // Bookmark a section of the childhood guide.
  await openGuide(app, CHILDHOOD)
  await openSection(app, 'Lumbar puncture')
  const bookmark = app.getByRole('button', { name: 'Bookmark Lumbar puncture' })
  await expect(bookmark).toHaveAttribute('aria-pressed', 'false')
  await bookmark.click()
  await expect(bookmark).toHaveAttribute('aria-pressed', 'true')
  await expect(app.locator('#section-lumbar-puncture').getByRole('status')).toContainText(
    'Bookmarked “Lumbar puncture”.'
  )

  // Read on: the section in view is kept as the place to come back to.
  await openSection(app, 'Stem cell transplant')
  await expect
    .poll(
      async () =>
        (await bridge.core.handlers['library.getPosition']({ guideId: 'childhood-all' }))?.sectionId
    )
    .toBe('stem-cell-transplant')

  // Reopening the guide goes back to where the person was reading, and says so.
  await openGuides(app)
  await openGuide(app, CHILDHOOD)
  await expect(app).toHaveURL(/#\/library\/childhood-all$/)
  const resumed = sectionHeading(app, 'Stem cell transplant')
  await expect(resumed).toBeFocused()
  await expect(resumed).toBeInViewport()
  await expect(app.getByText('Opened where you stopped reading last time')).toBeVisible()
  await app.getByRole('button', { name: 'Go to the start of the guide' }).click()
  await expect(app.getByRole('heading', { level: 1, name: CHILDHOOD })).toBeFocused()
  await expect(app.getByRole('heading', { level: 1, name: CHILDHOOD })).toBeInViewport()

  // Bigger text, and dark colours for all of Lantern, chosen in the reader.
  const size = () =>
    app.evaluate<number>(
      "parseFloat(getComputedStyle(document.querySelector('article.guide')).fontSize)"
    )
  const normalSize = await size()
  await app.getByRole('radio', { name: 'A++ (larger)' }).check()
  await expect(app.locator('html')).toHaveAttribute('data-text-size', 'larger')
  await expect.poll(size).toBeGreaterThan(normalSize * 1.3)
  await app.getByRole('radio', { name: 'Dark' }).check()
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark')
  const background = () => app.evaluate<string>('getComputedStyle(document.body).backgroundColor')
  await expect.poll(background).toBe('rgb(22, 26, 29)')
  expect(await bridge.core.handlers['settings.get']({})).toMatchObject({
    textSize: 'larger',
    theme: 'dark'
  })

  // Locked and unlocked: the bookmark, the position and the choices are all still there.
  await lock(app)
  await expect(app.getByText('Lumbar puncture')).toHaveCount(0)
  await unlock(app, PASSPHRASE)
  await expect(lockedHeading(app)).toBeHidden()
  await expect(peopleHeading(app)).toBeVisible()
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark')
  await openGuides(app)
  const saved = bookmarks.getByRole('link', { name: 'Lumbar puncture' })
  await expect(saved).toBeVisible()
  await expect(bookmarks).toContainText(`In ${CHILDHOOD}`)
  await shoot('library-dark')
  await expectAccessible(app, 'library in dark colours')
  await saved.click()
  await expect(app).toHaveURL(/#\/library\/childhood-all\/lumbar-puncture$/)
  await expect(sectionHeading(app, 'Lumbar puncture')).toBeFocused()
  await expect(sectionHeading(app, 'Lumbar puncture')).toBeInViewport()
  await expect(app.getByRole('button', { name: 'Bookmark Lumbar puncture' })).toHaveAttribute(
    'aria-pressed',
    'true'
  )
  await expect.poll(size).toBeGreaterThan(normalSize * 1.3)

  // Remove the bookmark from the Guides page; Undo brings it back.
  await openGuides(app)
  await bookmarks.getByRole('button', { name: 'Remove the bookmark Lumbar puncture' }).click()
  await expect(bookmarks).toContainText('No bookmarks yet.')
  const undo = bookmarks.getByRole('button', { name: 'Undo removing the bookmark Lumbar puncture' })
  await expect(undo).toBeFocused()
  await undo.click()
  await expect(saved).toBeFocused()

  // The same choices in Settings: back to normal size and the computer's colours.
  await app
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click()
  const appearance = app.getByRole('region', { name: 'Reading and colours' })
  await expect(appearance.getByRole('radio', { name: 'Dark' })).toBeChecked()
  await appearance.getByRole('radio', { name: 'A (normal)' }).check()
  await appearance.getByRole('radio', { name: 'System' }).check()
  await expect(app.locator('html')).not.toHaveAttribute('data-theme')
  await expect(app.locator('html')).not.toHaveAttribute('data-text-size')
  await shootElement(appearance, 'settings-reading')
  await expectAccessible(app, 'settings with reading and colours')

  expect(pageErrors).toEqual([])
})

test('the questions of a guide go to the list of the person looked at last, and show on their care plan', async ({
  app,
  bridge
}) => {
  test.setTimeout(120_000)
  const pageErrors = watchForPageErrors(app)
  await createVault(app)
  await addPerson(app, 'Maya')
  await addPerson(app, 'Sam')
  await app
    .getByRole('list', { name: 'People in this vault' })
    .getByRole('link', { name: 'Sam' })
    .click()
  await expect(app.getByRole('heading', { level: 1, name: 'Sam' })).toBeVisible()

  await openGuides(app)
  await openGuide(app, RELAPSE)
  await openSection(app, 'Questions to ask the care team')
  const keep = app.getByRole('group', { name: 'Keep these questions' })
  const person = keep.getByLabel('Add these questions to')
  await expect(person.locator('option:checked')).toHaveText('Sam')
  await person.selectOption({ label: 'Maya' })
  const guide = await bridge.core.handlers['library.get']({ guideId: 'relapsed-all' })
  const asked = guide.sections.find((s) => s.id === 'questions-to-ask-the-care-team')?.questions
  const total = asked?.length ?? 0
  expect(total).toBeGreaterThan(5)
  await expectAccessible(app, 'questions to keep')

  await keep.getByRole('button', { name: `Add ${total} questions` }).click()
  await expect(keep.getByRole('status')).toContainText(
    `Added ${total} questions to the list of Maya.`
  )
  // A second time, nothing is added twice.
  await keep.getByRole('button', { name: `Add ${total} questions` }).click()
  await expect(keep.getByRole('status')).toContainText(
    'All these questions were on the list of Maya already.'
  )
  await shootElement(keep, 'guide-questions-added')

  await keep.getByRole('link', { name: 'See the questions of Maya' }).click()
  await expect(app.getByRole('heading', { level: 1, name: 'Maya' })).toBeVisible()
  const panel = app.getByRole('region', { name: 'Questions for the care team' })
  const list = panel.getByRole('list', { name: 'Questions for the care team' })
  await expect(list.getByRole('listitem')).toHaveCount(total)
  await expect(list.getByRole('listitem').first()).toContainText(asked?.[0] ?? '')
  await expect(list.getByRole('listitem').first()).toContainText(`From the guide “${RELAPSE}”`)

  // Remove one; Undo puts it back. And one of their own.
  await panel.getByRole('button', { name: `Remove the question: ${asked?.[0]}` }).click()
  await expect(list.getByRole('listitem')).toHaveCount(total - 1)
  const undo = panel.getByRole('status').getByRole('button', { name: /^Undo removing/ })
  await expect(undo).toBeFocused()
  await undo.click()
  await expect(list.getByRole('listitem')).toHaveCount(total)
  await panel.getByLabel('Your own question').fill('Can Maya go back to school during this?')
  await panel.getByRole('button', { name: 'Add question' }).click()
  await expect(panel.getByRole('status').first()).toContainText('Added your question to the list.')
  await expect(list.getByRole('listitem')).toHaveCount(total + 1)
  await expect(list.getByRole('listitem').last()).toContainText(
    'Can Maya go back to school during this?'
  )
  await shootElement(panel, 'careplan-questions')
  await expectAccessible(app, 'care plan with questions')

  // Sam's list is his own.
  const profiles = await bridge.core.handlers['profiles.list']({})
  const sam = profiles.find((p) => p.displayName === 'Sam')
  expect(await bridge.core.handlers['questions.list']({ profileId: sam?.id ?? '' })).toEqual([])
  expect(pageErrors).toEqual([])
})
