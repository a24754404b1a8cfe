/**
 * How every export leaves the core: in the desktop app the shell's native save dialog names the
 * place and the core writes the file there (written beside it and renamed: a kill leaves the old
 * file or none); through the loopback bridge, which has no dialogs, the bytes go back for the
 * browser to download. No page ever names a path.
 */
import { closeSync, fstatSync, openSync, readSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { ExportFileKind, ExportFileResult } from '../../shared/export.ts'
import { atomicTempFor } from '../atomicFile.ts'
import { CoreError } from '../errors.ts'
import { nextTurn } from '../nextTurn.ts'

/**
 * Asks the person where to save (Electron's native dialog), suggesting a file name; null when
 * they close the dialog. Absent through the bridge and in tests: the bytes are answered instead.
 */
export type ChooseExportPath = (
  suggestedFileName: string,
  kind: ExportFileKind
) => Promise<string | null>

export interface DeliverDeps {
  chooseExportPath?: ChooseExportPath
  /**
   * Notes the folder of a file about to be written, so the next start can remove what a kill
   * mid-write leaves there (document/exportTemps.ts); answers the function that ends the note.
   */
  noteWriting: (target: string) => () => void
  /** Where a file for the browser's download is written first: the data folder, private. */
  scratchDir: string
}

/**
 * Saves or hands back one exported file. `write` writes the whole file at the path it is given,
 * atomically (writeFileAtomic, or its own temp-and-rename).
 */
export async function deliverFile(
  deps: DeliverDeps,
  fileName: string,
  kind: ExportFileKind,
  write: (target: string) => Promise<void> | void
): Promise<ExportFileResult> {
  if (deps.chooseExportPath) {
    const target = await deps.chooseExportPath(fileName, kind)
    if (target === null) return { outcome: 'cancelled' }
    const written = deps.noteWriting(target)
    try {
      await write(target)
    } catch (error) {
      if (error instanceof CoreError) throw error
      // The folder may be read-only, full or gone; the message names no path or data.
      const code = (error as NodeJS.ErrnoException)?.code ?? 'unknown'
      console.error(`export: the file could not be written (${code})`)
      throw new CoreError('INTERNAL', 'Lantern could not save the file there. Try another folder.')
    } finally {
      written()
    }
    return { outcome: 'saved', fileName }
  }
  // Named like writeFileAtomic's temp files, so one a kill leaves is removed at the next start.
  const scratch = atomicTempFor(join(deps.scratchDir, 'download'))
  try {
    await write(scratch)
    return { outcome: 'download', fileName, base64: await base64InTurns(scratch) }
  } finally {
    rmSync(scratch, { force: true })
  }
}

/** Encoded a few megabytes per turn: a whole vault's backup at once held the thread ~100 ms. */
const ENCODE_CHUNK_BYTES = 3 * 1024 * 1024

async function base64InTurns(file: string): Promise<string> {
  const fd = openSync(file, 'r')
  try {
    const size = fstatSync(fd).size
    const chunk = Buffer.alloc(ENCODE_CHUNK_BYTES)
    const parts: string[] = []
    for (let at = 0; at < size;) {
      // A multiple of three bytes, so each part's base64 ends without padding and they join.
      const n = readSync(fd, chunk, 0, Math.min(ENCODE_CHUNK_BYTES, size - at), at)
      parts.push(chunk.subarray(0, n).toString('base64'))
      at += n
      await nextTurn()
    }
    return parts.join('')
  } finally {
    closeSync(fd)
  }
}
