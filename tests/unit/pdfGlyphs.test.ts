/// <reference types="node" />
/**
 * The PDF prints every string in DejaVu Sans: a character the font lacks would print as an empty
 * box on a doctor's desk. This reads the fonts' character maps and fails, listing the characters,
 * if any of Lantern's own strings (messages, the care-plan disclaimer and rules, drug names) or
 * the names the tests use has no glyph in the regular or the bold font.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CARE_PLAN_DISCLAIMER } from '../../electron/shared/careplan.ts'
import { carePlanMessages } from '../../renderer/src/i18n/careplan.ts'
import { documentsMessages } from '../../renderer/src/i18n/documents.ts'
import { en } from '../../renderer/src/i18n/en.ts'
import { labelMessages } from '../../renderer/src/i18n/labels.ts'
import { libraryMessages } from '../../renderer/src/i18n/library.ts'
import { personMessages } from '../../renderer/src/i18n/person.ts'
import { recordMessages } from '../../renderer/src/i18n/record.ts'
import {
  LONG_DRUG,
  LONG_NAME,
  OTHER_NAMES,
  PERSON_NAME,
  SYMBOLS
} from './helpers/clinicalDocumentFixture.ts'

interface Font {
  hasGlyphForCodePoint(codePoint: number): boolean
}
const require = createRequire(import.meta.url)
// fontkit comes with pdfkit and has no type declarations of its own.
const fontkit = require('fontkit') as { openSync(path: string): Font }
// The same files the writer embeds (electron/core/document/pdf/fonts.ts, which this test, being
// in the renderer's type project for the catalogues, cannot import).
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf')

const FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => ({
  file,
  font: fontkit.openSync(join(fontDir, file))
}))

/** Every string anywhere inside a value (objects, arrays, plural forms). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out))
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out))
  return out
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'))

/** Characters the fonts have no glyph for, with where each was first seen. */
function missing(texts: string[]): string[] {
  const found = new Map<string, string>()
  for (const text of texts) {
    for (const char of text) {
      const codePoint = char.codePointAt(0)!
      // Line breaks and tabs are layout, not glyphs.
      if (codePoint < 0x20 || found.has(char)) continue
      const lacking = FONTS.filter(({ font }) => !font.hasGlyphForCodePoint(codePoint))
      if (lacking.length > 0) {
        const hex = codePoint.toString(16).toUpperCase().padStart(4, '0')
        found.set(
          char,
          `U+${hex} "${char}" (not in ${lacking.map((f) => f.file).join(', ')}) in "${text.slice(0, 60)}"`
        )
      }
    }
  }
  return [...found.values()]
}

describe('glyph coverage of the PDF font', () => {
  it('has a glyph for every character of the message catalogues', () => {
    const catalogues = [
      en,
      recordMessages,
      personMessages,
      carePlanMessages,
      libraryMessages,
      documentsMessages,
      labelMessages
    ]
    const texts = strings(catalogues)
    expect(texts.length).toBeGreaterThan(500)
    expect(missing(texts)).toEqual([])
  })

  it('has a glyph for every character of the care-plan disclaimer, rules and sources', () => {
    const texts = [CARE_PLAN_DISCLAIMER, ...strings(readJson('content/careplan/rules.json'))]
    expect(missing(texts)).toEqual([])
  })

  it('has a glyph for every character of the drug names', () => {
    const catalog = readJson('content/drugs/catalog.json') as {
      drugs: { genericName: string; otherNames: string[]; brandNames: string[] }[]
    }
    const names = catalog.drugs.flatMap((d) => [d.genericName, ...d.otherNames, ...d.brandNames])
    expect(names.length).toBeGreaterThan(50)
    expect(missing(names)).toEqual([])
  })

  it('has a glyph for the names and symbols the PDF tests print', () => {
    expect(missing([PERSON_NAME, ...OTHER_NAMES, LONG_NAME, LONG_DRUG, SYMBOLS])).toEqual([])
  })

  it('reports a character it has no glyph for', () => {
    // DejaVu Sans has no Chinese characters: the check must be able to fail.
    expect(missing(['middle 中'])).toEqual([expect.stringContaining('U+4E2D')])
  })
})
