/**
 * The page flow: where the next line goes, when a new page starts, and which structure element
 * each run of text belongs to in the tagged PDF. Every line is placed here with pdfkit's line
 * breaking turned off, so pdfkit never starts a page on its own.
 */
import type PDFDocument from 'pdfkit'
import { FONT_NAMES, loadFonts, pieceSum, sumToPoints, textWidth } from './fonts.ts'
import { drawTextLine } from './textLine.ts'
import { countLines } from './lineCount.ts'
import { type RunningMeasure, wrapText } from './wrap.ts'

export type Doc = InstanceType<typeof PDFDocument>
export type StructElement = ReturnType<Doc['struct']>

export interface TextStyle {
  font: 'regular' | 'bold'
  size: number
  lineHeight: number
  color: string
}

export interface Frame {
  left: number
  width: number
  top: number
  bottom: number
}

/** One column of a row drawn side by side with others (a table row, a label and its value). */
export interface Column {
  x: number
  width: number
  lines: string[]
  style: TextStyle
  align: 'left' | 'right'
  el: StructElement
  tag: string
  /** The first `strongLines` lines are drawn in `strong` (a title at the top of a cell). */
  strongLines?: number
  strong?: TextStyle
}

export interface RowOptions {
  padTop: number
  padBottom: number
  /** Called after a page break inside or before the row (a table repeats its header here). */
  onNewPage?: () => void
  /** Height that onNewPage uses at the top of a page. */
  repeatHeight?: number
  /** Draws artifacts (rules, shading) behind a row or a slice of it once its height is known. */
  decorate?: (top: number, bottom: number) => void
}

const EPSILON = 0.01

/** The layout needed more pages than it was allowed (the one-page summary): shorten and retry. */
export class PageOverflowError extends Error {
  constructor(pages: number) {
    super(`The layout needs more than ${pages} page${pages === 1 ? '' : 's'}`)
    this.name = 'PageOverflowError'
  }
}

/** Widths as running sums in the style's font (fonts.ts pieceSum), for wrapping. */
function runningMeasure(style: TextStyle): RunningMeasure {
  const font = loadFonts()[style.font]
  return {
    extend: (sum, text) => pieceSum(font, text, sum),
    points: (sum) => sumToPoints(sum, style.size),
    key: style.font
  }
}

export class Flow {
  readonly doc: Doc
  readonly frame: Frame
  y: number
  /** When set, starting page maxPages + 1 throws PageOverflowError instead. */
  readonly maxPages: number | undefined
  /** Less space between blocks and table rows (the one-page summary). */
  compact = false
  private pages = 1

  constructor(doc: Doc, frame: Frame, maxPages?: number) {
    this.doc = doc
    this.frame = frame
    this.y = frame.top
    this.maxPages = maxPages
  }

  get room(): number {
    return this.frame.bottom - this.y
  }

  get atTop(): boolean {
    return this.y <= this.frame.top + EPSILON
  }

  newPage(): void {
    if (this.maxPages !== undefined && this.pages >= this.maxPages) {
      throw new PageOverflowError(this.maxPages)
    }
    this.pages++
    this.doc.addPage()
    this.y = this.frame.top
  }

  /** Starts a new page unless `height` fits below the current line. */
  ensure(height: number): void {
    if (height > this.room + EPSILON && !this.atTop) this.newPage()
  }

  gap(points: number): void {
    // Space is not carried over to the top of a page.
    if (!this.atTop) this.y = Math.min(this.y + points, this.frame.bottom)
  }

  use(style: TextStyle): void {
    this.doc
      .font(style.font === 'bold' ? FONT_NAMES.bold : FONT_NAMES.regular)
      .fontSize(style.size)
      .fillColor(style.color)
  }

  /** The width pdfkit would give the text (fonts.ts textWidth), in points. */
  measure(text: string, style: TextStyle): number {
    return textWidth(loadFonts()[style.font], text, style.size)
  }

  wrap(text: string, style: TextStyle, width: number): string[] {
    return wrapText(text, width, (s) => this.measure(s, style), runningMeasure(style))
  }

  /** How many lines wrap() gives, without making them (pdf/lineCount.ts). */
  lineCount(text: string, style: TextStyle, width: number): number {
    return countLines(text, width, (s) => this.measure(s, style), runningMeasure(style))
  }

  /** Draws lines that belong to `el` as one marked-content sequence tagged `tag`. */
  marked(el: StructElement, tag: string, draw: () => void): void {
    const content = this.doc.markStructureContent(tag)
    draw()
    this.doc.endMarkedContent()
    el.add(content)
  }

  /** Draws what is not content (rules, shading, running headers): readers skip it. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type })
    draw()
    this.doc.endMarkedContent()
  }

  /** One line at (x, top); right-aligned lines end at x + width. */
  line(
    text: string,
    x: number,
    top: number,
    width: number,
    style: TextStyle,
    align = 'left'
  ): void {
    if (text === '') return
    this.use(style)
    const left = align === 'right' ? x + width - this.measure(text, style) : x
    // pdfkit places text by the top of its line box; centre the glyphs in the line height.
    const baselineShift = (style.lineHeight - style.size * 1.16) / 2
    drawTextLine(this.doc, text, left, top + baselineShift)
  }

  /** Lines of one element, continuing on new pages as needed. */
  lines(
    el: StructElement,
    tag: string,
    lines: string[],
    style: TextStyle,
    x = this.frame.left,
    width = this.frame.width,
    align: 'left' | 'right' = 'left'
  ): void {
    this.row([{ x, width, lines, style, align, el, tag }], { padTop: 0, padBottom: 0 })
  }

  /**
   * Columns side by side, top-aligned. A row that does not fit moves to the next page whole; a
   * row taller than a page is split between lines, every line printed once.
   */
  row(columns: Column[], options: RowOptions): void {
    const { padTop, padBottom } = options
    const lineHeight = Math.max(...columns.map((c) => c.style.lineHeight))
    const total = Math.max(1, ...columns.map((c) => c.lines.length))
    const height = total * lineHeight + padTop + padBottom
    const pageRoom = this.frame.bottom - this.frame.top - (options.repeatHeight ?? 0)
    let freshPage = false
    const breakPage = () => {
      this.newPage()
      options.onNewPage?.()
      freshPage = true
    }
    if (height > this.room + EPSILON && !this.atTop) {
      // Move the whole row when it fits a page; else start it here if two lines fit.
      if (height <= pageRoom + EPSILON || this.room < padTop + 2 * lineHeight + padBottom) {
        breakPage()
      }
    }
    let start = 0
    while (start < total) {
      const fit = Math.floor((this.room - padTop - padBottom + EPSILON) / lineHeight)
      if (fit < 1) {
        if (freshPage || this.atTop) throw new Error('A line does not fit on an empty page')
        breakPage()
        continue
      }
      const count = Math.min(fit, total - start)
      const top = this.y
      const bottom = top + padTop + count * lineHeight + padBottom
      options.decorate?.(top, bottom)
      for (const column of columns) {
        const slice = column.lines.slice(start, start + count)
        if (slice.every((l) => l === '')) continue
        this.marked(column.el, column.tag, () => {
          slice.forEach((text, i) =>
            this.line(
              text,
              column.x,
              top + padTop + i * lineHeight,
              column.width,
              column.strong && start + i < (column.strongLines ?? 0) ? column.strong : column.style,
              column.align
            )
          )
        })
      }
      this.y = bottom
      freshPage = false
      start += count
      if (start < total) breakPage()
    }
  }
}
