/**
 * What encryption costs: the vault's database (SQLCipher 4 through SQLite3MultipleCiphers)
 * against plain SQLite with the same settings (WAL, synchronous FULL, secure_delete...) and the
 * same schema, doing the same writes and reads with the core's own query functions. Runs
 * alternate between the two files so that the machine's load falls on both alike.
 */
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { createProfile } from '../../electron/core/record/profiles.ts'
import { listEntries, saveEntry } from '../../electron/core/record/entries.ts'
import {
  applyConnectionSettings,
  type Db,
  openVaultDatabase
} from '../../electron/core/vault/database.ts'
import { newDataKey } from '../../electron/core/vault/keyCrypto.ts'
import {
  MIGRATIONS,
  pendingMigrations,
  runMigrations
} from '../../electron/core/vault/migrations/index.ts'
import { ENTRY_SCHEMAS } from '../../electron/shared/record.ts'
import { median } from './stats.ts'

/** Writes in one transaction each (a save), and in one transaction together (a bulk load). */
const SINGLE_COMMITS = 400
const BULK_ROWS = 2000
const BULK_ROUNDS = 3
const READ_RUNS = 15

/** The settings openVaultDatabase applies (the same function), on a plain file. */
function openPlain(file: string): Db {
  const db = new Database(file)
  applyConnectionSettings(db)
  return db
}

interface Side {
  name: 'encrypted' | 'plain'
  open: () => Db
  db: Db
  profileId: string
}

function administration(profileId: string, i: number): Record<string, unknown> {
  return ENTRY_SCHEMAS.administration.parse({
    profileId,
    drugId: 'methotrexate',
    route: 'oral',
    dose: 20 + (i % 7),
    unit: 'mg/m2',
    schedule: { kind: 'once', date: `2022-${String(1 + (i % 12)).padStart(2, '0')}-15` }
  }) as Record<string, unknown>
}

export interface SqliteComparison {
  encrypted: number
  plain: number
  /** encrypted ÷ plain */
  ratio: number
}

export interface SqliteFigures {
  /** Median of one administration saved in its own transaction (as record.save does). */
  singleCommit: SqliteComparison
  /** 2,000 administrations in one transaction. */
  bulk: SqliteComparison
  /** Every administration read back, on a connection just opened (nothing decrypted yet). */
  coldRead: SqliteComparison
  /** The same read again on that connection (pages already in SQLite's cache). */
  warmRead: SqliteComparison
  rows: number
}

const compared = (encrypted: number, plain: number): SqliteComparison => ({
  encrypted,
  plain,
  ratio: encrypted / plain
})

export function benchSqlite(dir: string): SqliteFigures {
  const key = newDataKey()
  const sides: Side[] = [
    {
      name: 'encrypted',
      open: () => openVaultDatabase(join(dir, 'encrypted.db'), key, { create: false }),
      db: openVaultDatabase(join(dir, 'encrypted.db'), key, { create: true }),
      profileId: ''
    },
    {
      name: 'plain',
      open: () => openPlain(join(dir, 'plain.db')),
      db: openPlain(join(dir, 'plain.db')),
      profileId: ''
    }
  ]
  for (const side of sides) {
    runMigrations(side.db, pendingMigrations(side.db, MIGRATIONS))
    side.profileId = createProfile(side.db, 'Bench').id
  }
  const single = { encrypted: [] as number[], plain: [] as number[] }
  for (let i = 0; i < SINGLE_COMMITS; i++) {
    for (const side of i % 2 === 0 ? sides : [...sides].reverse()) {
      const entry = administration(side.profileId, i)
      const start = performance.now()
      side.db.transaction(() => saveEntry(side.db, 'administration', entry))()
      single[side.name].push(performance.now() - start)
    }
  }
  const bulk = { encrypted: [] as number[], plain: [] as number[] }
  for (let round = 0; round < BULK_ROUNDS; round++) {
    for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
      const entries = Array.from({ length: BULK_ROWS }, (_, i) => administration(side.profileId, i))
      const start = performance.now()
      side.db.transaction(() => {
        for (const entry of entries) saveEntry(side.db, 'administration', entry)
      })()
      bulk[side.name].push(performance.now() - start)
    }
  }
  const cold = { encrypted: [] as number[], plain: [] as number[] }
  const warm = { encrypted: [] as number[], plain: [] as number[] }
  for (let i = 0; i < READ_RUNS; i++) {
    for (const side of i % 2 === 0 ? sides : [...sides].reverse()) {
      side.db.close()
      side.db = side.open()
      let start = performance.now()
      listEntries(side.db, 'administration', side.profileId)
      cold[side.name].push(performance.now() - start)
      start = performance.now()
      listEntries(side.db, 'administration', side.profileId)
      warm[side.name].push(performance.now() - start)
    }
  }
  const rows = listEntries(sides[0]!.db, 'administration', sides[0]!.profileId).length
  for (const side of sides) side.db.close()
  key.fill(0)
  return {
    singleCommit: compared(median(single.encrypted), median(single.plain)),
    bulk: compared(median(bulk.encrypted), median(bulk.plain)),
    coldRead: compared(median(cold.encrypted), median(cold.plain)),
    warmRead: compared(median(warm.encrypted), median(warm.plain)),
    rows
  }
}
