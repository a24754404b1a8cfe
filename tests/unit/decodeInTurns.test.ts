/**
 * An imported file's base64 is decoded a megabyte per turn of the event loop and its bytes moved
 * (not copied) to the conversion's worker, and the HTML comes back the same way, because copying
 * 8 MB between threads held the core for 30 to 45 ms. The bytes must be the file's, whatever the
 * slice size, and the memory must really move: a copy would still pass a test on the bytes.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { transferables } from '../../electron/core/jobs/transferables.ts'
import { decodeBase64InTurns } from '../../electron/core/library/decodeInTurns.ts'
import { PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

describe('base64 decoded in turns', () => {
  it('gives the bytes Node decodes at once, for any slice size, in memory of their own', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 200 }),
        fc.integer({ min: 1, max: 20 }),
        async (bytes, quarter) => {
          const base64 = Buffer.from(bytes).toString('base64')
          const decoded = await decodeBase64InTurns(base64, quarter * 4)
          expect(Buffer.from(decoded).equals(Buffer.from(bytes))).toBe(true)
          expect(decoded.byteOffset).toBe(0)
          expect(decoded.byteLength).toBe(decoded.buffer.byteLength)
        }
      ),
      { numRuns: 2000 }
    )
  })

  it('refuses slices that would cut base64 in the middle of a group', async () => {
    await expect(decodeBase64InTurns('QUJD', 3)).rejects.toThrow(RangeError)
  })
})

describe('bytes moved between threads', () => {
  it('moves arrays that own their memory and copies those that share it', () => {
    const own = new Uint8Array(8)
    const pooled = Buffer.from('short')
    expect(transferables(own)).toEqual([own.buffer])
    expect(transferables({ title: 't', html: own, sections: null })).toEqual([own.buffer])
    // A small Buffer is a slice of Node's shared pool: moving the pool would empty every other.
    expect(transferables({ bytes: pooled })).toEqual([])
    expect(transferables('text')).toEqual([])
  })

  it('leaves the core holding nothing of a file it handed to the worker', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    const bytes = new TextEncoder().encode('# Clinic note\n\nEcho booked for June.\n')
    const converted = await core.jobs.runJob('convertDocument', {
      fileName: 'note.md',
      kind: 'markdown',
      bytes
    })
    // Moved: the core's array is detached. The HTML came back moved, in memory of its own.
    expect(bytes.byteLength).toBe(0)
    expect(converted.html.byteLength).toBe(converted.html.buffer.byteLength)
    expect(new TextDecoder().decode(converted.html)).toContain('Echo booked for June.')
  })
})
