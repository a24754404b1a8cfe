import type { Locator, Page } from '@playwright/test'
import PDFDocument from 'pdfkit'
import { expect, test as lantern } from './fixtures.ts'
import {
  PASSPHRASE,
  createVault,
  expectAccessible,
  lock,
  lockedHeading,
  peopleHeading,
  unlock,
  watchForPageErrors
} from './steps.ts'

/**
 * Every request the page makes, from its very first: the listener goes on the page before the
 * app fixture opens it.
 */
const test = lantern.extend<{ requests: string[] }>({
  // eslint-disable-next-line no-empty-pattern
  requests: async ({}, use) => {
    await use([])
  },
  page: async ({ page, requests }, use) => {
    page.on('request', (request) => requests.push(request.url()))
    await use(page)
  }
})

const GUIDES = [
  'Childhood acute lymphoblastic leukemia (ALL)',
  'Acute lymphoblastic leukemia (ALL) in adults',
  'When ALL comes back (relapsed and refractory ALL)',
  'Treatment of metastatic breast cancer'
]

interface PickedFile {
  name: string
  mimeType: string
  buffer: Buffer
}

function textFile(name: string, text: string, mimeType = 'text/plain'): PickedFile {
  return { name, mimeType, buffer: Buffer.from(text, 'utf8') }
}

/**
 * A page as a browser saves it: the article sits among a skip link, a site menu, a cookie
 * banner, share buttons and a footer, with scripts that would rename the tab and call a tracker,
 * remote pictures and an inline click handler.
 */
const SAVED_PAGE_TITLE = 'Looking after a central line at home'
const SAVED_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${SAVED_PAGE_TITLE} | Riverside Children's Hospital</title>
  <link rel="stylesheet" href="https://cdn.example/site.css">
  <script>document.title = 'Tracked'; fetch('https://tracker.example/collect?page=line')</script>
  <script src="https://tracker.example/analytics.js"></script>
</head>
<body>
  <a class="skip-link" href="#main">Skip to main content</a>
  <header class="site-header">
    <img src="https://example.com/logo.png" alt="Riverside logo">
    <nav aria-label="Site menu">
      <ul>
        <li><a href="/">Home page</a></li>
        <li><a href="/hospitals">Our hospitals</a></li>
        <li><a href="/donate">Donate today</a></li>
      </ul>
    </nav>
  </header>
  <div class="cookie-banner">
    <p>We use cookies to give you the best experience on our website.</p>
    <button onclick="acceptCookies()">Accept all</button>
  </div>
  <main id="main">
    <article>
      <h1>${SAVED_PAGE_TITLE}</h1>
      <ul class="share-buttons">
        <li><a href="https://facebook.example/share">Share on Facebook</a></li>
        <li><a href="https://twitter.example/share">Tweet this page</a></li>
      </ul>
      <p onclick="fetch('https://tracker.example/click')">A central line is a thin, soft tube that
        stays in a large vein so that medicines can go in and blood can be taken without needles.</p>
      <img src="https://example.com/x.png" alt="A nurse changing a dressing">
      <h2>Keeping it clean</h2>
      <p>Your nurse changes the clear dressing once a week and cleans the skin with
        <strong>chlorhexidine</strong> first. Keep the dressing dry at bath time.</p>
      <h2>When to phone the ward</h2>
      <ul>
        <li>A temperature of 38°C or more</li>
        <li>Redness, swelling or fluid where the line comes out</li>
        <li>The line is cracked, leaking or has moved</li>
      </ul>
    </article>
  </main>
  <footer class="site-footer">
    <p>© 2025 Riverside Children's Hospital. All rights reserved.</p>
    <a href="/privacy">Privacy policy</a>
  </footer>
  <script>document.body.insertAdjacentHTML('beforeend', '<p>Injected by a script</p>')</script>
</body>
</html>`

/** What the saved page's furniture says: none of it may reach Lantern. */
const BOILERPLATE = [
  'Skip to main content',
  'Riverside logo',
  'Home page',
  'Our hospitals',
  'Donate today',
  'We use cookies',
  'Accept all',
  'Share on Facebook',
  'Tweet this page',
  'A nurse changing a dressing',
  'All rights reserved',
  'Privacy policy',
  'Injected by a script'
]

/** A one-page PDF letter made with pdfkit, as the unit tests make theirs. */
function pdfFile(name: string, lines: string[]): Promise<PickedFile> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ info: { Title: 'Discharge letter' } })
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () =>
      resolve({ name, mimeType: 'application/pdf', buffer: Buffer.concat(chunks) })
    )
    doc.on('error', reject)
    for (const line of lines) doc.text(line)
    doc.end()
  })
}

// ---- Steps ----

async function openGuides(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Guides' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Guides' })).toBeVisible()
}

function documentsPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Your documents' })
}

function documentList(page: Page): Locator {
  return documentsPanel(page).getByRole('list', { name: 'Your documents' })
}

/** Picks files in the panel's file input, as the system's file chooser would. */
async function addFiles(page: Page, ...files: PickedFile[]) {
  await documentsPanel(page).getByLabel('Add a document').setInputFiles(files)
}

/** Adds one file and waits until Lantern says it is in. */
async function addDocument(page: Page, file: PickedFile, title: string) {
  await addFiles(page, file)
  await expect(documentsPanel(page).getByRole('status').filter({ hasText: /\S/ })).toHaveText(
    `Added “${title}”. It is in the list below and in search.`
  )
  await expect(documentList(page).getByRole('link', { name: title, exact: true })).toBeVisible()
}

function searchBox(page: Page): Locator {
  return page.getByRole('search').getByLabel('Search the guides, the glossary and your documents')
}

async function search(page: Page, query: string) {
  await searchBox(page).fill('')
  // Typed as a person types, key by key: results follow the typing.
  await searchBox(page).pressSequentially(query, { delay: 20 })
  await expect(page.getByRole('status').filter({ hasText: `“${query}”` })).toBeVisible()
}

/**
 * The search result for a part of one of the person's own documents: the part's heading is the
 * link, the document's title is said beside it when they differ.
 */
function documentResultItem(page: Page, title: string, part = title): Locator {
  const item = page
    .getByRole('list', { name: 'Search results' })
    .getByRole('listitem')
    .filter({ hasText: 'One of your own documents' })
    .filter({ has: page.getByRole('link', { name: part, exact: true }) })
  return part === title ? item : item.filter({ hasText: title })
}

function documentResult(page: Page, title: string, part = title): Locator {
  return documentResultItem(page, title, part).getByRole('link', { name: part, exact: true })
}

/** Opens a document from search; the keyboard lands on its title or on the part that matched. */
async function openDocumentFromSearch(page: Page, query: string, title: string) {
  await search(page, query)
  await documentResult(page, title).click()
  await expect(page).toHaveURL(/#\/library\/documents\/[0-9a-f-]{36}(\/part-\d+)?$/)
  await expect(page.locator(':focus')).toHaveText(title)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
}

function documentText(page: Page, title: string): Locator {
  return page.getByRole('article', { name: `Text of ${title}` })
}

// ---- Tests ----

test('a web page saved from a browser comes in as its article alone, found by search, with nothing active', async ({
  app,
  shoot
}) => {
  const pageErrors = watchForPageErrors(app)
  await createVault(app)
  await openGuides(app)
  const panel = documentsPanel(app)
  await expect(panel).toContainText('kept only inside your encrypted vault on this computer')
  await expect(panel).toContainText('No documents yet.')

  await addDocument(app, textFile('central-line.html', SAVED_PAGE, 'text/html'), SAVED_PAGE_TITLE)
  // Listed under the title found in the page, with its kind, the day it came in and its file.
  const row = documentList(app).getByRole('listitem')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('Web page')
  await expect(row).toContainText(/Added \d{1,2} \w{3} \d{4}/)
  await expect(row).toContainText('central-line.html')
  await shoot('documents-panel')
  await expectAccessible(app, 'guides page with a document')

  // A word from the article's own text finds it, marked as one of the person's documents.
  // The result is the part of the page that says it, under its heading, as for a guide.
  await search(app, 'chlorhexidine')
  const result = documentResultItem(app, SAVED_PAGE_TITLE, 'Keeping it clean')
  await expect(result.locator('mark').first()).toHaveText(/^chlorhexidine$/i)
  await shoot('documents-search')
  await documentResult(app, SAVED_PAGE_TITLE, 'Keeping it clean').click()
  await expect(app).toHaveURL(/#\/library\/documents\/[0-9a-f-]{36}\/part-2$/)
  await expect(app.getByRole('heading', { level: 1, name: SAVED_PAGE_TITLE })).toBeVisible()
  const part = app.getByRole('heading', { level: 2, name: 'Keeping it clean' })
  await expect(part).toBeFocused()
  await expect(part).toBeInViewport()

  // The article is all there: its words, headings and list.
  const text = documentText(app, SAVED_PAGE_TITLE)
  await expect(text).toContainText('A central line is a thin, soft tube')
  await expect(text.getByRole('heading', { name: 'Keeping it clean' })).toBeVisible()
  await expect(text.locator('strong')).toHaveText('chlorhexidine')
  await expect(text.getByRole('listitem')).toHaveCount(3)
  await expect(text.getByRole('listitem').first()).toHaveText('A temperature of 38°C or more')
  await expect(app.getByText('central-line.html')).toBeVisible()

  // And nothing else: no furniture, no picture, no script, no attribute from the file in the
  // text (only Lantern's tabindex on the part search opened, so the keyboard can land there),
  // no handler anywhere on the page, and the scripts never ran.
  const page = app.locator('body')
  for (const furniture of BOILERPLATE) await expect(page).not.toContainText(furniture)
  await expect(text.locator('img, script, a, link, iframe, style')).toHaveCount(0)
  const attributes = await text.evaluate((article) =>
    [...article.querySelectorAll('*')].flatMap((element) =>
      [...element.attributes].map(
        (attribute) => `${element.textContent}: ${attribute.name}=${attribute.value}`
      )
    )
  )
  expect(attributes).toEqual(['Keeping it clean: tabindex=-1'])
  const handlers = await app.evaluate<string[]>(
    `[...document.querySelectorAll('*')].flatMap((element) =>
      [...element.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name))`
  )
  expect(handlers).toEqual([])
  expect(await app.evaluate<number>("document.querySelectorAll('img').length")).toBe(0)
  await expect(app).not.toHaveTitle('Tracked')
  await shoot('document-page')
  await expectAccessible(app, 'document page')

  // Narrow, as a small window or 200% zoom: nothing runs off the side.
  await app.setViewportSize({ width: 600, height: 820 })
  await expect
    .poll(() =>
      app.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth'
      )
    )
    .toBeLessThanOrEqual(0)
  await app.setViewportSize({ width: 1200, height: 820 })

  expect(pageErrors).toEqual([])
  // The fixture fails the test if anything (the remote picture, the tracker) was requested.
})

test('offline: the four guides, searches and imported documents make no request but to Lantern itself', async ({
  app,
  bridge,
  requests
}) => {
  test.setTimeout(120_000)
  const pageErrors = watchForPageErrors(app)
  await createVault(app)

  // Every guide, opened from the Guides page.
  for (const title of GUIDES) {
    await openGuides(app)
    await app.getByRole('link', { name: title, exact: true }).click()
    await expect(app.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(app.locator('article.guide h2').first()).toBeVisible()
  }

  // A few searches, each with results.
  await openGuides(app)
  for (const query of ['neutropenia', 'lumbar puncture', 'trastuzumab']) {
    await search(app, query)
    await expect(
      app.getByRole('list', { name: 'Search results' }).getByRole('listitem').first()
    ).toBeVisible()
  }

  // A Markdown note and a small PDF letter, each found by a word only it has.
  const notes = textFile(
    'clinic-notes.md',
    [
      '# Notes from the March clinic visit',
      '',
      'Dr **Okafor** said the next bone marrow test is in six weeks.',
      '',
      '- Ask about the mouthwash',
      '- Book the eye check'
    ].join('\n'),
    'text/markdown'
  )
  await addDocument(app, notes, 'Notes from the March clinic visit')
  const letter = await pdfFile('discharge-letter.pdf', [
    'Discharge letter',
    'Went home from Pemberton ward on Tuesday after five days of antibiotics.',
    'The day unit will see her again next week.'
  ])
  await addDocument(app, letter, 'Discharge letter')
  await expect(documentList(app).getByRole('listitem')).toHaveCount(2)
  await expect(documentList(app).getByRole('listitem').first()).toContainText('PDF')

  await openDocumentFromSearch(app, 'Okafor', 'Notes from the March clinic visit')
  await expect(documentText(app, 'Notes from the March clinic visit')).toContainText(
    'the next bone marrow test is in six weeks'
  )
  await openGuides(app)
  await openDocumentFromSearch(app, 'Pemberton', 'Discharge letter')
  await expect(documentText(app, 'Discharge letter')).toContainText('Went home from Pemberton ward')

  // The offline check: everything the page asked for, from the first load of the app to
  // here, went to the app's own origin. No font, picture, script or call left the computer.
  expect(requests.length).toBeGreaterThan(10)
  const elsewhere = requests.filter((url) => !url.startsWith(`${bridge.origin}/`))
  expect(elsewhere, 'every request goes to Lantern itself').toEqual([])
  expect(pageErrors).toEqual([])
})

test('a deleted document leaves the list and search, and stays gone after lock and unlock', async ({
  app,
  bridge,
  shoot
}) => {
  test.setTimeout(90_000)
  const pageErrors = watchForPageErrors(app)
  await createVault(app)
  await openGuides(app)
  const kept = 'Parking at the hospital'
  const goner = 'Swimming club letter'
  await addDocument(
    app,
    textFile(
      'parking.txt',
      `${kept}\n\nThe Kestrel car park by the east entrance sells a weekly ticket.`
    ),
    kept
  )
  await addDocument(
    app,
    textFile('swimming.txt', `${goner}\n\nOtterpool swimming club meets on Saturday mornings.`),
    goner
  )

  // Delete asks first, starting on "Keep it"; keeping it changes nothing.
  await openDocumentFromSearch(app, 'Otterpool', goner)
  await app.getByRole('button', { name: 'Delete this document' }).click()
  const question = app.getByRole('group', { name: `Delete “${goner}” from your vault?` })
  await expect(question).toContainText('cannot be brought back')
  await expect(question.getByRole('button', { name: 'Keep it' })).toBeFocused()
  await shoot('document-delete-question')
  await expectAccessible(app, 'delete a document')
  await question.getByRole('button', { name: 'Keep it' }).click()
  await expect(app.getByRole('button', { name: 'Delete this document' })).toBeFocused()
  await app.getByRole('button', { name: 'Delete this document' }).click()
  await question.getByRole('button', { name: `Delete ${goner}` }).click()

  // Back on the Guides page, which says so; gone from the list and from search.
  await expect(app.getByRole('heading', { level: 1, name: 'Guides' })).toBeVisible()
  await expect(documentsPanel(app).getByRole('status').first()).toHaveText(
    `Deleted “${goner}” from your vault.`
  )
  await expect(documentList(app).getByRole('listitem')).toHaveCount(1)
  await expect(documentList(app)).not.toContainText(goner)
  await search(app, 'Otterpool')
  await expect(documentResult(app, goner)).toHaveCount(0)
  expect((await bridge.core.handlers['documents.list']({})).map((d) => d.title)).toEqual([kept])

  // Locked: nothing of the documents stays on screen. Unlocked: the same one kept, the same
  // one gone, in the list and in search (whose index is built again from the vault).
  await lock(app)
  await expect(app.getByText(kept)).toHaveCount(0)
  await unlock(app, PASSPHRASE)
  await expect(lockedHeading(app)).toBeHidden()
  await expect(peopleHeading(app)).toBeVisible()
  await openGuides(app)
  await expect(documentList(app).getByRole('listitem')).toHaveCount(1)
  await expect(documentList(app).getByRole('link', { name: kept, exact: true })).toBeVisible()
  await expect(documentsPanel(app)).not.toContainText(goner)
  await search(app, 'Otterpool')
  await expect(documentResult(app, goner)).toHaveCount(0)
  await openDocumentFromSearch(app, 'Kestrel', kept)
  await expect(documentText(app, kept)).toContainText('weekly ticket')

  expect(pageErrors).toEqual([])
})

test('a file Lantern cannot read is refused with a message that says why, and nothing is added', async ({
  app,
  bridge,
  shoot
}) => {
  const pageErrors = watchForPageErrors(app)
  await createVault(app)
  await openGuides(app)
  const panel = documentsPanel(app)
  const alert = panel.getByRole('alert')

  // A Word file: refused by its kind, before it reaches the core.
  await addFiles(app, {
    name: 'clinic-letter.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.from('PK\u0003\u0004 not really a Word file')
  })
  await expect(alert).toHaveText(
    'Lantern cannot add “clinic-letter.docx”: it can read web pages (.html, .htm), Markdown (.md, .markdown), text (.txt) and PDF files only. Nothing was added.'
  )
  await shoot('documents-refused')
  await expectAccessible(app, 'a refused document')

  // A program, and a text file over 8 MB, picked together: each gets its own reason.
  await addFiles(
    app,
    { name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') },
    textFile('huge.txt', 'a'.repeat(9 * 1024 * 1024))
  )
  await expect(alert.locator('p')).toHaveText([
    /^Lantern cannot add “setup\.exe”: it can read web pages/,
    /^Lantern cannot add “huge\.txt”: it is larger than 8 MB\. Nothing was added\./
  ])

  // An empty file, and one with nothing but spaces: the core's own words.
  await addFiles(app, textFile('empty.txt', ''))
  await expect(alert).toHaveText(
    'Lantern could not add “empty.txt”: The file is empty. Nothing was added.'
  )
  await addFiles(app, textFile('blank.txt', '   \n\n   \n'))
  await expect(alert).toHaveText(
    'Lantern could not add “blank.txt”: There is no readable text in this file. Nothing was added.'
  )

  await expect(panel).toContainText('No documents yet.')
  await expect(panel.getByRole('status').filter({ hasText: /\S/ })).toHaveCount(0)
  expect(await bridge.core.handlers['documents.list']({})).toEqual([])
  expect(pageErrors).toEqual([])
})
