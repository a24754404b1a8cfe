/**
 * How many lines wrapText would give a text, without making them. Balancing a table's columns
 * (blocks.ts) asks this for every cell at every width it tries, and making the lines each time
 * was most of the balancing's cost. tests/unit/pdfWrap.test.ts compares the count with
 * wrapText's lines over thousands of texts and widths.
 *
 * Most paragraphs are plain words, each followed by one space or none. For those the count
 * needs only each word's width, with and without its space, worked out once per paragraph and
 * font and then added up in the same order as wrapText adds them, so every comparison with the
 * width comes out the same. A paragraph with anything else (a word wider than the line, which
 * must be broken; a word long enough to be a web address; other spaces) is wrapped in full.
 */
import {
  LONG_WORD,
  paragraphsOf,
  type Measure,
  type RunningMeasure,
  type Words,
  wordsOf,
  wrapText
} from './wrap.ts'

/** Per word: its running sum alone (`head`) and with the space after it (`full`). */
interface WordSums {
  head: number[]
  full: number[]
}

/** Per paragraph's words and font; null for a paragraph that must be wrapped in full. */
const sumsByFont = new WeakMap<Words, Map<string, WordSums | null>>()

export function countLines(
  text: string,
  width: number,
  measure: Measure,
  running: RunningMeasure
): number {
  let count = 0
  for (const paragraph of paragraphsOf(text)) {
    count +=
      countPlainParagraph(paragraph, width, running) ??
      wrapText(paragraph, width, measure, running).length
  }
  return count
}

function sumsOf(words: Words, running: RunningMeasure): WordSums | null {
  let byFont = sumsByFont.get(words)
  if (!byFont) sumsByFont.set(words, (byFont = new Map()))
  let sums = byFont.get(running.key)
  if (sums === undefined) {
    sums = { head: [], full: [] }
    for (const [i, word] of words.words.entries()) {
      const head = words.heads[i]!
      const plain =
        head !== '' &&
        head.length < LONG_WORD &&
        (word === head || word === `${head} ` || word === `${head}\t`)
      if (!plain) {
        sums = null
        break
      }
      // One piece each: the sum of a line plus the word is the line's sum plus these.
      sums.head.push(running.extend(0, head))
      sums.full.push(running.extend(0, word))
    }
    byFont.set(running.key, sums)
  }
  return sums
}

/** wrapParagraph's count for a paragraph of plain words, or null when it must wrap in full. */
function countPlainParagraph(
  paragraph: string,
  width: number,
  running: RunningMeasure
): number | null {
  const sums = sumsOf(wordsOf(paragraph), running)
  if (!sums) return null
  let lines = 0
  // The running sum of the line being filled; null before its first word.
  let sum: number | null = null
  for (let i = 0; i < sums.head.length; i++) {
    if (sum !== null && running.points(sum + sums.head[i]!) <= width) {
      sum += sums.full[i]!
      continue
    }
    // The word starts a line: one wider than the line would be broken, so wrap in full.
    if (running.points(sums.head[i]!) > width) return null
    if (sum !== null) lines++
    sum = sums.full[i]!
  }
  // The last line, or the blank line of an empty paragraph.
  return lines + 1
}
