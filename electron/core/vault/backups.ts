/**
 * Rolling encrypted backups: each a verified VACUUM INTO copy of the live database
 * (verifiedCopy.ts says how it is made and checked) with the key envelope copied beside it, since
 * a backup without its envelope could never be opened.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fsyncDirectory, fsyncFile, writeFileAtomic } from '../atomicFile.ts'
import { createPrivateFile, keyOpens } from './database.ts'

const BACKUP_PATTERN = /^vault-(\d{8}T\d{6}\d{3}Z)-([a-z-]+)\.db$/
/** What VACUUM INTO writes before the copy is verified, and SQLite's side files of it. */
export const BACKUP_TEMP_PATTERN = /^\.vault-.*\.db\.tmp/

export type BackupReason = 'pre-migration' | 'rolling' | 'manual' | 'reencrypted'

const DAY_MS = 24 * 60 * 60 * 1000
const WEEK_MS = 7 * DAY_MS

/**
 * Retention: a spread over half a year, not just the last few days, so that damage or a
 * mistake noticed weeks later can still be undone, and a run of bad days cannot push every
 * good backup out. Kept are:
 * - the `recent` newest backups (about a week of daily backups);
 * - the newest backup of each of the last `weeks` calendar weeks (weeks counted from the Unix
 *   epoch, in UTC) and of each of the last `months` calendar months (UTC): a past week or month
 *   gains no newer backups, so its newest one stays its newest, and the spread survives daily
 *   pruning;
 * - for each of `olderThanDays`, the newest backup older than that and the oldest one not yet
 *   older: the second is the one that will cross the line next, so once there is a backup from
 *   before last week (or last month) there always is one, whatever the calendar.
 * At most recent + weeks + months + 2 × olderThanDays.length files, 22 with these numbers;
 * about 17 with a backup every day.
 */
export const RETENTION = {
  recent: 7,
  weeks: 5,
  months: 6,
  olderThanDays: [7, 30]
} as const

export interface BackupInfo {
  /** The file name without extension: what the renderer names a backup by. */
  id: string
  file: string
  envelopeFile: string
  createdAt: Date
  reason: string
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '')
}

function parseStamp(text: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(text)!
  return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`)
}

export function listBackups(backupsDir: string): BackupInfo[] {
  if (!existsSync(backupsDir)) return []
  const found: BackupInfo[] = []
  for (const name of readdirSync(backupsDir)) {
    const match = BACKUP_PATTERN.exec(name)
    if (!match) continue
    const file = join(backupsDir, name)
    const envelopeFile = file.replace(/\.db$/, '.key.json')
    // A backup without its envelope could never be opened: not worth offering.
    if (!existsSync(envelopeFile)) continue
    found.push({
      id: name.replace(/\.db$/, ''),
      file,
      envelopeFile,
      createdAt: parseStamp(match[1]!),
      reason: match[2]!
    })
  }
  return found.sort((a, b) => b.file.localeCompare(a.file))
}

/** The ids to keep under RETENTION at `now`; every other backup may be removed. */
export function backupsToKeep(
  backups: readonly { id: string; createdAt: Date }[],
  now: Date
): Set<string> {
  const newestFirst = [...backups].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id)
  )
  const keep = new Set(newestFirst.slice(0, RETENTION.recent).map((b) => b.id))
  const nowMs = now.getTime()
  for (const days of RETENTION.olderThanDays) {
    const older = (b: { createdAt: Date }) => nowMs - b.createdAt.getTime() > days * DAY_MS
    const anchor = newestFirst.find(older)
    const next = newestFirst.findLast((b) => !older(b))
    if (anchor) keep.add(anchor.id)
    if (next) keep.add(next.id)
  }
  const month = (date: Date) => date.getUTCFullYear() * 12 + date.getUTCMonth()
  const firstWeek = Math.floor(nowMs / WEEK_MS) - RETENTION.weeks + 1
  const firstMonth = month(now) - RETENTION.months + 1
  const binsTaken = new Set<string>()
  for (const backup of newestFirst) {
    const week = Math.floor(backup.createdAt.getTime() / WEEK_MS)
    const bins = [
      week >= firstWeek ? `week ${week}` : null,
      month(backup.createdAt) >= firstMonth ? `month ${month(backup.createdAt)}` : null
    ]
    for (const bin of bins) {
      if (bin === null || binsTaken.has(bin)) continue
      binsTaken.add(bin)
      keep.add(backup.id)
    }
  }
  return keep
}

/**
 * Makes a backup: `copy` writes the verified copy into the temporary file it is given (see
 * verifiedCopy.ts; the vault has its worker do it for a large record), then the copy is made
 * durable, given its envelope and renamed into place.
 */
export async function createBackup(
  copy: (into: string) => Promise<unknown>,
  envelopeFile: string,
  backupsDir: string,
  reason: BackupReason,
  now: Date = new Date()
): Promise<BackupInfo> {
  mkdirSync(backupsDir, { recursive: true, mode: 0o700 })
  // Two backups in the same millisecond (or a clock set back) must not meet under one name.
  let time = now.getTime()
  while (existsSync(join(backupsDir, `vault-${stamp(new Date(time))}-${reason}.db`))) time++
  const createdAt = new Date(time)
  const name = `vault-${stamp(createdAt)}-${reason}`
  const tmp = join(backupsDir, `.${name}.db.tmp`)
  const file = join(backupsDir, `${name}.db`)
  const envelopeCopy = join(backupsDir, `${name}.key.json`)
  try {
    rmSync(tmp, { force: true })
    // VACUUM INTO fills an existing empty file, so the copy is private from its first byte.
    createPrivateFile(tmp)
    await copy(tmp)
    fsyncFile(tmp)
    writeFileAtomic(envelopeCopy, readFileSync(envelopeFile))
    // Rename last: a backup .db only ever exists complete, verified and with its envelope.
    renameSync(tmp, file)
    fsyncDirectory(backupsDir)
  } catch (error) {
    rmSync(tmp, { force: true })
    throw error
  }
  pruneBackups(backupsDir, now)
  return { id: name, file, envelopeFile: envelopeCopy, createdAt, reason }
}

function pruneBackups(backupsDir: string, now: Date): void {
  const backups = listBackups(backupsDir)
  const keep = backupsToKeep(backups, now)
  for (const old of backups) {
    if (keep.has(old.id)) continue
    rmSync(old.file, { force: true })
    rmSync(old.envelopeFile, { force: true })
  }
}

/**
 * Gives every backup that the data key opens the live envelope, so that after a passphrase
 * change (or a recovery) the old passphrase opens no backup either. The data key is the same,
 * so only the wraps differ. A backup the key does not open (damaged, or of another key) is
 * left exactly as it is. Each envelope is replaced atomically: a kill in between leaves some
 * backups still on the old passphrase, and the next unlock finishes the job.
 */
export function syncBackupEnvelopes(backupsDir: string, envelopeFile: string, key: Buffer): void {
  const live = readFileSync(envelopeFile)
  for (const backup of listBackups(backupsDir)) {
    try {
      if (readFileSync(backup.envelopeFile).equals(live)) continue
      if (!keyOpens(backup.file, key)) continue
      writeFileAtomic(backup.envelopeFile, live)
    } catch (error) {
      // One unreadable backup must not stop the others, nor undo the change already made.
      console.error(`Backups: a key file could not be updated: ${(error as Error).name}`)
    }
  }
}
