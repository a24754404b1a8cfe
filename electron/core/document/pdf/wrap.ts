/**
 * Line breaking for the PDF: the writer places every line itself, so it knows how tall a block
 * is before drawing it (to keep a heading with what follows, to split a long cell across pages).
 * Lines break at spaces; a word too long for the width breaks after a hyphen or slash inside it,
 * else between characters, so a 200-character name or a long drug name wraps and is never cut.
 */

/** The width of a string in points, in the font and size the lines will be drawn in. */
export type Measure = (text: string) => number

/**
 * Widths as running sums, for speed: the PDF measures a text piece by piece (cut after each
 * space or tab) and adds the pieces up in order, so a line that ends after a space, followed by
 * a word, is the line's sum plus the word's. Wrapping then adds each word to the line's sum
 * instead of measuring the whole line again: a long table's columns are wrapped at many widths
 * while they are balanced, and that was most of an export's time.
 */
export interface RunningMeasure {
  /** The sum for `text` following a line whose sum is `sum` (0 for an empty line). */
  extend(sum: number, text: string): number
  /** A sum as a width in points: `measure(text)` is `points(extend(0, text))`. */
  points(sum: number): number
  /** Names the font: sums do not depend on the size, so words' sums are kept under it. */
  key: string
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/**
 * Lines of `text` no wider than `width`. With `running`, the same lines, found with fewer
 * measures (tests/unit/pdfWrap.test.ts compares the two).
 */
export function wrapText(
  text: string,
  width: number,
  measure: Measure,
  running?: RunningMeasure
): string[] {
  const lines: string[] = []
  for (const paragraph of paragraphsOf(text)) {
    wrapParagraph(paragraph, width, measure, running, lines)
  }
  return lines
}

/** A text's paragraphs: each starts a new line. */
export function paragraphsOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/)
}

/** A paragraph's words, each with its spaces after it, and each without them. */
export interface Words {
  words: string[]
  heads: string[]
}

/**
 * Paragraphs split before, kept so that a text wrapped again (a table's cells are wrapped at
 * many widths while its columns are balanced) gives the same word strings: their hashes are
 * then already computed for the width lookups. Bounded; cleared whole when full. The words are
 * the person's: like the fonts' memory of shaped words, they live in the worker that writes the
 * document, which ends when the vault locks.
 */
const splitParagraphs = new Map<string, Words>()
const MAX_PARAGRAPHS = 20_000

export function wordsOf(paragraph: string): Words {
  let split = splitParagraphs.get(paragraph)
  if (!split) {
    const words = paragraph.match(/\S+\s*|\s+/g) ?? []
    split = { words, heads: words.map((word) => word.trimEnd()) }
    if (splitParagraphs.size >= MAX_PARAGRAPHS) splitParagraphs.clear()
    splitParagraphs.set(paragraph, split)
  }
  return split
}

/** A word this long may be a web address, which fills the rest of a line before it breaks. */
export const LONG_WORD = 30

/** Where the PDF's measure cuts a text: after a space or a tab. */
const endsAtCut = (text: string) => text.endsWith(' ') || text.endsWith('\t')

function wrapParagraph(
  paragraph: string,
  width: number,
  measure: Measure,
  running: RunningMeasure | undefined,
  lines: string[]
): void {
  const { words, heads } = wordsOf(paragraph)
  const before = lines.length
  let line = ''
  // The line's running sum while it is empty or ends where the measure cuts; else null.
  let sum: number | null = running ? 0 : null
  const restart = (text: string) => {
    sum = running && (text === '' || endsAtCut(text)) ? running.extend(0, text) : null
  }
  for (const [index, word] of words.entries()) {
    const candidate = line + word
    // The word without its trailing spaces: candidate.trimEnd() is the line followed by it.
    const head = heads[index]!
    const fits =
      running && sum !== null && head !== ''
        ? running.points(running.extend(sum, head)) <= width
        : measure(candidate.trimEnd()) <= width
    if (fits) {
      line = candidate
      if (running && sum !== null) sum = endsAtCut(word) ? running.extend(sum, word) : null
      continue
    }
    let rest = word
    // A web address (a long word, wider than half the line) fills the rest of this line first,
    // rather than leaving it nearly empty. A date or a dose keeps its digits.
    if (
      line.trim() !== '' &&
      word.trim().length >= LONG_WORD &&
      measure(word.trimEnd()) > width / 2
    ) {
      const cut = breakWord(word, width - measure(line), measure)
      if (measure(line + word.slice(0, cut)) <= width && cut < word.trimEnd().length) {
        line += word.slice(0, cut)
        rest = word.slice(cut)
      }
    }
    if (line.trim() !== '') lines.push(line.trimEnd())
    // The word starts a new line; spaces that would lead it are dropped.
    if (line.trim() === '') rest = (line + word).trimStart()
    while (measure(rest.trimEnd()) > width) {
      const cut = breakWord(rest, width, measure)
      lines.push(rest.slice(0, cut).trimEnd())
      rest = rest.slice(cut)
    }
    line = rest
    restart(line)
  }
  // An empty paragraph is a blank line.
  if (line.trim() !== '' || lines.length === before) lines.push(line.trimEnd())
}

/** Where to cut a word wider than the line: at least one character, so wrapping always ends. */
function breakWord(word: string, width: number, measure: Measure): number {
  let hyphen = 0
  for (const match of word.matchAll(/\p{L}[-/‐–]/gu)) {
    const end = match.index + match[0].length
    if (measure(word.slice(0, end)) <= width) hyphen = end
    else break
  }
  if (hyphen > 0) return hyphen
  let cut = 0
  for (const { segment, index } of graphemes.segment(word)) {
    const end = index + segment.length
    if (cut > 0 && measure(word.slice(0, end)) > width) break
    cut = end
  }
  return cut
}
