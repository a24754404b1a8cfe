import { ref } from 'vue'
import {
  MAX_IMPORT_BYTES,
  type DocumentKind,
  type DocumentSummary,
  type ImportedDocument
} from '@shared/library.ts'
import { call } from '../api/client.ts'
import { toBase64 } from '../lib/base64.ts'
import { definePersonalStore } from './personalData.ts'

/** What the file picker offers; the same endings kindOf() understands. */
export const DOCUMENT_ACCEPT = '.html,.htm,.md,.markdown,.txt,.pdf'

const KIND_BY_ENDING: Record<string, DocumentKind> = {
  html: 'html',
  htm: 'html',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  pdf: 'pdf'
}

/**
 * What kind of document a file is, from its name: the picker's filter can be switched to
 * "All files", so anything may arrive here. Null for a file Lantern cannot read.
 */
export function kindOf(fileName: string): DocumentKind | null {
  const ending = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase()
  return (ending && KIND_BY_ENDING[ending]) || null
}

/**
 * A file turned away before it reached the core: a kind Lantern cannot read, one larger than
 * the core accepts (no point sending 50 MB to hear "too large"), or one the browser could not read.
 */
export class FileRefused extends Error {
  constructor(
    readonly reason: 'kind' | 'tooLarge' | 'unreadable',
    readonly fileName: string
  ) {
    super(`${fileName}: ${reason}`)
    this.name = 'FileRefused'
  }
}

export type ImportStage = 'reading' | 'saving'

/**
 * The person's own documents in the vault: the list, adding files, one document's text, and
 * deleting. Personal data: emptied whenever the vault locks (definePersonalStore), and answers
 * that arrive after a lock are dropped.
 */
export const useDocumentsStore = definePersonalStore('documents', () => {
  const documents = ref<DocumentSummary[]>([])
  const loaded = ref(false)
  /** The title of the document deleted last, for the Guides page to say so once. */
  const deletedTitle = ref<string | null>(null)
  /** Bumped by reset(): an answer asked for before a lock must not refill the list after it. */
  let generation = 0

  function accept(asked: number, list: DocumentSummary[]): DocumentSummary[] {
    if (asked === generation) {
      documents.value = list
      loaded.value = true
    }
    return list
  }

  async function load(): Promise<DocumentSummary[]> {
    const asked = generation
    return accept(asked, await call('documents.list'))
  }

  /** Reads the file, sends it to the core to clean and keep, and returns what was kept. */
  async function importFile(
    file: File,
    onStage: (stage: ImportStage) => void = () => undefined
  ): Promise<DocumentSummary> {
    const kind = kindOf(file.name)
    if (!kind) throw new FileRefused('kind', file.name)
    if (file.size > MAX_IMPORT_BYTES) throw new FileRefused('tooLarge', file.name)
    const asked = generation
    onStage('reading')
    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(await file.arrayBuffer())
    } catch {
      throw new FileRefused('unreadable', file.name)
    }
    onStage('saving')
    const saved = await call('documents.import', {
      fileName: file.name,
      kind,
      content: toBase64(bytes)
    })
    if (asked === generation) {
      accept(asked, [saved, ...documents.value.filter((d) => d.id !== saved.id)])
    }
    return saved
  }

  function get(id: string): Promise<ImportedDocument> {
    return call('documents.get', { id })
  }

  /** Deletes for good: the core drops its text and its place in the search index. */
  async function remove(id: string, title: string): Promise<void> {
    const asked = generation
    accept(asked, await call('documents.delete', { id }))
    if (asked === generation) deletedTitle.value = title
  }

  function reset(): void {
    generation++
    documents.value = []
    loaded.value = false
    deletedTitle.value = null
  }

  return {
    documents,
    loaded,
    deletedTitle,
    load,
    import: importFile,
    get,
    remove,
    reset
  }
})
