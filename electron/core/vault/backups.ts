/**
 * Rolling encrypted backups. VACUUM INTO writes a consistent, still-encrypted copy of a live
 * WAL database (the online backup API refuses encrypted databases, and serialize() would give
 * plaintext). Each copy is reopened and integrity-checked before it counts as a backup, and the
 * key envelope is copied beside it: a backup without its envelope could never be opened.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fsyncDirectory, fsyncFile } from '../atomicFile.ts'
import { type Db, verifyDatabaseCopy } from './database.ts'

export const BACKUPS_TO_KEEP = 10
const BACKUP_PATTERN = /^vault-(\d{8}T\d{6}\d{3}Z)-([a-z-]+)\.db$/

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

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
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

export function createBackup(
  db: Db,
  key: Buffer,
  envelopeFile: string,
  backupsDir: string,
  reason: 'pre-migration' | 'rolling' | 'manual'
): BackupInfo {
  mkdirSync(backupsDir, { recursive: true, mode: 0o700 })
  const now = new Date()
  const name = `vault-${stamp(now)}-${reason}`
  const tmp = join(backupsDir, `.${name}.db.tmp`)
  const file = join(backupsDir, `${name}.db`)
  const envelopeCopy = join(backupsDir, `${name}.key.json`)
  try {
    db.exec(`VACUUM INTO ${sqlString(tmp)}`)
    verifyDatabaseCopy(tmp, key)
    fsyncFile(tmp)
    copyFileSync(envelopeFile, envelopeCopy)
    fsyncFile(envelopeCopy)
    // Rename last: a backup .db only ever exists complete, verified and with its envelope.
    renameSync(tmp, file)
    fsyncDirectory(backupsDir)
  } catch (error) {
    rmSync(tmp, { force: true })
    throw error
  }
  pruneBackups(backupsDir)
  return { id: name, file, envelopeFile: envelopeCopy, createdAt: now, reason }
}

function pruneBackups(backupsDir: string): void {
  for (const old of listBackups(backupsDir).slice(BACKUPS_TO_KEEP)) {
    rmSync(old.file, { force: true })
    rmSync(old.envelopeFile, { force: true })
  }
}
