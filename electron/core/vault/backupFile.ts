/**
 * The backup file: the whole vault as one file a family can keep on a USB stick or take to a new
 * computer. It holds the encrypted database and its key envelope, so the passphrase or the
 * recovery code opens it anywhere, and nothing else opens it.
 *
 *   magic      16 bytes  "LANTERN-BACKUP" and two NULs: what the file is, for people and tools
 *   version     4 bytes  big-endian: the container's format version (this module writes 1)
 *   headerLen   4 bytes  big-endian: the header's length in bytes
 *   header              UTF-8 JSON: { createdAt, databaseBytes, envelope }
 *   database            the VACUUM INTO copy, as SQLCipher encrypted it (never plaintext)
 *   checksum   32 bytes  SHA-256 of every byte before it
 *
 * Written by hand: no maintained container format keeps a SQLCipher file and its envelope
 * together with a checksum over both, and a zip library would add a dependency for three fields.
 * The checksum tells a damaged file (a flipped bit on a stick, a cut-short copy) from a wrong
 * passphrase before any key is tried, so the person is told which one it is. It proves nothing
 * about who wrote the file: the envelope's AES-GCM and the database's own page checks do that.
 *
 * The header holds no personal data: a date, a size and the wrapped key (salts, ciphertext).
 * The file is read and written in chunks, so a large vault never sits in memory whole.
 */
import { createHash } from 'node:crypto'
import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs'

export const BACKUP_FILE_EXTENSION = 'lantern-backup'
export const BACKUP_FILE_VERSION = 1

const MAGIC = Buffer.from('LANTERN-BACKUP\0\0', 'latin1')
const CHECKSUM_BYTES = 32
const PREAMBLE_BYTES = MAGIC.length + 4 + 4
/** A header is a few hundred bytes; more is not a header Lantern wrote. */
const MAX_HEADER_BYTES = 64 * 1024
const CHUNK_BYTES = 1024 * 1024
/** Bytes of the magic that may differ and still say "a Lantern backup, damaged". */
const MAGIC_TOLERANCE = 2

export interface BackupFileHeader {
  /** ISO instant the backup file was made. */
  createdAt: string
  databaseBytes: number
  /** The key envelope as vault.key.json holds it, parsed by the vault (envelope.ts). */
  envelope: unknown
}

/**
 * - not-a-backup: not made by Lantern, another kind of file chosen by mistake;
 * - damaged: made by Lantern but changed since (the checksum or the layout does not hold);
 * - newer-format: made by a later Lantern, in a format this version cannot read.
 */
export const BACKUP_FILE_PROBLEMS = ['not-a-backup', 'damaged', 'newer-format'] as const
export type BackupFileProblem = (typeof BACKUP_FILE_PROBLEMS)[number]

export class BackupFileError extends Error {
  readonly problem: BackupFileProblem
  constructor(problem: BackupFileProblem) {
    super(`backup file: ${problem}`)
    this.name = 'BackupFileError'
    this.problem = problem
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0
  while (written < bytes.length) written += writeSync(fd, bytes, written)
}

/**
 * Writes the backup file at `out` (a new private file: 0600, refused if it exists) from a
 * verified database copy and the envelope, then flushes it. The caller renames it into place.
 */
export function writeBackupFile(input: {
  databaseFile: string
  envelope: unknown
  createdAt: string
  out: string
}): null {
  const source = openSync(input.databaseFile, 'r')
  const out = openSync(input.out, 'wx', 0o600)
  try {
    const databaseBytes = fstatSync(source).size
    const header: BackupFileHeader = {
      createdAt: input.createdAt,
      databaseBytes,
      envelope: input.envelope
    }
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8')
    const preamble = Buffer.alloc(PREAMBLE_BYTES)
    MAGIC.copy(preamble, 0)
    preamble.writeUInt32BE(BACKUP_FILE_VERSION, MAGIC.length)
    preamble.writeUInt32BE(headerBytes.length, MAGIC.length + 4)
    const hash = createHash('sha256')
    for (const part of [preamble, headerBytes]) {
      hash.update(part)
      writeAll(out, part)
    }
    const chunk = Buffer.alloc(CHUNK_BYTES)
    let copied = 0
    while (copied < databaseBytes) {
      const n = readSync(source, chunk, 0, CHUNK_BYTES, copied)
      if (n === 0) throw new Error('the database copy ended early')
      const part = chunk.subarray(0, n)
      hash.update(part)
      writeAll(out, part)
      copied += n
    }
    writeAll(out, hash.digest())
    fsyncSync(out)
    return null
  } finally {
    closeSync(source)
    closeSync(out)
  }
}

/**
 * Checks the backup file at `file` whole (checksum first, so a damaged file is called damaged
 * whatever passphrase comes with it), then writes its database into `databaseOut` (a new
 * private file) and answers the header. Throws BackupFileError saying what is wrong.
 */
export function readBackupFile(input: { file: string; databaseOut: string }): BackupFileHeader {
  const fd = openSync(input.file, 'r')
  try {
    const size = fstatSync(fd).size
    const preamble = Buffer.alloc(PREAMBLE_BYTES)
    const got = readSync(fd, preamble, 0, Math.min(size, PREAMBLE_BYTES), 0)
    if (got < PREAMBLE_BYTES) throw new BackupFileError(looksLikeOurs(preamble.subarray(0, got)))
    const magicDiffers = differingBytes(preamble.subarray(0, MAGIC.length), MAGIC)
    if (magicDiffers > MAGIC_TOLERANCE) throw new BackupFileError('not-a-backup')
    if (size < PREAMBLE_BYTES + CHECKSUM_BYTES) throw new BackupFileError('damaged')

    const hash = createHash('sha256')
    const chunk = Buffer.alloc(CHUNK_BYTES)
    const checked = size - CHECKSUM_BYTES
    for (let at = 0; at < checked;) {
      const n = readSync(fd, chunk, 0, Math.min(CHUNK_BYTES, checked - at), at)
      hash.update(chunk.subarray(0, n))
      at += n
    }
    const stored = Buffer.alloc(CHECKSUM_BYTES)
    readSync(fd, stored, 0, CHECKSUM_BYTES, checked)
    if (magicDiffers > 0 || !hash.digest().equals(stored)) throw new BackupFileError('damaged')

    // From here the bytes are as Lantern wrote them: what fails now is a format, not damage.
    const version = preamble.readUInt32BE(MAGIC.length)
    if (version > BACKUP_FILE_VERSION) throw new BackupFileError('newer-format')
    if (version < 1) throw new BackupFileError('damaged')
    const headerLength = preamble.readUInt32BE(MAGIC.length + 4)
    if (headerLength > MAX_HEADER_BYTES || PREAMBLE_BYTES + headerLength > checked) {
      throw new BackupFileError('damaged')
    }
    const headerBytes = Buffer.alloc(headerLength)
    readSync(fd, headerBytes, 0, headerLength, PREAMBLE_BYTES)
    const header = parseHeader(headerBytes)
    const databaseStart = PREAMBLE_BYTES + headerLength
    if (databaseStart + header.databaseBytes !== checked) throw new BackupFileError('damaged')

    const out = openSync(input.databaseOut, 'wx', 0o600)
    try {
      for (let at = databaseStart; at < checked;) {
        const n = readSync(fd, chunk, 0, Math.min(CHUNK_BYTES, checked - at), at)
        writeAll(out, chunk.subarray(0, n))
        at += n
      }
      fsyncSync(out)
    } finally {
      closeSync(out)
    }
    return header
  } finally {
    closeSync(fd)
  }
}

function parseHeader(bytes: Buffer): BackupFileHeader {
  let parsed: unknown
  try {
    parsed = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw new BackupFileError('damaged')
  }
  const header = parsed as Partial<BackupFileHeader> | null
  if (
    !header ||
    typeof header.createdAt !== 'string' ||
    !Number.isSafeInteger(header.databaseBytes) ||
    (header.databaseBytes ?? -1) < 0 ||
    typeof header.envelope !== 'object' ||
    header.envelope === null
  ) {
    throw new BackupFileError('damaged')
  }
  return header as BackupFileHeader
}

function differingBytes(a: Uint8Array, b: Uint8Array): number {
  let differing = 0
  for (let i = 0; i < b.length; i++) if (a[i] !== b[i]) differing++
  return differing
}

/** A file too short to hold a header: ours cut short, or something else entirely. */
function looksLikeOurs(start: Buffer): BackupFileProblem {
  const compared = Math.min(start.length, MAGIC.length)
  if (compared === 0) return 'not-a-backup'
  const prefix = start.subarray(0, compared)
  return differingBytes(prefix, MAGIC.subarray(0, compared)) === 0 ? 'damaged' : 'not-a-backup'
}
