/**
 * pdfkit's registerFont takes a parsed fontkit font as well as bytes or a path (PDFFontFactory:
 * anything with a `layout` function); @types/pdfkit names only the latter.
 */
import type { Font } from 'fontkit'

declare global {
  namespace PDFKit.Mixins {
    interface PDFFont {
      registerFont(name: string, src: Font): this
    }
  }
}
