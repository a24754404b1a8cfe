/**
 * The heavy part of every backup: a verified copy of the live database. VACUUM INTO writes a
 * consistent, still-encrypted copy of a live WAL database (the online backup API refuses
 * encrypted databases, and serialize() would give plaintext). The live database must pass
 * quick_check first (VACUUM INTO copies what it can reach, so a damaged database could give a
 * clean-looking but incomplete copy), and the copy is reopened, integrity-checked and compared
 * with the original before it counts.
 *
 * On a large record this reads the whole file three times: hundreds of milliseconds. It runs on
 * the vault's own worker (vaultThread.ts) from a read-only connection of the worker's own, or,
 * for a small file, on the core's thread from the core's connection; the same function either way.
 */
import { truncateSync } from 'node:fs'
import {
  type DatabaseContents,
  DatabaseDamagedError,
  type Db,
  assertHealthy,
  checkExistingDatabase,
  databaseContents,
  openReadOnly,
  rekeyDatabaseCopy,
  verifyDatabaseCopy
} from './database.ts'

/**
 * Another connection (the core's, while the worker copied) committed between the copy and the
 * comparison, so the comparison proves nothing: the copy is taken again.
 */
export class DatabaseChangedDuringCopyError extends Error {
  constructor() {
    super('The vault changed while it was being copied.')
    this.name = 'DatabaseChangedDuringCopyError'
  }
}

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}

/**
 * Writes into `into`, a private file (emptied first: VACUUM INTO fills only an empty one), a copy of `source` that has been checked whole
 * and holds what `source` holds. `afterCopy` lets a test commit in the middle.
 */
export function writeVerifiedCopy(
  source: Db,
  key: Buffer,
  into: string,
  afterCopy: () => void = () => undefined
): DatabaseContents {
  // data_version moves when any other connection commits: equal before and after, the copy and
  // the row counts it is compared with come from the same state of the file.
  const version = () => Number(source.pragma('data_version', { simple: true }))
  const before = version()
  truncateSync(into, 0)
  assertHealthy(source)
  source.exec(`VACUUM INTO ${sqlString(into)}`)
  afterCopy()
  const copy = verifyDatabaseCopy(into, key)
  const original = databaseContents(source)
  if (version() !== before) throw new DatabaseChangedDuringCopyError()
  if (
    copy.userVersion !== original.userVersion ||
    JSON.stringify(copy.rows) !== JSON.stringify(original.rows)
  ) {
    throw new DatabaseDamagedError('the copy does not hold what the vault holds')
  }
  return original
}

export interface CopyDatabaseInput {
  dbFile: string
  /** The data key's bytes, moved to the worker; wiped there once used. */
  key: Uint8Array
  into: string
}

/**
 * Runs `use` with the key bytes a job was given as Buffers, then wipes them whatever happens:
 * the worker keeps no copy of a key past the job it came with.
 */
function withKeys<T>(bytes: Uint8Array[], use: (...keys: Buffer[]) => T): T {
  const keys = bytes.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength))
  try {
    return use(...keys)
  } finally {
    for (const key of keys) key.fill(0)
  }
}

/** The vault worker's job: writeVerifiedCopy from a read-only connection of its own. */
export function copyDatabase(input: CopyDatabaseInput): DatabaseContents {
  return withKeys([input.key], (key) => {
    const source = openReadOnly(input.dbFile, key)
    try {
      return writeVerifiedCopy(source, key, input.into)
    } finally {
      source.close()
    }
  })
}

/** The vault worker's job: the live file checked before an unlock opens it (database.ts). */
export function checkDatabaseFile(input: { file: string; key: Uint8Array }): null {
  return withKeys([input.key], (key) => {
    checkExistingDatabase(input.file, key)
    return null
  })
}

/** The vault worker's job: a re-encryption's copy rekeyed from the old data key to the new. */
export function rekeyFile(input: { file: string; oldKey: Uint8Array; newKey: Uint8Array }): null {
  return withKeys([input.oldKey, input.newKey], (oldKey, newKey) => {
    rekeyDatabaseCopy(input.file, oldKey!, newKey!)
    return null
  })
}

/** The vault worker's job: a database file (a backup about to be restored) checked whole. */
export function verifyDatabaseFile(input: { file: string; key: Uint8Array }): DatabaseContents {
  return withKeys([input.key], (key) => {
    const { userVersion, rows } = verifyDatabaseCopy(input.file, key)
    return { userVersion, rows }
  })
}
