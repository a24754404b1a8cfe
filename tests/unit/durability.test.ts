/**
 * "Never loses an edit": a process killed mid-burst keeps every write it acknowledged, a
 * passphrase change killed mid-write leaves a key file that one of the two passphrases opens,
 * and so does a re-encryption under a new data key, with all the data.
 */
import { spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { verifyDatabaseCopy } from '../../electron/core/vault/database.ts'
import { readEnvelope } from '../../electron/core/vault/envelope.ts'
import { unwrapKey } from '../../electron/core/vault/keyCrypto.ts'
import {
  PASSPHRASE,
  cleanupTempDirs,
  newCore,
  rotatingPassphrase,
  tempDir
} from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

const CHILD = resolve('tests/unit/helpers/crashChild.ts')
const ROUNDS = 6

/**
 * Starts the child, waits until it is working, kills it after a random 150 ms to `latestMs`,
 * returns what it printed.
 */
function runAndKill(args: string[], latestMs = 600): Promise<string[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', CHILD, ...args],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    let out = ''
    let err = ''
    let timer: NodeJS.Timeout | undefined
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (!timer && out.includes('ready\n')) {
        timer = setTimeout(() => child.kill('SIGKILL'), 150 + Math.random() * (latestMs - 150))
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`child ended by itself: ${err}`))
      // Only complete lines count: a line cut by the kill was never fully acknowledged.
      const lines = out.split('\n')
      lines.pop()
      resolvePromise(lines.filter((line) => line !== 'ready'))
    })
  })
}

describe('durability under kill -9', () => {
  it(`keeps every acknowledged save across ${ROUNDS} killed writers`, async () => {
    const dir = tempDir()
    const setup = newCore(dir)
    await setup.vault.create(PASSPHRASE)
    await setup.shutdown()

    let acknowledged: string[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const lines = await runAndKill(['profiles', dir, PASSPHRASE])
      acknowledged = acknowledged.concat(lines.map((line) => line.replace(/^saved /, '')))
    }
    expect(acknowledged.length).toBeGreaterThan(ROUNDS * 5)

    const check = newCore(dir)
    await check.vault.unlock(PASSPHRASE)
    expect(check.vault.db.pragma('integrity_check', { simple: true })).toBe('ok')
    const stored = new Set((await check.handlers['profiles.list']({})).map((p) => p.displayName))
    const lost = acknowledged.filter((name) => !stored.has(name))
    expect(lost).toEqual([])
  })

  it('a passphrase change killed at any moment keeps the last acknowledged passphrase (or the one in flight)', async () => {
    const dir = tempDir()
    const setup = newCore(dir)
    await setup.vault.create(rotatingPassphrase(0))
    await setup.shutdown()

    let current = 0
    let changes = 0
    for (let round = 0; round < ROUNDS; round++) {
      const lines = await runAndKill(['passphrase', dir, String(current)])
      changes += lines.length
      const acknowledged = lines.length > 0 ? Number(lines.at(-1)!.replace(/^now /, '')) : current
      const core = newCore(dir)
      const unlocks = async (n: number) =>
        core.vault.unlock(rotatingPassphrase(n)).then(
          () => true,
          () => false
        )
      // Exactly one of: the last acknowledged passphrase, or the change that was in flight.
      if (await unlocks(acknowledged)) current = acknowledged
      else {
        expect(await unlocks(acknowledged + 1)).toBe(true)
        current = acknowledged + 1
      }
      await core.shutdown()
    }
    expect(changes).toBeGreaterThan(ROUNDS)
  })

  it('a re-encryption killed at any moment leaves a vault that opens, with all its data, under the old or the new passphrase', async () => {
    const dir = tempDir()
    const setup = newCore(dir)
    await setup.vault.create(rotatingPassphrase(0))
    for (const name of ['Ada', 'Ben', 'Cleo']) {
      await setup.handlers['profiles.create']({ displayName: name })
    }
    await setup.shutdown()

    let current = 0
    let changes = 0
    for (let round = 0; round < ROUNDS; round++) {
      // A re-encryption pauses between its steps (so progress can be asked for): give the kill
      // a window that reaches its last steps too.
      const lines = await runAndKill(['reencrypt', dir, String(current)], 1500)
      changes += lines.length
      const acknowledged = lines.length > 0 ? Number(lines.at(-1)!.replace(/^now /, '')) : current
      const core = newCore(dir)
      const unlocks = async (n: number) =>
        core.vault.unlock(rotatingPassphrase(n)).then(
          () => true,
          () => false
        )
      if (await unlocks(acknowledged)) current = acknowledged
      else {
        expect(await unlocks(acknowledged + 1)).toBe(true)
        current = acknowledged + 1
      }
      expect(core.vault.db.pragma('integrity_check', { simple: true })).toBe('ok')
      const names = (await core.handlers['profiles.list']({})).map((p) => p.displayName).sort()
      expect(names).toEqual(['Ada', 'Ben', 'Cleo'])
      // Whatever moment the kill came at, every backup opens with the key of today's vault
      // (a backup under a retired key is gone), and no staged file is left behind.
      const key = (await unwrapKey(
        readEnvelope(core.vault.envelopeFile)!.wraps.passphrase,
        rotatingPassphrase(current),
        'passphrase'
      ))!
      const backups = core.vault.listBackups()
      expect(backups.length).toBeGreaterThan(0)
      for (const backup of backups)
        expect(verifyDatabaseCopy(backup.file, key).tables).toBeGreaterThan(0)
      expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([])
      await core.shutdown()
    }
    expect(changes).toBeGreaterThan(0)
  })
})
