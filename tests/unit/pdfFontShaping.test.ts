/**
 * The PDF writer remembers how each word was shaped (glyphs and positions) across documents,
 * because shaping was most of an export's time (electron/core/document/pdf/fonts.ts). A
 * remembered word must come back exactly as fontkit shapes it afresh, even after pdfkit has
 * scaled the positions of an earlier copy in place; otherwise every later export would set its
 * lines with wrong widths. The oracle is a second, plain parse of the same font file.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { create, type Font } from 'fontkit'
import { describe, expect, it } from 'vitest'
import {
  FONT_NAMES,
  fontDirectory,
  loadFonts,
  textWidth
} from '../../electron/core/document/pdf/fonts.ts'
import { HARD_TEXT, pdfWithLanternFonts } from './helpers/pdfkitFixture.ts'

function plainFont(file: string): Font {
  const font = create(readFileSync(join(fontDirectory(), file)))
  if (!('layout' in font)) throw new Error('expected one font')
  return font
}

const shaped = (run: { glyphs: { id: number }[]; positions: object[]; advanceWidth: number }) => ({
  glyphs: run.glyphs.map((g) => g.id),
  positions: run.positions.map((p) => ({ ...p })),
  advanceWidth: run.advanceWidth
})

const word = fc
  .array(fc.oneof(fc.constantFrom(...HARD_TEXT, "O'B"), fc.string({ maxLength: 6 })), {
    maxLength: 6
  })
  .map((parts) => parts.join(''))

describe('shaping remembered across documents', () => {
  for (const [key, file] of [
    ['regular', 'DejaVuSans.ttf'],
    ['bold', 'DejaVuSans-Bold.ttf']
  ] as const) {
    it(`gives the same glyphs, positions and width as a fresh shaping (${key})`, () => {
      const remembered = loadFonts()[key]
      const oracle = plainFont(file)
      fc.assert(
        fc.property(word, fc.double({ min: 0.1, max: 2, noNaN: true }), (text, scale) => {
          // The first copy is scaled in place, as pdfkit's layoutRun does with every run.
          const first = remembered.layout(text)
          for (const p of first.positions) p.xAdvance *= scale
          expect(first.advanceWidth).toBeCloseTo(
            first.positions.reduce((sum, p) => sum + p.xAdvance, 0),
            6
          )
          expect(shaped(remembered.layout(text))).toEqual(shaped(oracle.layout(text)))
        }),
        { numRuns: 2000 }
      )
    })
  }
})

describe('text width without pdfkit', () => {
  it('is exactly the width pdfkit measures, for any text, font and size', () => {
    const fonts = loadFonts()
    const pdf = pdfWithLanternFonts()
    const line = fc
      .array(fc.oneof(word, fc.constantFrom(' ', '  ', '\t', ' \u00a0')), { maxLength: 8 })
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(
        line,
        fc.constantFrom('regular', 'bold'),
        fc.double({ min: 4, max: 30, noNaN: true }),
        (text, key: 'regular' | 'bold', size) => {
          pdf.font(FONT_NAMES[key]).fontSize(size)
          expect(textWidth(fonts[key], text, size)).toBe(pdf.widthOfString(text))
        }
      ),
      { numRuns: 3000 }
    )
  })

  it('stays exact when each text goes on from the last, as wrapping measures them', () => {
    // Wrapping measures a line, then the line with one more word, then a shorter line, the same
    // words in the other font, a different start: each must be what pdfkit measures.
    const fonts = loadFonts()
    const pdf = pdfWithLanternFonts()
    const growing = fc
      // Halves of kerning pairs and ligatures (A|V, T|o, W|a, f|i): a word measured in two parts
      // is not as wide as the whole word.
      .array(
        fc.oneof(
          word,
          fc.constantFrom(' ', '  ', '\t', ' \u00a0', 'A', 'V', 'T', 'o', 'W', 'a', 'f', 'i')
        ),
        {
          minLength: 1,
          maxLength: 12
        }
      )
      .map((parts) => parts.map((_, i) => parts.slice(0, i + 1).join('')))
    const step = fc.record({
      texts: fc.oneof(
        growing,
        growing.map((t) => t.reverse())
      ),
      key: fc.constantFrom('regular' as const, 'bold' as const),
      size: fc.constantFrom(7, 8.5, 9, 12)
    })
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        for (const { texts, key, size } of steps) {
          pdf.font(FONT_NAMES[key]).fontSize(size)
          for (const text of texts) {
            expect(textWidth(fonts[key], text, size)).toBe(pdf.widthOfString(text))
          }
        }
      }),
      { numRuns: 2000 }
    )
  })
})
