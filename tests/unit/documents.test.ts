/**
 * Importing a person's own documents into the vault: a web page loses its boilerplate and
 * everything active, Markdown and text become safe HTML, a PDF gives up its text, and each is
 * found by search until it is deleted. Bad files are refused with a clear message and nothing
 * is saved.
 */
import PDFDocument from 'pdfkit'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import { MAX_IMPORT_BYTES } from '../../electron/shared/library.ts'
import { decodeText } from '../../electron/core/library/decodeText.ts'
import { documentSections } from '../../electron/core/library/documents.ts'
import { cleanHtmlPage } from '../../electron/core/library/importHtml.ts'
import { PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

const base64 = (text: string | Buffer) => Buffer.from(text).toString('base64')

/** A page as a browser saves it: the article buried in site furniture. */
const SAVED_PAGE = `<!doctype html>
<html lang="en"><head>
  <title>Mouth care during chemotherapy | Example Children's Hospital</title>
  <meta property="og:title" content="Mouth care during chemotherapy">
  <style>body { color: red }</style>
  <script>fetch('https://tracker.example/collect')</script>
  <link rel="stylesheet" href="https://cdn.example/site.css">
</head>
<body class="page nav-open">
  <a class="skip-link" href="#main">Skip to main content</a>
  <div id="cookie-banner" class="cookie-consent">We use cookies to improve your visit. <button>Accept all cookies</button></div>
  <header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/donate">Donate today</a></li></ul></nav></header>
  <main id="main">
    <article>
      <h1>Mouth care during chemotherapy</h1>
      <div class="share-buttons"><a href="https://social.example/share">Share on Facebook</a></div>
      <p onclick="steal()">Chemotherapy can make the mouth sore. Rinse gently with <strong>salt water</strong> after meals.</p>
      <img src="https://images.example/mouth.png" alt="A smiling child">
      <h2>When to call the team</h2>
      <ul><li>Mouth ulcers that stop eating or drinking</li><li>A fever</li></ul>
      <p style="display:none">Hidden tracking text zebracorn</p>
    </article>
    <aside class="related">Related articles: Hair loss</aside>
  </main>
  <footer class="site-footer">Copyright Example Children's Hospital. Privacy policy.</footer>
  <script src="https://cdn.example/analytics.js"></script>
</body></html>`

async function unlockedCore(): Promise<Core> {
  const core = newCore()
  await core.vault.create(PASSPHRASE)
  return core
}

function pdfWith(lines: string[]): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ info: { Title: 'Discharge letter' } })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    for (const line of lines) doc.text(line)
    doc.end()
  })
}

describe('cleaning a saved web page', () => {
  it('keeps the article and its title, and drops navigation, banners, footers and anything active', () => {
    const page = cleanHtmlPage(SAVED_PAGE)
    expect(page.title).toBe('Mouth care during chemotherapy')
    expect(page.text).toContain('Chemotherapy can make the mouth sore.')
    expect(page.text).toContain('When to call the team')
    expect(page.html).toContain('<strong>salt water</strong>')
    for (const boilerplate of [
      'Skip to main content',
      'We use cookies',
      'Accept all cookies',
      'Donate today',
      'Share on Facebook',
      'Related articles',
      'Copyright',
      'zebracorn'
    ]) {
      expect(page.text).not.toContain(boilerplate)
    }
    // Written out again with bare elements: no scripts, images, links, styles or handlers.
    expect(page.html).not.toMatch(/<(script|img|a|link|style|iframe)\b/i)
    expect(page.html).not.toMatch(/<[a-z0-9]+\s+[^>]*=/i)
    expect(page.html).not.toContain('https://')
  })
})

describe('cutting a document into sections for search', () => {
  it('cuts at each h2 and h3, numbers them in order, and keeps smaller headings inside', () => {
    const html =
      '<p>Before any heading.</p><h2>Line care</h2><p>Flush &amp; clamp.</p>' +
      '<h4>Small print</h4><p>Inside line care.</p><h3>Bathing</h3><h2>Fever</h2><p>Call.</p>'
    expect(documentSections('Ward letter', html)).toEqual([
      { sectionId: null, title: 'Ward letter', text: 'Before any heading.' },
      {
        sectionId: 'part-1',
        title: 'Line care',
        text: 'Flush & clamp. Small print Inside line care.'
      },
      { sectionId: 'part-2', title: 'Bathing', text: '' },
      { sectionId: 'part-3', title: 'Fever', text: 'Call.' }
    ])
    expect(documentSections('Note', '<p>Only text.</p>')).toEqual([
      { sectionId: null, title: 'Note', text: 'Only text.' }
    ])
  })
})

describe('reading files saved in other encodings', () => {
  const latin1 = (text: string) => Buffer.from(text, 'latin1')

  it('follows the charset a page declares, a byte-order mark, or falls back to Windows-1252', () => {
    const page = latin1(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">' +
        '<title>Caf\u00e9 menu</title></head><body><p>Cr\u00e8me br\u00fbl\u00e9e \u0080 5</p></body></html>'
    )
    expect(decodeText(page, { html: true })).toContain('Crème brûlée € 5')
    // The same bytes, undeclared in a text file: not UTF-8, so Windows-1252.
    expect(decodeText(latin1('Na\u00efve r\u00e9sum\u00e9'), { html: false })).toBe('Naïve résumé')
    // UTF-8 stays UTF-8, with or without a byte-order mark (which never reaches the title).
    const utf8 = Buffer.from('Zoë Núñez', 'utf8')
    expect(decodeText(utf8, { html: false })).toBe('Zoë Núñez')
    expect(
      decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), { html: false })
    ).toBe('Zoë Núñez')
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Zoë Núñez', 'utf16le')])
    expect(decodeText(utf16, { html: false })).toBe('Zoë Núñez')
    // A label no decoder knows is ignored.
    expect(decodeText(Buffer.from('<meta charset="klingon"><p>Zoë</p>'), { html: true })).toContain(
      'Zoë'
    )
  })

  it('a Windows-1252 page is kept and found with its accents', async () => {
    const core = await unlockedCore()
    const page = latin1(
      '<html><head><meta charset="windows-1252"><title>Cr\u00e8me for dry skin</title></head>' +
        '<body><main><h1>Cr\u00e8me for dry skin</h1><p>Use the cr\u00e8me after the bath.</p></main></body></html>'
    )
    const saved = await core.handlers['documents.import']({
      fileName: 'creme.html',
      kind: 'html',
      content: page.toString('base64')
    })
    expect(saved.title).toBe('Crème for dry skin')
    expect((await core.handlers['documents.get']({ id: saved.id })).html).toContain(
      'Use the crème after the bath.'
    )
  })
})

describe('importing through the core', () => {
  it('a saved web page is found by search, with its boilerplate gone, until it is deleted', async () => {
    const core = await unlockedCore()
    // A search first, so the documents' index is open and the import must add to it.
    expect(await core.handlers['library.search']({ query: 'mouth ulcers' })).not.toContainEqual(
      expect.objectContaining({ kind: 'document' })
    )
    const result = await dispatch(core.handlers, 'documents.import', {
      fileName: 'mouth-care.html',
      kind: 'html',
      content: base64(SAVED_PAGE)
    })
    expect(result).toMatchObject({
      ok: true,
      value: { title: 'Mouth care during chemotherapy', kind: 'html', fileName: 'mouth-care.html' }
    })
    const id = (result as { value: { id: string } }).value.id

    const hits = await core.handlers['library.search']({ query: 'mouth ulcers' })
    const found = hits.find((r) => r.kind === 'document')!
    // The part of the page that says it, under its own heading, like a guide's section.
    expect(found).toMatchObject({
      targetId: id,
      sectionId: 'part-2',
      title: 'When to call the team',
      context: 'Mouth care during chemotherapy'
    })
    expect(found.snippet.filter((p) => p.hit).map((p) => p.text.toLowerCase())).toEqual(
      expect.arrayContaining(['mouth', 'ulcers'])
    )
    // Boilerplate is not searchable.
    const cookies = await core.handlers['library.search']({ query: 'cookies donate' })
    expect(cookies.some((r) => r.kind === 'document')).toBe(false)

    // Kept through a lock, in the vault, and found again once indexed after unlocking.
    await core.vault.lock()
    await core.vault.unlock(PASSPHRASE)
    await core.documentSearch.settled()
    const doc = await core.handlers['documents.get']({ id })
    expect(doc.html).toContain('Rinse gently')
    expect(await core.handlers['library.search']({ query: 'salt water' })).toEqual(
      expect.arrayContaining([expect.objectContaining({ targetId: id, sectionId: 'part-1' })])
    )

    expect(await core.handlers['documents.delete']({ id })).toEqual([])
    const after = await core.handlers['library.search']({ query: 'mouth ulcers' })
    expect(after.some((r) => r.kind === 'document')).toBe(false)
  })

  it('Markdown and plain text become safe HTML with a title', async () => {
    const core = await unlockedCore()
    const md = await core.handlers['documents.import']({
      fileName: 'notes.md',
      kind: 'markdown',
      content: base64(
        '# Clinic notes\n\nAsk about the **port** flush.\n\n<script>alert(1)</script>\n\n[link](https://x.example)'
      )
    })
    expect(md.title).toBe('Clinic notes')
    const mdDoc = await core.handlers['documents.get']({ id: md.id })
    expect(mdDoc.html).toContain('<strong>port</strong>')
    // Markup in the file stays visible text; it never becomes an element or a link.
    expect(mdDoc.html).not.toMatch(/<script|<a\b/)
    expect(mdDoc.html).toContain('&lt;script&gt;')

    const txt = await core.handlers['documents.import']({
      fileName: 'diary.txt',
      kind: 'text',
      content: base64('Week one\nTired but eating.\n\nWeek two <b>better</b>.')
    })
    expect(txt.title).toBe('Week one')
    expect((await core.handlers['documents.get']({ id: txt.id })).html).toBe(
      '<p>Week one<br>Tired but eating.</p>\n<p>Week two &lt;b&gt;better&lt;/b&gt;.</p>'
    )
  })

  it('a PDF gives up its text, offline', async () => {
    const core = await unlockedCore()
    const pdf = await pdfWith([
      'Discharge summary',
      'Ferritin was 412 on the last check; the team will repeat it in six months.'
    ])
    const saved = await core.handlers['documents.import']({
      fileName: 'discharge.pdf',
      kind: 'pdf',
      content: pdf.toString('base64')
    })
    expect(saved.title).toBe('Discharge summary')
    const hits = await core.handlers['library.search']({ query: 'ferritin repeat' })
    expect(hits.find((r) => r.kind === 'document')?.targetId).toBe(saved.id)
  })

  it('takes a text file of exactly 8 MB, and refuses one byte more at the contract', async () => {
    const core = await unlockedCore()
    const line = 'Platelets were 45 after the transfusion on Tuesday.\n'
    const text = (n: number) => line.repeat(Math.ceil(n / line.length)).slice(0, n)
    const tooLarge = await dispatch(core.handlers, 'documents.import', {
      fileName: 'huge.txt',
      kind: 'text',
      content: base64(text(MAX_IMPORT_BYTES + 1))
    })
    expect(tooLarge).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: [{ path: 'content', message: 'That file is larger than 8 MB.' }]
      }
    })
    expect(await core.handlers['documents.list']({})).toEqual([])

    const largest = await dispatch(core.handlers, 'documents.import', {
      fileName: 'largest.txt',
      kind: 'text',
      content: base64(text(MAX_IMPORT_BYTES))
    })
    expect(largest).toMatchObject({ ok: true, value: { fileName: 'largest.txt' } })
    const hits = await core.handlers['library.search']({ query: 'transfusion Tuesday' })
    expect(hits.some((r) => r.kind === 'document')).toBe(true)
  }, 60_000)

  it('a damaged PDF or an empty page is refused with a clear message, and nothing is saved', async () => {
    const core = await unlockedCore()
    const broken = await dispatch(core.handlers, 'documents.import', {
      fileName: 'broken.pdf',
      kind: 'pdf',
      content: base64('%PDF-1.7 this is not really a pdf')
    })
    expect(broken).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: [{ path: 'content' }] }
    })
    const empty = await dispatch(core.handlers, 'documents.import', {
      fileName: 'empty.html',
      kind: 'html',
      content: base64('<html><body><nav>Home</nav><script>x()</script></body></html>')
    })
    expect(empty).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'There is no readable text in this file.' }
    })
    expect(await core.handlers['documents.list']({})).toEqual([])
  })
})
