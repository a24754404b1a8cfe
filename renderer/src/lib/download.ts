/**
 * Hands a file to the browser's own download, for the browser bridge (no native save dialog
 * there). The bytes stay in this page: a Blob and an object URL, released once the click is done.
 */
export function offerDownload(fileName: string, base64: string, type: string): void {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  try {
    link.click()
  } finally {
    link.remove()
    // The download has its own reference by now; a later tick keeps slow browsers safe.
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
  }
}
