/**
 * DejaVu Sans, shipped from the dejavu-fonts-ttf package: it has a glyph for every character in
 * Lantern's own strings (≥ ≤ → ✓, Latin, Greek and Cyrillic; tests/unit/pdfGlyphs.test.ts checks),
 * where the Noto Sans builds on npm print "≥" as an empty box. pdfkit embeds only the glyphs used.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'

export const FONT_NAMES = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' }

export interface PdfFonts {
  regular: Buffer
  bold: Buffer
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

let cached: PdfFonts | undefined

export function loadFonts(): PdfFonts {
  if (!cached) {
    const dir = fontDirectory()
    cached = {
      regular: readFileSync(join(dir, 'DejaVuSans.ttf')),
      bold: readFileSync(join(dir, 'DejaVuSans-Bold.ttf'))
    }
  }
  return cached
}
