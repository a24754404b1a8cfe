/**
 * The document for doctors as a PDF: archival (PDF/A-2a) unless it has a password, tagged for
 * screen readers, with an outline by section and the person's name, date of birth, date
 * prepared, the running footer and "Page X of Y" on every page.
 *
 * Everything in the document is written as text: no links, actions, scripts or attachments, so
 * a note that looks like markup or a javascript: address prints as the characters it holds.
 */
import { randomBytes } from 'node:crypto'
import PDFDocument from 'pdfkit'
import type { ClinicalDocument } from '../../shared/document.ts'
import { STYLES, writeSection } from './pdf/blocks.ts'
import { layOutCard } from './pdf/card.ts'
import { compressPageContents } from './pdf/compressPages.ts'
import { fitOnePage } from './pdf/fit.ts'
import { Flow, PageOverflowError, type Doc, type Frame } from './pdf/flow.ts'
import { FONT_NAMES, loadFonts } from './pdf/fonts.ts'

export interface PdfOptions {
  paper: 'A4' | 'LETTER'
  /** Encrypts the file (AES-256). Used for this file only: never stored or logged. */
  password?: string
  /** Puts the person's name in the file's title; off by default, since file lists show titles. */
  nameInMetadata?: boolean
  /** The document's language for screen readers. */
  lang?: string
}

/** Words the writer adds itself: the model holds only the values. */
const LABELS = {
  born: 'Date of birth',
  prepared: 'Prepared',
  page: (page: number, of: number) => `Page ${page} of ${of}`
}

const MARGIN = { side: 42, top: 28, bottom: 26 }
const HEADER_GAP = 16

/**
 * Writes any variant. The full document takes as many pages as it needs; the one-page summary
 * and the wallet card never take a second page. The one-page summary is fitted here, where the
 * height of every block on this paper is known: it is laid out with a one-page limit (the flow
 * throws PageOverflowError instead of starting page 2), and while that fails, the next part
 * the builder marked as able to give way is shortened or left out (pdf/fit.ts). A trial
 * layout is thrown away unfinished, so it never writes anything.
 */
export function writeClinicalPdf(doc: ClinicalDocument, options: PdfOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    try {
      const maxPages = doc.variant === 'full' ? undefined : 1
      const final =
        doc.variant === 'one-page'
          ? fitOnePage(doc, (candidate) => fitsOnePage(candidate, options))
          : doc
      const pdf = createDocument(final, options)
      const chunks: Buffer[] = []
      pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
      pdf.on('end', () => resolve(Buffer.concat(chunks)))
      pdf.on('error', reject)
      layOut(pdf, final, maxPages)
      compressPageContents(pdf).then(() => pdf.end(), reject)
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)))
    }
  })
}

function createDocument(doc: ClinicalDocument, options: PdfOptions): Doc {
  const fonts = loadFonts()
  const title = options.nameInMetadata ? `${doc.title}: ${doc.person.name}` : doc.title
  const common = {
    size: options.paper === 'LETTER' ? 'LETTER' : 'A4',
    margins: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.side, right: MARGIN.side },
    bufferPages: true,
    autoFirstPage: false,
    // pdfkit takes a parsed font here as in registerFont; its types name only a path.
    font: fonts.regular as unknown as string,
    tagged: true,
    lang: options.lang ?? 'en-GB',
    displayTitle: true,
    info: { Title: title, Producer: 'Lantern', Creator: 'Lantern' }
  }
  // A password-protected file cannot be PDF/A (which forbids encryption); pdfkit would accept
  // both and write an encrypted file that claims to be PDF/A, so they are never combined.
  const pdf = new PDFDocument(
    options.password
      ? {
          ...common,
          pdfVersion: '1.7ext3',
          userPassword: options.password,
          // A random owner password nobody keeps: the permissions below hold for every reader.
          ownerPassword: randomBytes(24).toString('base64'),
          permissions: {
            printing: 'highResolution',
            copying: true,
            contentAccessibility: true,
            annotating: true,
            modifying: false,
            documentAssembly: false,
            fillingForms: false
          }
        }
      : { ...common, pdfVersion: '1.7', subset: 'PDF/A-2a' }
  ) as Doc
  // Registered under their PostScript names: the default font is cached under its name, and
  // another name for the same font would make pdfkit parse the font again on every switch.
  pdf.registerFont(FONT_NAMES.regular, fonts.regular)
  pdf.registerFont(FONT_NAMES.bold, fonts.bold)
  escapeXmpInfo(pdf)
  return pdf
}

/**
 * pdfkit copies the title into the XMP metadata without escaping it, so "&" or "<" in a title
 * would make the metadata malformed XML. Escape it there only; the Info dictionary keeps the text.
 */
function escapeXmpInfo(pdf: Doc): void {
  const internal = pdf as unknown as { _addInfo: () => void; info: Record<string, unknown> }
  const addInfo = internal._addInfo
  internal._addInfo = function (this: typeof internal) {
    const info = this.info
    this.info = Object.fromEntries(
      Object.entries(info).map(([k, v]) => [k, typeof v === 'string' ? escapeXml(v) : v])
    )
    try {
      addInfo.call(this)
    } finally {
      this.info = info
    }
  }
}

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c
  )
}

function fitsOnePage(doc: ClinicalDocument, options: PdfOptions): boolean {
  try {
    layOut(createDocument(doc, { ...options, password: undefined }), doc, 1)
    return true
  } catch (error) {
    if (error instanceof PageOverflowError) return false
    throw error
  }
}

function layOut(pdf: Doc, doc: ClinicalDocument, maxPages?: number): void {
  pdf.addPage()
  const { width, height } = pdf.page
  const textWidth = width - 2 * MARGIN.side
  const probe = new Flow(pdf, { left: MARGIN.side, width: textWidth, top: 0, bottom: height })
  // Only the first line shares its width with "Page X of Y"; the lines under it are full width.
  const footerLines = doc.runningFooter.flatMap((line, i) =>
    probe.wrap(line, STYLES.running, i === 0 ? textWidth - footerPageWidth(probe) : textWidth)
  )
  const footerHeight = Math.max(footerLines.length, 1) * STYLES.running.lineHeight + 6
  const header = headerText(probe, doc, textWidth)
  const frame: Frame = {
    left: MARGIN.side,
    width: textWidth,
    top: MARGIN.top + header.who.length * STYLES.running.lineHeight + HEADER_GAP,
    bottom: height - MARGIN.bottom - footerHeight - 10
  }
  const flow = new Flow(pdf, frame, maxPages)
  flow.compact = doc.variant === 'one-page'

  if (doc.variant === 'card') {
    layOutCard(flow, doc)
  } else {
    const title = pdf.struct('P')
    pdf.addStructure(title)
    flow.lines(title, 'P', flow.wrap(doc.title, STYLES.title, textWidth), STYLES.title)
    title.end()
    for (const section of doc.sections) writeSection(flow, section)
  }

  const range = pdf.bufferedPageRange()
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i)
    runningText(flow, header, footerLines, i + 1, range.count)
  }
}

/** Room for the widest "Page X of Y" beside the footer text. */
function footerPageWidth(flow: Flow): number {
  return flow.measure(LABELS.page(888, 888), STYLES.running) + 12
}

interface Header {
  /** The name and date of birth, wrapped (a very long name takes several lines). */
  who: string[]
  prepared: string
}

function headerText(flow: Flow, doc: ClinicalDocument, width: number): Header {
  const prepared = `${LABELS.prepared}: ${doc.preparedOn}`
  const who = `${doc.person.name}   ·   ${LABELS.born}: ${doc.person.dateOfBirth}`
  const whoWidth = width - flow.measure(prepared, STYLES.running) - 12
  return { who: flow.wrap(who, HEADER_NAME, whoWidth), prepared }
}

const HEADER_NAME = { ...STYLES.running, font: 'bold', color: '#000000' } as const

/** The header and footer of one page, marked as pagination artifacts. */
function runningText(
  flow: Flow,
  header: Header,
  footerLines: string[],
  page: number,
  pages: number
): void {
  const pdf = flow.doc
  const { left, width } = flow.frame
  const right = left + width
  const style = STYLES.running
  const bottomMargin = pdf.page.margins.bottom
  // Text inside the bottom margin would make pdfkit start a new page.
  pdf.page.margins.bottom = 0
  flow.artifact(() => {
    const headerTop = MARGIN.top
    header.who.forEach((line, i) =>
      flow.line(line, left, headerTop + i * style.lineHeight, width, HEADER_NAME)
    )
    flow.line(header.prepared, left, headerTop, width, style, 'right')
    const headerRule = headerTop + style.lineHeight * header.who.length + 3
    const footerTop = pdf.page.height - MARGIN.bottom - footerLines.length * style.lineHeight
    pdf
      .moveTo(left, headerRule)
      .lineTo(right, headerRule)
      .moveTo(left, footerTop - 5)
      .lineTo(right, footerTop - 5)
      .lineWidth(0.5)
      .strokeColor('#000000')
      .stroke()
    footerLines.forEach((line, i) =>
      flow.line(line, left, footerTop + i * style.lineHeight, width, style)
    )
    flow.line(
      LABELS.page(page, pages),
      left,
      footerTop,
      width,
      { ...style, color: '#000000' },
      'right'
    )
  }, 'Pagination')
  pdf.page.margins.bottom = bottomMargin
}
