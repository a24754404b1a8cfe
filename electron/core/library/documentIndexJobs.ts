/**
 * The worker's side of the documents' search index (documentSearch.ts is the core's side): the
 * index lives in the memory of the one worker that runs these jobs, so building it (seconds for
 * the largest files) and searching it never hold the core's thread.
 *
 * These are the only jobs that keep something between calls, so they run on a runner of their
 * own with a single worker. Each names the session it belongs to (a new one every time the index
 * is started): a worker that holds another session's index, or none (it was started again after
 * the last one died), refuses the job instead of answering from the wrong index.
 */
import type { SearchResult } from '../../shared/library.ts'
import { documentSections } from './documents.ts'
import { buildDocumentIndex, type DocumentIndex } from './search.ts'

let held: { session: number; index: DocumentIndex } | null = null

/** The message of the error a job gets when this worker holds no index for its session. */
export const INDEX_NOT_HERE = 'This worker holds no index for that session.'

function indexOf(session: number): DocumentIndex {
  if (held?.session !== session) throw new Error(INDEX_NOT_HERE)
  return held.index
}

export const documentIndexJobs = {
  /** An empty index for a new session, in place of any other. */
  'documentIndex.open': (input: { session: number }): null => {
    held = { session: input.session, index: buildDocumentIndex([]) }
    return null
  },
  /**
   * One document, as the vault keeps it (its title and its HTML as UTF-8, moved here rather than
   * copied), cut at its headings and indexed.
   */
  'documentIndex.add': (input: {
    session: number
    id: string
    title: string
    html: Uint8Array
  }): null => {
    const index = indexOf(input.session)
    const html = new TextDecoder().decode(input.html)
    index.add({ id: input.id, title: input.title, sections: documentSections(input.title, html) })
    return null
  },
  'documentIndex.remove': (input: { session: number; id: string }): null => {
    indexOf(input.session).remove(input.id)
    return null
  },
  'documentIndex.search': (input: {
    session: number
    query: string
    limit?: number
  }): SearchResult[] => indexOf(input.session).search(input.query, input.limit)
}
