/**
 * Turns a guide's Markdown (with YAML front matter) into the sections the reader shows and
 * search indexes. Runs at build time (tools/buildGuides.ts); the result ships as data.
 *
 * The Markdown is Lantern's own, but it is still rendered defensively: raw HTML, links, images
 * and autolinks are switched off, so a guide can contain nothing but text, lists and tables.
 */
import { load } from 'js-yaml'
import MarkdownIt, { type Token } from 'markdown-it'
import { z } from 'zod'
import type { Guide, GuideSection } from '../../shared/library.ts'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const text = z.string().trim().min(1)
/** YAML reads an unquoted 2026-11-22 as a Date; the guides mean a calendar day. */
const yamlDate = z
  .union([z.string().regex(ISO_DATE), z.date().transform((d) => d.toISOString().slice(0, 10))])
  .pipe(z.string().regex(ISO_DATE))

const frontMatterSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: text,
  audience: text,
  condition: z.enum(['childhood-all', 'adult-all', 'relapsed-all', 'metastatic-breast-cancer']),
  sources: z
    .array(
      z.strictObject({
        id: text,
        organisation: text,
        title: text,
        url: z
          .string()
          .nullable()
          .transform((u) => (u && /^https?:\/\//.test(u) ? u : null)),
        sourceUpdated: z
          .union([z.string(), z.date().transform((d) => d.toISOString().slice(0, 10))])
          .nullable(),
        factsTakenOn: yamlDate
      })
    )
    .min(1),
  lastReviewed: yamlDate,
  summary: text
})

export class GuideFormatError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`)
    this.name = 'GuideFormatError'
  }
}

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable([
  'link',
  'image',
  'autolink',
  'html_inline',
  'html_block'
])

/** A heading's words as an id: "Questions to ask the care team" → "questions-to-ask-the-care-team". */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
}

function inlineText(token: Token | undefined): string {
  return (token?.children ?? [])
    .map((child) => child.content)
    .join('')
    .trim()
}

/** The bullet items of the first bullet list in these tokens. */
function bulletItems(tokens: Token[]): string[] {
  const items: string[] = []
  let depth = 0
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.type === 'bullet_list_open') depth++
    if (token.type === 'bullet_list_close') depth--
    if (depth === 1 && token.type === 'inline' && tokens[i - 1]?.type === 'paragraph_open') {
      items.push(inlineText(token))
    }
  }
  return items
}

export function splitFrontMatter(file: string, source: string): { data: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(source)
  if (!match) throw new GuideFormatError(file, 'no front matter between --- lines')
  return { data: load(match[1]!), body: match[2]! }
}

export function parseGuide(file: string, source: string): Guide {
  const { data, body } = splitFrontMatter(file, source)
  const parsed = frontMatterSchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new GuideFormatError(file, `front matter ${issue.path.join('.')}: ${issue.message}`)
  }
  const meta = parsed.data
  const tokens = markdown.parse(body, {})

  const sections: GuideSection[] = []
  const introTokens: Token[] = []
  type Open = { id: string; title: string; level: 2 | 3; tokens: Token[] }
  // Assigned in the loop and read in flush(); typed by assertion so TypeScript keeps the union.
  let current = null as Open | null
  const flush = () => {
    if (!current) return
    const isQuestions = /^questions to ask/i.test(current.title)
    sections.push({
      id: current.id,
      title: current.title,
      level: current.level,
      html: markdown.renderer.render(current.tokens, markdown.options, {}),
      questions: isQuestions ? bulletItems(current.tokens) : []
    })
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.type === 'heading_open') {
      if (token.tag === 'h1') throw new GuideFormatError(file, 'use ## and ### headings only')
      if (token.tag === 'h2' || token.tag === 'h3') {
        flush()
        const title = inlineText(tokens[i + 1])
        const id = slugify(title)
        if (!id) throw new GuideFormatError(file, `empty heading at line ${token.map?.[0] ?? '?'}`)
        if (sections.some((s) => s.id === id) || current?.id === id) {
          throw new GuideFormatError(file, `two headings read "${title}"`)
        }
        current = { id, title, level: token.tag === 'h2' ? 2 : 3, tokens: [] }
        i += 2 // the heading's inline text and heading_close
        continue
      }
    }
    if (current) current.tokens.push(token)
    else introTokens.push(token)
  }
  flush()
  if (sections.length === 0) throw new GuideFormatError(file, 'no sections (## headings)')
  const introHtml = markdown.renderer.render(introTokens, markdown.options, {})

  return {
    id: meta.id,
    title: meta.title,
    audience: meta.audience,
    condition: meta.condition,
    summary: meta.summary,
    lastReviewed: meta.lastReviewed,
    sources: meta.sources.map((s) => ({
      ...s,
      sourceUpdated: s.sourceUpdated ?? null
    })),
    outline: sections.map(({ id, title, level }) => ({ id, title, level })),
    introHtml,
    sections
  }
}

/** Visible text of rendered HTML, for search: tags out, entities back to characters. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/(p|li|h[1-6]|tr|td|th)>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}
