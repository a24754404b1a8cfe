/**
 * Builds the shipped library data from content/guides/*.md. Used by `npm run guides`, which
 * writes content/guides/library.json, and by a test that fails when that file is out of date.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Guide } from '../../shared/library.ts'
import { parseGuide } from './guideMarkdown.ts'

/** The library's order: the childhood guide first, as most readers are families. */
export const GUIDE_ORDER = [
  'childhood-all',
  'adult-all',
  'relapsed-all',
  'metastatic-breast-cancer'
]

export interface LibraryData {
  guides: Guide[]
}

export function buildLibrary(guidesDir: string): LibraryData {
  const files = readdirSync(guidesDir).filter((f) => f.endsWith('.md') && f !== 'README.md')
  const guides = files.map((file) => {
    const guide = parseGuide(file, readFileSync(join(guidesDir, file), 'utf8'))
    if (`${guide.id}.md` !== file) throw new Error(`${file}: its id is ${guide.id}`)
    return guide
  })
  const rank = (id: string) => (GUIDE_ORDER.includes(id) ? GUIDE_ORDER.indexOf(id) : 99)
  guides.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id))
  return { guides }
}

export function serialiseLibrary(data: LibraryData): string {
  return `${JSON.stringify(data, null, 1)}\n`
}
