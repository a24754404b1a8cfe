/**
 * The vault's heavy work, done where it does not hold the core's thread: on the vault's own
 * worker (vaultWorker.ts), started for it and ended a quarter of a second after its last job,
 * which takes Argon2id's working memory (64 MiB) and the worker's copy of the key with it. The
 * jobs of one operation (the two wraps of a new vault, an unlock and its daily backup) share it.
 *
 * Work far smaller than starting a thread (tests' key cost, a database of a few megabytes) runs
 * where it is asked, by the same functions.
 *
 * What crosses: a secret and a salt in, the key-encryption key out (moved, not copied, and
 * wiped after use); the data key's bytes in, moved and wiped by the worker once used, with the
 * file names. The core's own copy of the data key and its database connection never leave it.
 */
import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { removeSecurely } from '../atomicFile.ts'
import { createJobRunner, type JobRunner } from '../jobs/runner.ts'
import { deriveKey } from './argon2.ts'
import {
  BACKUP_FILE_PROBLEMS,
  type BackupFileHeader,
  BackupFileError,
  readBackupFile,
  writeBackupFile
} from './backupFile.ts'
import {
  type DatabaseContents,
  DatabaseDamagedError,
  type Db,
  checkExistingDatabase,
  rekeyDatabaseCopy,
  verifyDatabaseCopy
} from './database.ts'
import type { DeriveKek } from './keyCrypto.ts'
import type { VaultJobs } from './vaultJobs.ts'
import { DatabaseChangedDuringCopyError, writeVerifiedCopy } from './verifiedCopy.ts'

export interface VaultThread {
  deriveKek: DeriveKek
  /**
   * Writes into `into` (an empty private file) a verified copy of the live database `dbFile`,
   * open on the core's thread as `db`; its contents as compared.
   */
  copyDatabase(db: Db, dbFile: string, key: Buffer, into: string): Promise<DatabaseContents>
  /** The checks of an existing vault file before it is opened to write (database.ts). */
  checkDatabase(file: string, key: Buffer): Promise<void>
  /** A closed copy (a re-encryption's) rekeyed from `oldKey` to `newKey`. */
  rekeyCopy(file: string, oldKey: Buffer, newKey: Buffer): Promise<void>
  /** Files under a retired key overwritten, then removed (atomicFile.ts: removeSecurely). */
  removeSecurely(files: readonly string[]): Promise<void>
  /** A database file checked whole under `key` (integrity_check); its contents. */
  verifyDatabase(file: string, key: Buffer): Promise<DatabaseContents>
  /** backupFile.ts's writeBackupFile, on the worker for a large database. */
  writeBackupFile(input: Parameters<typeof writeBackupFile>[0]): Promise<void>
  /** backupFile.ts's readBackupFile, on the worker for a large file. */
  readBackupFile(input: Parameters<typeof readBackupFile>[0]): Promise<BackupFileHeader>
}

export interface VaultThreadOptions {
  /** The bundled vaultWorker.js in Electron; the source file everywhere else. */
  workerFile?: string
  /** Database files smaller than this are copied and checked on the core's thread. */
  minWorkerBytes?: number
}

/** How long the worker waits for another job before it ends. */
const LINGER_MS = 250

/**
 * Below this much work (memory in KiB times passes) Argon2id takes a few milliseconds, less
 * than starting a thread. The production cost is 48 times more; only tests use less.
 */
export const KDF_WORKER_MIN_WORK = 4096

/**
 * Below this size a database is copied, checked and compared in a few milliseconds. A new
 * vault is about 100 KB; the bench's three-year record with 100 documents is about 40 MB.
 */
export const COPY_WORKER_MIN_BYTES = 2 * 1024 * 1024

/**
 * A copy during which the core committed is taken again; after this many, it is taken on the
 * core's thread, where nothing can commit in between.
 */
const COPY_ATTEMPTS = 3

/** A copy of the key's bytes with memory of its own, so that it moves to the worker. */
const keyBytes = (key: Buffer) => new Uint8Array(key)

/** An error from the worker as the callers know it (the runner rebuilds plain Errors). */
function asVaultError(error: unknown): unknown {
  if (!(error instanceof Error)) return error
  if (error.name === 'BackupFileError') {
    const said = /^backup file: (.+)$/.exec(error.message)?.[1]
    return new BackupFileError(BACKUP_FILE_PROBLEMS.find((p) => p === said) ?? 'damaged')
  }
  if (error.name !== 'DatabaseDamagedError') return error
  const damaged = new DatabaseDamagedError('')
  damaged.message = error.message
  return damaged
}

export function vaultThread(options: VaultThreadOptions = {}): VaultThread {
  const workerFile = options.workerFile ?? resolve('electron/core/vault/vaultWorker.ts')
  const minWorkerBytes = options.minWorkerBytes ?? COPY_WORKER_MIN_BYTES
  let runner: JobRunner<VaultJobs> | null = null
  let running = 0
  let ending: NodeJS.Timeout | null = null

  const endIfIdle = () => {
    ending = null
    if (running > 0 || !runner) return
    void runner.close()
    runner = null
  }

  const onWorker = async <T>(job: (jobs: JobRunner<VaultJobs>) => Promise<T>): Promise<T> => {
    if (ending) clearTimeout(ending)
    const jobs = (runner ??= createJobRunner<VaultJobs>({ workerFile, size: 1 }))
    running++
    try {
      return await job(jobs)
    } catch (error) {
      throw asVaultError(error)
    } finally {
      running--
      if (ending) clearTimeout(ending)
      // Not a reason to keep a quitting process alive.
      ending = setTimeout(endIfIdle, LINGER_MS).unref()
    }
  }

  // The log counts too: edits not yet folded into the file are read with it.
  const bytes = (file: string) =>
    statSync(file).size + (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0)
  const small = (file: string) => bytes(file) < minWorkerBytes

  return {
    async deriveKek(secret, kdf) {
      const input = {
        secret: secret.normalize('NFC'),
        salt: kdf.salt,
        memoryKiB: kdf.memoryKiB,
        iterations: kdf.iterations,
        parallelism: kdf.parallelism
      }
      const kek =
        kdf.memoryKiB * kdf.iterations < KDF_WORKER_MIN_WORK
          ? await deriveKey(input)
          : await onWorker((jobs) => jobs.runJob('vault.deriveKey', input))
      return Buffer.from(kek.buffer, kek.byteOffset, kek.byteLength)
    },

    async copyDatabase(db, dbFile, key, into) {
      if (!small(dbFile)) {
        for (let attempt = 1; attempt <= COPY_ATTEMPTS; attempt++) {
          try {
            return await onWorker((jobs) =>
              jobs.runJob('vault.copyDatabase', { dbFile, key: keyBytes(key), into })
            )
          } catch (error) {
            if (!(error instanceof Error) || error.name !== DatabaseChangedDuringCopyError.name) {
              throw error
            }
          }
        }
      }
      return writeVerifiedCopy(db, key, into)
    },

    async checkDatabase(file, key) {
      if (small(file)) return checkExistingDatabase(file, key)
      await onWorker((jobs) => jobs.runJob('vault.checkDatabase', { file, key: keyBytes(key) }))
    },

    async rekeyCopy(file, oldKey, newKey) {
      if (small(file)) return rekeyDatabaseCopy(file, oldKey, newKey)
      await onWorker((jobs) =>
        jobs.runJob('vault.rekeyCopy', { file, oldKey: keyBytes(oldKey), newKey: keyBytes(newKey) })
      )
    },

    async removeSecurely(files) {
      const total = files.reduce(
        (sum, file) => sum + (statSync(file, { throwIfNoEntry: false })?.size ?? 0),
        0
      )
      if (total < minWorkerBytes) return files.forEach((file) => removeSecurely(file))
      await onWorker((jobs) => jobs.runJob('vault.removeSecurely', { files: [...files] }))
    },

    async verifyDatabase(file, key) {
      if (small(file)) {
        const { userVersion, rows } = verifyDatabaseCopy(file, key)
        return { userVersion, rows }
      }
      return onWorker((jobs) => jobs.runJob('vault.verifyDatabase', { file, key: keyBytes(key) }))
    },

    async writeBackupFile(input) {
      if (small(input.databaseFile)) return void writeBackupFile(input)
      await onWorker((jobs) => jobs.runJob('vault.writeBackupFile', input))
    },

    async readBackupFile(input) {
      if (statSync(input.file).size < minWorkerBytes) return readBackupFile(input)
      return onWorker((jobs) => jobs.runJob('vault.readBackupFile', input))
    }
  }
}
