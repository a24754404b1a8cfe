/**
 * The guides and glossary that ship with Lantern, imported as data like the drug catalog, and
 * the search index over them, built once on first use (public text, so nothing to protect). The
 * glossary is checked as it loads: every source a term cites is a guide's or the glossary's own.
 */
import glossaryJson from '../../../content/glossary.json' with { type: 'json' }
import libraryJson from '../../../content/guides/library.json' with { type: 'json' }
import type { GlossarySource, GlossaryTerm, Guide } from '../../shared/library.ts'
import { parseGlossary } from './glossary.ts'
import { buildLibraryIndex, type LibraryIndex } from './search.ts'

export interface Library {
  guides: Guide[]
  glossary: GlossaryTerm[]
  /** The sources only the glossary cites; the guides list the others. */
  glossarySources: GlossarySource[]
  index(): LibraryIndex
}

export function makeLibrary(
  guides: Guide[],
  glossary: GlossaryTerm[],
  glossarySources: GlossarySource[] = []
): Library {
  let index: LibraryIndex | null = null
  return {
    guides,
    glossary,
    glossarySources,
    index() {
      index ??= buildLibraryIndex(guides, glossary)
      return index
    }
  }
}

let shipped: Library | null = null

export function shippedLibrary(): Library {
  if (!shipped) {
    const { guides } = libraryJson as { guides: Guide[] }
    const guideSourceIds = guides.flatMap((guide) => guide.sources.map((source) => source.id))
    const { terms, sources } = parseGlossary(glossaryJson, guideSourceIds)
    shipped = makeLibrary(guides, terms, sources)
  }
  return shipped
}
