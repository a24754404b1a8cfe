/**
 * Opening the encrypted SQLite file. Every connection goes through openVaultDatabase so that
 * every connection has the same cipher, durability and privacy settings, and proves it.
 */
import Database from 'better-sqlite3-multiple-ciphers'
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs'
import { DATA_KEY_BYTES } from './keyCrypto.ts'

export type Db = Database.Database

/** Thrown when the key is known to be right but the file cannot be read: restore from backup. */
export class DatabaseDamagedError extends Error {
  constructor(detail: string) {
    super(`The vault database is damaged (${detail}).`)
    this.name = 'DatabaseDamagedError'
  }
}

const DAMAGE_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_IOERR_SHORT_READ'])

function isDamage(error: unknown): error is { code: string } {
  const code = (error as { code?: unknown })?.code
  return typeof code === 'string' && (DAMAGE_CODES.has(code) || code.startsWith('SQLITE_CORRUPT'))
}

/**
 * SQLCipher 4 format (so people can open their own data with standard SQLCipher tools) must be
 * selected before the key on every open: the library's default cipher is a different one.
 *
 * The key reaches SQLite as bytes, never as a JS string (strings are immutable and stay in the
 * heap until collected): SQLite3MC's "raw:" prefix followed by the 32 key bytes bypasses key
 * derivation exactly as SQLCipher's x'<hex>' raw-key syntax does, so the file is the same as
 * before and still opens with `PRAGMA key = "x'<hex>'"` in SQLCipher tools. The buffer holding
 * the prefixed copy is wiped as soon as SQLite has it; SQLite3MC keeps only the cipher state,
 * which it zeroes when the connection closes.
 */
function withRawKey(key: Buffer, use: (raw: Buffer) => void): void {
  if (key.length !== DATA_KEY_BYTES) throw new Error('applyKey: the data key must be 32 bytes')
  const raw = Buffer.alloc(4 + DATA_KEY_BYTES)
  raw.write('raw:', 0, 'latin1')
  key.copy(raw, 4)
  try {
    use(raw)
  } finally {
    raw.fill(0)
  }
}

function selectCipher(db: Db): void {
  db.pragma(`cipher='sqlcipher'`)
  db.pragma('legacy=4')
}

function applyKey(db: Db, key: Buffer): void {
  selectCipher(db)
  withRawKey(key, (raw) => db.key(raw))
}

/**
 * The settings that make "saved" mean saved, and keep plaintext off the disk:
 * - synchronous=FULL: this build defaults WAL connections to NORMAL, which can lose the last
 *   commits on power loss, so it is set, and checked, on every connection;
 * - temp_store=MEMORY: SQLite3MC does not encrypt temp files;
 * - secure_delete: deleted records are overwritten, not left in free pages.
 */
export function applyConnectionSettings(db: Db): void {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('fullfsync = ON')
  db.pragma('checkpoint_fullfsync = ON')
  db.pragma('temp_store = MEMORY')
  db.pragma('foreign_keys = ON')
  db.pragma('secure_delete = ON')
}

export interface ConnectionSettings {
  journalMode: string
  synchronous: number
  tempStore: number
  foreignKeys: number
  secureDelete: number
}

export function readConnectionSettings(db: Db): ConnectionSettings {
  return {
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
    tempStore: Number(db.pragma('temp_store', { simple: true })),
    foreignKeys: Number(db.pragma('foreign_keys', { simple: true })),
    secureDelete: Number(db.pragma('secure_delete', { simple: true }))
  }
}

function assertConnectionSettings(db: Db): void {
  const s = readConnectionSettings(db)
  const ok =
    s.journalMode === 'wal' &&
    s.synchronous === 2 &&
    s.tempStore === 2 &&
    s.foreignKeys === 1 &&
    s.secureDelete === 1
  if (!ok) throw new Error(`openVaultDatabase: settings not in force: ${JSON.stringify(s)}`)
}

const PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** True when the file starts like an unencrypted SQLite database. */
export function hasPlaintextHeader(file: string): boolean {
  const fd = openSync(file, 'r')
  try {
    const head = Buffer.alloc(16)
    const n = readSync(fd, head, 0, 16, 0)
    return n === 16 && head.equals(PLAINTEXT_HEADER)
  } finally {
    closeSync(fd)
  }
}

/** SQLCipher 4's page size: a database file is a whole number of these, and at least one. */
export const PAGE_SIZE = 4096

/**
 * Whether the file can be an encrypted database at all, judged by its size alone so that a
 * file of a few bytes (what a crash or a bad copy can leave) is never handed to SQLite, which
 * would take an empty file for a new database and write a fresh one over it. A size that is not
 * a whole number of pages is allowed only while a write-ahead log beside it may complete it.
 */
function checkSize(file: string): void {
  const size = statSync(file).size
  if (size < PAGE_SIZE) throw new DatabaseDamagedError(`the file is only ${size} bytes long`)
  if (size % PAGE_SIZE !== 0) {
    const wal = `${file}-wal`
    if (!existsSync(wal) || statSync(wal).size === 0) {
      throw new DatabaseDamagedError('the file is not a whole number of pages')
    }
  }
}

/** An empty file only this account can read, for SQLite to fill: its -wal, -shm and journal take the same mode. */
export function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'wx', 0o600))
}

/**
 * Opens (or, with create, makes) the vault database with the given data key. The key has
 * already been proven right by the envelope, so any read failure here means a damaged file:
 * DatabaseDamagedError, and the file is left exactly as it was. An existing file must be a
 * Lantern database: encrypted, whole, passing quick_check, and with a schema in it; it is
 * checked on a connection that cannot write (see checkWithoutWriting) before one that can
 * opens it.
 */
export function openVaultDatabase(
  file: string,
  key: Buffer,
  options: {
    create: boolean
    /**
     * The vault has just run checkExistingDatabase on its worker (the quick_check of a large
     * file takes 100 ms and more), with nothing else able to touch the file since.
     */
    checked?: boolean
  }
): Db {
  if (options.create) {
    createPrivateFile(file)
  } else if (!options.checked) {
    checkExistingDatabase(file, key)
  }
  const db = new Database(file, { fileMustExist: true })
  try {
    applyKey(db, key)
    // Before the first read, so not even the integrity check can spill a temp file.
    db.pragma('temp_store = MEMORY')
    if (options.create) inspect(db, file, { create: true })
    applyConnectionSettings(db)
    assertConnectionSettings(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/**
 * The checks of an existing file, on a read-only connection. A connection that can write folds
 * the write-ahead log (vault.db-wal, where the last edits before a crash are) into the file when
 * it closes, and deletes the log: done to a damaged file, that changes it and loses the log.
 * A read-only connection reads the log and leaves both alone. SQLite still makes an empty log
 * and the log's index (vault.db-shm) when they are missing; what it made here is removed again
 * (nothing else has the file open), so a failed check leaves the folder exactly as it was.
 */
/** What openVaultDatabase checks of an existing file before it opens it to write. */
export function checkExistingDatabase(file: string, key: Buffer): void {
  checkSize(file)
  checkWithoutWriting(file, key)
}

function checkWithoutWriting(file: string, key: Buffer): void {
  const log = `${file}-wal`
  const index = `${file}-shm`
  const hadLog = existsSync(log)
  const hadIndex = existsSync(index)
  let db: Db | null = null
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    applyKey(db, key)
    db.pragma('temp_store = MEMORY')
    inspect(db, file, { create: false })
  } finally {
    db?.close()
    if (!hadIndex) rmSync(index, { force: true })
    // A read-only connection cannot write to the log, so one it made is empty.
    if (!hadLog && existsSync(log) && statSync(log).size === 0) rmSync(log)
  }
}

function inspect(db: Db, file: string, options: { create: boolean }): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get()
  } catch (error) {
    if (isDamage(error)) throw new DatabaseDamagedError((error as { code: string }).code)
    throw error
  }
  if (!options.create && hasPlaintextHeader(file)) {
    throw new DatabaseDamagedError('the file is not encrypted')
  }
  assertHealthy(db)
  // Creating a vault gives it its schema before the key file exists, so a database with a
  // key file and no schema was never a whole Lantern vault: keep it as it is.
  if (!options.create && Number(db.pragma('user_version', { simple: true })) === 0) {
    throw new DatabaseDamagedError('it holds no Lantern record')
  }
}

/** What a copy must match: the schema version and the number of rows in every table. */
export interface DatabaseContents {
  userVersion: number
  rows: Record<string, number>
}

export function databaseContents(db: Db): DatabaseContents {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[]
  const rows: Record<string, number> = {}
  for (const name of tables.sort()) {
    const quoted = `"${name.replace(/"/g, '""')}"`
    rows[name] = Number(db.prepare(`SELECT count(*) FROM ${quoted}`).pluck().get())
  }
  return { userVersion: Number(db.pragma('user_version', { simple: true })), rows }
}

/** The live database passes quick_check: what a backup or a re-encryption starts from. */
export function assertHealthy(db: Db): void {
  let check: unknown
  try {
    check = db.pragma('quick_check', { simple: true })
  } catch (error) {
    if (isDamage(error)) throw new DatabaseDamagedError((error as { code: string }).code)
    throw error
  }
  if (check !== 'ok') throw new DatabaseDamagedError('quick_check failed')
}

/**
 * A read-only connection with the data key, for reading a database file whole (a backup being
 * checked, the live file copied from the vault's worker): nothing is written through it, so it
 * needs none of openVaultDatabase's write settings, only temp_store=MEMORY (SQLite3MC does not
 * encrypt temp files, and an integrity check may sort through them).
 */
export function openReadOnly(file: string, key: Buffer): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    applyKey(db, key)
    db.pragma('temp_store = MEMORY')
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** For backups and tests: open a copy read-only with the same key and verify it fully. */
export function verifyDatabaseCopy(
  file: string,
  key: Buffer
): { tables: number } & DatabaseContents {
  const db = openReadOnly(file, key)
  try {
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') throw new DatabaseDamagedError('integrity_check failed')
    const contents = databaseContents(db)
    return { tables: Object.keys(contents.rows).length, ...contents }
  } finally {
    db.close()
  }
}

/** Whether the key decrypts the file: a cheap test (page 1 only), not a check of the whole file. */
export function keyOpens(file: string, key: Buffer): boolean {
  let db: Db | null = null
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    applyKey(db, key)
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    return true
  } catch {
    return false
  } finally {
    db?.close()
  }
}

/**
 * Re-encrypts a closed copy (not the live file) from one data key to another. The rollback
 * journal is kept in memory: a copy interrupted half-way is thrown away, never repaired, and
 * this way no journal of old-key pages is written to disk.
 */
export function rekeyDatabaseCopy(file: string, oldKey: Buffer, newKey: Buffer): void {
  const db = new Database(file, { fileMustExist: true })
  try {
    applyKey(db, oldKey)
    db.pragma('temp_store = MEMORY')
    db.pragma('journal_mode = MEMORY')
    withRawKey(newKey, (raw) => db.rekey(raw))
  } finally {
    db.close()
  }
}
