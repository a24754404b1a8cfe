/**
 * The characters of an imported file. A browser saves a page in the encoding it was served in,
 * and older pages and text files from Windows are often not UTF-8, so reading every file as UTF-8
 * would turn "Café" into "Caf�". In order: a byte-order mark decides; for a web page, the
 * charset its <meta> declares; otherwise UTF-8 when the bytes are valid UTF-8; otherwise
 * Windows-1252, which decodes any byte and is what most such files turn out to be.
 */

const BOMS: [bytes: number[], encoding: string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be']
]

/** The encoding a page declares in its first kilobyte, as the HTML standard's prescan looks. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  const label = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]
  if (!label) return null
  try {
    const encoding = new TextDecoder(label).encoding
    // A page that says UTF-16 but has no byte-order mark is read as UTF-8, as browsers do.
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding
  } catch {
    return null
  }
}

export function decodeText(bytes: Uint8Array, options: { html: boolean }): string {
  for (const [mark, encoding] of BOMS) {
    if (mark.every((b, i) => bytes[i] === b)) {
      return new TextDecoder(encoding).decode(bytes.subarray(mark.length))
    }
  }
  const declared = options.html ? declaredCharset(bytes) : null
  if (declared) return new TextDecoder(declared).decode(bytes)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}
