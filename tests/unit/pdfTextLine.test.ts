/**
 * The writer draws each line with its own copy of the operators pdfkit's `text()` writes
 * (electron/core/document/pdf/textLine.ts), because pdfkit measured every line twice more. The
 * oracle is pdfkit itself: the same lines drawn both ways must give the same file, byte for
 * byte (uncompressed, with the same creation date), so the same glyphs, subset, positions and
 * kerning, and the same text for pdftotext and screen readers.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Doc } from '../../electron/core/document/pdf/flow.ts'
import { FONT_NAMES } from '../../electron/core/document/pdf/fonts.ts'
import { drawTextLine } from '../../electron/core/document/pdf/textLine.ts'
import { bytesOf, HARD_TEXT, pdfWithLanternFonts } from './helpers/pdfkitFixture.ts'

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

async function pdfOf(pages: Line[][], draw: Draw): Promise<string> {
  const doc = pdfWithLanternFonts({ compress: false })
  const ended = bytesOf(doc)
  for (const lines of pages) {
    doc.addPage()
    for (const line of lines) {
      doc.font(line.bold ? FONT_NAMES.bold : FONT_NAMES.regular).fontSize(line.size)
      draw(doc, line)
    }
  }
  doc.end()
  return (await ended).toString('latin1')
}

// Hard text, marks that combine (a + U+0301), tabs and double spaces, characters PDF strings
// escape, and anything else fast-check makes up.
const pieces = [...HARD_TEXT, '  ', '\t', 'á', 'e\u0301', '(1,234.5)', '<>()\\']
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
