/**
 * How every export leaves the core (the PDF, the backup file, FHIR, CSV, the calendar): in the
 * desktop app the shell's native save dialog names the place and the core writes the file there
 * (written beside it and renamed: a kill leaves the old file or none); through the loopback
 * bridge, which has no dialogs, the bytes go back for the browser to download. No page ever
 * names a path. Each export's phase is told to `export.progress` as it goes.
 */
import { closeSync, fstatSync, openSync, readSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { ExportFileKind, ExportFileResult, ExportPhase } from '../../shared/export.ts'
import { atomicTempFor, writeFileAtomicAsync } from '../atomicFile.ts'
import { CoreError } from '../errors.ts'
import { nextTurn } from '../nextTurn.ts'
import type { ExportProgress } from './progress.ts'

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
  /** Where a file too large to hold in memory is written first for a download: private. */
  scratchDir: string
  progress: ExportProgress
}

export interface ExportedFile {
  fileName: string
  kind: ExportFileKind
}

/** A file's contents: text is written as UTF-8. */
export type FileContents = string | Uint8Array

/** Tells the running export's phase; the file is being made until the maker says otherwise. */
export type PhaseReporter = (phase: ExportPhase) => void

/**
 * Saves or hands back a file made in memory. `make` runs after the dialog, so a closed dialog
 * costs nothing; whatever must be refused before the dialog opens (an unknown person, a bad
 * time zone) is checked by the caller first.
 */
export async function deliverFile(
  deps: DeliverDeps,
  file: ExportedFile,
  make: (phase: PhaseReporter) => Promise<FileContents> | FileContents
): Promise<ExportFileResult> {
  const task = deps.progress.start()
  try {
    const target = await chooseTarget(deps, file)
    if (target === null) return { outcome: 'cancelled' }
    const contents = await make(task.phase)
    task.phase('saving')
    if (target !== undefined) {
      await writeChosen(deps, target, () => writeFileAtomicAsync(target, contents))
      return { outcome: 'saved', fileName: file.fileName }
    }
    const bytes = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents
    return { outcome: 'download', fileName: file.fileName, base64: await base64InTurns(bytes) }
  } finally {
    task.end()
  }
}

/**
 * Saves or hands back a file that writes itself at a path: the backup file, as large as the
 * vault, which is never held in memory whole. `write` writes the whole file atomically.
 */
export async function deliverWrittenFile(
  deps: DeliverDeps,
  file: ExportedFile,
  write: (target: string, phase: PhaseReporter) => Promise<void>
): Promise<ExportFileResult> {
  const task = deps.progress.start()
  try {
    const target = await chooseTarget(deps, file)
    if (target === null) return { outcome: 'cancelled' }
    if (target !== undefined) {
      await writeChosen(deps, target, () => write(target, task.phase))
      return { outcome: 'saved', fileName: file.fileName }
    }
    // Named like writeFileAtomic's temp files, so one a kill leaves is removed at the next start.
    const scratch = atomicTempFor(join(deps.scratchDir, 'download'))
    try {
      await write(scratch, task.phase)
      task.phase('saving')
      return {
        outcome: 'download',
        fileName: file.fileName,
        base64: await base64InTurns(readInParts(scratch))
      }
    } finally {
      rmSync(scratch, { force: true })
    }
  } finally {
    task.end()
  }
}

/** The chosen path; null when the dialog was closed; undefined when the bytes go back instead. */
async function chooseTarget(deps: DeliverDeps, file: ExportedFile) {
  if (!deps.chooseExportPath) return undefined
  return deps.chooseExportPath(file.fileName, file.kind)
}

async function writeChosen(deps: DeliverDeps, target: string, write: () => Promise<void>) {
  const written = deps.noteWriting(target)
  try {
    await write()
  } catch (error) {
    if (error instanceof CoreError) throw error
    // The folder may be read-only, full or gone; the message names no path or data.
    const code = (error as NodeJS.ErrnoException)?.code ?? 'unknown'
    console.error(`export: the file could not be written (${code})`)
    throw new CoreError('INTERNAL', 'Lantern could not save the file there. Try another folder.')
  } finally {
    written()
  }
}

/**
 * Encoded 768 KB per turn: a whole file at once held the core's thread up to ~100 ms (a vault's
 * backup), and calls that arrive meanwhile are answered between the parts. A multiple of three
 * bytes, so each part's base64 ends without padding and the parts join.
 */
const ENCODE_CHUNK_BYTES = 768 * 1024

async function base64InTurns(source: Uint8Array | Iterable<Uint8Array>): Promise<string> {
  const parts = source instanceof Uint8Array ? slices(source) : source
  // Appended rather than joined at the end: V8 keeps the pieces as a rope, so nothing copies
  // the whole string while the thread is held.
  let base64 = ''
  for (const part of parts) {
    base64 += Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('base64')
    await nextTurn()
  }
  return base64
}

function* slices(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += ENCODE_CHUNK_BYTES) {
    yield bytes.subarray(at, at + ENCODE_CHUNK_BYTES)
  }
}

function* readInParts(file: string): Generator<Uint8Array> {
  const fd = openSync(file, 'r')
  try {
    const size = fstatSync(fd).size
    const chunk = Buffer.alloc(ENCODE_CHUNK_BYTES)
    for (let at = 0; at < size;) {
      const n = readSync(fd, chunk, 0, Math.min(ENCODE_CHUNK_BYTES, size - at), at)
      if (n === 0) break
      yield chunk.subarray(0, n)
      at += n
    }
  } finally {
    closeSync(fd)
  }
}
