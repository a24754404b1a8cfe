/**
 * One line of text drawn straight into the page, writing the operators pdfkit's `text()` writes
 * for a line with line breaking off, byte for byte, without its per-call work.
 *
 * Why by hand: the writer has already wrapped and measured every line (flow.ts), but pdfkit's
 * `text()` measures each line twice more (shaping it piece by piece and joining the arrays), copies
 * its options, and converts seven separate strings to bytes. For a 13-page export that was a
 * third of the writer's time and much of its garbage. Here each piece of text (a word with the
 * space after it, as pdfkit cuts them) is encoded through pdfkit once per document and font, and
 * a line is one string.
 *
 * This reaches into pdfkit's document (its current font and size, the page's font resources): the
 * version is pinned in package.json, and tests/unit/pdfTextLine.test.ts compares the page
 * content with pdfkit's own `text()` over thousands of random lines, so an upgrade that changes
 * any of it fails there rather than in a printed document.
 */
import type { Font } from 'fontkit'
import type { Doc } from './flow.ts'
import { rememberedShaping } from './fonts.ts'

/** The parts of pdfkit's EmbeddedFont (the font a document is using) this file uses. */
interface PdfkitFont {
  id: string
  ascender: number
  /** 1000 / units per em: pdfkit's positions are in thousandths of the font size. */
  scale: number
  /** The font given to registerFont: one of loadFonts()'s, with its shaping remembered. */
  font: Font
  /** The document's subset of the font: answers a glyph's id in the subset, adding it if new. */
  subset: { includeGlyph(glyphId: number): number }
  /** Per subset id, what the font's width and ToUnicode tables will say. */
  widths: (number | undefined)[]
  unicode: (number[] | undefined)[]
  ref(): unknown
}

/** The document's state pdfkit keeps on the instance, not in its typings. */
interface PdfkitInternals {
  _font: PdfkitFont
  _fontSize: number
  page: { height: number; fonts: Record<string, unknown> }
}

/**
 * A piece encoded once, as runs of glyph codes in hex: each run ends at a glyph followed by
 * kerning (the advance less the glyph's natural width), which the TJ array writes after it.
 * The last run's kerning may be 0: the next piece's codes then continue it.
 */
interface EncodedPiece {
  runs: { hex: string; kerning: number }[]
  /** A glyph placed off its pen position (a mark): such lines go through pdfkit itself. */
  offset: boolean
}

/** Per document font: its subset ids are the document's own, so pieces cannot be shared. */
const encodedPieces = new WeakMap<PdfkitFont, Map<string, EncodedPiece>>()

/**
 * What pdfkit's EmbeddedFont.encode does for one piece, from the shaping remembered across
 * documents (pdfkit would copy and scale every glyph's position for each document first).
 */
function encodePiece(font: PdfkitFont, piece: string): EncodedPiece {
  let pieces = encodedPieces.get(font)
  if (!pieces) encodedPieces.set(font, (pieces = new Map()))
  let encoded = pieces.get(piece)
  if (!encoded) {
    const { glyphs, positions } = rememberedShaping(font.font, piece)
    encoded = { runs: [], offset: false }
    let hex = ''
    for (let i = 0; i < glyphs.length; i++) {
      const glyph = glyphs[i]!
      const position = positions[i]!
      const id = font.subset.includeGlyph(glyph.id)
      hex += `0000${id.toString(16)}`.slice(-4)
      // In pdfkit's order of operations, so the widths and kerning are the same to the last bit.
      font.widths[id] ??= glyph.advanceWidth * font.scale
      font.unicode[id] ??= glyph.codePoints
      const kerning = position.xAdvance * font.scale - glyph.advanceWidth * font.scale
      if (kerning !== 0 || i === glyphs.length - 1) {
        encoded.runs.push({ hex, kerning })
        hex = ''
      }
      if (position.xOffset !== 0 || position.yOffset !== 0) encoded.offset = true
    }
    pieces.set(piece, encoded)
  }
  return encoded
}

/** A number as pdfkit prints it in content (PDFObject.number): at most six decimals. */
function pdfNumber(n: number): number {
  return Math.round(n * 1e6) / 1e6
}

/**
 * Draws `text` with its line box's top-left at (x, y) in the document's current font, size and
 * fill colour: what `doc.text(text, x, y, { lineBreak: false })` draws. Unlike pdfkit it does
 * not move `doc.x` and `doc.y`; the flow keeps its own position.
 */
export function drawTextLine(doc: Doc, text: string, x: number, y: number): void {
  // The one cast into pdfkit's internals; the oracle test guards what it reads.
  const pdf = doc as unknown as PdfkitInternals
  const font = pdf._font
  const size = pdf._fontSize
  const pieces: EncodedPiece[] = []
  let last = 0
  for (let index = 0; index <= text.length; index++) {
    const char = text.charAt(index)
    if ((index === text.length && last < index) || char === ' ' || char === '\t') {
      const piece = encodePiece(font, text.slice(last, index + 1))
      // A glyph placed off its pen position (a mark set over a letter): rare, left to pdfkit.
      if (piece.offset) return void doc.text(text, x, y, { lineBreak: false })
      pieces.push(piece)
      last = index + 1
    } else if (char === '\n') {
      // Text holding a line break: pdfkit draws each part as a line of its own.
      return void doc.text(text, x, y, { lineBreak: false })
    }
  }
  if (pieces.length === 0) return
  if (pdf.page.fonts[font.id] == null) pdf.page.fonts[font.id] = font.ref()

  // pdfkit's TJ array: runs of glyph codes, each followed by the kerning after its last glyph.
  const segments: string[] = []
  let run = ''
  let kerning = 0
  for (const piece of pieces) {
    for (const next of piece.runs) {
      run += next.hex
      kerning = next.kerning
      if (kerning !== 0) {
        segments.push(`<${run}> ${pdfNumber(-kerning)}`)
        run = ''
      }
    }
  }
  if (run !== '') segments.push(`<${run}> ${pdfNumber(-kerning)}`)

  const baseline = pdf.page.height - y - (font.ascender / 1000) * size
  const content =
    `q\n1 0 0 -1 0 ${pdfNumber(pdf.page.height)} cm\nBT\n` +
    `1 0 0 1 ${pdfNumber(x)} ${pdfNumber(baseline)} Tm\n` +
    `/${font.id} ${pdfNumber(size)} Tf\n[${segments.join(' ')}] TJ\nET\nQ\n`
  // As bytes, with the newline pdfkit adds to a string: Node converts them natively (pdfkit
  // does it character by character) and keeps short ones in its shared pool, off the heap the
  // garbage collector copies while the document is being written.
  doc.addContent(Buffer.from(content, 'latin1'))
}
