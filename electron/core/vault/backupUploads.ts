/**
 * A backup file on its way in from the page, part by part (`vault.uploadBackupPart`): a vault
 * can be far larger than one request. The parts go into one private file in the data folder,
 * named like writeFileAtomic's temp files so that one a kill leaves is removed at the next
 * start; `vault.importBackup` reads it and removes it.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync
} from 'node:fs'
import { join } from 'node:path'
import { BACKUP_FILE_MAX_BYTES } from '../../shared/export.ts'
import { CoreError } from '../errors.ts'

const UPLOAD_PREFIX = '.backup-upload.'

export function backupUploadFile(dataDir: string, uploadId: string): string {
  return join(dataDir, `${UPLOAD_PREFIX}${uploadId}.tmp`)
}

/** Adds the part at `offset` (the bytes received so far); answers the bytes received now. */
export function appendBackupPart(
  dataDir: string,
  uploadId: string,
  offset: number,
  bytes: Uint8Array
): number {
  const file = backupUploadFile(dataDir, uploadId)
  if (offset === 0) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    // One upload at a time: an earlier one given up on is not kept.
    for (const name of readdirSync(dataDir)) {
      if (name.startsWith(UPLOAD_PREFIX)) rmSync(join(dataDir, name), { force: true })
    }
  } else if (!existsSync(file)) {
    throw new CoreError(
      'NOT_FOUND',
      'That upload was not started, or it has ended. Choose the file again.'
    )
  }
  const received = offset === 0 ? 0 : statSync(file).size
  if (received !== offset) {
    throw new CoreError(
      'INVALID_INPUT',
      'The parts of the file arrived out of order. Choose the file again.',
      [{ path: 'offset', message: 'The parts of the file arrived out of order.' }]
    )
  }
  if (offset + bytes.length > BACKUP_FILE_MAX_BYTES) {
    rmSync(file, { force: true })
    throw new CoreError(
      'INVALID_INPUT',
      'That file is larger than any backup file Lantern makes.',
      [{ path: 'base64', message: 'That file is larger than any backup file Lantern makes.' }]
    )
  }
  const fd = openSync(file, offset === 0 ? 'wx' : 'a', 0o600)
  try {
    let written = 0
    while (written < bytes.length) written += writeSync(fd, bytes, written)
  } finally {
    closeSync(fd)
  }
  return offset + bytes.length
}
