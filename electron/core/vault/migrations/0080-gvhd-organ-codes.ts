import type { Db } from '../database.ts'

/**
 * GVHD organs as codes the care plan can read, and the family's "no chronic GVHD after this
 * transplant" (0 until they say so).
 *
 * Organs used to be free text, one item per comma. An item becomes a code only when it is one
 * of the unmistakable words below; every other item is kept word for word in `organsOther`
 * with "other" ticked, so nothing a family typed is lost or guessed at. Drafts of the
 * transplant form held the organs as one line of text; they are rewritten the same way so the
 * form still opens them.
 *
 * The list and the words are copied here on purpose: a migration must do tomorrow what it did
 * today, whatever later versions add to the list.
 */
const ORGANS = [
  'skin',
  'mouth',
  'eyes',
  'liver',
  'gut',
  'lungs',
  'joints-and-fascia',
  'genital',
  'other'
] as const

const SYNONYMS: Record<string, (typeof ORGANS)[number]> = {
  skin: 'skin',
  mouth: 'mouth',
  oral: 'mouth',
  eye: 'eyes',
  eyes: 'eyes',
  ocular: 'eyes',
  liver: 'liver',
  hepatic: 'liver',
  gut: 'gut',
  bowel: 'gut',
  intestine: 'gut',
  gi: 'gut',
  gastrointestinal: 'gut',
  stomach: 'gut',
  lung: 'lungs',
  lungs: 'lungs',
  pulmonary: 'lungs',
  joints: 'joints-and-fascia',
  fascia: 'joints-and-fascia',
  'joints and fascia': 'joints-and-fascia',
  genital: 'genital',
  vaginal: 'genital'
}

export interface Coded {
  organs: string[]
  /** The items no code fits, in the family's words and order; empty when there are none. */
  other: string
}

export function toCodes(items: readonly string[]): Coded {
  const codes = new Set<string>()
  const unmatched: string[] = []
  for (const item of items) {
    const typed = item.trim()
    if (typed === '') continue
    const code = SYNONYMS[typed.toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '')]
    if (code) codes.add(code)
    else unmatched.push(typed)
  }
  if (unmatched.length > 0) codes.add('other')
  return { organs: ORGANS.filter((o) => codes.has(o)), other: unmatched.join(', ') }
}

/** Stored entries kept a list; a draft kept what was in the text box (split as the form did). */
function itemsOf(organs: unknown): string[] {
  if (Array.isArray(organs)) return organs.filter((o): o is string => typeof o === 'string')
  if (typeof organs === 'string') return organs.split(/[,\n]/)
  return []
}

function isEpisode(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function updateToSchemaVersion80(db: Db): void {
  db.exec(`
    ALTER TABLE transplants
      ADD COLUMN no_chronic_gvhd INTEGER NOT NULL DEFAULT 0 CHECK (no_chronic_gvhd IN (0, 1));
  `)

  const transplants = db.prepare('SELECT id, gvhd FROM transplants').all() as {
    id: string
    gvhd: string
  }[]
  const saveEntry = db.prepare('UPDATE transplants SET gvhd = ? WHERE id = ?')
  for (const row of transplants) {
    const episodes = JSON.parse(row.gvhd) as unknown
    if (!Array.isArray(episodes)) continue
    const coded = episodes.map((episode: unknown) => {
      if (!isEpisode(episode)) return episode
      const { organs, other } = toCodes(itemsOf(episode.organs))
      return { ...episode, organs, organsOther: other === '' ? null : other }
    })
    saveEntry.run(JSON.stringify(coded), row.id)
  }

  const drafts = db.prepare("SELECT id, data FROM drafts WHERE kind = 'transplant'").all() as {
    id: string
    data: string
  }[]
  const saveDraft = db.prepare('UPDATE drafts SET data = ? WHERE id = ?')
  for (const row of drafts) {
    const data = JSON.parse(row.data) as unknown
    if (!isEpisode(data) || !Array.isArray(data.gvhd)) continue
    const gvhd = data.gvhd.map((episode: unknown) => {
      // Already a list of codes (a draft kept by this version): leave it as it is.
      if (!isEpisode(episode) || Array.isArray(episode.organs)) return episode
      const { organs, other } = toCodes(itemsOf(episode.organs))
      return { ...episode, organs, organsOther: other }
    })
    saveDraft.run(JSON.stringify({ ...data, gvhd }), row.id)
  }
}
