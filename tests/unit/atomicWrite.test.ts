/**
 * A file the core writes (a key file, a backup's key, later an export) is never left half
 * written: if the process is killed mid-write the target is absent or its previous complete
 * version, and the temporary file the kill left behind is removed at the next start.
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  ATOMIC_TEMP_PATTERN,
  removeStrayTempFiles,
  writeFileAtomic
} from '../../electron/core/atomicFile.ts'
import { cleanupTempDirs, newCore, tempDir } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

const CHILD = resolve('tests/unit/helpers/atomicWriteChild.ts')
// Large enough that writing and flushing it takes far longer than noticing its temp file.
const MEGABYTES = 192

/** The blocking writer (key files) and the one exports use, which writes on libuv's threads. */
const WRITERS = ['sync', 'async'] as const

const strays = (dir: string) => readdirSync(dir).filter((name) => ATOMIC_TEMP_PATTERN.test(name))

/** Starts a child writing over `target`, kills it as soon as its temp file exists. */
function killMidWrite(
  target: string,
  fill: number,
  how: 'sync' | 'async' = 'sync'
): Promise<{ finished: boolean }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON',
        CHILD,
        target,
        String(MEGABYTES),
        String(fill),
        how
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('error', reject)
    const dir = join(target, '..')
    const watch = setInterval(() => {
      if (strays(dir).length > 0) {
        clearInterval(watch)
        child.kill('SIGKILL')
      }
    }, 1)
    child.on('exit', (_code, signal) => {
      clearInterval(watch)
      if (signal !== 'SIGKILL') reject(new Error(`the writer ended by itself: ${out}${err}`))
      else resolvePromise({ finished: out.includes('done') })
    })
  })
}

describe('atomic file writes under kill -9', () => {
  it.each(WRITERS)(
    'leaves no file when the first write is killed, and the stray temp file goes (%s)',
    async (how) => {
      const dir = tempDir()
      const target = join(dir, 'summary.pdf')
      const { finished } = await killMidWrite(target, 0x41, how)
      expect(finished).toBe(false)
      expect(existsSync(target)).toBe(false)
      expect(strays(dir)).toHaveLength(1)
      expect(removeStrayTempFiles(dir)).toHaveLength(1)
      expect(readdirSync(dir)).toEqual([])
    },
    60_000
  )

  it.each(WRITERS)(
    'keeps the previous complete file, byte for byte, when a rewrite is killed (%s)',
    async (how) => {
      const dir = tempDir()
      const target = join(dir, 'summary.pdf')
      const previous = Buffer.alloc(3 * 1024 * 1024 + 17, 0x50)
      previous.write('%PDF-1.7 the previous complete export', 'latin1')
      writeFileAtomic(target, previous)
      const { finished } = await killMidWrite(target, 0x42, how)
      expect(finished).toBe(false)
      expect(readFileSync(target).equals(previous)).toBe(true)
      removeStrayTempFiles(dir)
      expect(readdirSync(dir)).toEqual(['summary.pdf'])
    },
    60_000
  )

  it('writes privately (0600) and removes only its own temp files', () => {
    const dir = tempDir()
    const target = join(dir, 'card.pdf')
    writeFileAtomic(target, Buffer.from('%PDF-1.7 card'))
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o600)
    for (const name of [
      '.card.pdf.0123456789ab.tmp',
      'notes.tmp',
      '.card.pdf.tmp',
      'x.0123456789ab.tmp'
    ]) {
      writeFileAtomic(join(dir, name), 'x')
    }
    expect(removeStrayTempFiles(dir)).toEqual(['.card.pdf.0123456789ab.tmp'])
    expect(readdirSync(dir).sort()).toEqual([
      '.card.pdf.tmp',
      'card.pdf',
      'notes.tmp',
      'x.0123456789ab.tmp'
    ])
  })

  it('the next start of the core removes a killed write’s temp file from the vault folder', async () => {
    const dir = tempDir()
    const target = join(dir, 'vault.key.json')
    await killMidWrite(target, 0x43)
    expect(strays(dir)).toHaveLength(1)
    newCore(dir)
    expect(strays(dir)).toEqual([])
  }, 60_000)
})
