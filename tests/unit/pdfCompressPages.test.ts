/**
 * The writer compresses page contents on Node's thread pool before pdfkit ends the document
 * (electron/core/document/pdf/compressPages.ts), because pdfkit compresses them one by one on
 * the writing thread. The oracle is pdfkit ending the same document itself: the files must be
 * the same, byte for byte. An encrypted file (compressed, then encrypted with a random IV, so
 * never the same twice) must open with its password and give back its text.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { compressPageContents } from '../../electron/core/document/pdf/compressPages.ts'
import type { Doc } from '../../electron/core/document/pdf/flow.ts'
import { FONT_NAMES } from '../../electron/core/document/pdf/fonts.ts'
import { bytesOf, pdfWithLanternFonts } from './helpers/pdfkitFixture.ts'
import { cleanupTempDirs, tempDir } from './helpers/vaultFixture.ts'

afterAll(cleanupTempDirs)

function draw(pages: string[][], password?: string): Doc {
  const doc = pdfWithLanternFonts({
    bufferPages: true,
    ...(password ? { userPassword: password, pdfVersion: '1.7ext3' as const } : {})
  })
  for (const lines of pages) {
    doc.addPage()
    lines.forEach((line, i) => {
      doc
        .rect(40, 40 + i * 14, 200, 12)
        .fillColor('#eeeeee')
        .fill()
      doc.font(i % 2 ? FONT_NAMES.bold : FONT_NAMES.regular).fillColor('#000000')
      doc.text(line, 42, 40 + i * 14, { lineBreak: false })
    })
  }
  return doc
}

async function endedByPdfkit(pages: string[][]): Promise<Buffer> {
  const doc = draw(pages)
  const bytes = bytesOf(doc)
  doc.end()
  return bytes
}

async function compressedFirst(pages: string[][], password?: string): Promise<Buffer> {
  const doc = draw(pages, password)
  const bytes = bytesOf(doc)
  await compressPageContents(doc)
  doc.end()
  return bytes
}

const pages = fc.array(fc.array(fc.string({ maxLength: 60 }), { maxLength: 20 }), {
  minLength: 1,
  maxLength: 4
})

describe('page contents compressed before the document ends', () => {
  it('give the same file as pdfkit compressing them itself', async () => {
    await fc.assert(
      fc.asyncProperty(pages, async (pages) => {
        expect((await compressedFirst(pages)).equals(await endedByPdfkit(pages))).toBe(true)
      }),
      { numRuns: 200 }
    )
  })

  it('leave an encrypted file that opens with its password and holds its text', async () => {
    const dir = tempDir()
    const file = join(dir, 'locked.pdf')
    writeFileSync(
      file,
      await compressedFirst(
        [['Doxorubicin 75 mg/m²', 'Page two follows'], ['Second page']],
        'a long test password'
      )
    )
    execFileSync('qpdf', ['--check', '--password=a long test password', file])
    const text = execFileSync('pdftotext', ['-upw', 'a long test password', file, '-'], {
      encoding: 'utf8'
    })
    expect(text).toContain('Doxorubicin 75 mg/m²')
    expect(text).toContain('Second page')
  })
})
