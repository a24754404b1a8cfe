/**
 * The wallet card: both sides of a credit-card-size card (ISO/IEC 7810 ID-1, 85.6 × 54 mm) side
 * by side on one sheet, inside a dashed cut line, with a dotted fold line between them: cut out
 * and folded, each side faces out the right way up. Printed at 100% it is the real size.
 *
 * The text starts at a legible size and shrinks (never below 6.5 pt) only when a long name or
 * diagnosis needs the room; lines wrap within the card.
 */
import type { ClinicalDocument, DocumentSection, KeyValue } from '../../../shared/document.ts'
import { writeSection } from './blocks.ts'
import type { Flow, StructElement, TextStyle } from './flow.ts'

const MM = 72 / 25.4
export const CARD = { width: 85.6 * MM, height: 54 * MM }
const PAD = 8
const MIN_SIZE = 6.5
const INK = '#000000'
const GREY = '#333333'

const LABELS = {
  prepared: (date: string) => `Prepared ${date} by the family with Lantern`,
  fold: 'fold',
  cut: 'cut'
}

interface CardStyles {
  heading: TextStyle
  label: TextStyle
  value: TextStyle
  name: TextStyle
  small: TextStyle
}

function styles(scale: number): CardStyles {
  const at = (size: number, font: 'regular' | 'bold', color = INK): TextStyle => {
    const s = Math.max(MIN_SIZE, size * scale)
    return { font, size: s, lineHeight: s * 1.22, color }
  }
  return {
    heading: at(8.5, 'bold'),
    label: at(7, 'regular', GREY),
    value: at(8.5, 'regular'),
    name: at(10, 'bold'),
    small: { font: 'regular', size: MIN_SIZE, lineHeight: MIN_SIZE * 1.22, color: GREY }
  }
}

/** A side's lines, laid out before drawing so the size can be chosen to fit. */
interface Line {
  text: string
  style: TextStyle
  x: number
  width: number
  /** Space above this line. */
  gapBefore: number
  /** The item the line belongs to (its paragraph in the tagged PDF); -1 is the heading. */
  item: number
  /** A rule to write on after the text, to the side's right edge. */
  rule?: boolean
  /** Drawn on the same line as the one before (a value beside its label). */
  sameLine?: boolean
}

function keyValues(section: DocumentSection): KeyValue[] {
  return section.blocks.flatMap((b) => (b.kind === 'keyValues' ? b.items : []))
}

function height(lines: Line[]): number {
  let h = 0
  for (const line of lines) if (!line.sameLine) h += line.gapBefore + line.style.lineHeight
  return h
}

export function layOutCard(flow: Flow, doc: ClinicalDocument): void {
  const pdf = flow.doc
  const [instructions, front, back] = ['instructions', 'card-front', 'card-back'].map((id) => {
    const found = doc.sections.find((s) => s.id === id)
    if (!found) throw new Error(`The wallet card has no "${id}" section`)
    return found
  })
  writeSection(flow, instructions!)

  const left = flow.frame.left + (flow.frame.width - 2 * CARD.width) / 2
  const top = flow.y + 18
  const fold = left + CARD.width

  flow.artifact(() => {
    pdf
      .rect(left, top, 2 * CARD.width, CARD.height)
      .lineWidth(0.7)
      .dash(5, { space: 3 })
      .strokeColor(INK)
      .stroke()
      .undash()
    pdf
      .moveTo(fold, top - 8)
      .lineTo(fold, top + CARD.height + 8)
      .lineWidth(0.6)
      .dash(1, { space: 2.5 })
      .stroke()
      .undash()
    flow.line(LABELS.fold, fold - 20, top + CARD.height + 9, 40, styles(1).small, 'left')
    flow.line(LABELS.cut, left, top - 11, 40, styles(1).small, 'left')
  })

  side(flow, front!, left, top, doc.preparedOn ? LABELS.prepared(doc.preparedOn) : '')
  side(flow, back!, fold, top, '')
  flow.y = top + CARD.height + 24
}

/** One side of the card: a heading, then each label and value, fitted to the card. */
function side(flow: Flow, section: DocumentSection, x: number, top: number, foot: string): void {
  const inner = CARD.width - 2 * PAD
  const room = CARD.height - 2 * PAD
  const sect = flow.doc.struct('Sect')
  flow.doc.addStructure(sect)
  const items = keyValues(section)
  const stacked = section.id === 'card-front'
  let lines: Line[] = []
  let footLines: Line[] = []
  for (const scale of [1, 0.94, 0.88, 0.82, 0.76, 0.7]) {
    const st = styles(scale)
    lines = sideLines(flow, section.title, items, st, x + PAD, inner, stacked)
    footLines = foot
      ? flow.wrap(foot, st.small, inner).map((text) => ({
          text,
          style: st.small,
          x: x + PAD,
          width: inner,
          gapBefore: 0,
          item: -1
        }))
      : []
    if (height(lines) + height(footLines) + (foot ? 3 : 0) <= room) break
  }
  // At the smallest size, a side that still does not fit ends with its last whole line: the
  // name, date of birth and emergency answers come first and are short.
  let y = top + PAD
  const bottom = top + CARD.height - PAD - height(footLines) - (foot ? 3 : 0)
  // Every element is attached before drawing: pdfkit's end() hangs on an unattached one.
  const heading = flow.doc.struct('H2')
  sect.add(heading)
  const paragraphs: StructElement[] = items.map(() => {
    const p = flow.doc.struct('P')
    sect.add(p)
    return p
  })
  let cut = false
  for (const line of lines) {
    if (!line.sameLine) {
      if (y + line.gapBefore + line.style.lineHeight > bottom + 0.01) cut = true
      if (cut) break
      y += line.gapBefore
    }
    const lineTop = line.sameLine ? y - line.style.lineHeight : y
    const el = line.item < 0 ? heading : paragraphs[line.item]!
    flow.marked(el, el === heading ? 'H2' : 'P', () =>
      flow.line(line.text, line.x, lineTop, line.width, line.style)
    )
    if (line.rule) {
      const start = line.x + (line.text ? flow.measure(line.text, line.style) + 3 : 0)
      const baseline = lineTop + line.style.lineHeight - 1
      flow.artifact(() =>
        flow.doc
          .moveTo(start, baseline)
          .lineTo(x + CARD.width - PAD, baseline)
          .lineWidth(0.5)
          .strokeColor(INK)
          .stroke()
      )
    }
    if (!line.sameLine) y += line.style.lineHeight
  }
  heading.end()
  for (const p of paragraphs) p.end()
  if (footLines.length > 0) {
    const p = flow.doc.struct('P')
    sect.add(p)
    let fy = top + CARD.height - PAD - height(footLines)
    flow.marked(p, 'P', () => {
      for (const line of footLines) {
        flow.line(line.text, line.x, fy, line.width, line.style)
        fy += line.style.lineHeight
      }
    })
    p.end()
  }
  sect.end()
}

function sideLines(
  flow: Flow,
  title: string,
  items: KeyValue[],
  st: CardStyles,
  x: number,
  width: number,
  stacked: boolean
): Line[] {
  const lines: Line[] = flow.wrap(title, st.heading, width).map((text) => ({
    text,
    style: st.heading,
    x,
    width,
    gapBefore: 0,
    item: -1
  }))
  const labelWidth = width * 0.42
  items.forEach((item, index) => {
    const el = index
    const valueStyle = stacked && item.key === 'Name' ? st.name : st.value
    const gap = stacked ? 3 : 2.5
    if (stacked) {
      // Front: the label over its value, so a long name has the card's whole width.
      flow
        .wrap(item.key, st.label, width)
        .forEach((text, i) =>
          lines.push({ text, style: st.label, x, width, gapBefore: i === 0 ? gap : 0, item: el })
        )
      flow
        .wrap(item.value, valueStyle, width)
        .forEach((text) =>
          lines.push({ text, style: valueStyle, x, width, gapBefore: 0, item: el })
        )
      return
    }
    // Back: the label and its answer side by side, the answer in bold so it is read first.
    const labelLines = flow.wrap(item.key, st.value, labelWidth - 4)
    const answerStyle: TextStyle = item.writeIn ? st.small : { ...st.value, font: 'bold' }
    const answerX = x + labelWidth
    const answerWidth = width - labelWidth
    if (item.writeIn) {
      // A blank line to write on beside the label, with the hint under it.
      labelLines.forEach((text, i) =>
        lines.push({
          text,
          style: st.value,
          x,
          width: labelWidth,
          gapBefore: i === 0 ? gap + 3 : 0,
          item: el
        })
      )
      lines.push({
        text: '',
        style: st.value,
        x: answerX,
        width: answerWidth,
        gapBefore: 0,
        item: el,
        rule: true,
        sameLine: true
      })
      flow.wrap(item.value, answerStyle, answerWidth).forEach((text) =>
        lines.push({
          text,
          style: answerStyle,
          x: answerX,
          width: answerWidth,
          gapBefore: 0,
          item: el
        })
      )
      return
    }
    const answerLines = flow.wrap(item.value, answerStyle, answerWidth)
    const count = Math.max(labelLines.length, answerLines.length)
    for (let i = 0; i < count; i++) {
      lines.push({
        text: labelLines[i] ?? '',
        style: st.value,
        x,
        width: labelWidth,
        gapBefore: i === 0 ? gap : 0,
        item: el
      })
      if (answerLines[i]) {
        lines.push({
          text: answerLines[i]!,
          style: answerStyle,
          x: answerX,
          width: answerWidth,
          gapBefore: 0,
          item: el,
          sameLine: true
        })
      }
    }
  })
  return lines
}
