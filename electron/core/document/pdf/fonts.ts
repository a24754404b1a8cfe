/**
 * DejaVu Sans, shipped from the dejavu-fonts-ttf package: it has a glyph for every character in
 * Lantern's own strings (≥ ≤ → ✓, Latin, Greek and Cyrillic; tests/unit/pdfGlyphs.test.ts checks),
 * where the Noto Sans builds on npm print "≥" as an empty box. pdfkit embeds only the glyphs used.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'
import { create, type Font, type Glyph, type GlyphPosition, type GlyphRun } from 'fontkit'

export const FONT_NAMES = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' }

export interface PdfFonts {
  regular: Font
  bold: Font
}

/**
 * The folder holding the TTFs. In the packaged app the package sits inside app.asar; the fonts
 * are unpacked beside it (electron-builder.yml asarUnpack) so a worker thread, which has no asar
 * support, reads them as plain files.
 */
export function fontDirectory(): string {
  const packageJson = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')
  const dir = join(dirname(packageJson), 'ttf')
  const asar = `${sep}app.asar${sep}`
  return dir.includes(asar) ? dir.replace(asar, `${sep}app.asar.unpacked${sep}`) : dir
}

/** What pdfkit reads of a shaped word (EmbeddedFont.layoutRun and encode). */
type ShapedWord = Pick<GlyphRun, 'glyphs' | 'positions' | 'advanceWidth'>

/**
 * Words remembered per font. A long record has a few thousand distinct words; the bound only
 * keeps a worker that lives for hours from growing without end.
 */
const MAX_WORDS = 50_000

/**
 * The font with its shaping remembered across documents. Given font bytes, pdfkit parses the
 * TTF again for every document and remembers shaped words for that document only, so every
 * export shaped every word through the OpenType tables anew: most of an export's time
 * (measured: a warm 13-page export 200 ms before, 80 ms after). pdfkit takes a parsed font
 * instead of bytes; this one answers `layout` from memory.
 *
 * pdfkit scales each position in place, so each caller gets its own positions; the glyphs are
 * only read and are shared. The words are the person's: they live in this worker's memory, which
 * ends when the vault locks (the job runner ends its workers then).
 */
function withShapingRemembered(font: Font): Font {
  const words = new Map<string, RememberedWord>()
  const remembered = new Proxy(font, {
    get: (target, key) => (key === 'layout' ? layout : Reflect.get(target, key, target))
  })
  const layout = (text: string, features?: Parameters<Font['layout']>[1]): ShapedWord => {
    if (features) return font.layout(text, features)
    const shaped = rememberedShaping(remembered, text)
    const positions: GlyphPosition[] = shaped.positions.map((p) => ({ ...p }))
    return {
      glyphs: [...shaped.glyphs],
      positions,
      // fontkit's run sums its positions when asked, after pdfkit has scaled them: so does this.
      get advanceWidth() {
        let width = 0
        for (const p of positions) width += p.xAdvance
        return width
      }
    }
  }
  shapedWords.set(remembered, { font, words })
  return remembered
}

/** A word as fontkit shaped it, in font units: shared by every caller, so only ever read. */
export interface RememberedWord {
  readonly glyphs: readonly Glyph[]
  readonly positions: readonly Readonly<GlyphPosition>[]
}

const shapedWords = new WeakMap<Font, { font: Font; words: Map<string, RememberedWord> }>()

/**
 * The shaping of `text` in one of loadFonts()'s fonts, remembered: what `font.layout(text)`
 * gives, without the copy pdfkit needs (it scales positions in place). Callers must not change it.
 */
export function rememberedShaping(font: Font, text: string): RememberedWord {
  const memory = shapedWords.get(font)
  if (!memory) throw new Error('rememberedShaping takes a font from loadFonts()')
  let shaped = memory.words.get(text)
  if (!shaped) {
    const run = memory.font.layout(text)
    shaped = { glyphs: run.glyphs, positions: run.positions }
    if (memory.words.size >= MAX_WORDS) memory.words.clear()
    memory.words.set(text, shaped)
  }
  return shaped
}

/** Widths of the pieces pdfkit measures (a word with its space), in thousandths of the size. */
const pieceWidths = new WeakMap<Font, Map<string, number>>()

function pieceWidth(font: Font, piece: string): number {
  let widths = pieceWidths.get(font)
  if (!widths) pieceWidths.set(font, (widths = new Map()))
  let width = widths.get(piece)
  if (width === undefined) {
    const scale = 1000 / font.unitsPerEm
    width = 0
    for (const position of rememberedShaping(font, piece).positions)
      width += position.xAdvance * scale
    if (widths.size >= MAX_WORDS) widths.clear()
    widths.set(piece, width)
  }
  return width
}

/**
 * The width pdfkit's widthOfString gives `text` in `font` at `size`, to the last bit: the same
 * pieces (cut after each space or tab), summed in the same order. The writer measures every
 * candidate line while wrapping; through pdfkit each measure shaped and copied every word again,
 * here each piece is a lookup. tests/unit/pdfFontShaping.test.ts compares the two over thousands
 * of strings.
 */
export function textWidth(font: Font, text: string, size: number): number {
  return sumToPoints(pieceSum(font, text), size)
}

/**
 * The running sum behind textWidth: `sum` (a line's, 0 for none) plus the widths of `text`'s
 * pieces, in thousandths of the size. Valid for a line that ends after a space or tab, where
 * pdfkit cuts, so the line followed by `text` has the line's pieces and then text's. Wrapping
 * uses it to add a word to a line without measuring the line again.
 */
export function pieceSum(font: Font, text: string, sum = 0): number {
  let total = sum
  let last = 0
  let index = 0
  while (index <= text.length) {
    const char = text.charAt(index)
    if ((index === text.length && last < index) || char === ' ' || char === '\t') {
      total += pieceWidth(font, text.slice(last, ++index))
      last = index
    } else {
      index++
    }
  }
  return total
}

/** A running sum as a width in points at `size`. */
export function sumToPoints(sum: number, size: number): number {
  // pdfkit applies its horizontal scaling (100%) as × 100 / 100, which can move the last bit.
  return (sum * (size / 1000) * 100) / 100
}

function openFont(file: string): Font {
  const font = create(readFileSync(file))
  if (!('layout' in font)) throw new Error(`${file} is a font collection, not one font.`)
  return withShapingRemembered(font)
}

let cached: PdfFonts | undefined

/** The fonts, parsed once per thread (the job worker keeps them for every export after). */
export function loadFonts(): PdfFonts {
  if (!cached) {
    const dir = fontDirectory()
    cached = {
      regular: openFont(join(dir, 'DejaVuSans.ttf')),
      bold: openFont(join(dir, 'DejaVuSans-Bold.ttf'))
    }
  }
  return cached
}
