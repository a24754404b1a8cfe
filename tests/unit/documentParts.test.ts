/**
 * An imported document is saved in parts, each in its own short transaction, so the core keeps
 * answering while 8 MB is written (migration 100). What comes back must be exactly what went in,
 * whatever the text (an emoji must never be cut in half), and an import cut short must leave
 * nothing behind: no document, and no parts after the next unlock.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import {
  documentParts,
  getDocument,
  listDocuments,
  saveDocument
} from '../../electron/core/library/documents.ts'
import { PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff

// Text with characters outside the Basic Multilingual Plane (emoji, some scripts) as well.
const html = fc.string({ unit: 'binary', maxLength: 400 })

describe('a document cut into parts', () => {
  it('joins back to the same text, in parts no longer than asked, never splitting a pair', () => {
    fc.assert(
      fc.property(html, fc.integer({ min: 1, max: 50 }), (text, size) => {
        const parts = documentParts(text, size)
        expect(parts.join('')).toBe(text)
        for (const part of parts) {
          expect(part.length).toBeGreaterThan(0)
          expect(part.length).toBeLessThanOrEqual(size + 1)
          expect(isHigh(part.charCodeAt(part.length - 1))).toBe(false)
          expect(isLow(part.charCodeAt(0))).toBe(false)
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
          { title: 'Letter', fileName: 'letter.html', kind: 'html', html: text },
          size
        )
        expect(getDocument(db, saved.id).html).toBe(text)
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
      html: '<p>Clinic letter</p>'
    })
    const saving = saveDocument(
      db,
      { title: 'Diary', fileName: 'diary.md', kind: 'markdown', html: 'x'.repeat(10_000) },
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
})
