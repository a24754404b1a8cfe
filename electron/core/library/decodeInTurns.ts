/**
 * An imported file's base64 (as the contract carries it) decoded into bytes a megabyte at a
 * time, with a turn of the event loop after each, so the core keeps answering. The bytes then
 * move to the conversion's worker without a copy: handing it the 11 MB base64 text of an 8 MB
 * file instead held the core for 30 to 45 ms while the text was copied across.
 */
import { nextTurn } from '../nextTurn.ts'

/** Characters decoded per turn: a multiple of 4, so each slice is whole base64. */
export const BASE64_CHARS_PER_TURN = 1024 * 1024

export async function decodeBase64InTurns(
  base64: string,
  charsPerTurn = BASE64_CHARS_PER_TURN
): Promise<Uint8Array> {
  if (charsPerTurn % 4 !== 0) throw new RangeError('Decode base64 in multiples of 4 characters.')
  // Its own memory, not a slice of Node's shared pool: it is moved to another thread.
  // Exactly the decoded length (from the padding), so the whole memory is the file's.
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(base64, 'base64'))
  let length = 0
  for (let start = 0; start < base64.length; start += charsPerTurn) {
    length += bytes.write(base64.slice(start, start + charsPerTurn), length, 'base64')
    if (start + charsPerTurn < base64.length) await nextTurn()
  }
  if (length !== bytes.length) throw new RangeError('The base64 text did not decode whole.')
  return new Uint8Array(bytes.buffer, bytes.byteOffset, length)
}
