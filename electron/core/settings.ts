import { AUTO_LOCK_MINUTES, type Settings, TEXT_SIZES, THEMES } from '../shared/contract.ts'
import type { Db } from './vault/database.ts'

function readSetting(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
    { value: string } | undefined
  return row?.value
}

function writeSetting(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
  ).run(key, value)
}

export function getSettings(db: Db): Settings {
  const stored = Number(readSetting(db, 'autoLockMinutes'))
  const valid =
    Number.isInteger(stored) && stored >= AUTO_LOCK_MINUTES.min && stored <= AUTO_LOCK_MINUTES.max
  const textSize = readSetting(db, 'textSize')
  const theme = readSetting(db, 'theme')
  return {
    autoLockMinutes: valid ? stored : AUTO_LOCK_MINUTES.default,
    textSize: TEXT_SIZES.find((t) => t === textSize) ?? 'normal',
    theme: THEMES.find((t) => t === theme) ?? 'system',
    lastBackupFileAt: readSetting(db, 'lastBackupFileAt') ?? null
  }
}

/** Noted when a backup file is made, so Settings can say when and remind after a while. */
export function noteBackupFileMade(db: Db, at: Date): void {
  writeSetting(db, 'lastBackupFileAt', at.toISOString())
}

export function updateSettings(
  db: Db,
  changes: Partial<Omit<Settings, 'lastBackupFileAt'>>
): Settings {
  db.transaction(() => {
    if (changes.autoLockMinutes !== undefined) {
      writeSetting(db, 'autoLockMinutes', String(changes.autoLockMinutes))
    }
    if (changes.textSize !== undefined) writeSetting(db, 'textSize', changes.textSize)
    if (changes.theme !== undefined) writeSetting(db, 'theme', changes.theme)
  })()
  return getSettings(db)
}
