/**
 * The writer draws each line with its own copy of the operators pdfkit's `text()` writes
 * (electron/core/document/pdf/textLine.ts), because pdfkit measured every line twice more. The
 * oracle is pdfkit itself: the same lines drawn both ways must give the same file, byte for
 * byte (uncompressed, with the same creation date), so the same glyphs, subset, positions and
 * kerning, and the same text for pdftotext and screen readers.
 */
import fc from 'fast-check'
import PDFDocument from 'pdfkit'
import { describe, expect, it } from 'vitest'
import type { Doc } from '../../electron/core/document/pdf/flow.ts'
import { FONT_NAMES, loadFonts } from '../../electron/core/document/pdf/fonts.ts'
import { drawTextLine } from '../../electron/core/document/pdf/textLine.ts'

interface Line {
  text: string
  bold: boolean
  size: number
  x: number
  y: number
}

type Draw = (doc: Doc, line: Line) => void

const byPdfkit: Draw = (doc, line) => doc.text(line.text, line.x, line.y, { lineBreak: false })
const byHand: Draw = (doc, line) => drawTextLine(doc, line.text, line.x, line.y)

function pdfOf(pages: Line[][], draw: Draw): Promise<string> {
  const fonts = loadFonts()
  const doc = new PDFDocument({
    compress: false,
    autoFirstPage: false,
    // pdfkit takes a parsed font here as in registerFont; its types name only a path.
    font: fonts.regular as unknown as string,
    info: { CreationDate: new Date(Date.UTC(2026, 0, 2)) }
  }) as Doc
  doc.registerFont(FONT_NAMES.regular, fonts.regular)
  doc.registerFont(FONT_NAMES.bold, fonts.bold)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise<string>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')))
  )
  for (const lines of pages) {
    doc.addPage()
    for (const line of lines) {
      doc.font(line.bold ? FONT_NAMES.bold : FONT_NAMES.regular).fontSize(line.size)
      draw(doc, line)
    }
  }
  doc.end()
  return ended
}

// Kerning pairs (AV, To, Wa), marks that combine (a + U+0301), tabs, the plan's symbols, the
// names the tests print, and anything else fast-check makes up.
const pieces = [
  'AV',
  'To',
  'Wa',
  'ffi',
  ' ',
  '  ',
  '\t',
  'á',
  'e\u0301',
  '≥ 30 Gy',
  '→',
  '✓',
  'Łukasz Żółć',
  'Анна Петрова',
  'Ørjan Ærø',
  "Zoë Núñez-O'Brien",
  'mg/m²',
  '(1,234.5)',
  '<>()\\'
]
const text = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 })), { maxLength: 10 })
  .map((parts) => parts.join(''))
const line = fc.record({
  text,
  bold: fc.boolean(),
  size: fc.oneof(
    fc.constantFrom(7, 8.5, 9, 10, 12, 18),
    fc.double({ min: 4, max: 30, noNaN: true })
  ),
  x: fc.double({ min: 0, max: 500, noNaN: true }),
  y: fc.double({ min: 0, max: 780, noNaN: true })
})

describe('drawing a line by hand', () => {
  it('writes the same file as pdfkit text() for the same lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(line, { maxLength: 12 }), { minLength: 1, maxLength: 3 }),
        async (pages) => {
          const expected = await pdfOf(pages, byPdfkit)
          expect(await pdfOf(pages, byHand)).toBe(expected)
        }
      ),
      { numRuns: 1000 }
    )
  })

  it('encodes words again for each document, which has its own font subset', async () => {
    // The second document starts with a word the first had after others: its glyph codes differ.
    const line = (text: string, y: number) => ({ text, bold: false, size: 9, x: 40, y })
    for (const pages of [
      [[line('Vincristine daunorubicin', 40), line('Vincristine', 60)]],
      [[line('daunorubicin Vincristine', 40)]],
      [[line('Vincristine', 40)]]
    ]) {
      expect(await pdfOf(pages, byHand)).toBe(await pdfOf(pages, byPdfkit))
    }
  })
})
