/**
 * An export written into a folder the person chose leaves a temporary file there if the app is
 * killed mid-write (writeFileAtomic's `.name.<hex>.tmp`). The vault's start-up housekeeping
 * only knows Lantern's own folders, so each export notes its folder in the data folder while it
 * writes, and the next start removes what such an export left, and only that.
 *
 * The note holds the folder and a hash of the file's name, not the name: a suggested name holds
 * the person's name, and nothing readable about them is kept outside the encrypted vault.
 */
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { ATOMIC_TEMP_PATTERN, writeFileAtomic } from '../atomicFile.ts'

export const EXPORTS_IN_PROGRESS_FILE = 'exports-in-progress.json'

interface Note {
  id: string
  folder: string
  nameHash: string
}

const hashOf = (name: string) => createHash('sha256').update(name, 'utf8').digest('hex')

function read(dataDir: string): Note[] {
  const file = join(dataDir, EXPORTS_IN_PROGRESS_FILE)
  if (!existsSync(file)) return []
  try {
    const notes: unknown = JSON.parse(readFileSync(file, 'utf8'))
    return Array.isArray(notes) ? (notes as Note[]) : []
  } catch {
    return []
  }
}

function write(dataDir: string, notes: Note[]): void {
  const file = join(dataDir, EXPORTS_IN_PROGRESS_FILE)
  if (notes.length === 0) rmSync(file, { force: true })
  else writeFileAtomic(file, JSON.stringify(notes))
}

/** Notes that a file is about to be written at `target`; call the answer once it is done. */
export function noteExportWriting(dataDir: string, target: string): () => void {
  const note: Note = {
    id: randomUUID(),
    folder: dirname(target),
    nameHash: hashOf(basename(target))
  }
  write(dataDir, [...read(dataDir), note])
  return () =>
    write(
      dataDir,
      read(dataDir).filter((n) => n.id !== note.id)
    )
}

/** The temp file's target name: `.Lantern summary.pdf.0a1b2c3d4e5f.tmp` → `Lantern summary.pdf`. */
function targetNameOf(tempName: string): string {
  return tempName.slice(1, -'.0a1b2c3d4e5f.tmp'.length)
}

/**
 * At start: removes the temporary files that interrupted exports left beside their targets
 * (never the targets, never another program's files), then forgets the notes. Returns the paths.
 */
export function removeInterruptedExportTemps(dataDir: string): string[] {
  const removed: string[] = []
  for (const note of read(dataDir)) {
    try {
      if (!existsSync(note.folder)) continue
      for (const name of readdirSync(note.folder)) {
        if (ATOMIC_TEMP_PATTERN.test(name) && hashOf(targetNameOf(name)) === note.nameHash) {
          rmSync(join(note.folder, name), { force: true })
          removed.push(join(note.folder, name))
        }
      }
    } catch (error) {
      // An unreadable or unplugged folder must not stop the app from starting.
      console.error(`exports: an interrupted export could not be tidied (${(error as Error).name})`)
    }
  }
  write(dataDir, [])
  return removed
}
