/**
 * The person's documents in search, from the core's side. The index itself lives on a worker of
 * its own (documentIndexJobs.ts): built there right after the vault opens, kept up to date as
 * documents are imported and deleted, searched there as the person types, and gone when the
 * vault locks. Built on the core's thread, as it was, the first search after unlocking held
 * every other call for seconds (100 documents and two files of 8 MB: 3 to 6 s).
 *
 * The core reads each document's HTML from the vault (only it has the key) a part per turn and
 * moves the bytes to the worker. While the index is being built or written, search answers with
 * the guides alone; the documents join once the worker has everything it was sent. So a search
 * never waits behind an 8 MB document being indexed, and never finds one that has been deleted.
 *
 * Import and delete during the build: `indexed` holds every document sent to the worker. The
 * build skips one an import already sent, and one deleted before it was read (checked after
 * reading, in the same turn as sending); an import sends its document unless the build did; a
 * delete takes back only what was sent. The worker runs the jobs in the order they were sent.
 */
import type { Worker } from 'node:worker_threads'
import type { SearchResult } from '../../shared/library.ts'
import { createJobRunner } from '../jobs/runner.ts'
import { nextTurn } from '../nextTurn.ts'
import type { Db } from '../vault/database.ts'
import { documentIds, documentTitle, nextDocumentPart } from './documents.ts'

export type DocumentSearchState = 'closed' | 'building' | 'ready' | 'failed'

export interface DocumentSearch {
  /**
   * 'building' from when the vault opens until every document is in the index; 'ready' after;
   * 'failed' if the index could not be built (twice): search then answers with the guides only
   * until the vault is next opened.
   */
  readonly state: DocumentSearchState
  /** Starts indexing the documents of the vault just opened, from the next turn. */
  open(db: Db): void
  /**
   * The documents' results (sent to the worker at once, so it searches while the caller does
   * other work), or null while the index is being built or written.
   */
  search(query: string, limit?: number): Promise<SearchResult[] | null>
  /** A document just saved: it joins the index, its HTML bytes moved (not copied) to the worker. */
  added(document: { id: string; title: string }, html: Uint8Array): Promise<void>
  /** A document just deleted: it leaves the index before this resolves. */
  removed(id: string): Promise<void>
  /** When the index holds everything it was sent (or there is none): for tests and the bench. */
  settled(): Promise<void>
  /** The vault closed: the index and its worker go. */
  close(): Promise<void>
  /** The index's live worker (none until the first document, none after close), for tests. */
  workers(): readonly Worker[]
}

/** Where a build is: about to read part `part` (from 0) of a document, or to find it has no more. */
export interface BuildStep {
  documentId: string
  part: number
}

export interface DocumentSearchOptions {
  /** The job worker's script (the same as the other jobs'). */
  workerFile: string
  /**
   * Awaited before each part a build reads: a turn of the event loop, so the core answers other
   * calls between them. Tests pass a gate, to import, delete and lock at chosen steps.
   */
  pace?: (step: BuildStep) => Promise<void>
}

/** One opening of the vault's index: everything here belongs to it, and ends with it. */
interface Session {
  id: number
  db: Db
  /** Documents sent to the worker for this session (and not taken back). */
  indexed: Set<string>
  building: boolean
  /** Jobs that change the index, sent and not yet answered. */
  writes: number
  /** Whether the worker was told to start this session's index. */
  opened: boolean
  failed: boolean
  /** How many times the index was started again after a failure. */
  restarts: number
}

/** A worker that died or refused a job: the index is started again once, then left out. */
const MAX_RESTARTS = 1

export function createDocumentSearch({
  workerFile,
  pace = nextTurn
}: DocumentSearchOptions): DocumentSearch {
  // One worker: every job must reach the worker that holds the index, in the order sent.
  const runner = createJobRunner({ workerFile, size: 1 })
  let current: Session | null = null
  let lastId = 0
  let waiters: (() => void)[] = []

  const quiet = (s: Session | null) => !s || s.failed || (!s.building && s.writes === 0)
  const check = () => {
    if (!quiet(current)) return
    const waiting = waiters
    waiters = []
    for (const resolve of waiting) resolve()
  }

  const start = (db: Db, restarts: number): Session => {
    const session: Session = {
      id: ++lastId,
      db,
      indexed: new Set(),
      building: true,
      writes: 0,
      opened: false,
      failed: false,
      restarts
    }
    current = session
    void build(session)
    return session
  }

  const failed = (session: Session) => {
    if (current !== session || session.failed) return
    session.failed = true
    if (session.restarts < MAX_RESTARTS && session.db.open) {
      console.error('Document search: the index was lost; building it again.')
      start(session.db, session.restarts + 1)
    } else {
      console.error('Document search: the index could not be built; guides only until unlock.')
    }
    check()
  }

  /** Sends a job that changes the index; a failure costs the whole index (it is started again). */
  const write = (
    session: Session,
    job:
      | { kind: 'documentIndex.add'; input: { id: string; title: string; html: Uint8Array } }
      | { kind: 'documentIndex.remove'; input: { id: string } }
  ): Promise<void> => {
    if (!session.opened) {
      session.opened = true
      void counted(session, runner.runJob('documentIndex.open', { session: session.id }))
    }
    const sent =
      job.kind === 'documentIndex.add'
        ? runner.runJob('documentIndex.add', { session: session.id, ...job.input })
        : runner.runJob('documentIndex.remove', { session: session.id, ...job.input })
    return counted(session, sent)
  }
  /** Counts a job that changes the index until it is answered. */
  const counted = (session: Session, sent: Promise<unknown>): Promise<void> => {
    session.writes++
    return sent.then(
      () => {
        session.writes--
        check()
      },
      () => {
        session.writes--
        failed(session)
      }
    )
  }

  const isCurrent = (session: Session) => current === session && session.db.open

  /** A document's HTML, a part per turn, in one array of its own (so it can move); null if the session ended. */
  const readHtml = async (session: Session, id: string): Promise<Uint8Array | null> => {
    const parts: Uint8Array[] = []
    let length = 0
    for (let seq = -1; ;) {
      await pace({ documentId: id, part: parts.length })
      if (!isCurrent(session)) return null
      const part = nextDocumentPart(session.db, id, seq)
      if (!part) break
      parts.push(part.bytes)
      length += part.bytes.length
      seq = part.seq
    }
    const html = new Uint8Array(length)
    let offset = 0
    for (const part of parts) {
      html.set(part, offset)
      offset += part.length
    }
    return html
  }

  const build = async (session: Session) => {
    try {
      await nextTurn()
      if (!isCurrent(session)) return
      for (const id of documentIds(session.db)) {
        if (session.indexed.has(id)) continue
        const html = await readHtml(session, id)
        if (html === null) return
        // In the same turn as sending: a document deleted while it was read is not sent, and one
        // an import sent meanwhile is not sent twice.
        const title = documentTitle(session.db, id)
        if (title === null || session.indexed.has(id)) continue
        session.indexed.add(id)
        void write(session, { kind: 'documentIndex.add', input: { id, title, html } })
      }
    } catch (error) {
      // The vault closed under the build (its database with it): the session is over anyway.
      if (isCurrent(session)) {
        console.error(`Document search: the build stopped: ${(error as Error).name}`)
        failed(session)
      }
    } finally {
      session.building = false
      check()
    }
  }

  return {
    get state() {
      if (!current) return 'closed'
      if (current.failed) return 'failed'
      return current.building || current.writes > 0 ? 'building' : 'ready'
    },
    open(db) {
      start(db, 0)
    },
    async search(query, limit) {
      const session = current
      if (!session || session.failed || session.building || session.writes > 0) return null
      if (session.indexed.size === 0) return []
      try {
        return await runner.runJob('documentIndex.search', { session: session.id, query, limit })
      } catch {
        // The worker died or was stopped: the guides answer alone, and the index is rebuilt.
        failed(session)
        return null
      }
    },
    async added(document, html) {
      const session = current
      if (!session || session.failed || session.indexed.has(document.id)) return
      session.indexed.add(document.id)
      await write(session, { kind: 'documentIndex.add', input: { ...document, html } })
    },
    async removed(id) {
      const session = current
      if (!session || session.failed || !session.indexed.delete(id)) return
      await write(session, { kind: 'documentIndex.remove', input: { id } })
    },
    settled() {
      return new Promise((resolve) => {
        waiters.push(resolve)
        check()
      })
    },
    async close() {
      current = null
      check()
      await runner.close()
    },
    workers: () => runner.workers()
  }
}
