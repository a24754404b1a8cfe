import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync
} from 'node:fs'
import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** fsync a directory so a rename inside it survives power loss (POSIX only; Windows cannot open directories). */
export function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** The temp files writeFileAtomic makes; one left by a kill is removed at the next start. */
export const ATOMIC_TEMP_PATTERN = /^\..+\.[0-9a-f]{12}\.tmp$/

/**
 * Deletes what writeFileAtomic leaves in `dir` when the app is killed mid-write (the target
 * itself is then untouched: absent, or its previous complete version). Only names of that
 * pattern go; returns them. The vault calls this at start for every folder the core writes
 * into (Vault's start-up housekeeping: the data folder and the backups folder).
 */
export function removeStrayTempFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  const stray = readdirSync(dir).filter((name) => ATOMIC_TEMP_PATTERN.test(name))
  for (const name of stray) rmSync(join(dir, name), { force: true })
  return stray
}

/** A temp file name beside `target` that the next start's housekeeping knows to remove. */
export function atomicTempFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
}

/**
 * Replaces `target` so that after a crash at any moment it holds either the old bytes or the
 * new ones, never a mix: write a private (0600) temp file in the same folder, fsync it, rename
 * it over the target, fsync the folder. On an error the temp file goes and the target stays.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const dir = dirname(target)
  const tmp = atomicTempFor(target)
  const fd = openSync(tmp, 'wx', 0o600)
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
    let written = 0
    while (written < bytes.length) written += writeSync(fd, bytes, written)
    fsyncSync(fd)
  } catch (error) {
    closeSync(fd)
    rmSync(tmp, { force: true })
    throw error
  }
  closeSync(fd)
  try {
    renameSync(tmp, target)
  } catch (error) {
    rmSync(tmp, { force: true })
    throw error
  }
  fsyncDirectory(dir)
}

/**
 * writeFileAtomic with the writing and flushing on libuv's threads: an exported file of several
 * megabytes written and fsynced in place held the core's thread 20 to 40 ms.
 */
export async function writeFileAtomicAsync(
  target: string,
  data: string | Uint8Array
): Promise<void> {
  const tmp = atomicTempFor(target)
  const file = await open(tmp, 'wx', 0o600)
  try {
    await file.writeFile(data)
    await file.sync()
  } catch (error) {
    await file.close()
    await rm(tmp, { force: true })
    throw error
  }
  await file.close()
  try {
    await rename(tmp, target)
  } catch (error) {
    await rm(tmp, { force: true })
    throw error
  }
  fsyncDirectory(dirname(target))
}

/**
 * Overwrites a file with random bytes, flushes it, then deletes it: for files under a retired
 * key. Best effort only: an SSD, a copy-on-write or journalling file system, or a snapshot may
 * keep the old blocks, which is why what is removed this way is already encrypted.
 */
export function removeSecurely(file: string): void {
  if (!existsSync(file)) return
  const fd = openSync(file, 'r+')
  try {
    const size = fstatSync(fd).size
    const chunk = Buffer.alloc(64 * 1024)
    for (let offset = 0; offset < size; offset += chunk.length) {
      const length = Math.min(chunk.length, size - offset)
      randomBytes(length).copy(chunk)
      writeSync(fd, chunk, 0, length, offset)
    }
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  rmSync(file, { force: true })
}
