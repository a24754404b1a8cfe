/**
 * The writer wraps lines by adding each word's width to a running sum (pdf/wrap.ts,
 * RunningMeasure), because measuring every candidate line whole was most of an export's time.
 * The oracle is the same wrapping with every candidate measured whole: the lines must be the
 * same (and their number, counted without making them, pdf/lineCount.ts), for any text, width, font and size, or a dose could move to another line, or past the
 * edge of its cell.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  loadFonts,
  pieceSum,
  sumToPoints,
  textWidth
} from '../../electron/core/document/pdf/fonts.ts'
import { countLines } from '../../electron/core/document/pdf/lineCount.ts'
import { type RunningMeasure, wrapText } from '../../electron/core/document/pdf/wrap.ts'

const fonts = loadFonts()

// What cells and notes hold: words, doses, dates, a web address, kerning pairs split across
// words (AV, To), spaces of every kind, tabs and line breaks.
const piece = fc.oneof(
  fc.constantFrom(
    'Vincristine ',
    '1.5 mg/m² ',
    '14 Nov 2020',
    'https://www.survivorshipguidelines.org/pdf/2018/COG_LTFU_Guidelines_v5.pdf ',
    'A',
    'V ',
    'To',
    ' ',
    '  ',
    '\t',
    '\u00a0',
    '\n',
    "Zoë Núñez-O'Brien ",
    'Анна Петрова ',
    'daunorubicin-equivalent/doxorubicin ',
    '≥ 30 Gy '
  ),
  fc.string({ maxLength: 12 })
)
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''))

describe('wrapping with running sums', () => {
  it('gives the same lines as measuring every candidate line whole', () => {
    fc.assert(
      fc.property(
        text,
        fc.double({ min: 5, max: 500, noNaN: true }),
        fc.constantFrom('regular' as const, 'bold' as const),
        fc.constantFrom(7, 8.5, 9, 10.5, 14),
        (text, width, key, size) => {
          const font = fonts[key]
          const measure = (s: string) => textWidth(font, s, size)
          const whole = wrapText(text, width, measure)
          const running: RunningMeasure = {
            extend: (sum, s) => pieceSum(font, s, sum),
            points: (sum) => sumToPoints(sum, size),
            key
          }
          expect(wrapText(text, width, measure, running)).toEqual(whole)
          // Counted without making the lines, twice (the second from the sums it kept).
          expect(countLines(text, width, measure, running)).toBe(whole.length)
          expect(countLines(text, width, measure, running)).toBe(whole.length)
        }
      ),
      { numRuns: 5000 }
    )
  })

  it('gives the same lines with a measure where splitting any piece changes its width', () => {
    // DejaVu Sans kerns no pair across a no-break space, so a sum carried past one would pass
    // the test above. Here a piece (cut after a space or tab, as pdfkit cuts) is as wide as the
    // square of its length: measuring "ab\u00a0cd" as "ab\u00a0" + "cd" gives 9 + 4, not 25.
    const extend = (sum: number, s: string) =>
      (s.match(/[^ \t]*[ \t]|[^ \t]+$/g) ?? []).reduce((total, p) => total + p.length ** 2, sum)
    const measure = (s: string) => extend(0, s)
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 400 }), (text, width) => {
        const running: RunningMeasure = { extend, points: (sum) => sum, key: 'squares' }
        const whole = wrapText(text, width, measure)
        expect(wrapText(text, width, measure, running)).toEqual(whole)
        expect(countLines(text, width, measure, running)).toBe(whole.length)
      }),
      { numRuns: 5000 }
    )
  })
})
