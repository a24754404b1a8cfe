/**
 * Search from the first keystroke after unlocking: the documents' index is built on a worker of
 * its own while the guides answer; it finds what the old index, built at once on the core's
 * thread, found; imports and deletes made during the build leave it right; a lock drops it.
 *
 * The build's pace is a gate the test holds (CoreOptions.documentIndexPace), so each import,
 * delete and lock lands at a chosen point of the build.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import { documentIndexJobs } from '../../electron/core/library/documentIndexJobs.ts'
import type { BuildStep } from '../../electron/core/library/documentSearch.ts'
import { documentSections, getDocument } from '../../electron/core/library/documents.ts'
import { makeLibrary, shippedLibrary } from '../../electron/core/library/shippedLibrary.ts'
import {
  buildLibraryIndex,
  buildLibraryIndexInTurns,
  type SearchableDocument
} from '../../electron/core/library/search.ts'
import { referenceDocumentIndex } from './helpers/referenceSearch.ts'
import { PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'
import { expectSameResults } from './helpers/sameResults.ts'

afterEach(cleanupTempDirs)

const RUNS = { numRuns: 1000 }

/**
 * The build's pace, held by the test. Open, each step waits a turn as in the app; closed, each
 * waits at the gate until the test lets the build on to the step it names.
 */
function buildGate() {
  let open = true
  const waiting: { step: BuildStep; go: () => void }[] = []
  return {
    pace: (step: BuildStep) =>
      open
        ? new Promise<void>((resolve) => setImmediate(resolve))
        : new Promise<void>((go) => waiting.push({ step, go })),
    close: () => void (open = false),
    open: () => {
      open = true
      for (const { go } of waiting.splice(0)) go()
    },
    /** Lets the build through until it waits at part `part` of document `documentId`. */
    async until(documentId: string, part: number) {
      for (;;) {
        while (waiting.length === 0) await new Promise((resolve) => setTimeout(resolve, 1))
        const { step, go } = waiting[0]!
        if (step.documentId === documentId && step.part === part) return
        waiting.shift()
        go()
      }
    }
  }
}

const base64 = (text: string) => Buffer.from(text).toString('base64')

/** Imports Markdown through the contract, as the Documents screen does. */
async function importMarkdown(core: Core, fileName: string, markdown: string) {
  const result = await dispatch(core.handlers, 'documents.import', {
    fileName,
    kind: 'markdown',
    content: base64(markdown)
  })
  if (!result.ok) throw new Error(result.error.message)
  return result.value as { id: string; title: string }
}

/** A document whose HTML takes two stored parts (256 KB each), its word in the first. */
const LONG_NOTE = `# Long diary\n\nThe alphaword appointment.\n\n${'Platelets were checked after the transfusion on Tuesday.\n\n'.repeat(5_000)}`

const documentsFound = async (core: Core, query: string) =>
  (await core.handlers['library.search']({ query, limit: 100 }))
    .filter((r) => r.kind === 'document')
    .map((r) => r.targetId)

/** A vault holding the long diary and two short notes, locked, with the gate closed. */
async function vaultWithDocuments() {
  const gate = buildGate()
  const core = newCore(undefined, { documentIndexPace: gate.pace })
  await core.vault.create(PASSPHRASE)
  const long = await importMarkdown(core, 'diary.md', LONG_NOTE)
  const bravo = await importMarkdown(core, 'bravo.md', '# Bravo\n\nThe bravoword clinic.\n')
  const delta = await importMarkdown(core, 'delta.md', '# Delta\n\nThe deltaword clinic.\n')
  await core.vault.lock()
  gate.close()
  return { core, gate, long, bravo, delta }
}

describe('search while the documents are being indexed', () => {
  it('answers with the guides alone, and never fails, until every document is in', async () => {
    const { core, gate, long, bravo, delta } = await vaultWithDocuments()
    await core.vault.unlock(PASSPHRASE)
    await gate.until(long.id, 0)
    expect(core.documentSearch.state).toBe('building')
    const guides = shippedLibrary().index()
    // Nothing has reached the worker yet: any query answers, with what the guides' index gives.
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200, size: 'max' }), async (query) => {
        const result = await dispatch(core.handlers, 'library.search', { query })
        expect(result).toEqual({ ok: true, value: guides.search(query) })
      }),
      { numRuns: 200 }
    )
    // Midway, with the diary and Bravo in the worker and Delta to come: still the guides alone.
    await gate.until(delta.id, 0)
    const midway = await core.handlers['library.search']({ query: 'blinatumomab transfusion' })
    expect(midway.some((r) => r.kind === 'guide')).toBe(true)
    expect(midway.some((r) => r.kind === 'document')).toBe(false)

    gate.open()
    await core.documentSearch.settled()
    expect(core.documentSearch.state).toBe('ready')
    expect(await documentsFound(core, 'bravoword')).toEqual([bravo.id])
  })

  it('a document deleted or imported during the build is found, or not, as the vault says', async () => {
    const { core, gate, long, bravo, delta } = await vaultWithDocuments()
    await core.vault.unlock(PASSPHRASE)
    // The diary deleted while the build reads it (one part read, one to come)...
    await gate.until(long.id, 1)
    await core.handlers['documents.delete']({ id: long.id })
    // ...Bravo deleted after the build sent it to the worker, and a new note imported.
    await gate.until(delta.id, 0)
    await core.handlers['documents.delete']({ id: bravo.id })
    const charlie = await importMarkdown(core, 'charlie.md', '# Charlie\n\nThe charlieword clinic.')
    expect(core.documentSearch.state).toBe('building')

    gate.open()
    await core.documentSearch.settled()
    expect(await documentsFound(core, 'alphaword')).toEqual([])
    expect(await documentsFound(core, 'bravoword')).toEqual([])
    expect(await documentsFound(core, 'charlieword')).toEqual([charlie.id])
    expect(await documentsFound(core, 'deltaword')).toEqual([delta.id])
    // And every result as an index built afresh from what the vault holds now would give (in
    // another order where scores tie: Charlie went in before Delta).
    const reference = referenceDocumentIndex(vaultDocuments(core))
    for (const query of ['clinic', 'the', 'charlie clinic', 'platelets', 'diary']) {
      expectSameResults(
        (await core.documentSearch.search(query, 100))!,
        reference.search(query, 100),
        query
      )
    }
  })

  it('a lock during the build drops the index and its worker; the next unlock builds it whole', async () => {
    const { core, gate, long, bravo, delta } = await vaultWithDocuments()
    await core.vault.unlock(PASSPHRASE)
    // The diary sent to the worker, Bravo about to be read.
    await gate.until(bravo.id, 0)
    expect(core.documentSearch.workers()).toHaveLength(1)

    await core.vault.lock()
    expect(core.documentSearch.state).toBe('closed')
    expect(core.documentSearch.workers()).toHaveLength(0)
    // The stopped build goes no further: nothing more is read or sent, no worker is started.
    gate.open()
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve))
    expect(core.documentSearch.workers()).toHaveLength(0)

    await core.vault.unlock(PASSPHRASE)
    await core.documentSearch.settled()
    expect(await documentsFound(core, 'alphaword')).toEqual([long.id])
    expect(await documentsFound(core, 'bravoword')).toEqual([bravo.id])
    expect(await documentsFound(core, 'deltaword')).toEqual([delta.id])
  })
})

// ---- Against the old index, built at once on the core's thread ----

/** The vault's documents cut into sections, oldest first, as the old index read them. */
function vaultDocuments(core: Core): SearchableDocument[] {
  const ids = core.vault.db
    .prepare('SELECT id FROM documents ORDER BY imported_at, id')
    .pluck()
    .all() as string[]
  return ids.map((id) => {
    const { title, html } = getDocument(core.vault.db, id)
    return { id, title, sections: documentSections(title, html) }
  })
}

const VOCABULARY = [
  'leukemia',
  'leukaemia',
  'tumour',
  'tumors',
  'therapies',
  'therapy',
  'oestrogen',
  'haemoglobin',
  'blasts',
  'platelets',
  'transfusion',
  'ferritin',
  'marrow',
  'intrathecal',
  'methotrexate',
  'children’s',
  'café',
  'ALL',
  'allogeneic',
  'the',
  'and',
  'of'
]
const word = fc.constantFrom(...VOCABULARY)
const words = (max: number) =>
  fc.array(word, { minLength: 1, maxLength: max, size: 'max' }).map((w) => w.join(' '))
/** What a person types: words, half-typed words, typos, or anything at all. */
const query = fc.oneof(
  fc
    .array(
      word.chain((w) =>
        fc.oneof(
          fc.integer({ min: 1, max: w.length }).map((n) => w.slice(0, n)),
          fc
            .tuple(fc.integer({ min: 0, max: w.length - 1 }), fc.constantFrom('x', 'e', ''))
            .map(([i, c]) => w.slice(0, i) + c + w.slice(i + 1))
        )
      ),
      { minLength: 1, maxLength: 3 }
    )
    .map((w) => w.join(' ')),
  fc.string({ maxLength: 12 })
)
/** A document's HTML as the vault keeps it: text, then parts under h2 and h3 headings. */
const documentHtml = fc
  .tuple(
    fc.option(words(30), { nil: null }),
    fc.array(fc.tuple(fc.constantFrom('h2', 'h3'), words(3), words(90)), { maxLength: 3 })
  )
  .map(
    ([lead, parts]) =>
      (lead ? `<p>${lead}</p>` : '') +
      parts.map(([h, title, text]) => `<${h}>${title}</${h}><p>${text}</p>`).join('')
  )

describe('the documents’ index on its worker, against the old index', () => {
  it('finds, ranks and cuts snippets as the old index did, through imports and deletes', () => {
    const step = fc.oneof(
      fc.record({
        add: fc.constantFrom('d1', 'd2', 'd3', 'd4'),
        title: words(3),
        html: documentHtml
      }),
      fc.record({ remove: fc.constantFrom('d1', 'd2', 'd3', 'd4') })
    )
    let session = 0
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 6 }),
        fc.array(query, { maxLength: 4 }),
        (steps, queries) => {
          // The jobs as the worker runs them, here on the test's thread.
          const id = ++session
          documentIndexJobs['documentIndex.open']({ session: id })
          const present = new Map<string, SearchableDocument>()
          for (const s of steps) {
            if ('remove' in s) {
              if (!present.delete(s.remove)) continue
              documentIndexJobs['documentIndex.remove']({ session: id, id: s.remove })
            } else {
              if (present.has(s.add)) continue
              const html = new TextEncoder().encode(s.html)
              documentIndexJobs['documentIndex.add']({
                session: id,
                id: s.add,
                title: s.title,
                html
              })
              present.set(s.add, {
                id: s.add,
                title: s.title,
                sections: documentSections(s.title, s.html)
              })
            }
          }
          const reference = referenceDocumentIndex([...present.values()])
          for (const q of queries) {
            expectSameResults(
              documentIndexJobs['documentIndex.search']({ session: id, query: q, limit: 1000 }),
              reference.search(q, 1000),
              q
            )
          }
        }
      ),
      RUNS
    )
  })

  it('through the core, from a real vault, after the build: the old index’s results for any query', async () => {
    const core = newCore()
    await core.vault.create(PASSPHRASE)
    const documents = fc.sample(fc.tuple(words(3), documentHtml), { numRuns: 12, seed: 14 })
    for (const [i, [title, html]] of documents.entries()) {
      await dispatch(core.handlers, 'documents.import', {
        fileName: `note-${i}.html`,
        kind: 'html',
        content: base64(`<html><body><main><h1>${title}</h1>${html}</main></body></html>`)
      })
    }
    await core.vault.lock()
    await core.vault.unlock(PASSPHRASE)
    await core.documentSearch.settled()
    const reference = referenceDocumentIndex(vaultDocuments(core))
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        expect(await core.documentSearch.search(q, 1000)).toEqual(reference.search(q, 1000))
      }),
      RUNS
    )
  })
})

describe('the guides’ index, built in turns after unlocking', () => {
  it('gives what the index built at once gives, for any query', async () => {
    const { guides, glossary } = shippedLibrary()
    const atOnce = buildLibraryIndex(guides, glossary)
    const inTurns = await buildLibraryIndexInTurns(guides, glossary)
    fc.assert(
      fc.property(query, (q) => {
        expect(inTurns.search(q, 50)).toEqual(atOnce.search(q, 50))
      }),
      RUNS
    )
  })

  it('starts building when the vault is made or unlocked, before the first search', async () => {
    const { guides, glossary } = shippedLibrary()
    const library = makeLibrary(guides, glossary)
    let prepared = 0
    const watched = { ...library, prepare: () => (prepared++, library.prepare()) }
    const core = newCore(undefined, { library: watched })
    await core.handlers['vault.create']({ passphrase: PASSPHRASE })
    expect(prepared).toBe(1)
    await core.vault.lock()
    await core.vault.unlock(PASSPHRASE)
    expect(prepared).toBe(2)
  })
})
