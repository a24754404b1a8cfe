/**
 * The backup file: the whole vault in one file that restores on another computer with the
 * passphrase or the recovery code, that tells a damaged file from a wrong passphrase, and that
 * never replaces a vault already there without being told to, keeping the old one aside.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import type { MethodInput, MethodName, Result } from '../../electron/shared/contract.ts'
import { BACKUP_PART_MAX_BYTES } from '../../electron/shared/export.ts'
import { PASSPHRASE, cleanupTempDirs, newCore, tempDir } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

/** Written into the record so the file's bytes can be searched for it. */
const MARKER = 'Zephyrine Quillfeather'

async function call<M extends MethodName>(core: Core, method: M, input: MethodInput<M>) {
  return (await dispatch(core.handlers, method, input)) as Result<unknown>
}

async function value<M extends MethodName>(core: Core, method: M, input: MethodInput<M>) {
  const result = await call(core, method, input)
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value
}

function codeOf(result: Result<unknown>): string {
  return result.ok ? 'NO_ERROR' : result.error.code
}

/** A vault holding the sample record and a person named MARKER with a note. */
async function vaultWithRecord(): Promise<{ core: Core; recoveryCode: string; dir: string }> {
  const dir = tempDir()
  const core = newCore(dir)
  const { recoveryCode } = await core.vault.create(PASSPHRASE)
  await value(core, 'profiles.loadSample', {})
  await value(core, 'profiles.create', { displayName: MARKER })
  return { core, recoveryCode, dir }
}

async function exportBackup(core: Core): Promise<Buffer> {
  const made = (await value(core, 'vault.exportBackup', {})) as {
    outcome: string
    base64?: string
  }
  expect(made.outcome).toBe('download')
  return Buffer.from(made.base64!, 'base64')
}

let uploads = 0
/** Sends the file in parts, as the page does; answers the upload's id. */
async function upload(core: Core, bytes: Buffer, partBytes = BACKUP_PART_MAX_BYTES) {
  const uploadId = (++uploads).toString(16).padStart(12, 'a')
  let at = 0
  do {
    await value(core, 'vault.uploadBackupPart', {
      uploadId,
      offset: at,
      base64: bytes.subarray(at, at + partBytes).toString('base64')
    })
    at += partBytes
  } while (at < bytes.length)
  return uploadId
}

/**
 * The record as it stands once the plan has been seen: the first look at a plan remembers it (to
 * tell later changes), which is itself a change, and the backup is made after it.
 */
async function readTwice(core: Core) {
  await wholeRecord(core)
  return wholeRecord(core)
}

/** Everything a person sees of their record: each person's summary and care plan. */
async function wholeRecord(core: Core) {
  const people = (await value(core, 'profiles.list', {})) as { id: string; displayName: string }[]
  const out = []
  for (const p of people.sort((a, b) => a.displayName.localeCompare(b.displayName))) {
    out.push({
      person: p,
      summary: await value(core, 'record.summary', { profileId: p.id }),
      plan: await value(core, 'careplan.get', { profileId: p.id })
    })
  }
  return out
}

describe('the backup file', () => {
  it('restores into an empty data folder as the same record, and opens with the same passphrase', async () => {
    const { core } = await vaultWithRecord()
    const before = await readTwice(core)
    const file = await exportBackup(core)

    const elsewhere = newCore(tempDir())
    expect(elsewhere.vault.state).toBe('none')
    const uploadId = await upload(elsewhere, file, 64 * 1024)
    const restored = await call(elsewhere, 'vault.importBackup', {
      uploadId,
      secret: { kind: 'passphrase', passphrase: PASSPHRASE },
      replaceExisting: false
    })
    expect(restored).toEqual({ ok: true, value: { state: 'unlocked' } })
    expect(await wholeRecord(elsewhere)).toEqual(before)

    await elsewhere.vault.lock()
    await elsewhere.vault.unlock(PASSPHRASE)
    expect(elsewhere.vault.db.pragma('integrity_check', { simple: true })).toBe('ok')
    // The upload is gone once used.
    expect(readdirSync(elsewhere.vault.dataDir).filter((n) => n.includes('upload'))).toEqual([])
  })

  it('restores with the recovery code, which sets a new passphrase', async () => {
    const { core, recoveryCode } = await vaultWithRecord()
    const before = await readTwice(core)
    const file = await exportBackup(core)
    const elsewhere = newCore(tempDir())

    const wrongCode = await call(elsewhere, 'vault.importBackup', {
      uploadId: await upload(elsewhere, file),
      secret: {
        kind: 'recoveryCode',
        recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF',
        newPassphrase: 'a passphrase for the new laptop'
      },
      replaceExisting: false
    })
    expect(codeOf(wrongCode)).toBe('WRONG_RECOVERY_CODE')
    expect(elsewhere.vault.state).toBe('none')

    await value(elsewhere, 'vault.importBackup', {
      uploadId: await upload(elsewhere, file),
      secret: {
        kind: 'recoveryCode',
        recoveryCode: recoveryCode.toLowerCase(),
        newPassphrase: 'a passphrase for the new laptop'
      },
      replaceExisting: false
    })
    expect(await wholeRecord(elsewhere)).toEqual(before)
    await elsewhere.vault.lock()
    expect(codeOf(await call(elsewhere, 'vault.unlock', { passphrase: PASSPHRASE }))).toBe(
      'WRONG_PASSPHRASE'
    )
    await elsewhere.vault.unlock('a passphrase for the new laptop')
    // The recovery code still opens it: it was not changed, only the passphrase.
    await elsewhere.vault.lock()
    await elsewhere.vault.recover(recoveryCode, 'and another one after that')
  })

  it('holds nothing of the record in readable form, in UTF-8 or UTF-16', async () => {
    const { core } = await vaultWithRecord()
    const file = await exportBackup(core)
    for (const text of [MARKER, 'Alex', 'SQLite format 3']) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        expect(file.includes(Buffer.from(text, encoding)), `${text} in ${encoding}`).toBe(false)
      }
      expect(file.includes(Buffer.from(text, 'utf16le').swap16()), `${text} in UTF-16BE`).toBe(
        false
      )
    }
    // What the file says about itself, in the open: only what it is.
    expect(file.subarray(0, 14).toString('latin1')).toBe('LANTERN-BACKUP')
  })

  it('calls a file with one flipped byte damaged, wherever the byte is, and a wrong passphrase wrong', async () => {
    const { core } = await vaultWithRecord()
    const file = await exportBackup(core)
    const elsewhere = newCore(tempDir())
    const restore = async (bytes: Buffer, passphrase = PASSPHRASE) =>
      call(elsewhere, 'vault.importBackup', {
        uploadId: await upload(elsewhere, bytes),
        secret: { kind: 'passphrase', passphrase },
        replaceExisting: false
      })

    const wrong = await restore(file, 'not the passphrase at all')
    expect(codeOf(wrong)).toBe('WRONG_PASSPHRASE')

    // The magic, the version, the header, the middle of the database, its last byte, the checksum.
    for (const at of [3, 17, 40, Math.floor(file.length / 2), file.length - 33, file.length - 1]) {
      const flipped = Buffer.from(file)
      flipped[at] = flipped[at]! ^ 0x01
      const result = await restore(flipped)
      expect(codeOf(result), `byte ${at} of ${file.length}`).toBe('BACKUP_FILE_DAMAGED')
      if (!result.ok) expect(result.error.message).toMatch(/damaged/)
    }
    // One character of the wrapped key changed to another valid one: without the checksum this
    // would read as a wrong passphrase, the one mistake the person must not be told they made.
    const inKey = file.indexOf('"ciphertext":"') + 20
    const changedKey = Buffer.from(file)
    changedKey[inKey] = changedKey[inKey] === 0x41 ? 0x42 : 0x41
    expect(codeOf(await restore(changedKey))).toBe('BACKUP_FILE_DAMAGED')
    // Cut short, as a copy interrupted part-way.
    expect(codeOf(await restore(file.subarray(0, file.length - 1000)))).toBe('BACKUP_FILE_DAMAGED')
    expect(codeOf(await restore(file.subarray(0, 20)))).toBe('BACKUP_FILE_DAMAGED')
    // Another kind of file chosen by mistake.
    expect(codeOf(await restore(Buffer.from('%PDF-1.7\n' + 'x'.repeat(5000))))).toBe(
      'NOT_A_BACKUP_FILE'
    )
    expect(codeOf(await restore(Buffer.alloc(0)))).toBe('NOT_A_BACKUP_FILE')
    // Nothing was written: there is still no vault here, and nothing staged.
    expect(elsewhere.vault.state).toBe('none')
    expect(existsSync(join(elsewhere.vault.dataDir, 'vault.db'))).toBe(false)
    expect(
      readdirSync(elsewhere.vault.dataDir).filter((n) => n.startsWith('.vault.db.restoring'))
    ).toEqual([])
  })

  it('asks before replacing a vault already here, and keeps the old one aside when told', async () => {
    const { core } = await vaultWithRecord()
    const before = await readTwice(core)
    const file = await exportBackup(core)

    const dir = tempDir()
    const here = newCore(dir)
    await here.vault.create('the passphrase of the vault already here')
    await value(here, 'profiles.create', { displayName: 'Someone already here' })
    const oldKeyFile = readFileSync(join(dir, 'vault.key.json'))

    const refused = await call(here, 'vault.importBackup', {
      uploadId: await upload(here, file),
      secret: { kind: 'passphrase', passphrase: PASSPHRASE },
      replaceExisting: false
    })
    expect(codeOf(refused)).toBe('VAULT_EXISTS')
    expect(
      ((await value(here, 'profiles.list', {})) as { displayName: string }[])[0]
    ).toMatchObject({ displayName: 'Someone already here' })
    expect(readdirSync(dir).filter((n) => n.startsWith('replaced-'))).toEqual([])

    await value(here, 'vault.importBackup', {
      uploadId: await upload(here, file),
      secret: { kind: 'passphrase', passphrase: PASSPHRASE },
      replaceExisting: true
    })
    expect(await wholeRecord(here)).toEqual(before)
    const aside = readdirSync(dir).filter((n) => n.startsWith('replaced-'))
    expect(aside).toHaveLength(1)
    expect(readFileSync(join(dir, aside[0]!, 'vault.key.json'))).toEqual(oldKeyFile)
    expect(existsSync(join(dir, aside[0]!, 'vault.db'))).toBe(true)
  })

  it('takes the parts only in order, and refuses an upload it never started', async () => {
    const { core } = await vaultWithRecord()
    const part = Buffer.alloc(1000, 7).toString('base64')
    await value(core, 'vault.uploadBackupPart', {
      uploadId: 'cccccccccccc',
      offset: 0,
      base64: part
    })
    const gap = await call(core, 'vault.uploadBackupPart', {
      uploadId: 'cccccccccccc',
      offset: 5000,
      base64: part
    })
    expect(codeOf(gap)).toBe('INVALID_INPUT')
    const never = await call(core, 'vault.uploadBackupPart', {
      uploadId: 'dddddddddddd',
      offset: 1000,
      base64: part
    })
    expect(codeOf(never)).toBe('NOT_FOUND')
    // The upload is private to the user, like every file Lantern writes.
    const [uploaded] = readdirSync(core.vault.dataDir).filter((n) => n.includes('upload'))
    expect(statSync(join(core.vault.dataDir, uploaded!)).mode & 0o777).toBe(0o600)
  })

  it('saves where the save dialog says, private, and Settings then knows when', async () => {
    const dir = tempDir()
    const saveTo = join(tempDir(), 'Lantern backup.lantern-backup')
    const asked: string[] = []
    const core = newCore(dir, {
      chooseExportPath: async (suggested, kind) => {
        asked.push(`${kind}: ${suggested}`)
        return saveTo
      }
    })
    await core.vault.create(PASSPHRASE)
    await value(core, 'profiles.create', { displayName: MARKER })
    expect(
      ((await value(core, 'settings.get', {})) as { lastBackupFileAt: unknown }).lastBackupFileAt
    ).toBeNull()

    const saved = await value(core, 'vault.exportBackup', {})
    expect(saved).toEqual({
      outcome: 'saved',
      fileName: expect.stringMatching(/^Lantern backup \d{4}-\d{2}-\d{2}\.lantern-backup$/)
    })
    expect(asked).toEqual([expect.stringMatching(/^backup: Lantern backup /)])
    expect(statSync(saveTo).mode & 0o777).toBe(0o600)
    expect(readFileSync(saveTo).subarray(0, 14).toString('latin1')).toBe('LANTERN-BACKUP')
    const { lastBackupFileAt } = (await value(core, 'settings.get', {})) as {
      lastBackupFileAt: string
    }
    expect(Date.now() - Date.parse(lastBackupFileAt)).toBeLessThan(60_000)
    // Nothing left behind in the data folder: the copy the file was made from is gone.
    expect(readdirSync(join(dir, 'backups')).filter((n) => n.includes('export'))).toEqual([])
  })

  it("is written and read on the vault's worker for a large vault, with the same outcomes", async () => {
    // Every file counts as large: the worker does the whole-file work, as for a real vault. The
    // worker logs each job it runs, so the test sees that it did.
    const jobLog = join(tempDir(), 'jobs.log')
    process.env.LANTERN_TEST_VAULT_JOB_LOG = jobLog
    const onWorker = {
      copyOnWorkerFrom: 0,
      vaultWorker: resolve('tests/unit/helpers/loggingVaultWorker.ts')
    }
    const ran = () => (existsSync(jobLog) ? readFileSync(jobLog, 'utf8').split('\n') : [])
    const dir = tempDir()
    const core = newCore(dir, onWorker)
    await core.vault.create(PASSPHRASE)
    await value(core, 'profiles.loadSample', {})
    const before = await readTwice(core)
    const file = await exportBackup(core)
    expect(ran()).toContain('vault.writeBackupFile')

    const elsewhere = newCore(tempDir(), onWorker)
    const flipped = Buffer.from(file)
    flipped[Math.floor(file.length / 2)]! ^= 0x01
    const damaged = await call(elsewhere, 'vault.importBackup', {
      uploadId: await upload(elsewhere, flipped),
      secret: { kind: 'passphrase', passphrase: PASSPHRASE },
      replaceExisting: false
    })
    expect(codeOf(damaged)).toBe('BACKUP_FILE_DAMAGED')
    expect(ran()).toContain('vault.readBackupFile')
    await value(elsewhere, 'vault.importBackup', {
      uploadId: await upload(elsewhere, file),
      secret: { kind: 'passphrase', passphrase: PASSPHRASE },
      replaceExisting: false
    })
    expect(await wholeRecord(elsewhere)).toEqual(before)
  })

  it('is refused while the vault is locked', async () => {
    const { core } = await vaultWithRecord()
    await core.vault.lock()
    expect(codeOf(await call(core, 'vault.exportBackup', {}))).toBe('VAULT_LOCKED')
  })
})
