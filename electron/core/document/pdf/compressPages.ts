/**
 * Page contents compressed on Node's thread pool, all pages at once, before pdfkit ends the
 * document. pdfkit compresses each page's content when the document ends, one page after
 * another on the thread writing it: a seventh of a long export's time. Compressed here with the
 * same zlib at the same level, the bytes are the ones pdfkit would have written
 * (tests/unit/pdfCompressPages.test.ts compares whole files), while the pool's threads share
 * the work between the computer's cores.
 *
 * This reaches into pdfkit's document (its buffered pages and their content streams); the
 * version is pinned in package.json and the test fails if what it relies on changes.
 */
import { promisify } from 'node:util'
import { deflate } from 'node:zlib'
import type { Doc } from './flow.ts'

const deflateAsync = promisify(deflate)

/** A page's content stream as pdfkit's PDFReference keeps it until the document ends. */
interface ContentStream {
  /** Whether pdfkit will compress it when it writes it. */
  compress: boolean
  /** What was written to it, chunk by chunk. */
  buffer: Uint8Array[]
}

interface BufferedPages {
  _pageBuffer: { content: ContentStream; markings: unknown[] }[]
}

export async function compressPageContents(doc: Doc): Promise<void> {
  // The one cast into pdfkit's internals; the test guards what it reads.
  const pages = (doc as unknown as BufferedPages)._pageBuffer
  await Promise.all(
    pages.map(async ({ content, markings }) => {
      // pdfkit closes marked content left open when it ends a page: such a page is its to finish.
      if (!content.compress || content.buffer.length === 0 || markings.length > 0) return
      const compressed = await deflateAsync(Buffer.concat(content.buffer))
      content.buffer = [compressed]
      // pdfkit named the FlateDecode filter when the first chunk was written; it stays.
      content.compress = false
    })
  )
}
