/**
 * The vault: one encrypted SQLite file plus its key envelope, in one data folder.
 *
 *   <dataDir>/vault.db          the record, encrypted with a random data key (SQLCipher 4 format)
 *   <dataDir>/vault.key.json    the data key, wrapped by the passphrase and by the recovery code
 *   <dataDir>/backups/          verified encrypted copies, each with the envelope of its time
 *
 * Errors are reported so the user can act on them: a wrong passphrase is proven by the
 * envelope (AES-GCM) before the database is touched, so "wrong passphrase" and "damaged file"
 * can never be confused, and a damaged file is never written to.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import type { VaultState } from '../../shared/contract.ts'
import { fsyncDirectory, fsyncFile, writeFileAtomic } from '../atomicFile.ts'
import { CoreError } from '../errors.ts'
import { type BackupInfo, createBackup, listBackups } from './backups.ts'
import { type Db, DatabaseDamagedError, openVaultDatabase, verifyDatabaseCopy } from './database.ts'
import {
  EnvelopeDamagedError,
  type KeyEnvelope,
  newEnvelope,
  readEnvelope,
  writeEnvelope
} from './envelope.ts'
import {
  DEFAULT_KDF_COST,
  type KdfCost,
  newDataKey,
  newRecoveryCode,
  normalizeRecoveryCode,
  unwrapKey,
  wrapKey
} from './keyCrypto.ts'
import {
  DatabaseFromNewerVersionError,
  MIGRATIONS,
  type Migration,
  pendingMigrations,
  runMigrations,
  schemaVersion
} from './migrations/index.ts'

const PASSPHRASE_WRAP = 'passphrase'
const RECOVERY_WRAP = 'recovery-code'
const ROLLING_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000

export interface VaultOptions {
  dataDir: string
  /** Lower only in tests: the production cost is stored in each envelope it writes. */
  kdfCost?: KdfCost
  /** Injected by migration tests; the app always uses the shipped list. */
  migrations?: readonly Migration[]
  /** Housekeeping the record needs each time the database opens or is about to close. */
  afterOpen?: (db: Db) => void
  beforeClose?: (db: Db) => void
}

export class Vault {
  readonly dataDir: string
  readonly dbFile: string
  readonly envelopeFile: string
  readonly backupsDir: string
  readonly #kdfCost: KdfCost
  readonly #migrations: readonly Migration[]
  readonly #afterOpen: (db: Db) => void
  readonly #beforeClose: (db: Db) => void
  #db: Db | null = null
  #key: Buffer | null = null
  /** Key derivation is async; this queue keeps two unlocks or a lock and an unlock from interleaving. */
  #queue: Promise<unknown> = Promise.resolve()

  constructor(options: VaultOptions) {
    this.dataDir = options.dataDir
    this.dbFile = join(options.dataDir, 'vault.db')
    this.envelopeFile = join(options.dataDir, 'vault.key.json')
    this.backupsDir = join(options.dataDir, 'backups')
    this.#kdfCost = options.kdfCost ?? DEFAULT_KDF_COST
    this.#migrations = options.migrations ?? MIGRATIONS
    this.#afterOpen = options.afterOpen ?? (() => undefined)
    this.#beforeClose = options.beforeClose ?? (() => undefined)
  }

  get state(): VaultState {
    if (this.#db) return 'unlocked'
    return existsSync(this.envelopeFile) ? 'locked' : 'none'
  }

  /** The open database, for the query modules. Throws VAULT_LOCKED when locked. */
  get db(): Db {
    if (!this.#db) throw new CoreError('VAULT_LOCKED', 'The vault is locked.')
    return this.#db
  }

  #serial<T>(task: () => Promise<T> | T): Promise<T> {
    const run = this.#queue.then(task, task)
    this.#queue = run.catch(() => undefined)
    return run
  }

  /** Creates a new vault and leaves it unlocked. Returns the recovery code, shown to the user once. */
  create(passphrase: string): Promise<{ recoveryCode: string }> {
    return this.#serial(async () => {
      if (this.state !== 'none') throw new CoreError('VAULT_EXISTS', 'A vault already exists here.')
      mkdirSync(this.dataDir, { recursive: true, mode: 0o700 })
      this.#setAsideOrphanDatabase()
      const dataKey = newDataKey()
      const recoveryCode = newRecoveryCode()
      const envelope = newEnvelope(
        await wrapKey(dataKey, passphrase, PASSPHRASE_WRAP, this.#kdfCost),
        await wrapKey(dataKey, normalizeRecoveryCode(recoveryCode), RECOVERY_WRAP, this.#kdfCost)
      )
      const db = openVaultDatabase(this.dbFile, dataKey, { create: true })
      try {
        runMigrations(db, pendingMigrations(db, this.#migrations))
      } catch (error) {
        db.close()
        throw error
      }
      // The envelope is written last: until it exists no one could open this database, and
      // an interrupted create is set aside by the next one.
      writeEnvelope(this.envelopeFile, envelope)
      this.#db = db
      this.#key = dataKey
      return { recoveryCode }
    })
  }

  unlock(passphrase: string): Promise<void> {
    return this.#serial(async () => {
      if (this.#db) return
      const envelope = this.#readEnvelopeOrThrow()
      const key = await unwrapKey(envelope.wraps.passphrase, passphrase, PASSPHRASE_WRAP)
      if (!key) throw new CoreError('WRONG_PASSPHRASE', 'That passphrase is not right.')
      this.#open(key)
    })
  }

  /** Unlocks with the recovery code and replaces the forgotten passphrase. The code stays valid. */
  recover(recoveryCode: string, newPassphrase: string): Promise<void> {
    return this.#serial(async () => {
      const envelope = this.#readEnvelopeOrThrow()
      const key = await unwrapKey(
        envelope.wraps.recoveryCode,
        normalizeRecoveryCode(recoveryCode),
        RECOVERY_WRAP
      )
      if (!key) throw new CoreError('WRONG_RECOVERY_CODE', 'That recovery code is not right.')
      if (this.#db) {
        try {
          await this.#rewrapPassphrase(envelope, key, newPassphrase)
        } finally {
          key.fill(0)
        }
        return
      }
      this.#open(key)
      await this.#rewrapPassphrase(envelope, key, newPassphrase)
    })
  }

  /** Rewraps the data key under a new passphrase. The database file is not touched. */
  changePassphrase(currentPassphrase: string, newPassphrase: string): Promise<void> {
    return this.#serial(async () => {
      if (!this.#db) throw new CoreError('VAULT_LOCKED', 'The vault is locked.')
      const envelope = this.#readEnvelopeOrThrow()
      const key = await unwrapKey(envelope.wraps.passphrase, currentPassphrase, PASSPHRASE_WRAP)
      if (!key) throw new CoreError('WRONG_PASSPHRASE', 'The current passphrase is not right.')
      try {
        await this.#rewrapPassphrase(envelope, key, newPassphrase)
      } finally {
        key.fill(0)
      }
    })
  }

  /** Closes the database and wipes the data key from memory. */
  lock(): Promise<void> {
    return this.#serial(() => this.#close())
  }

  /** A verified encrypted copy in the backups folder. */
  backupNow(): Promise<string> {
    return this.#serial(() => {
      if (!this.#db || !this.#key) throw new CoreError('VAULT_LOCKED', 'The vault is locked.')
      return createBackup(this.#db, this.#key, this.envelopeFile, this.backupsDir, 'manual').file
    })
  }

  /** Verified backups, newest first. Works while locked: a damaged vault needs it most. */
  listBackups(): BackupInfo[] {
    return listBackups(this.backupsDir)
  }

  /**
   * Puts a backup in place of the current vault and unlocks it. The current files are moved
   * into a `replaced-<time>` folder, never deleted. `secret` is the passphrase of the backup's
   * time or the recovery code (which never changes).
   */
  restoreBackup(backupId: string, secret: string): Promise<void> {
    return this.#serial(async () => {
      const backup = listBackups(this.backupsDir).find((b) => b.id === backupId)
      if (!backup) throw new CoreError('NOT_FOUND', 'That backup does not exist.')
      let envelope: KeyEnvelope | null
      try {
        envelope = readEnvelope(backup.envelopeFile)
      } catch {
        envelope = null
      }
      if (!envelope) throw new CoreError('VAULT_DAMAGED', 'The key file of that backup is damaged.')
      const key =
        (await unwrapKey(envelope.wraps.passphrase, secret, PASSPHRASE_WRAP)) ??
        (await unwrapKey(envelope.wraps.recoveryCode, normalizeRecoveryCode(secret), RECOVERY_WRAP))
      if (!key) {
        throw new CoreError(
          'WRONG_PASSPHRASE',
          'Neither the passphrase of that time nor the recovery code matches.'
        )
      }
      try {
        verifyDatabaseCopy(backup.file, key)
      } catch {
        key.fill(0)
        throw new CoreError('VAULT_DAMAGED', 'That backup is damaged too.')
      }
      this.#close()
      this.#putInPlace(backup)
      this.#open(key)
    })
  }

  /** Stage the copies first, so the moment with no vault in place is two renames long. */
  #putInPlace(backup: BackupInfo): void {
    const stagedDb = join(this.dataDir, '.vault.db.restoring')
    const stagedEnvelope = join(this.dataDir, '.vault.key.json.restoring')
    copyFileSync(backup.file, stagedDb)
    fsyncFile(stagedDb)
    writeFileAtomic(stagedEnvelope, readFileSync(backup.envelopeFile))
    const aside = join(this.dataDir, `replaced-${new Date().toISOString().replace(/[-:.]/g, '')}`)
    mkdirSync(aside, { mode: 0o700 })
    for (const name of ['vault.db', 'vault.db-wal', 'vault.db-shm', 'vault.key.json']) {
      const file = join(this.dataDir, name)
      if (existsSync(file)) renameSync(file, join(aside, name))
    }
    renameSync(stagedDb, this.dbFile)
    renameSync(stagedEnvelope, this.envelopeFile)
    fsyncDirectory(this.dataDir)
  }

  async #rewrapPassphrase(envelope: KeyEnvelope, key: Buffer, newPassphrase: string) {
    const rewrapped: KeyEnvelope = {
      ...envelope,
      updatedAt: new Date().toISOString(),
      wraps: {
        ...envelope.wraps,
        passphrase: await wrapKey(key, newPassphrase, PASSPHRASE_WRAP, this.#kdfCost)
      }
    }
    writeEnvelope(this.envelopeFile, rewrapped)
  }

  #readEnvelopeOrThrow(): KeyEnvelope {
    try {
      const envelope = readEnvelope(this.envelopeFile)
      if (!envelope) throw new CoreError('NO_VAULT', 'There is no vault yet.')
      return envelope
    } catch (error) {
      if (error instanceof EnvelopeDamagedError) {
        throw new CoreError('VAULT_DAMAGED', 'The vault key file is damaged.')
      }
      throw error
    }
  }

  #open(key: Buffer): void {
    if (!existsSync(this.dbFile)) {
      key.fill(0)
      throw new CoreError('VAULT_DAMAGED', 'The vault database file is missing.')
    }
    let db: Db
    try {
      db = openVaultDatabase(this.dbFile, key, { create: false })
    } catch (error) {
      key.fill(0)
      if (error instanceof DatabaseDamagedError) throw new CoreError('VAULT_DAMAGED', error.message)
      throw error
    }
    try {
      const steps = pendingMigrations(db, this.#migrations)
      if (steps.length > 0 && schemaVersion(db) > 0) {
        createBackup(db, key, this.envelopeFile, this.backupsDir, 'pre-migration')
      }
      runMigrations(db, steps)
      this.#rollingBackupIfDue(db, key)
      this.#afterOpen(db)
    } catch (error) {
      db.close()
      key.fill(0)
      if (error instanceof DatabaseFromNewerVersionError) {
        throw new CoreError('VAULT_FROM_NEWER_VERSION', error.message)
      }
      throw error
    }
    this.#db = db
    this.#key = key
  }

  #rollingBackupIfDue(db: Db, key: Buffer): void {
    const latest = listBackups(this.backupsDir)[0]
    if (latest && Date.now() - latest.createdAt.getTime() < ROLLING_BACKUP_INTERVAL_MS) return
    createBackup(db, key, this.envelopeFile, this.backupsDir, 'rolling')
  }

  #close(): void {
    if (this.#db) {
      try {
        this.#beforeClose(this.#db)
      } catch (error) {
        // Housekeeping must never keep the vault open: lock regardless.
        console.error(`Vault: before-close housekeeping failed: ${(error as Error).name}`)
      }
      this.#db.close()
      this.#db = null
    }
    if (this.#key) {
      this.#key.fill(0)
      this.#key = null
    }
  }

  /** A database with no envelope beside it came from an interrupted create; keep it, out of the way. */
  #setAsideOrphanDatabase(): void {
    if (!existsSync(this.dbFile)) return
    const aside = `${this.dbFile}.orphan-${Date.now()}`
    renameSync(this.dbFile, aside)
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(this.dbFile + suffix)) renameSync(this.dbFile + suffix, aside + suffix)
    }
  }
}
