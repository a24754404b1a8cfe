/**
 * The guides and glossary that ship with Lantern, imported as data like the drug catalog, and
 * the search index over them, built once on first use (public text, so nothing to protect).
 */
import glossaryJson from '../../../content/glossary.json' with { type: 'json' }
import libraryJson from '../../../content/guides/library.json' with { type: 'json' }
import type { GlossaryTerm, Guide } from '../../shared/library.ts'
import { buildLibraryIndex, type LibraryIndex } from './search.ts'

export interface Library {
  guides: Guide[]
  glossary: GlossaryTerm[]
  index(): LibraryIndex
}

export function makeLibrary(guides: Guide[], glossary: GlossaryTerm[]): Library {
  let index: LibraryIndex | null = null
  return {
    guides,
    glossary,
    index() {
      index ??= buildLibraryIndex(guides, glossary)
      return index
    }
  }
}

let shipped: Library | null = null

export function shippedLibrary(): Library {
  shipped ??= makeLibrary(
    (libraryJson as { guides: Guide[] }).guides,
    (glossaryJson as { terms: GlossaryTerm[] }).terms
  )
  return shipped
}
