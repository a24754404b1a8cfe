/**
 * The guides and glossary that ship with Lantern, imported as data like the drug catalog, and
 * the search index over them, built once (public text, so nothing to protect): in turns when the
 * vault opens, or at once if a search comes first. The
 * glossary is checked as it loads: every source a term cites is a guide's or the glossary's own.
 */
import glossaryJson from '../../../content/glossary.json' with { type: 'json' }
import libraryJson from '../../../content/guides/library.json' with { type: 'json' }
import type { GlossarySource, GlossaryTerm, Guide } from '../../shared/library.ts'
import { parseGlossary } from './glossary.ts'
import { buildLibraryIndex, buildLibraryIndexInTurns, type LibraryIndex } from './search.ts'

export interface Library {
  guides: Guide[]
  glossary: GlossaryTerm[]
  /** The sources only the glossary cites; the guides list the others. */
  glossarySources: GlossarySource[]
  index(): LibraryIndex
  /** Builds the index a few sections per turn, so the first search finds it ready. */
  prepare(): Promise<void>
}

export function makeLibrary(
  guides: Guide[],
  glossary: GlossaryTerm[],
  glossarySources: GlossarySource[] = []
): Library {
  let index: LibraryIndex | null = null
  let preparing: Promise<void> | null = null
  return {
    guides,
    glossary,
    glossarySources,
    index() {
      index ??= buildLibraryIndex(guides, glossary)
      return index
    },
    prepare() {
      preparing ??= buildLibraryIndexInTurns(guides, glossary).then(
        (built) => void (index ??= built),
        // index() builds it at once when asked; nothing is lost.
        () => void (preparing = null)
      )
      return preparing
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
