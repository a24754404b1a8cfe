/**
 * Opening the encrypted SQLite file. Every connection goes through openVaultDatabase so that
 * every connection has the same cipher, durability and privacy settings, and proves it.
 */
import Database from 'better-sqlite3-multiple-ciphers'
import { closeSync, openSync, readSync } from 'node:fs'

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
 * The key is the raw 32-byte data key, so no second key derivation runs at open.
 */
function applyKey(db: Db, key: Buffer): void {
  const hex = key.toString('hex')
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('applyKey: the data key must be 32 bytes')
  db.pragma(`cipher='sqlcipher'`)
  db.pragma('legacy=4')
  db.pragma(`key="x'${hex}'"`)
}

/**
 * The settings that make "saved" mean saved, and keep plaintext off the disk:
 * - synchronous=FULL: this build defaults WAL connections to NORMAL, which can lose the last
 *   commits on power loss, so it is set, and checked, on every connection;
 * - temp_store=MEMORY: SQLite3MC does not encrypt temp files;
 * - secure_delete: deleted records are overwritten, not left in free pages.
 */
function applyConnectionSettings(db: Db): void {
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

/**
 * Opens (or, with create, makes) the vault database with the given data key. The key has
 * already been proven right by the envelope, so any read failure here means a damaged file:
 * DatabaseDamagedError, and the file is left exactly as it was.
 */
export function openVaultDatabase(file: string, key: Buffer, options: { create: boolean }): Db {
  const db = new Database(file, { fileMustExist: !options.create })
  try {
    applyKey(db, key)
    // Before the first read, so not even the integrity check can spill a temp file.
    db.pragma('temp_store = MEMORY')
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get()
    } catch (error) {
      if (isDamage(error)) throw new DatabaseDamagedError((error as { code: string }).code)
      throw error
    }
    if (!options.create && hasPlaintextHeader(file)) {
      throw new DatabaseDamagedError('the file is not encrypted')
    }
    let check: unknown
    try {
      check = db.pragma('quick_check', { simple: true })
    } catch (error) {
      if (isDamage(error)) throw new DatabaseDamagedError((error as { code: string }).code)
      throw error
    }
    if (check !== 'ok') throw new DatabaseDamagedError('quick_check failed')
    applyConnectionSettings(db)
    assertConnectionSettings(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** For backups and tests: open a copy read-only with the same key and verify it fully. */
export function verifyDatabaseCopy(file: string, key: Buffer): { tables: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    applyKey(db, key)
    db.pragma('temp_store = MEMORY')
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') throw new DatabaseDamagedError('integrity_check failed')
    const row = db
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'")
      .get() as {
      n: number
    }
    return { tables: row.n }
  } finally {
    db.close()
  }
}
