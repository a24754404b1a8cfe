/**
 * The vault: one encrypted SQLite file plus its key envelope, in one data folder.
 *
 *   <dataDir>/vault.db          the record, encrypted with a random data key (SQLCipher 4 format)
 *   <dataDir>/vault.key.json    the data key, wrapped by the passphrase and by the recovery code
 *   <dataDir>/backups/          verified encrypted copies, each with a copy of the envelope
 *
 * Errors are reported so the user can act on them: a wrong passphrase is proven by the
 * envelope (AES-GCM) before the database is touched, so "wrong passphrase" and "damaged file"
 * can never be confused, and a damaged file is never written to.
 *
 * Every file here is created 0600 and every folder 0700: SQLite gives the -wal, -shm and
 * journal files the mode of the database file, so that file is created 0600 before SQLite
 * opens it.
 */
import {
  chmodSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync
} from 'node:fs'
import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  type BackupWarning,
  REENCRYPT_STEPS,
  type ReencryptProgress,
  type ReencryptStep,
  type VaultState
} from '../../shared/contract.ts'
import {
  atomicTempFor,
  removeStrayTempFiles,
  fsyncDirectory,
  fsyncFile,
  removeSecurely,
  writeFileAtomic
} from '../atomicFile.ts'
import { CoreError } from '../errors.ts'
import {
  BACKUP_TEMP_PATTERN,
  type BackupInfo,
  type BackupReason,
  createBackup,
  listBackups,
  syncBackupEnvelopes
} from './backups.ts'
import { type VaultThread, vaultThread } from './vaultThread.ts'
import {
  type DatabaseContents,
  type Db,
  DatabaseDamagedError,
  assertHealthy,
  createPrivateFile,
  databaseContents,
  keyOpens,
  openVaultDatabase,
  rekeyDatabaseCopy,
  verifyDatabaseCopy
} from './database.ts'
import {
  EnvelopeDamagedError,
  type KeyEnvelope,
  newEnvelope,
  parseEnvelope,
  readEnvelope,
  writeEnvelope
} from './envelope.ts'
import { BackupFileError } from './backupFile.ts'
import {
  DEFAULT_KDF_COST,
  type DeriveKek,
  type KdfCost,
  newDataKey,
  newRecoveryCode,
  normalizeRecoveryCode,
  unwrapKey,
  type WrappedKey,
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
const DB_FILES = ['vault.db', 'vault.db-wal', 'vault.db-shm'] as const
/** Backups under a key a re-encryption retired, removed once one under the new key exists. */
const RETIRED_BACKUPS_FILE = '.retired-backups.json'
const RETIRED_PATTERN = /^\.vault\..*\.retired$/

/**
 * Attempts at the re-encrypted copy that let other requests run between steps; an edit landing
 * meanwhile makes the copy stale. The attempt after these does not pause, so it always succeeds.
 */
const REENCRYPT_PAUSING_ATTEMPTS = 3
/**
 * How long a re-encryption pauses after announcing a step: enough for the requests that waited
 * behind the last step (the renderer asking how far it has got, a save) to be answered, which
 * can take more than one turn of the event loop; little beside the steps themselves.
 */
const REENCRYPT_STEP_PAUSE_MS = 20

/** What opens a backup file: its passphrase, or its recovery code and a passphrase from now on. */
export type BackupFileSecret =
  | { kind: 'passphrase'; passphrase: string }
  | { kind: 'recoveryCode'; recoveryCode: string; newPassphrase: string }

/** Two ways a new database and key file replace the current ones; see #switchIn. */
type Switch = 'restoring' | 'reencrypting'

export interface VaultOptions {
  dataDir: string
  /** Lower only in tests: the production cost is stored in each envelope it writes. */
  kdfCost?: KdfCost
  /** Injected by migration tests; the app always uses the shipped list. */
  migrations?: readonly Migration[]
  /** Housekeeping the record needs each time the database opens or is about to close. */
  afterOpen?: (db: Db) => void
  beforeClose?: (db: Db) => void
  /** Injected by tests that need backups of other days; the app uses the system clock. */
  now?: () => Date
  /**
   * The vault's worker script (vaultWorker.ts): Electron passes its bundled copy
   * (out/main/vaultWorker.js); from source it is the TypeScript file itself.
   */
  vaultWorker?: string
  /** Database files from this size up are copied and checked on the vault's worker. */
  copyOnWorkerFrom?: number
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
  readonly #now: () => Date
  /** Key derivation and whole-file copies off the core's thread (vaultThread.ts). */
  readonly #thread: VaultThread
  readonly #deriveKek: DeriveKek
  #db: Db | null = null
  #key: Buffer | null = null
  /** Key derivation is async; this queue keeps two unlocks or a lock and an unlock from interleaving. */
  #queue: Promise<unknown> = Promise.resolve()
  /** Set only while a re-encryption runs; read outside the queue, which the re-encryption holds. */
  #progress: ReencryptProgress | null = null
  /** Why the open vault opened without its backup; forgotten when it locks. */
  #backupWarning: BackupWarning | null = null

  constructor(options: VaultOptions) {
    this.dataDir = options.dataDir
    this.dbFile = join(options.dataDir, 'vault.db')
    this.envelopeFile = join(options.dataDir, 'vault.key.json')
    this.backupsDir = join(options.dataDir, 'backups')
    this.#kdfCost = options.kdfCost ?? DEFAULT_KDF_COST
    this.#migrations = options.migrations ?? MIGRATIONS
    this.#thread = vaultThread({
      workerFile: options.vaultWorker,
      minWorkerBytes: options.copyOnWorkerFrom
    })
    this.#deriveKek = this.#thread.deriveKek
    this.#afterOpen = options.afterOpen ?? (() => undefined)
    this.#beforeClose = options.beforeClose ?? (() => undefined)
    this.#now = options.now ?? (() => new Date())
    this.#startupHousekeeping()
  }

  get state(): VaultState {
    if (this.#db) return 'unlocked'
    return existsSync(this.envelopeFile) ? 'locked' : 'none'
  }

  /** Set when the vault opened but the day's backup could not be made; null otherwise. */
  get backupWarning(): BackupWarning | null {
    return this.#db ? this.#backupWarning : null
  }

  /** How far the running re-encryption has got, or null: step names only, nothing secret. */
  get reencryptProgress(): ReencryptProgress | null {
    return this.#progress ? { ...this.#progress } : null
  }

  /** The open database, for the query modules. Throws VAULT_LOCKED when locked. */
  get db(): Db {
    if (!this.#db) throw new CoreError('VAULT_LOCKED', 'The vault is locked.')
    return this.#db
  }

  #wrap(key: Buffer, secret: string, purpose: string): Promise<WrappedKey> {
    return wrapKey(key, secret, purpose, this.#kdfCost, this.#deriveKek)
  }

  #unwrap(wrapped: WrappedKey, secret: string, purpose: string): Promise<Buffer | null> {
    return unwrapKey(wrapped, secret, purpose, this.#deriveKek)
  }

  /** A backup of the open database, its copy made on the vault's worker when it is large. */
  #makeBackup(db: Db, key: Buffer, reason: BackupReason): Promise<BackupInfo> {
    return createBackup(
      (into) => this.#thread.copyDatabase(db, this.dbFile, key, into),
      this.envelopeFile,
      this.backupsDir,
      reason,
      this.#now()
    )
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
        await this.#wrap(dataKey, passphrase, PASSPHRASE_WRAP),
        await this.#wrap(dataKey, normalizeRecoveryCode(recoveryCode), RECOVERY_WRAP)
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

  /** Already unlocked, the passphrase is still checked: "ok" must always mean "that was right". */
  unlock(passphrase: string): Promise<void> {
    return this.#serial(async () => {
      const envelope = this.#readEnvelopeOrThrow()
      const key = await this.#unwrap(envelope.wraps.passphrase, passphrase, PASSPHRASE_WRAP)
      if (!key) throw new CoreError('WRONG_PASSPHRASE', 'That passphrase is not right.')
      if (this.#db) {
        key.fill(0)
        return
      }
      await this.#open(key)
    })
  }

  /** Unlocks with the recovery code and replaces the forgotten passphrase. The code stays valid. */
  recover(recoveryCode: string, newPassphrase: string): Promise<void> {
    return this.#serial(async () => {
      const envelope = this.#readEnvelopeOrThrow()
      const key = await this.#unwrap(
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
      await this.#open(key)
      await this.#rewrapPassphrase(envelope, key, newPassphrase)
    })
  }

  /**
   * Rewraps the data key under a new passphrase, in the key file and in every backup's copy of
   * it. The database file is not touched.
   */
  changePassphrase(currentPassphrase: string, newPassphrase: string): Promise<void> {
    return this.#serial(async () => {
      if (!this.#db) throw new CoreError('VAULT_LOCKED', 'The vault is locked.')
      const envelope = this.#readEnvelopeOrThrow()
      const key = await this.#unwrap(envelope.wraps.passphrase, currentPassphrase, PASSPHRASE_WRAP)
      if (!key) throw new CoreError('WRONG_PASSPHRASE', 'The current passphrase is not right.')
      try {
        await this.#rewrapPassphrase(envelope, key, newPassphrase)
      } finally {
        key.fill(0)
      }
    })
  }

  /**
   * For a passphrase someone else may have learned: everything goes under a new random data
   * key, so the old key (which whoever knew the passphrase could have unwrapped), the old
   * passphrase and the old recovery code open nothing any more. Returns the new recovery code,
   * to be shown once: the old one wrapped the old key, and may have leaked with the passphrase.
   *
   * The live file is never rekeyed in place (a kill half-way would leave a database under one
   * key beside a key file for the other): a VACUUM INTO copy is rekeyed, verified under the new
   * key, and switched in with its new key file; then a backup is made under the new key and
   * only then are the old backups overwritten and removed. A kill at any moment leaves a vault
   * that opens with the old passphrase or the new one, never neither (see #switchIn).
   *
   * Between steps the event loop runs, so `reencryptProgress` can be answered and the app stays
   * responsive on a large record; see #stageReencrypted for why no edit is lost meanwhile.
   */
  reencrypt(
    currentPassphrase: string,
    newPassphrase: string,
    onProgress: (step: ReencryptStep) => void = () => undefined
  ): Promise<{ recoveryCode: string }> {
    return this.#serial(async () => {
      if (!this.#db || !this.#key) throw new CoreError('VAULT_LOCKED', 'The vault is locked.')
      const announce = (step: ReencryptStep) => {
        this.#progress = {
          step,
          stepsDone: REENCRYPT_STEPS.indexOf(step),
          stepsTotal: REENCRYPT_STEPS.length - 1
        }
        onProgress(step)
      }
      try {
        return await this.#reencrypt(currentPassphrase, newPassphrase, announce)
      } finally {
        this.#progress = null
      }
    })
  }

  async #reencrypt(
    currentPassphrase: string,
    newPassphrase: string,
    announce: (step: ReencryptStep) => void
  ): Promise<{ recoveryCode: string }> {
    const step = async (name: ReencryptStep) => {
      announce(name)
      await sleep(REENCRYPT_STEP_PAUSE_MS)
    }
    await step('checking')
    const envelope = this.#readEnvelopeOrThrow()
    const proof = await this.#unwrap(envelope.wraps.passphrase, currentPassphrase, PASSPHRASE_WRAP)
    if (!proof) throw new CoreError('WRONG_PASSPHRASE', 'The current passphrase is not right.')
    proof.fill(0)

    await step('new-keys')
    const newKey = newDataKey()
    const recoveryCode = newRecoveryCode()
    try {
      const renewed = newEnvelope(
        await this.#wrap(newKey, newPassphrase, PASSPHRASE_WRAP),
        await this.#wrap(newKey, normalizeRecoveryCode(recoveryCode), RECOVERY_WRAP)
      )
      for (let attempt = 1; ; attempt++) {
        // The last attempt neither pauses nor waits for the worker, so no edit can land during
        // it and it completes.
        const pausing = attempt <= REENCRYPT_PAUSING_ATTEMPTS
        const changesAtCopy = pausing
          ? await this.#stageReencrypted(newKey, renewed, step)
          : this.#stageReencryptedHere(newKey, renewed, announce)
        // From this check to the switch nothing awaits, so nothing can land in between.
        if (totalChanges(this.db) === changesAtCopy) break
        this.#removeStaged('reencrypting')
      }
      writeFileAtomic(
        join(this.dataDir, RETIRED_BACKUPS_FILE),
        JSON.stringify(listBackups(this.backupsDir).map((b) => b.id))
      )
    } catch (error) {
      this.#removeStaged('reencrypting')
      newKey.fill(0)
      throw error
    }

    announce('switching')
    this.#close()
    this.#switchIn('reencrypting')
    // Checked whole by the staging (integrity_check under the new key, the rows counted against
    // the vault's, the old key refused), so #open does not wait on the worker to check it again:
    // from #close to the end of #open every other call finds the vault locked.
    await this.#open(newKey, { backups: false, checked: true })
    // The old database (as large as the record) is overwritten by the vault's worker, once the
    // vault answers again under the new key.
    await this.#thread.removeSecurely(this.#retiredFiles())

    // The switch is done: from here a failure must not hide the new recovery code. What is
    // left undone is finished at the next unlock.
    try {
      await step('backing-up')
      const fresh = await this.#makeBackup(this.db, newKey, 'reencrypted')
      await step('removing-old-backups')
      await this.#finishRetiringBackups(this.db, newKey, fresh)
    } catch (error) {
      console.error(
        `Vault: after re-encryption, backups not yet replaced: ${(error as Error).name}`
      )
    }
    announce('done')
    return { recoveryCode }
  }

  /**
   * Makes the staged pair for a re-encryption: a copy of the live database under the new key,
   * verified, and its key file. The copy, the rekeying and the check each read or write the
   * whole file, so they run on the vault's worker (vaultThread.ts) for a large record, and each
   * step is announced and followed by a pause so other requests are answered. Returns how many
   * rows the live connection had changed when the copy was taken.
   *
   * Other requests running meanwhile may edit the live database after the copy was taken, and
   * switching to that copy would lose the edit: the caller compares the returned count with
   * SQLite's count at the switch, and takes the copy again when it moved. The count is read
   * before the copy starts, so an edit landing during it also counts as one after it.
   */
  async #stageReencrypted(
    newKey: Buffer,
    renewed: KeyEnvelope,
    step: (name: ReencryptStep) => Promise<void>
  ): Promise<number> {
    const db = this.db
    const oldKey = this.#key!
    const staged = this.#prepareStaging()
    await step('copying')
    const changesAtCopy = totalChanges(db)
    const original = await asVaultDamage(
      this.#thread.copyDatabase(db, this.dbFile, oldKey, staged.db)
    )
    await step('re-encrypting')
    await this.#thread.rekeyCopy(staged.db, oldKey, newKey)
    await step('verifying')
    const copy = await this.#thread.verifyDatabase(staged.db, newKey)
    this.#finishStaging(staged, original, copy, oldKey, renewed)
    return changesAtCopy
  }

  /** The same as #stageReencrypted, all on the core's thread without a pause: nothing can land. */
  #stageReencryptedHere(
    newKey: Buffer,
    renewed: KeyEnvelope,
    announce: (step: ReencryptStep) => void
  ): number {
    const db = this.db
    const oldKey = this.#key!
    const staged = this.#prepareStaging()
    announce('copying')
    assertHealthyOrDamaged(db)
    db.exec(`VACUUM INTO ${sqlString(staged.db)}`)
    const original = databaseContents(db)
    const changesAtCopy = totalChanges(db)
    announce('re-encrypting')
    rekeyDatabaseCopy(staged.db, oldKey, newKey)
    announce('verifying')
    const copy = verifyDatabaseCopy(staged.db, newKey)
    this.#finishStaging(staged, original, copy, oldKey, renewed)
    return changesAtCopy
  }

  #prepareStaging(): { db: string; envelope: string } {
    const staged = this.#staged('reencrypting')
    this.#removeStaged('reencrypting')
    createPrivateFile(staged.db)
    return staged
  }

  /** The rekeyed copy must hold what the vault held and open only under the new key. */
  #finishStaging(
    staged: { db: string; envelope: string },
    original: DatabaseContents,
    copy: DatabaseContents,
    oldKey: Buffer,
    renewed: KeyEnvelope
  ): void {
    if (
      copy.userVersion !== original.userVersion ||
      JSON.stringify(copy.rows) !== JSON.stringify(original.rows) ||
      keyOpens(staged.db, oldKey)
    ) {
      throw new Error('The re-encrypted copy does not match the vault.')
    }
    fsyncFile(staged.db)
    writeEnvelope(staged.envelope, renewed)
  }

  /** Closes the database and wipes the data key from memory. */
  lock(): Promise<void> {
    return this.#serial(() => this.#close())
  }

  /** A verified encrypted copy in the backups folder. */
  backupNow(): Promise<string> {
    return this.#serial(async () => {
      if (!this.#db || !this.#key) throw new CoreError('VAULT_LOCKED', 'The vault is locked.')
      try {
        const { file } = await this.#makeBackup(this.#db, this.#key, 'manual')
        this.#backupWarning = null
        return file
      } catch (error) {
        if (error instanceof DatabaseDamagedError)
          throw new CoreError('VAULT_DAMAGED', error.message)
        throw error
      }
    })
  }

  /** Verified backups, newest first. Works while locked: a damaged vault needs it most. */
  listBackups(): BackupInfo[] {
    return listBackups(this.backupsDir)
  }

  /**
   * Puts a backup in place of the current vault and unlocks it. The current files are moved
   * into a `replaced-<time>` folder, never deleted. `secret` is the passphrase (every backup's
   * key file follows passphrase changes) or the recovery code.
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
        (await this.#unwrap(envelope.wraps.passphrase, secret, PASSPHRASE_WRAP)) ??
        (await this.#unwrap(
          envelope.wraps.recoveryCode,
          normalizeRecoveryCode(secret),
          RECOVERY_WRAP
        ))
      if (!key) {
        throw new CoreError(
          'WRONG_PASSPHRASE',
          'Neither the passphrase nor the recovery code opens that backup.'
        )
      }
      try {
        await this.#thread.verifyDatabase(backup.file, key)
      } catch {
        key.fill(0)
        throw new CoreError('VAULT_DAMAGED', 'That backup is damaged too.')
      }
      try {
        this.#stage('restoring', (stagedDb, stagedEnvelope) => {
          copyFileSync(backup.file, stagedDb)
          chmodSync(stagedDb, 0o600)
          fsyncFile(stagedDb)
          writeFileAtomic(stagedEnvelope, readFileSync(backup.envelopeFile))
        })
      } catch (error) {
        key.fill(0)
        throw error
      }
      try {
        // Checked while the vault still answers: from #close on, nothing should wait.
        await this.#thread.checkDatabase(this.#staged('restoring').db, key)
      } catch (error) {
        this.#removeStaged('restoring')
        key.fill(0)
        if (error instanceof DatabaseDamagedError) {
          throw new CoreError('VAULT_DAMAGED', 'That backup is damaged too.')
        }
        throw error
      }
      this.#close()
      this.#switchIn('restoring')
      await this.#open(key, { backups: true, checked: true })
    })
  }

  /**
   * The whole vault as one backup file (backupFile.ts) at `target`, for another computer: a
   * verified copy of the open database and the key envelope, written beside `target` and
   * renamed into place, so a kill leaves the old file or none. Answers when it was made.
   */
  exportBackupFile(target: string): Promise<Date> {
    return this.#serial(async () => {
      if (!this.#db || !this.#key) throw new CoreError('VAULT_LOCKED', 'The vault is locked.')
      const createdAt = this.#now()
      mkdirSync(this.backupsDir, { recursive: true, mode: 0o700 })
      // Named as a backup's copy in progress: one a kill leaves is removed at the next start.
      const copy = join(this.backupsDir, `.vault-export-${randomBytes(6).toString('hex')}.db.tmp`)
      const written = atomicTempFor(target)
      try {
        createPrivateFile(copy)
        await this.#thread.copyDatabase(this.#db, this.dbFile, this.#key, copy)
        await this.#thread.writeBackupFile({
          databaseFile: copy,
          envelope: this.#readEnvelopeOrThrow(),
          createdAt: createdAt.toISOString(),
          out: written
        })
        renameSync(written, target)
        fsyncDirectory(dirname(target))
        return createdAt
      } catch (error) {
        rmSync(written, { force: true })
        if (error instanceof DatabaseDamagedError) {
          throw new CoreError('VAULT_DAMAGED', error.message)
        }
        throw error
      } finally {
        for (const name of readdirSync(this.backupsDir)) {
          if (name.startsWith(basename(copy))) rmSync(join(this.backupsDir, name), { force: true })
        }
      }
    })
  }

  /**
   * Puts the vault in a backup file (backupFile.ts) in place of this folder's, and opens it.
   * A vault already here is replaced only when `replaceExisting` says so, and then moved into a
   * `replaced-<time>` folder, never deleted. The file is checked whole first, so a damaged file
   * is called damaged, not a wrong passphrase. With the recovery code, `newPassphrase` becomes
   * the restored vault's passphrase, as in `recover`.
   */
  importBackupFile(
    file: string,
    secret: BackupFileSecret,
    replaceExisting: boolean
  ): Promise<void> {
    return this.#serial(async () => {
      if (this.state !== 'none' && !replaceExisting) {
        throw new CoreError(
          'VAULT_EXISTS',
          'There is already a vault on this computer. Choose to replace it (it is kept aside, not deleted), or cancel.'
        )
      }
      mkdirSync(this.dataDir, { recursive: true, mode: 0o700 })
      this.#removeStaged('restoring')
      const staged = this.#staged('restoring')
      let key: Buffer | null = null
      try {
        const header = await this.#thread.readBackupFile({ file, databaseOut: staged.db })
        const envelope = parseEnvelope(header.envelope)
        key =
          secret.kind === 'passphrase'
            ? await this.#unwrap(envelope.wraps.passphrase, secret.passphrase, PASSPHRASE_WRAP)
            : await this.#unwrap(
                envelope.wraps.recoveryCode,
                normalizeRecoveryCode(secret.recoveryCode),
                RECOVERY_WRAP
              )
        if (!key && secret.kind === 'passphrase') {
          throw new CoreError('WRONG_PASSPHRASE', 'That passphrase does not open this backup file.')
        }
        if (!key) {
          throw new CoreError(
            'WRONG_RECOVERY_CODE',
            'That recovery code does not open this backup file.'
          )
        }
        const restored: KeyEnvelope =
          secret.kind === 'passphrase'
            ? envelope
            : {
                ...envelope,
                updatedAt: this.#now().toISOString(),
                wraps: {
                  ...envelope.wraps,
                  passphrase: await this.#wrap(key, secret.newPassphrase, PASSPHRASE_WRAP)
                }
              }
        writeEnvelope(staged.envelope, restored)
        await this.#thread.checkDatabase(staged.db, key)
      } catch (error) {
        key?.fill(0)
        this.#removeStaged('restoring')
        throw asBackupFileProblem(error)
      }
      this.#close()
      this.#switchIn('restoring')
      await this.#open(key, { backups: true, checked: true })
    })
  }

  #staged(kind: Switch): { db: string; envelope: string } {
    return {
      db: join(this.dataDir, `.vault.db.${kind}`),
      envelope: join(this.dataDir, `.vault.key.json.${kind}`)
    }
  }

  /** Prepares the staged pair; on any failure it is removed and the vault is as it was. */
  #stage(kind: Switch, prepare: (stagedDb: string, stagedEnvelope: string) => void): void {
    const staged = this.#staged(kind)
    this.#removeStaged(kind)
    try {
      prepare(staged.db, staged.envelope)
    } catch (error) {
      this.#removeStaged(kind)
      throw error
    }
  }

  #removeStaged(kind: Switch): void {
    for (const name of readdirSync(this.dataDir)) {
      if (name.startsWith(`.vault.db.${kind}`) || name.startsWith(`.vault.key.json.${kind}`)) {
        rmSync(join(this.dataDir, name), { force: true })
      }
    }
  }

  /**
   * Puts a staged database and key file in place of the current ones. Moving the current key
   * file away is the point of no return: before it, a kill leaves the old vault whole (the
   * staged files are removed at the next start); after it, the next start finishes the switch
   * (a missing key file beside a staged one can only mean that). The files replaced go into a
   * `replaced-<time>` folder when restoring (they may be the only copy of something), and are
   * retired (overwritten, then removed) when re-encrypting (they are under the old key).
   * Also called, at start, to finish a switch a kill cut short.
   */
  #switchIn(kind: Switch): void {
    const staged = this.#staged(kind)
    let aside: string | null = null
    const setAside = (name: string) => {
      const file = join(this.dataDir, name)
      if (!existsSync(file)) return
      if (kind === 'reencrypting') return renameSync(file, join(this.dataDir, `.${name}.retired`))
      if (!aside) {
        aside = join(this.dataDir, `replaced-${stampOf(this.#now())}`)
        while (existsSync(aside)) aside += '-'
        mkdirSync(aside, { mode: 0o700 })
      }
      renameSync(file, join(aside, name))
    }
    setAside('vault.key.json')
    fsyncDirectory(this.dataDir)
    if (existsSync(staged.db)) {
      for (const name of DB_FILES) setAside(name)
      renameSync(staged.db, this.dbFile)
    }
    renameSync(staged.envelope, this.envelopeFile)
    if (aside) fsyncDirectory(aside)
    fsyncDirectory(this.dataDir)
  }

  /** The database and key file a finished re-encryption replaced. */
  #retiredFiles(): string[] {
    if (!existsSync(this.envelopeFile)) return []
    return readdirSync(this.dataDir)
      .filter((name) => RETIRED_PATTERN.test(name))
      .map((name) => join(this.dataDir, name))
  }

  /** At start, when nothing else runs yet. */
  #removeRetiredFiles(): void {
    for (const file of this.#retiredFiles()) removeSecurely(file)
  }

  /**
   * Removes the backups a re-encryption retired, once a backup under the current key exists
   * (`fresh`, or one made now). Only a listed backup that the current key does not open is
   * removed, so a list left by a re-encryption that never switched removes nothing.
   */
  async #finishRetiringBackups(db: Db, key: Buffer, fresh: BackupInfo | null): Promise<void> {
    const listFile = join(this.dataDir, RETIRED_BACKUPS_FILE)
    if (!existsSync(listFile)) return
    let ids: unknown
    try {
      ids = JSON.parse(readFileSync(listFile, 'utf8'))
    } catch {
      ids = []
    }
    const listed = new Set(Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : [])
    const backups = listBackups(this.backupsDir)
    const retired = backups.filter((b) => listed.has(b.id) && !keyOpens(b.file, key))
    if (retired.length > 0) {
      const current = fresh ?? backups.find((b) => !listed.has(b.id) && keyOpens(b.file, key))
      if (!current) await this.#makeBackup(db, key, 'reencrypted')
      await this.#thread.removeSecurely(retired.flatMap((b) => [b.file, b.envelopeFile]))
      fsyncDirectory(this.backupsDir)
    }
    rmSync(listFile, { force: true })
  }

  /**
   * Runs when a Vault is made (once per app start: the app holds a single-instance lock), before
   * anything asks for the state: a kill during a restore or re-encryption may have left the
   * key file moved away, and the state would read "no vault" until the switch is finished.
   * Then the temp files of interrupted writes go, and files left readable by an older version
   * are made private. Nothing here changes the bytes of a vault or backup file.
   */
  #startupHousekeeping(): void {
    if (!existsSync(this.dataDir)) return
    try {
      for (const kind of ['restoring', 'reencrypting'] as const) {
        if (!existsSync(this.envelopeFile) && existsSync(this.#staged(kind).envelope)) {
          this.#switchIn(kind)
        } else {
          this.#removeStaged(kind)
        }
      }
      this.#removeRetiredFiles()
      removeStrayTempFiles(this.dataDir)
      removeStrayTempFiles(this.backupsDir)
      if (existsSync(this.backupsDir)) {
        for (const name of readdirSync(this.backupsDir)) {
          if (BACKUP_TEMP_PATTERN.test(name)) rmSync(join(this.backupsDir, name), { force: true })
        }
      }
      this.#makePrivate()
    } catch (error) {
      // Housekeeping must never stop the app from starting; the next start tries again.
      console.error(`Vault: start-up housekeeping failed: ${(error as Error).name}`)
    }
  }

  /** 0700 for the data folder and Lantern's folders in it, 0600 for Lantern's files. */
  #makePrivate(): void {
    const tighten = (path: string) => {
      const stat = lstatSync(path)
      if (stat.isSymbolicLink()) return
      const mode = stat.isDirectory() ? 0o700 : 0o600
      if ((stat.mode & 0o777) !== mode) chmodSync(path, mode)
      if (!stat.isDirectory()) return
      for (const name of readdirSync(path)) tighten(join(path, name))
    }
    chmodSync(this.dataDir, 0o700)
    for (const name of readdirSync(this.dataDir)) {
      const ours =
        name.startsWith('vault.') ||
        name.startsWith('.vault.') ||
        name === 'backups' ||
        name.startsWith('replaced-') ||
        name === RETIRED_BACKUPS_FILE
      if (ours) tighten(join(this.dataDir, name))
    }
  }

  async #rewrapPassphrase(envelope: KeyEnvelope, key: Buffer, newPassphrase: string) {
    const rewrapped: KeyEnvelope = {
      ...envelope,
      updatedAt: new Date().toISOString(),
      wraps: {
        ...envelope.wraps,
        passphrase: await this.#wrap(key, newPassphrase, PASSPHRASE_WRAP)
      }
    }
    writeEnvelope(this.envelopeFile, rewrapped)
    syncBackupEnvelopes(this.backupsDir, this.envelopeFile, key)
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

  /**
   * `backups: false` when the caller makes its own backup right after (a re-encryption).
   * `checked` when the caller checked the file before closing the vault it replaces: between
   * #close and the end of this, every other call finds the vault locked, so a switch must not
   * wait on the worker there.
   */
  async #open(
    key: Buffer,
    options: { backups: boolean; checked?: boolean } = { backups: true }
  ): Promise<void> {
    if (!existsSync(this.dbFile)) {
      key.fill(0)
      throw new CoreError('VAULT_DAMAGED', 'The vault database file is missing.')
    }
    let db: Db
    let warning: BackupWarning | null = null
    try {
      if (!options.checked) await this.#thread.checkDatabase(this.dbFile, key)
      db = openVaultDatabase(this.dbFile, key, { create: false, checked: true })
    } catch (error) {
      key.fill(0)
      if (error instanceof DatabaseDamagedError) throw new CoreError('VAULT_DAMAGED', error.message)
      throw error
    }
    try {
      const steps = pendingMigrations(db, this.#migrations)
      if (steps.length > 0 && schemaVersion(db) > 0) {
        await this.#makeBackup(db, key, 'pre-migration')
      }
      runMigrations(db, steps)
      if (options.backups) {
        warning = await this.#rollingBackupIfDue(db, key)
        await this.#backupHousekeeping(db, key)
      }
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
    this.#backupWarning = warning
  }

  /**
   * A failure here must not keep the record shut (a full disk should not lock a family out):
   * it is logged by kind only (messages carry paths, which carry names) and reported as a
   * warning. The next unlock tries again.
   */
  async #rollingBackupIfDue(db: Db, key: Buffer): Promise<BackupWarning | null> {
    try {
      const now = this.#now()
      const latest = listBackups(this.backupsDir)[0]
      if (latest && now.getTime() - latest.createdAt.getTime() < ROLLING_BACKUP_INTERVAL_MS) {
        return null
      }
      await this.#makeBackup(db, key, 'rolling')
      return null
    } catch (error) {
      console.error(`Vault: the daily backup could not be made: ${kindOf(error)}`)
      return 'daily-backup-failed'
    }
  }

  /**
   * Finishes what a kill may have cut short: the removal of backups under a retired key, and
   * the passphrase change of backups' key files (or brings up to date backups an older version
   * left on an older passphrase). Neither may keep the vault from opening.
   */
  async #backupHousekeeping(db: Db, key: Buffer): Promise<void> {
    try {
      await this.#finishRetiringBackups(db, key, null)
      syncBackupEnvelopes(this.backupsDir, this.envelopeFile, key)
    } catch (error) {
      console.error(`Vault: backup housekeeping failed: ${(error as Error).name}`)
    }
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
    this.#backupWarning = null
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

function stampOf(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '')
}

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}

/** The kind of an error, for the log: its name and system or SQLite code, never its message. */
function kindOf(error: unknown): string {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown }
  const kind = typeof name === 'string' ? name : 'unknown error'
  return typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? `${kind} (${code})` : kind
}

/** Rows inserted, changed or deleted on this connection since it opened, triggers included. */
function totalChanges(db: Db): number {
  return Number(db.prepare('SELECT total_changes()').pluck().get())
}

/** A damaged live database, found on the worker, as the renderer is told of it. */
async function asVaultDamage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (error instanceof DatabaseDamagedError) throw new CoreError('VAULT_DAMAGED', error.message)
    throw error
  }
}

function assertHealthyOrDamaged(db: Db): void {
  try {
    assertHealthy(db)
  } catch (error) {
    if (error instanceof DatabaseDamagedError) throw new CoreError('VAULT_DAMAGED', error.message)
    throw error
  }
}

/**
 * What was wrong with a backup file being restored, as the person is told: damaged and "not a
 * backup" are the file's fault, never the passphrase's, and say so.
 */
function asBackupFileProblem(error: unknown): unknown {
  if (error instanceof BackupFileError) {
    switch (error.problem) {
      case 'not-a-backup':
        return new CoreError(
          'NOT_A_BACKUP_FILE',
          'That file is not a Lantern backup file. Choose the file that ends in .lantern-backup.'
        )
      case 'damaged':
        return new CoreError(
          'BACKUP_FILE_DAMAGED',
          'That backup file is damaged: it has changed since Lantern made it. Try another copy of it.'
        )
      case 'newer-format':
        return new CoreError(
          'VAULT_FROM_NEWER_VERSION',
          'That backup file was made by a newer version of Lantern. Update Lantern, then restore it.'
        )
    }
  }
  if (error instanceof EnvelopeDamagedError || error instanceof DatabaseDamagedError) {
    return new CoreError(
      'BACKUP_FILE_DAMAGED',
      'That backup file is damaged: its record cannot be read. Try another copy of it.'
    )
  }
  return error
}
