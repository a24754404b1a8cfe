/**
 * Fitting the one-page summary to one page. The builder marks which sections may give way and
 * in which order (DocumentSection `fit`); this tries the document as built, and while it does
 * not fit, shortens the next section's table (fewer rows, the last saying how many more) or
 * leaves the section out, naming it in the document's `leftOut` sentence. `fits` lays a
 * candidate out on the real paper, so A4 and Letter each keep what fits them.
 */
import type { Block, ClinicalDocument, DocumentSection } from '../../../shared/document.ts'

export function fitOnePage(
  doc: ClinicalDocument,
  fits: (candidate: ClinicalDocument) => boolean
): ClinicalDocument {
  if (fits(doc)) return doc
  const order = doc.sections
    .filter((s) => s.fit)
    .sort((a, b) => a.fit!.rank - b.fit!.rank)
    .map((s) => s.id)
  /** Per section id: rows kept (a number) or left out ('out'); absent is whole. */
  const cuts = new Map<string, number | 'out'>()
  const candidate = () => shortened(doc, cuts)
  for (const id of order) {
    const section = doc.sections.find((s) => s.id === id)!
    const rows = section.fit!.rows
    const total = tableOf(section)?.rows.length ?? 0
    if (rows && total > rows.min) {
      // The most rows that fit, between the minimum and one fewer than all: fewer rows never
      // make a page taller, so a binary search finds it.
      let low = rows.min
      let high = total - 1
      cuts.set(id, low)
      if (fits(candidate())) {
        while (low < high) {
          const mid = Math.ceil((low + high) / 2)
          cuts.set(id, mid)
          if (fits(candidate())) low = mid
          else high = mid - 1
        }
        cuts.set(id, low)
        return candidate()
      }
    }
    cuts.set(id, 'out')
    if (fits(candidate())) return candidate()
  }
  throw new Error(
    'The one-page summary does not fit one page even with every optional part left out'
  )
}

function tableOf(section: DocumentSection): Extract<Block, { kind: 'table' }> | undefined {
  for (const block of section.blocks) if (block.kind === 'table') return block
  return undefined
}

function shortened(doc: ClinicalDocument, cuts: Map<string, number | 'out'>): ClinicalDocument {
  const left: string[] = []
  const sections: DocumentSection[] = []
  for (const section of doc.sections) {
    const cut = cuts.get(section.id)
    if (cut === 'out') {
      left.push(section.title)
      continue
    }
    if (cut === undefined || !section.fit?.rows) {
      sections.push(section)
      continue
    }
    const more = section.fit.rows.more
    sections.push({
      ...section,
      blocks: section.blocks.map((block) => {
        if (block.kind !== 'table' || block.rows.length <= cut) return block
        const rest = block.rows.length - cut
        return {
          ...block,
          rows: [
            ...block.rows.slice(0, cut),
            {
              cells: block.columns.map((_, i) =>
                i === 0 ? more.replace('{count}', String(rest)) : ''
              )
            }
          ]
        }
      })
    })
  }
  if (left.length > 0 && doc.leftOut && sections.length > 0) {
    const last = sections[sections.length - 1]!
    sections[sections.length - 1] = {
      ...last,
      blocks: [
        ...last.blocks,
        {
          kind: 'paragraph',
          text: doc.leftOut.replace('{parts}', left.join(', ')),
          emphasis: 'strong'
        }
      ]
    }
  }
  return { ...doc, sections }
}
