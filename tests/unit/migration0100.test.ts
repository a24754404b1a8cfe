/**
 * Migration 100: imported documents kept in parts. A vault from before it keeps every document,
 * its HTML whole and readable, and searchable; the unused plain-text copy is gone.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { MIGRATIONS, schemaVersion } from '../../electron/core/vault/migrations/index.ts'
import { PASSPHRASE, cleanupTempDirs, newCore, tempDir } from './helpers/vaultFixture.ts'

afterEach(cleanupTempDirs)

describe('migration 100: documents in parts', () => {
  it('upgrades a version-90 vault, keeping each document whole and searchable', async () => {
    const dir = tempDir()
    const old = newCore(dir, { migrations: MIGRATIONS.filter((m) => m.version < 100) })
    await old.vault.create(PASSPHRASE)
    // As the version-90 app wrote it (today's query module writes parts).
    const html = '<h2>Ferritin</h2><p>Repeat in March 👍 Żółć</p>'
    old.vault.db
      .prepare(
        `INSERT INTO documents (id, title, file_name, kind, html, text, imported_at)
         VALUES ('d1', 'Clinic letter', 'letter.html', 'html', ?, 'Ferritin Repeat in March', '2026-11-01T10:00:00.000Z')`
      )
      .run(html)
    await old.shutdown()

    const core = newCore(dir, { migrations: MIGRATIONS.filter((m) => m.version <= 100) })
    await core.vault.unlock(PASSPHRASE)
    const db = core.vault.db
    expect(schemaVersion(db)).toBe(100)
    expect(await core.handlers['documents.list']({})).toEqual([
      {
        id: 'd1',
        title: 'Clinic letter',
        fileName: 'letter.html',
        kind: 'html',
        importedAt: '2026-11-01T10:00:00.000Z'
      }
    ])
    expect((await core.handlers['documents.get']({ id: 'd1' })).html).toBe(html)
    const columns = db.prepare("SELECT name FROM pragma_table_info('documents')").pluck().all()
    expect(columns).toEqual(['id', 'title', 'file_name', 'kind', 'imported_at'])
    // Documents join the search once their index, built on a worker after unlock, holds them all.
    await core.documentSearch.settled()
    const hits = await core.handlers['library.search']({ query: 'ferritin' })
    expect(hits.some((r) => r.kind === 'document' && r.targetId === 'd1')).toBe(true)
    // Deleting it takes its parts too.
    await core.handlers['documents.delete']({ id: 'd1' })
    expect(db.prepare('SELECT count(*) FROM document_parts').pluck().get()).toBe(0)
  })
})
