/**
 * Prepared statements kept for as long as their database is open, for the queries a record
 * runs many times over (an entry saved, its links and dose checked, read back). Preparing is
 * most of what a small query costs: loading the sample profile, about a hundred entries in one
 * transaction, spent 18 of its 50 ms on the core's thread preparing the same few statements
 * again and again (measured with the CPU profiler on the bench's record).
 *
 * Keyed by the database object, so a vault opened again (after a lock, a re-encryption or a
 * restore) starts with none, and a closed one's statements go with it. Only for statements
 * used as prepared: one changed by .pluck(), .raw() or .expand() would stay changed for every
 * other user of the same text.
 */
import type { Statement } from 'better-sqlite3-multiple-ciphers'
import type { Db } from './database.ts'

const prepared = new WeakMap<Db, Map<string, Statement>>()

export function cachedStatement(db: Db, sql: string): Statement {
  let bySql = prepared.get(db)
  if (!bySql) prepared.set(db, (bySql = new Map()))
  let statement = bySql.get(sql)
  if (!statement) bySql.set(sql, (statement = db.prepare(sql)))
  return statement
}
