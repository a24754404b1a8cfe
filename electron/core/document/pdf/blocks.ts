/**
 * Sections, headings and blocks of the document for doctors, laid out on the page flow and
 * tagged as headings, paragraphs, lists and tables for screen readers.
 */
import type { Block, DocumentSection, Subsection } from '../../../shared/document.ts'
import type { Column, Flow, StructElement, TextStyle } from './flow.ts'

const INK = '#000000'
const GREY = '#444444'
const RULE = '#9a9a9a'
const SHADE = '#e8e8e8'

export const STYLES = {
  title: { font: 'bold', size: 15, lineHeight: 19, color: INK },
  h1: { font: 'bold', size: 12.5, lineHeight: 16, color: INK },
  h2: { font: 'bold', size: 10.5, lineHeight: 13.5, color: INK },
  body: { font: 'regular', size: 9, lineHeight: 11.5, color: INK },
  strong: { font: 'bold', size: 9, lineHeight: 11.5, color: INK },
  muted: { font: 'regular', size: 9, lineHeight: 11.5, color: GREY },
  cell: { font: 'regular', size: 8.5, lineHeight: 10.25, color: INK },
  headerCell: { font: 'bold', size: 8.5, lineHeight: 10.25, color: INK },
  note: { font: 'regular', size: 8, lineHeight: 10, color: GREY },
  /** The reference list: looked up rather than read through, so a little smaller than the body. */
  reference: { font: 'regular', size: 8, lineHeight: 9.75, color: INK },
  running: { font: 'regular', size: 7.5, lineHeight: 9.5, color: GREY }
} satisfies Record<string, TextStyle>

const SPACE = { afterBlock: 4, beforeH1: 10, afterH1: 4, beforeH2: 6, afterH2: 3 }
/** The one-page summary's spacing: the same type sizes, less air between blocks and rows. */
const COMPACT_SPACE = { afterBlock: 3, beforeH1: 6, afterH1: 3, beforeH2: 4, afterH2: 2 }
const COMPACT_H1: TextStyle = { font: 'bold', size: 11.5, lineHeight: 14, color: INK }
/** Space the rule under a section heading takes. */
const H1_RULE = 2
const CELL_PAD = { x: 3.5, top: 2.5, bottom: 2.5 }
const COMPACT_CELL_PAD = { x: 3.5, top: 1.25, bottom: 1.25 }

function space(flow: Flow): typeof SPACE {
  return flow.compact ? COMPACT_SPACE : SPACE
}

function cellPad(flow: Flow): typeof CELL_PAD {
  return flow.compact ? COMPACT_CELL_PAD : CELL_PAD
}
const LABEL_GAP = 8

type Item = Block | Subsection

export function writeSection(flow: Flow, section: DocumentSection): void {
  const el = flow.doc.struct('Sect')
  flow.doc.addStructure(el)
  flow.gap(space(flow).beforeH1)
  // A section without a title (the one-page summary's closing line) has no heading or outline
  // entry, and no subsections.
  const sectionOutline = section.title
    ? flow.doc.outline.addItem(
        section.title,
        destination(flow, heading(flow, el, 'H1', section.title, section.blocks[0]))
      )
    : null
  if (sectionOutline) flow.gap(space(flow).afterH1)
  for (const item of section.blocks) {
    if (item.kind === 'subsection' && sectionOutline) {
      const sub = flow.doc.struct('Sect')
      el.add(sub)
      flow.gap(space(flow).beforeH2)
      const top = heading(flow, sub, 'H2', item.title, item.blocks[0])
      sectionOutline.addItem(item.title, destination(flow, top))
      flow.gap(space(flow).afterH2)
      for (const block of item.blocks) writeBlock(flow, sub, block)
      sub.end()
    } else if (item.kind !== 'subsection') {
      writeBlock(flow, el, item)
    }
  }
  el.end()
}

/**
 * The outline points at the heading's page. pdfkit writes XYZ destinations as
 * (page width − left, page height − top), so `left` is the page width to land on the left edge.
 */
function destination(flow: Flow, top: number): { expanded: boolean } {
  return { expanded: true, top, left: flow.doc.page.width, zoom: 0 } as { expanded: boolean }
}

/** Draws a heading kept on one page with the start of what follows; returns its top. */
function heading(
  flow: Flow,
  parent: StructElement,
  tag: 'H1' | 'H2',
  title: string,
  next: Item | undefined
): number {
  const style = tag === 'H1' ? (flow.compact ? COMPACT_H1 : STYLES.h1) : STYLES.h2
  const lines = flow.wrap(title, style, flow.frame.width)
  const after = tag === 'H1' ? space(flow).afterH1 + H1_RULE : space(flow).afterH2
  flow.ensure(lines.length * style.lineHeight + after + (next ? lead(flow, next) : 0))
  const top = flow.y
  const el = flow.doc.struct(tag)
  parent.add(el)
  flow.lines(el, tag, lines, style)
  if (tag === 'H1') {
    const y = flow.y + 1.5
    flow.artifact(() => {
      flow.doc
        .moveTo(flow.frame.left, y)
        .lineTo(flow.frame.left + flow.frame.width, y)
        .lineWidth(0.8)
        .strokeColor(INK)
        .stroke()
    })
    flow.y += H1_RULE
  }
  el.end()
  return top
}

/** The height that must fit under a heading: the first two lines of what follows. */
function lead(flow: Flow, item: Item): number {
  const twoLines = (lines: number, style: TextStyle) => Math.min(lines, 2) * style.lineHeight
  const width = flow.frame.width
  switch (item.kind) {
    case 'subsection': {
      const lines = flow.lineCount(item.title, STYLES.h2, width)
      const first = item.blocks[0]
      return (
        space(flow).beforeH2 +
        lines * STYLES.h2.lineHeight +
        space(flow).afterH2 +
        (first ? lead(flow, first) : 0)
      )
    }
    case 'paragraph': {
      const style = paragraphStyle(item.emphasis)
      return twoLines(flow.lineCount(item.text, style, width), style)
    }
    case 'table': {
      const layout = tableLayout(flow, item)
      return layout.headerHeight + rowNeed(flow, layout, layout.rows[0])
    }
    case 'keyValues':
    case 'list':
    case 'references':
    case 'signature':
      return 2 * STYLES.body.lineHeight
  }
}

function paragraphStyle(emphasis: 'strong' | 'muted' | undefined): TextStyle {
  return emphasis === 'strong' ? STYLES.strong : emphasis === 'muted' ? STYLES.muted : STYLES.body
}

export function writeBlock(flow: Flow, parent: StructElement, block: Block): void {
  switch (block.kind) {
    case 'paragraph':
      paragraph(flow, parent, block.text, paragraphStyle(block.emphasis))
      break
    case 'keyValues':
      labelled(
        flow,
        parent,
        block.items.map((i) => ({ label: i.key, body: i.value })),
        Math.min(flow.frame.width * 0.3, 140),
        STYLES.strong
      )
      break
    case 'list':
      labelled(
        flow,
        parent,
        block.items.map((text) => ({ label: '•', body: text })),
        10,
        STYLES.body
      )
      break
    case 'references':
      labelled(
        flow,
        parent,
        block.items.map((i) => ({ label: `[${i.number}]`, body: i.text })),
        20,
        STYLES.reference,
        STYLES.reference
      )
      break
    case 'table':
      table(flow, parent, block)
      break
    case 'signature':
      signature(flow, parent, block.lines)
      break
  }
  flow.gap(space(flow).afterBlock)
}

function paragraph(flow: Flow, parent: StructElement, text: string, style: TextStyle): void {
  const el = flow.doc.struct('P')
  parent.add(el)
  flow.lines(el, 'P', flow.wrap(text, style, flow.frame.width), style)
  el.end()
}

/** A list: each item a label (bullet, number or key) beside its body. */
function labelled(
  flow: Flow,
  parent: StructElement,
  items: { label: string; body: string }[],
  labelWidth: number,
  labelStyle: TextStyle,
  bodyStyle: TextStyle = STYLES.body
): void {
  const list = flow.doc.struct('L')
  parent.add(list)
  const left = flow.frame.left
  const bodyX = left + labelWidth + LABEL_GAP
  const bodyWidth = flow.frame.width - labelWidth - LABEL_GAP
  for (const item of items) {
    const li = flow.doc.struct('LI')
    list.add(li)
    const lbl = flow.doc.struct('Lbl')
    const body = flow.doc.struct('LBody')
    li.add(lbl)
    li.add(body)
    flow.row(
      [
        {
          x: left,
          width: labelWidth,
          lines: flow.wrap(item.label, labelStyle, labelWidth),
          style: labelStyle,
          align: 'left',
          el: lbl,
          tag: 'Lbl'
        },
        {
          x: bodyX,
          width: bodyWidth,
          lines: flow.wrap(item.body, bodyStyle, bodyWidth),
          style: bodyStyle,
          align: 'left',
          el: body,
          tag: 'LBody'
        }
      ],
      { padTop: 0, padBottom: flow.compact ? 1 : 2 }
    )
    li.end()
  }
  list.end()
}

function signature(flow: Flow, parent: StructElement, lines: string[]): void {
  const style = STYLES.body
  for (const text of lines) {
    const height = style.lineHeight * 2.2
    flow.ensure(height)
    flow.y += height - style.lineHeight
    const el = flow.doc.struct('P')
    parent.add(el)
    const labelLines = flow.wrap(text, style, flow.frame.width * 0.6)
    const top = flow.y
    flow.lines(el, 'P', labelLines, style)
    el.end()
    const lastLine = labelLines[labelLines.length - 1] ?? ''
    const start = flow.frame.left + flow.measure(lastLine, style) + 6
    const baseline = flow.y - 2
    if (flow.y > top) {
      flow.artifact(() => {
        flow.doc
          .moveTo(start, baseline)
          .lineTo(flow.frame.left + flow.frame.width, baseline)
          .lineWidth(0.6)
          .strokeColor(INK)
          .stroke()
      })
    }
  }
}

type TableBlock = Extract<Block, { kind: 'table' }>

interface TableLayout {
  xs: number[]
  widths: number[]
  header: string[][]
  headerHeight: number
  /** Wrapped lines per row, per cell. */
  rows: string[][][]
  /** Per row, per cell: how many of its first lines are a title, drawn in bold. */
  strong: number[][]
}

const layouts = new WeakMap<TableBlock, TableLayout>()

function tableLayout(flow: Flow, block: TableBlock): TableLayout {
  const cached = layouts.get(block)
  if (cached) return cached
  const widths = balance(flow, block, columnWidths(flow, block))
  const xs: number[] = []
  widths.reduce((x, w) => (xs.push(x), x + w), flow.frame.left)
  const inner = (i: number) => Math.max(widths[i] - 2 * CELL_PAD.x, 1)
  const header = block.columns.map((c, i) => flow.wrap(c.label, STYLES.headerCell, inner(i)))
  const headerHeight =
    Math.max(1, ...header.map((l) => l.length)) * STYLES.headerCell.lineHeight +
    cellPad(flow).top +
    cellPad(flow).bottom
  const strong: number[][] = []
  const rows = block.rows.map((row) => {
    const counts: number[] = []
    strong.push(counts)
    return block.columns.map((column, i) => {
      let text = row.cells[i] ?? ''
      const marks = i === 0 && row.marks?.length ? row.marks.join(' ') : ''
      if (!column.titled) {
        counts.push(0)
        return flow.wrap(marks ? `${text} ${marks}` : text, STYLES.cell, inner(i))
      }
      const end = text.indexOf('\n')
      const title = end < 0 ? text : text.slice(0, end)
      text = end < 0 ? '' : text.slice(end + 1)
      const titleLines = flow.wrap(title, STYLES.headerCell, inner(i))
      counts.push(titleLines.length)
      const rest = [marks, text].filter(Boolean).join('\n')
      return [...titleLines, ...(rest ? flow.wrap(rest, STYLES.cell, inner(i)) : [])]
    })
  })
  const layout = { xs, widths, header, headerHeight, rows, strong }
  layouts.set(block, layout)
  return layout
}

const minimumWidths = new WeakMap<TableBlock, number[]>()

/** Tables longer than this keep the widths their weights give: balancing costs a wrap per try. */
const BALANCE_MAX_CELLS = 2000
const BALANCE_STEPS = [12, 4]

/**
 * Moves width from columns with room to spare to the column that makes rows tall, while the
 * table gets shorter: a "How often" squeezed into eight lines beside a two-line title wastes
 * the page. Starts from the weights, keeps every column's minimum, stops when no move helps.
 */
function balance(flow: Flow, block: TableBlock, start: number[]): number[] {
  const mins = minimumWidths.get(block)
  if (!mins || block.rows.length * block.columns.length > BALANCE_MAX_CELLS) return start
  const texts = block.columns.map((column, i) => [
    column.label,
    ...block.rows.map((row) => {
      const cell = row.cells[i] ?? ''
      return i === 0 && row.marks?.length ? `${cell}\n${row.marks.join(' ')}` : cell
    })
  ])
  // Lines per cell (the header's first) of column i at width w, remembered per width.
  const memo = block.columns.map(() => new Map<number, number[]>())
  const linesAt = (i: number, w: number): number[] => {
    const key = Math.round(w * 4) / 4
    let lines = memo[i].get(key)
    if (!lines) {
      const inner = Math.max(key - 2 * CELL_PAD.x, 1)
      const style = block.columns[i].titled ? STYLES.headerCell : STYLES.cell
      lines = texts[i].map((text, r) =>
        flow.lineCount(text, r === 0 ? STYLES.headerCell : style, inner)
      )
      memo[i].set(key, lines)
    }
    return lines
  }
  // The table's height in lines first; then, to leave plateaus where one column alone cannot
  // shorten a row, the lines of every cell, so the next move can.
  const height = (widths: number[]): number => {
    const columns = widths.map((w, i) => linesAt(i, w))
    let rows = 0
    let cells = 0
    for (let r = 0; r < texts[0].length; r++) {
      rows += Math.max(...columns.map((c) => c[r]))
      for (const c of columns) cells += c[r]
    }
    return rows * 10_000 + cells
  }
  const widths = [...start]
  let best = height(widths)
  for (const step of BALANCE_STEPS) {
    for (let improved = true; improved;) {
      improved = false
      for (let from = 0; from < widths.length; from++) {
        if (widths[from] - step < mins[from]) continue
        for (let to = 0; to < widths.length; to++) {
          if (to === from) continue
          widths[from] -= step
          widths[to] += step
          const h = height(widths)
          if (h < best) {
            best = h
            improved = true
          } else {
            widths[from] += step
            widths[to] -= step
          }
        }
      }
    }
  }
  return widths
}

/**
 * Column widths in proportion to their weights, except that no column is narrower than its
 * longest word (up to 40% of the page): "Cumulative" or "1035.00" must not break mid-word.
 */
function columnWidths(flow: Flow, block: TableBlock): number[] {
  const total = flow.frame.width
  const longestWord = (text: string, style: TextStyle) =>
    Math.max(0, ...text.split(/\s+/).map((word) => flow.measure(word, style)))
  // Best: a column of short values (dates, doses) keeps each value on one line, since
  // "14 Nov 2020" in three lines makes every row three times as tall. Else: no word is broken.
  // Else, on a page too narrow for that, the minimums shrink together.
  const minimums = (wholeShortValues: boolean) =>
    block.columns.map((column, i) => {
      let widest = longestWord(column.label, STYLES.headerCell)
      // A title is bold: its words are measured (with the rest, to be safe) in bold.
      const style = column.titled ? STYLES.headerCell : STYLES.cell
      for (const row of block.rows) {
        const cell = row.cells[i] ?? ''
        // Only values with figures: "Follow-up team" may wrap between its words.
        const whole = wholeShortValues && /\d/.test(cell) ? flow.measure(cell, style) : Infinity
        widest = Math.max(widest, whole <= total * 0.14 ? whole : longestWord(cell, style))
      }
      return Math.min(widest + 2 * CELL_PAD.x + 1, total * 0.3)
    })
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
  let mins = minimums(true)
  if (sum(mins) > total) mins = minimums(false)
  const minSum = sum(mins)
  minimumWidths.set(block, mins)
  if (minSum >= total) return mins.map((m) => (m * total) / minSum)
  const weights = block.columns.map((c) => (c.weight > 0 ? c.weight : 1))
  const fixed = new Set<number>()
  // Each pass fixes one more column at its minimum; since the minimums fit, this ends.
  for (;;) {
    const free = total - [...fixed].reduce((sum, i) => sum + mins[i], 0)
    const freeWeight = weights.reduce((sum, w, i) => (fixed.has(i) ? sum : sum + w), 0)
    const widths = weights.map((w, i) => (fixed.has(i) ? mins[i] : (free * w) / freeWeight))
    const short = widths.findIndex((w, i) => !fixed.has(i) && w < mins[i])
    if (short === -1) return widths
    fixed.add(short)
  }
}

/** Height a table row needs on the page where it starts: all of it if it fits a page. */
function rowNeed(flow: Flow, layout: TableLayout, cells: string[][] | undefined): number {
  if (!cells) return 0
  const lines = Math.max(1, ...cells.map((c) => c.length))
  const pads = cellPad(flow).top + cellPad(flow).bottom
  const whole = lines * STYLES.cell.lineHeight + pads
  const page = flow.frame.bottom - flow.frame.top - layout.headerHeight
  return whole <= page ? whole : 2 * STYLES.cell.lineHeight + pads
}

/**
 * A table laid out row by row (pdfkit's own table repeats no header and cuts a tall cell short):
 * the header row again at the top of every page the table continues on, as an artifact there so
 * a screen reader hears it once.
 */
function table(flow: Flow, parent: StructElement, block: TableBlock): void {
  const layout = tableLayout(flow, block)
  const { xs, widths } = layout
  const right = flow.frame.left + flow.frame.width
  const el = flow.doc.struct('Table', { title: block.caption })
  parent.add(el)

  const rule = (y: number, width = 0.4, color = RULE) =>
    flow.doc
      .moveTo(flow.frame.left, y)
      .lineTo(right, y)
      .lineWidth(width)
      .strokeColor(color)
      .stroke()

  const drawHeader = (repeated: boolean) => {
    const top = flow.y
    const bottom = top + layout.headerHeight
    flow.artifact(() => {
      flow.doc
        .rect(flow.frame.left, top, flow.frame.width, layout.headerHeight)
        .fillColor(SHADE)
        .fill()
      rule(bottom, 0.8, INK)
    })
    const draw = (i: number) =>
      layout.header[i].forEach((text, k) =>
        flow.line(
          text,
          xs[i] + CELL_PAD.x,
          top + cellPad(flow).top + k * STYLES.headerCell.lineHeight,
          widths[i] - 2 * CELL_PAD.x,
          STYLES.headerCell,
          block.columns[i].align
        )
      )
    if (repeated) {
      flow.artifact(() => block.columns.forEach((_, i) => draw(i)), 'Pagination')
    } else {
      const tr = flow.doc.struct('TR')
      el.add(tr)
      block.columns.forEach((_, i) => {
        const th = flow.doc.struct('TH', { scope: 'Column' } as object)
        tr.add(th)
        flow.marked(th, 'TH', () => draw(i))
        th.end()
      })
      tr.end()
    }
    flow.y = bottom
  }

  // The header row never stands alone: it goes where the first row goes.
  flow.ensure(layout.headerHeight + rowNeed(flow, layout, layout.rows[0]))
  drawHeader(false)

  layout.rows.forEach((cells, r) => {
    const tr = flow.doc.struct('TR')
    el.add(tr)
    const columns: Column[] = cells.map((lines, i) => {
      const td = flow.doc.struct('TD')
      tr.add(td)
      return {
        x: xs[i] + CELL_PAD.x,
        width: widths[i] - 2 * CELL_PAD.x,
        lines,
        style: STYLES.cell,
        strong: STYLES.headerCell,
        strongLines: layout.strong[r][i],
        align: block.columns[i].align,
        el: td,
        tag: 'TD'
      }
    })
    flow.row(columns, {
      padTop: cellPad(flow).top,
      padBottom: cellPad(flow).bottom,
      repeatHeight: layout.headerHeight,
      onNewPage: () => drawHeader(true),
      decorate: (_top, bottom) => flow.artifact(() => rule(bottom))
    })
    tr.end()
  })
  el.end()

  if (block.notes.length > 0) {
    flow.gap(3)
    for (const note of block.notes) paragraph(flow, parent, note, STYLES.note)
  }
}
