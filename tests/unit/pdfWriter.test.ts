/**
 * The PDF for doctors, checked with the tools a reader's computer would use (poppler and qpdf),
 * not with pdfkit's own idea of what it wrote.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeClinicalPdf, type PdfOptions } from '../../electron/core/document/pdf.ts'
import type { ClinicalDocument } from '../../electron/shared/document.ts'
import {
  agentName,
  CHEMO_HEADERS,
  CHEMO_ROW_COUNT,
  clinicalDocumentFixture,
  JS_LINK,
  LONG_DRUG,
  LONG_NAME,
  LONG_NOTE,
  OTHER_NAMES,
  PERSON_NAME,
  SCRIPT_NOTE,
  SYMBOLS
} from './helpers/clinicalDocumentFixture.ts'

const TIMEOUT_MS = 20_000
let dir: string

/** pdfkit's end() never returns when a structure element is left unattached: fail instead. */
async function writePdf(doc: ClinicalDocument, options: PdfOptions, name: string): Promise<string> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the PDF was not finished in 20 s')), TIMEOUT_MS)
  })
  try {
    const bytes = await Promise.race([writeClinicalPdf(doc, options), timeout])
    const file = join(dir, name)
    writeFileSync(file, bytes)
    return file
  } finally {
    clearTimeout(timer)
  }
}

function run(command: string, args: string[]): string {
  return execFileSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe']
  })
}

function pdfinfo(file: string, extra: string[] = []): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const line of run('pdfinfo', [...extra, file]).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line)
    if (match) fields[match[1]] = match[2]
  }
  return fields
}

function text(file: string, args: string[] = []): string {
  return run('pdftotext', [...args, file, '-'])
}

const squeeze = (s: string) => s.replace(/\s+/g, '')

/**
 * The text of the body, without spaces: the running header and footer and a repeated table
 * header are drawn on each page, so a note that runs over a page break has them in its middle.
 */
function bodyText(file: string, args: string[] = []): string {
  let out = squeeze(text(file, ['-raw', ...args]))
  const doc = clinicalDocumentFixture()
  const running = [
    `${doc.person.name}·Dateofbirth:${doc.person.dateOfBirth}`,
    `Prepared:${doc.preparedOn}`,
    ...doc.runningFooter,
    'DateNote'
  ].map(squeeze)
  for (const piece of running) out = out.split(piece).join('')
  return out.replace(/Page\d+of\d+/g, '')
}

function qdf(file: string): string {
  const out = file + '.qdf'
  run('qpdf', ['--qdf', '--object-streams=disable', file, out])
  return readFileSync(out, 'latin1')
}

function xmp(file: string): string {
  const raw = readFileSync(file + '.qdf', 'utf8')
  const start = raw.indexOf('<x:xmpmeta')
  const end = raw.indexOf('</x:xmpmeta>')
  expect(start).toBeGreaterThan(-1)
  return raw.slice(start, end + '</x:xmpmeta>'.length)
}

let a4: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lantern-pdf-'))
  a4 = await writePdf(clinicalDocumentFixture(), { paper: 'A4' }, 'a4.pdf')
  qdf(a4)
}, 60_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the PDF for doctors', () => {
  it('is a structurally valid PDF (qpdf --check)', () => {
    const out = run('qpdf', ['--check', a4])
    expect(out).toContain('No syntax or stream encoding errors found')
    expect(out).not.toMatch(/WARNING/i)
  })

  it('gives back every name byte for byte, and the symbols', () => {
    for (const mode of [['-layout'], ['-raw']]) {
      const out = text(a4, mode)
      for (const name of [PERSON_NAME, ...OTHER_NAMES, SYMBOLS]) expect(out).toContain(name)
    }
  })

  it('wraps a 200-character name and a 60-character drug name instead of clipping them', () => {
    const out = squeeze(text(a4, ['-raw']))
    expect(out).toContain(LONG_NAME)
    expect(out).toContain(LONG_DRUG)
  })

  it('prints a 5,000-character note whole, across pages', () => {
    expect(bodyText(a4)).toContain(squeeze(LONG_NOTE))
    const pages = Number(pdfinfo(a4)['Pages'])
    const pageOf = (marker: string) =>
      Array.from({ length: pages }, (_, i) => i + 1).find((page) =>
        text(a4, ['-raw', '-f', String(page), '-l', String(page)]).includes(marker)
      )
    expect(pageOf('NOTE-END')).toBeGreaterThan(pageOf('NOTE-START')!)
  })

  it('prints markup and javascript: links as literal text, with no actions or attachments', () => {
    const out = text(a4, ['-raw'])
    expect(out).toContain(SCRIPT_NOTE)
    expect(out).toContain(JS_LINK)
    const raw = qdf(a4)
    for (const name of ['/JavaScript', '/JS', '/URI', '/Launch', '/EmbeddedFile', '/Annots']) {
      expect(raw).not.toContain(name + ' ')
      expect(raw).not.toContain(name + '\n')
      expect(raw).not.toContain(name + '(')
      expect(raw).not.toContain(name + '<')
    }
  })

  it('embeds every font it uses', () => {
    const lines = run('pdffonts', [a4]).trim().split('\n').slice(2)
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) {
      // name type encoding emb sub uni object ID
      const columns = line.trim().split(/\s+/)
      expect(columns.slice(-5, -2), line).toEqual(['yes', 'yes', 'yes'])
    }
  })

  it('is tagged, titled, archival PDF/A-2 and names Lantern as producer', () => {
    const info = pdfinfo(a4)
    expect(info['Tagged']).toBe('yes')
    expect(info['Title']).toBe('Treatment summary and care plan')
    expect(info['Producer']).toBe('Lantern')
    expect(info['Creator']).toBe('Lantern')
    expect(info['Encrypted']).toBe('no')
    expect(info['PDF version']).toBe('1.7')
    const meta = xmp(a4)
    expect(meta).toMatch(/<pdfaid:part>2<\/pdfaid:part>/)
    expect(meta).toMatch(/<pdfaid:conformance>[AB]<\/pdfaid:conformance>/)
  })

  it('keeps the name out of the metadata by default', () => {
    const info = pdfinfo(a4)
    for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer']) {
      expect(info[key] ?? '').not.toContain('Zoë')
    }
    expect(xmp(a4)).not.toContain('Zoë')
    expect(xmp(a4)).not.toContain('Núñez')
  })

  it('puts the name in the title when the user chooses to', async () => {
    const file = await writePdf(
      clinicalDocumentFixture(),
      { paper: 'A4', nameInMetadata: true },
      'named.pdf'
    )
    expect(pdfinfo(file)['Title']).toContain(PERSON_NAME)
    qdf(file)
    expect(xmp(file)).toContain(PERSON_NAME.replace("'", '&apos;'))
  })

  it('writes a title with XML characters as well-formed metadata', async () => {
    const doc = clinicalDocumentFixture({ title: 'Summary & plan <draft>' })
    const file = await writePdf(doc, { paper: 'A4' }, 'xml.pdf')
    expect(pdfinfo(file)['Title']).toBe('Summary & plan <draft>')
    qdf(file)
    const meta = xmp(file)
    expect(meta).toContain('Summary &amp; plan &lt;draft&gt;')
    expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found')
  })

  it('has an outline entry for every section and subsection', () => {
    const json = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', a4])) as {
      outlines: { title: string; kids: { title: string }[] }[]
    }
    const doc = clinicalDocumentFixture()
    expect(json.outlines.map((o) => o.title)).toEqual(doc.sections.map((s) => s.title))
    const treatment = json.outlines.find((o) => o.title === 'Treatment summary')!
    expect(treatment.kids.map((k) => k.title)).toEqual(['Chemotherapy', 'Notes'])
  })

  it('repeats the header row on every page the table continues on', () => {
    const pages = Number(pdfinfo(a4)['Pages'])
    const pagesWithRows: number[] = []
    for (let page = 1; page <= pages; page++) {
      const out = text(a4, ['-layout', '-f', String(page), '-l', String(page)])
      const hasRow = Array.from({ length: CHEMO_ROW_COUNT }, (_, i) => agentName(i + 1)).some(
        (name) => name.startsWith('Agent') && out.includes(name)
      )
      if (!hasRow) continue
      pagesWithRows.push(page)
      // A label may wrap inside its cell; every word of it is on the page.
      for (const word of CHEMO_HEADERS.join(' ').split(' ')) {
        expect(out, `page ${page}`).toContain(word)
      }
    }
    expect(pagesWithRows.length).toBeGreaterThanOrEqual(3)
  })

  it('prints every row of a long table, in order', () => {
    const out = text(a4, ['-raw'])
    let at = 0
    for (let i = 1; i <= CHEMO_ROW_COUNT; i++) {
      const name = agentName(i)
      if (name === LONG_DRUG) continue
      const next = out.indexOf(name, at)
      expect(next, name).toBeGreaterThan(-1)
      at = next
    }
  })

  it('prints the name, date of birth, date prepared, the footer and "Page X of Y" on every page', () => {
    const pages = Number(pdfinfo(a4)['Pages'])
    expect(pages).toBeGreaterThan(3)
    for (let page = 1; page <= pages; page++) {
      const out = text(a4, ['-raw', '-f', String(page), '-l', String(page)])
      expect(out, `page ${page}`).toContain(PERSON_NAME)
      expect(out).toContain('1 Jun 2015')
      expect(out).toContain('22 Nov 2026')
      expect(squeeze(out)).toContain(squeeze('not checked by a clinician unless signed below.'))
      expect(out).toContain(`Page ${page} of ${pages}`)
    }
  })

  it('sizes pages for A4 or US Letter', async () => {
    expect(pdfinfo(a4)['Page size']).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)/)
    const letter = await writePdf(clinicalDocumentFixture(), { paper: 'LETTER' }, 'letter.pdf')
    expect(pdfinfo(letter)['Page size']).toMatch(/^612 x 792 pts \(letter\)/)
  })

  it('with a password: AES-256, unreadable without it, readable and accessible with it, not PDF/A', async () => {
    const password = 'correct horse battery staple'
    const file = await writePdf(clinicalDocumentFixture(), { paper: 'A4', password }, 'locked.pdf')
    expect(() => text(file)).toThrow()
    expect(text(file, ['-raw', '-upw', password])).toContain(PERSON_NAME)
    expect(bodyText(file, ['-upw', password])).toContain(squeeze(LONG_NOTE))
    const info = pdfinfo(file, ['-upw', password])
    expect(info['Encrypted']).toMatch(/yes.*AES-256/)
    expect(info['Tagged']).toBe('yes')
    const check = run('qpdf', ['--show-encryption', `--password=${password}`, file])
    expect(check).toMatch(/R = [56]/)
    expect(check).toMatch(/extract for accessibility: allowed/)
    expect(check).toMatch(/print high resolution: allowed/)
    // The password is never written into the file.
    expect(readFileSync(file, 'latin1')).not.toContain(password)
    // Decrypted, its metadata does not claim PDF/A.
    const plain = join(dir, 'unlocked.pdf')
    run('qpdf', [
      `--password=${password}`,
      '--decrypt',
      '--qdf',
      '--object-streams=disable',
      file,
      plain
    ])
    expect(readFileSync(plain, 'utf8')).not.toContain('pdfaid:part')
  })

  it('keeps a heading with the lines that follow it', async () => {
    // A first section one line longer each time walks the next heading down the first page and
    // over its foot, one line height per step.
    let movedToNextPage = 0
    for (let lines = 46; lines <= 60; lines++) {
      const doc = clinicalDocumentFixture()
      doc.sections = [
        {
          id: 'filler',
          title: 'Filler',
          blocks: [
            {
              kind: 'paragraph',
              text: Array.from({ length: lines }, (_, i) => `Filler line ${i + 1}.`).join('\n')
            }
          ]
        },
        {
          id: 'next',
          title: 'Heading that must not be alone',
          blocks: [{ kind: 'paragraph', text: 'First line after the heading.' }]
        }
      ]
      const file = await writePdf(doc, { paper: 'A4' }, `keep-${lines}.pdf`)
      const pages = Number(pdfinfo(file)['Pages'])
      for (let page = 1; page <= pages; page++) {
        const out = text(file, ['-raw', '-f', String(page), '-l', String(page)])
        if (out.includes('Heading that must not be alone')) {
          expect(out, `${lines} lines`).toContain('First line after the heading.')
          if (page > 1 && out.indexOf('Filler line') === -1) movedToNextPage++
        }
      }
    }
    // The walk really did reach the foot of the first page.
    expect(movedToNextPage).toBeGreaterThan(0)
  }, 120_000)
})
