/**
 * The memory a job's input or output can move to the other thread instead of being copied: the
 * buffers of byte arrays, whether the value is one or holds them as its fields (a file's bytes
 * in, a PDF or an imported document's HTML out). Copying 8 MB between threads held the sending
 * thread for tens of milliseconds; moving it takes none.
 */
export function transferables(value: unknown): ArrayBuffer[] {
  const views = ArrayBuffer.isView(value)
    ? [value]
    : typeof value === 'object' && value !== null
      ? Object.values(value).filter((field) => ArrayBuffer.isView(field))
      : []
  // A buffer shared with other arrays (Node's pool for small Buffers) must stay: moving it would
  // take it from under them. Jobs give their bytes their own memory; anything else is copied.
  const own = views.filter(
    (view) =>
      view.buffer instanceof ArrayBuffer &&
      view.byteOffset === 0 &&
      view.byteLength === view.buffer.byteLength
  )
  return [...new Set(own.map((view) => view.buffer as ArrayBuffer))]
}
