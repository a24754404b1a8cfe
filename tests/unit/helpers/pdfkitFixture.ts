/**
 * pdfkit documents set up as the writer sets them up (DejaVu Sans, regular and bold, registered
 * under their PostScript names), for tests that compare the writer's shortcuts with pdfkit.
 */
import PDFDocument from 'pdfkit'
import type { Doc } from '../../../electron/core/document/pdf/flow.ts'
import { FONT_NAMES, loadFonts } from '../../../electron/core/document/pdf/fonts.ts'

export function pdfWithLanternFonts(options: PDFKit.PDFDocumentOptions = {}): Doc {
  const fonts = loadFonts()
  const doc = new PDFDocument({
    autoFirstPage: false,
    // pdfkit takes a parsed font here as in registerFont; its types name only a path.
    font: fonts.regular as unknown as string,
    // A fixed date, so that two documents made the same way are the same bytes.
    info: { CreationDate: new Date(Date.UTC(2026, 0, 2)) },
    ...options
  }) as Doc
  doc.registerFont(FONT_NAMES.regular, fonts.regular)
  doc.registerFont(FONT_NAMES.bold, fonts.bold)
  return doc
}

/** The document's bytes, once it has ended. */
export function bytesOf(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  return new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
}

/**
 * Text that is hard to set: kerning pairs, ligatures, the symbols the plan uses, and the names
 * the tests print.
 */
export const HARD_TEXT = [
  'AV',
  'To',
  'Wa',
  'ffi',
  'fl',
  ' ',
  '≥ 30 Gy',
  '→',
  '✓',
  'Łukasz Żółć',
  'Анна Петрова',
  'Ørjan Ærø',
  "Zoë Núñez-O'Brien",
  'mg/m²'
]
