/**
 * The jobs of the vault's own worker thread (vaultWorker.ts, driven by vaultThread.ts): the work
 * on secrets and on whole database files that would otherwise hold the core's thread, and in
 * Electron the window, for a third of a second to a second. Their inputs hold secrets (a
 * passphrase, the data key), which is why they have a thread of their own that runs nothing
 * else: none of the code that reads imported files is ever loaded there.
 */
import { removeSecurely } from '../atomicFile.ts'
import type { JobRegistry } from '../jobs/serve.ts'
import { deriveKey } from './argon2.ts'
import { readBackupFile, writeBackupFile } from './backupFile.ts'
import { checkDatabaseFile, copyDatabase, rekeyFile, verifyDatabaseFile } from './verifiedCopy.ts'

export const vaultJobs = {
  /** Argon2id for the key wraps: the key-encryption key, moved back. */
  'vault.deriveKey': deriveKey,
  /** The live file checked (quick_check and more) before an unlock opens it to write. */
  'vault.checkDatabase': checkDatabaseFile,
  /** A backup's verified copy of the live database (verifiedCopy.ts). */
  'vault.copyDatabase': copyDatabase,
  /** A re-encryption's copy rekeyed from the old data key to the new. */
  'vault.rekeyCopy': rekeyFile,
  /**
   * Files under a retired key (the database a re-encryption replaced, old backups) overwritten
   * with random bytes, then removed: as many bytes as the record, generated and written.
   */
  'vault.removeSecurely': ({ files }: { files: string[] }) => {
    files.forEach((file) => removeSecurely(file))
    return null
  },
  /** A copy checked whole: a backup before it is restored, a re-encryption's copy. */
  'vault.verifyDatabase': verifyDatabaseFile,
  /** A backup file written from a verified copy: the whole database read, hashed and written. */
  'vault.writeBackupFile': writeBackupFile,
  /** A backup file checked whole (its checksum) and its database taken out of it. */
  'vault.readBackupFile': readBackupFile
} satisfies JobRegistry

export type VaultJobs = typeof vaultJobs
