/** Bytes a slice at a time: String.fromCharCode(...) over megabytes at once overflows the stack. */
export function toBase64(bytes: Uint8Array): string {
  // A multiple of 3, so every slice but the last encodes to base64 with no padding.
  const slice = 3 * 8192
  const parts: string[] = []
  for (let at = 0; at < bytes.length; at += slice) {
    parts.push(btoa(String.fromCharCode(...bytes.subarray(at, at + slice))))
  }
  return parts.join('')
}
