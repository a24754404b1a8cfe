/**
 * The one way every export leaves the core (exports/deliverFile.ts): to the place the native
 * dialog names, privately and atomically, or back as base64 for the browser's download, with
 * its phase told to `export.progress` meanwhile. A closed dialog makes and writes nothing.
 */
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { writeFileAtomicAsync } from '../../electron/core/atomicFile.ts'
import { CoreError } from '../../electron/core/errors.ts'
import {
  type DeliverDeps,
  deliverFile,
  deliverWrittenFile
} from '../../electron/core/exports/deliverFile.ts'
import { ExportProgress } from '../../electron/core/exports/progress.ts'
import type { ExportFileKind } from '../../electron/shared/export.ts'
import { longestHold } from './helpers/threadHold.ts'
import { cleanupTempDirs, tempDir } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

interface Harness {
  deps: DeliverDeps
  asked: { fileName: string; kind: ExportFileKind }[]
  notes: { target: string; ended: boolean }[]
}

/** Deliver deps with a dialog that answers `choose` (none: the bridge's download path). */
function harness(choose?: (fileName: string) => string | null): Harness {
  const asked: Harness['asked'] = []
  const notes: Harness['notes'] = []
  const deps: DeliverDeps = {
    noteWriting: (target) => {
      const note = { target, ended: false }
      notes.push(note)
      return () => (note.ended = true)
    },
    scratchDir: tempDir(),
    progress: new ExportProgress(),
    ...(choose && {
      chooseExportPath: async (fileName, kind) => {
        asked.push({ fileName, kind })
        return choose(fileName)
      }
    })
  }
  return { deps, asked, notes }
}

const decoded = (result: Awaited<ReturnType<typeof deliverFile>>) => {
  if (result.outcome !== 'download') throw new Error(`expected a download, got ${result.outcome}`)
  return Buffer.from(result.base64, 'base64')
}

describe('deliverFile', () => {
  it('answers the exact bytes for a download, across the parts it encodes them in', async () => {
    const { deps } = harness()
    // Not a multiple of the 768 KB parts, nor of three: the last part is short and padded.
    const bytes = randomBytes(3 * 768 * 1024 + 1001)
    const result = await deliverFile(deps, { fileName: 'a.pdf', kind: 'pdf' }, () => bytes)
    expect(result).toMatchObject({ outcome: 'download', fileName: 'a.pdf' })
    expect(decoded(result).equals(bytes)).toBe(true)
    const text = 'Zoë Núñez-O’Brien,“méthotrexate”\r\n'.repeat(40_000)
    const asText = await deliverFile(deps, { fileName: 'a.csv', kind: 'csv' }, () => text)
    expect(decoded(asText).toString('utf8')).toBe(text)
    // Nothing is written for a download: the bytes go back from memory.
    expect(readdirSync(deps.scratchDir)).toEqual([])
  })

  it('saves where the dialog says, private to the user, and ends its note of the write', async () => {
    const folder = tempDir()
    const { deps, asked, notes } = harness((name) => join(folder, name))
    const result = await deliverFile(
      deps,
      { fileName: 'Lantern record.json', kind: 'fhir' },
      async () => '{"resourceType":"Bundle"}'
    )
    expect(result).toEqual({ outcome: 'saved', fileName: 'Lantern record.json' })
    expect(asked).toEqual([{ fileName: 'Lantern record.json', kind: 'fhir' }])
    const target = join(folder, 'Lantern record.json')
    expect(readFileSync(target, 'utf8')).toBe('{"resourceType":"Bundle"}')
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o600)
    expect(notes).toEqual([{ target, ended: true }])
    expect(readdirSync(folder)).toEqual(['Lantern record.json'])
  })

  it('makes nothing and writes nothing when the dialog is closed', async () => {
    const { deps } = harness(() => null)
    let made = false
    const result = await deliverFile(deps, { fileName: 'a.ics', kind: 'calendar' }, () => {
      made = true
      return 'BEGIN:VCALENDAR'
    })
    expect(result).toEqual({ outcome: 'cancelled' })
    expect(made).toBe(false)
    expect(deps.progress.current()).toBeNull()
  })

  it('says the file could not be saved, naming no path, when the folder cannot take it', async () => {
    const folder = tempDir()
    const { deps, notes } = harness(() => join(folder, 'gone', 'a.pdf'))
    const failure = await deliverFile(deps, { fileName: 'a.pdf', kind: 'pdf' }, () => 'x').catch(
      (error: unknown) => error
    )
    expect(failure).toBeInstanceOf(CoreError)
    expect((failure as CoreError).message).toBe(
      'Lantern could not save the file there. Try another folder.'
    )
    expect((failure as CoreError).message).not.toContain(folder)
    expect(notes.map((n) => n.ended)).toEqual([true])
    expect(deps.progress.current()).toBeNull()
  })

  it('tells export.progress each phase, and two exports at once do not end each other’s', async () => {
    const { deps } = harness()
    const seen: (string | null)[] = []
    let releaseFirst = () => {}
    const first = deliverFile(deps, { fileName: 'a.pdf', kind: 'pdf' }, async (phase) => {
      seen.push(deps.progress.current())
      phase('laying-out')
      seen.push(deps.progress.current())
      await new Promise<void>((resolve) => (releaseFirst = resolve))
      return 'pdf'
    })
    await new Promise((resolve) => setImmediate(resolve))
    let releaseSecond = () => {}
    const second = deliverFile(deps, { fileName: 'b.csv', kind: 'csv' }, async () => {
      await new Promise<void>((resolve) => (releaseSecond = resolve))
      return 'csv'
    })
    await new Promise((resolve) => setImmediate(resolve))
    // The one started last is the one reported.
    expect(deps.progress.current()).toBe('building')
    releaseFirst()
    await first
    expect(deps.progress.current()).toBe('building')
    releaseSecond()
    await second
    expect(seen).toEqual(['building', 'laying-out'])
    expect(deps.progress.current()).toBeNull()
  })

  it('answers a file written at a path (the backup file) and leaves no scratch copy', async () => {
    const { deps } = harness()
    const bytes = randomBytes(2 * 768 * 1024 + 5)
    const result = await deliverWrittenFile(
      deps,
      { fileName: 'Lantern backup.lantern-backup', kind: 'backup' },
      (target) => writeFileAtomicAsync(target, bytes)
    )
    expect(decoded(result).equals(bytes)).toBe(true)
    expect(readdirSync(deps.scratchDir)).toEqual([])

    const folder = tempDir()
    const chosen = harness((name) => join(folder, name))
    await deliverWrittenFile(chosen.deps, { fileName: 'b', kind: 'backup' }, async (target) =>
      writeFileSync(target, bytes)
    )
    expect(readFileSync(join(folder, 'b')).equals(bytes)).toBe(true)
  })

  it('encodes a large download in parts, answering other calls between them', async () => {
    const { deps } = harness()
    const bytes = randomBytes(48 * 1024 * 1024)
    let result: Awaited<ReturnType<typeof deliverFile>> | undefined
    const held = await longestHold(async () => {
      result = await deliverFile(deps, { fileName: 'a', kind: 'backup' }, () => bytes)
    })
    expect(decoded(result!).length).toBe(bytes.length)
    // The whole 48 MB encoded at once holds the thread about 60 to 100 ms; a part, 1 to 3.
    expect(held).toBeLessThan(30)
  }, 30_000)
})
