/**
 * Line breaking for the PDF: the writer places every line itself, so it knows how tall a block
 * is before drawing it (to keep a heading with what follows, to split a long cell across pages).
 * Lines break at spaces; a word too long for the width breaks after a hyphen or slash inside it,
 * else between characters, so a 200-character name or a long drug name wraps and is never cut.
 */

/** The width of a string in points, in the font and size the lines will be drawn in. */
export type Measure = (text: string) => number

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

export function wrapText(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = []
  for (const paragraph of text.split(/\r\n|\r|\n/)) wrapParagraph(paragraph, width, measure, lines)
  return lines
}

function wrapParagraph(paragraph: string, width: number, measure: Measure, lines: string[]): void {
  const words = paragraph.match(/\S+\s*|\s+/g) ?? []
  const before = lines.length
  let line = ''
  for (const word of words) {
    const candidate = line + word
    if (measure(candidate.trimEnd()) <= width) {
      line = candidate
      continue
    }
    let rest = word
    // A web address (a word of 30 characters or more, wider than half the line) fills the rest
    // of this line first, rather than leaving it nearly empty. A date or a dose keeps its digits.
    if (line.trim() !== '' && word.trim().length >= 30 && measure(word.trimEnd()) > width / 2) {
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
