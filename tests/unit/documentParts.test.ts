/**
 * An imported document is saved in parts, each in its own short transaction, so the core keeps
 * answering while 8 MB is written (migration 100); it is read back and deleted a part per turn
 * for the same reason. What comes back must be exactly what went in, whatever the text (a
 * character must never be cut in two), and an import or a delete cut short must leave nothing
 * behind: no document, and no parts after the next unlock.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import {
  deleteDocument,
  documentParts,
  getDocument,
  listDocuments,
  readDocumentInTurns,
  saveDocument
} from '../../electron/core/library/documents.ts'
import { MAX_IMPORT_BYTES } from '../../electron/shared/library.ts'
import { longestHold } from './helpers/threadHold.ts'
import { PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

const utf8 = (text: string) => new TextEncoder().encode(text)
const strict = new TextDecoder('utf-8', { fatal: true })

// Text with characters of every length in UTF-8, emoji and other characters outside the Basic
// Multilingual Plane included.
const html = fc.string({ unit: 'grapheme', maxLength: 300 })

describe('a document cut into parts', () => {
  it('joins back to the same text, in parts no longer than asked, never cutting a character', () => {
    fc.assert(
      fc.property(html, fc.integer({ min: 1, max: 50 }), (text, size) => {
        const parts = documentParts(utf8(text), size)
        // Each part is whole UTF-8 on its own: a cut character would make the strict decoder throw.
        const decoded = parts.map((part) => strict.decode(part))
        expect(decoded.join('')).toBe(text)
        for (const part of parts) {
          expect(part.length).toBeGreaterThan(0)
          // Longer than asked only when one character is longer than that (at most 4 bytes).
          expect(part.length).toBeLessThanOrEqual(Math.max(size, 4))
          if (part.length > size) expect([...strict.decode(part)]).toHaveLength(1)
        }
      }),
      { numRuns: 3000 }
    )
  })

  it('comes back from the encrypted database exactly as it was saved', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    const db = core.vault.db
    await fc.assert(
      fc.asyncProperty(html, fc.integer({ min: 1, max: 40 }), async (text, size) => {
        const saved = await saveDocument(
          db,
          { title: 'Letter', fileName: 'letter.html', kind: 'html', html: utf8(text) },
          size
        )
        expect(getDocument(db, saved.id).html).toBe(text)
        expect((await readDocumentInTurns(db, saved.id)).html).toBe(text)
      }),
      { numRuns: 300 }
    )
  })

  it('an import cut short by a lock leaves no document, and its parts go at the next unlock', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    const db = core.vault.db
    const kept = await saveDocument(db, {
      title: 'Kept',
      fileName: 'kept.txt',
      kind: 'text',
      html: utf8('<p>Clinic letter</p>')
    })
    const saving = saveDocument(
      db,
      { title: 'Diary', fileName: 'diary.md', kind: 'markdown', html: utf8('x'.repeat(10_000)) },
      100
    )
    // A few parts are written, one per turn of the event loop; then the vault locks.
    const parts = () => Number(db.prepare('SELECT count(*) FROM document_parts').pluck().get())
    while (parts() < 4) await new Promise((resolve) => setTimeout(resolve, 1))
    await core.vault.lock()
    await expect(saving).rejects.toMatchObject({ code: 'VAULT_LOCKED' })

    await core.vault.unlock(PASSPHRASE)
    const reopened = core.vault.db
    expect(listDocuments(reopened).map((d) => d.title)).toEqual(['Kept'])
    expect(reopened.prepare('SELECT document_id FROM document_parts').pluck().all()).toEqual([
      kept.id
    ])
    expect(getDocument(reopened, kept.id).html).toBe('<p>Clinic letter</p>')
  })

  it('the largest document is read and deleted a part per turn, never holding the core for long', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    const db = core.vault.db
    const paragraph = '<p>Platelets were 45 after the transfusion on Tuesday. Café au lait.</p>\n'
    const text = paragraph.repeat(Math.floor(MAX_IMPORT_BYTES / paragraph.length))
    const saved = await saveDocument(db, {
      title: 'Diary',
      fileName: 'diary.html',
      kind: 'html',
      html: utf8(text)
    })
    let read = ''
    // Read at once, 8 MB held the thread for 60 to 130 ms; deleted at once, 100 ms and more.
    expect(
      await longestHold(async () => (read = (await readDocumentInTurns(db, saved.id)).html))
    ).toBeLessThan(30)
    expect(read).toBe(text)
    expect(await longestHold(() => deleteDocument(db, saved.id))).toBeLessThan(30)
    expect(listDocuments(db)).toEqual([])
    expect(db.prepare('SELECT count(*) FROM document_parts').pluck().get()).toBe(0)
  }, 120_000)

  it('a delete cut short by a lock leaves no document, and its parts go at the next unlock', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    const db = core.vault.db
    const saved = await saveDocument(
      db,
      { title: 'Diary', fileName: 'diary.md', kind: 'markdown', html: utf8('x'.repeat(10_000)) },
      100
    )
    const deleting = deleteDocument(db, saved.id)
    // Gone from the list at once, its parts going one per turn; then the vault locks.
    expect(listDocuments(db)).toEqual([])
    await core.vault.lock()
    await deleting
    await core.vault.unlock(PASSPHRASE)
    expect(core.vault.db.prepare('SELECT count(*) FROM document_parts').pluck().get()).toBe(0)
    await expect(readDocumentInTurns(core.vault.db, saved.id)).rejects.toMatchObject({
      code: 'NOT_FOUND'
    })
  })
})
