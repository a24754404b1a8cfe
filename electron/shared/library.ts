/**
 * The guide library as the core serves it to the renderer: guides split into sections, the
 * glossary, and search results. Guides and glossary are public and ship read-only; bookmarks,
 * reading positions and the questions a person collects live in the vault.
 */
import { z } from 'zod'
import { TEXT_MAX_LENGTH } from './limits.ts'

export interface GuideSource {
  id: string
  organisation: string
  title: string
  /** null when the copy Lantern holds does not name one. */
  url: string | null
  sourceUpdated: string | null
  factsTakenOn: string
}

export interface GuideSectionOutline {
  id: string
  title: string
  level: 2 | 3
}

export interface GuideSection extends GuideSectionOutline {
  /** Rendered from Lantern's own Markdown at build time: no raw HTML, links or images. */
  html: string
  /** The bullet items of a "Questions to ask" section, to add to a person's own list. */
  questions: string[]
}

export interface GuideSummary {
  id: string
  title: string
  audience: string
  condition: string
  summary: string
  lastReviewed: string
  sources: GuideSource[]
  outline: GuideSectionOutline[]
}

export interface Guide extends GuideSummary {
  introHtml: string
  sections: GuideSection[]
}

export interface GlossaryTerm {
  id: string
  term: string
  aliases: string[]
  definition: string
  /** What the definition draws on: ids of the guides' sources or of the glossary's own. */
  sources: string[]
  /**
   * The words a cited source itself uses for the concept where it uses neither the term nor an
   * alias ("hair loss" for alopecia). Not shown; the glossary test finds them in the sources.
   */
  sourceWords?: string[]
}

/** A page the glossary cites that no guide lists, read to support a definition. */
export interface GlossarySource {
  id: string
  organisation: string
  title: string
  url: string
  /** When Lantern's team read the page against the definitions that cite it. */
  checkedOn: string
}

/** The glossary as the core serves it: the terms, and the sources only the glossary cites. */
export interface Glossary {
  terms: GlossaryTerm[]
  sources: GlossarySource[]
}

/** A piece of a snippet; `hit` parts matched the query and are highlighted. */
export interface SnippetPart {
  text: string
  hit: boolean
}

export interface SearchResult {
  kind: 'guide' | 'glossary' | 'document'
  /** Guide id, glossary term id, or imported document id. */
  targetId: string
  /**
   * Section id within the guide, or `part-N` for the Nth h2/h3 heading of a document; null for
   * glossary terms and for a document's text before its first heading.
   */
  sectionId: string | null
  title: string
  /** Where it is: the guide's or the document's title, or "Glossary". */
  context: string
  snippet: SnippetPart[]
  score: number
}

export interface Bookmark {
  id: string
  guideId: string
  sectionId: string
  label: string
  createdAt: string
}

export interface ReadingPosition {
  guideId: string
  sectionId: string
  updatedAt: string
}

export interface Question {
  id: string
  profileId: string
  text: string
  guideId: string | null
  sectionId: string | null
  createdAt: string
}

export const DOCUMENT_KINDS = ['html', 'markdown', 'text', 'pdf'] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

export interface DocumentSummary {
  id: string
  title: string
  fileName: string
  kind: DocumentKind
  importedAt: string
}

export interface ImportedDocument extends DocumentSummary {
  /** Rewritten by Lantern from the file's text: a few text elements, no attributes. */
  html: string
}

/** A file to import, as the person picked it, at most this large. */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024

// ---- Inputs ----

/** How many bytes a base64 text decodes to. */
function base64Bytes(content: string): number {
  const padding = content.endsWith('==') ? 2 : content.endsWith('=') ? 1 : 0
  return Math.floor((content.length * 3) / 4) - padding
}

const id = z.string().uuid('Not a valid identifier.')
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'Not a guide or section.')
export const SEARCH_QUERY_MAX = 200

export const libraryInputs = {
  get: z.strictObject({ guideId: slug }),
  search: z.strictObject({
    query: z.string().max(SEARCH_QUERY_MAX, `Use at most ${SEARCH_QUERY_MAX} characters.`),
    limit: z.number().int().min(1).max(100).optional()
  }),
  addBookmark: z.strictObject({
    guideId: slug,
    sectionId: slug,
    label: z
      .string()
      .trim()
      .min(1, 'Name the bookmark.')
      .max(TEXT_MAX_LENGTH, `Use at most ${TEXT_MAX_LENGTH} characters.`)
  }),
  removeBookmark: z.strictObject({ id }),
  getPosition: z.strictObject({ guideId: slug }),
  setPosition: z.strictObject({ guideId: slug, sectionId: slug }),
  listQuestions: z.strictObject({ profileId: id }),
  addQuestions: z.strictObject({
    profileId: id,
    questions: z
      .array(
        z
          .string()
          .trim()
          .min(1, 'Write the question.')
          .max(TEXT_MAX_LENGTH * 2, `Use at most ${TEXT_MAX_LENGTH * 2} characters.`)
      )
      .min(1, 'Add at least one question.')
      .max(50, 'Add at most 50 questions at once.'),
    guideId: slug.nullable(),
    sectionId: slug.nullable()
  }),
  removeQuestion: z.strictObject({ profileId: id, id }),
  importDocument: z.strictObject({
    fileName: z
      .string()
      .trim()
      .min(1, 'The file needs a name.')
      .max(255, 'That file name is too long.'),
    kind: z.enum(DOCUMENT_KINDS, 'Lantern can import web pages, Markdown, text and PDF files.'),
    /** The file's bytes, base64-encoded. */
    content: z
      .string()
      .min(1, 'The file is empty.')
      .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, 'That file is larger than 8 MB.')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file did not arrive intact.')
      // The length cap above lets up to two bytes more through; this counts them exactly.
      .refine(
        (content) => base64Bytes(content) <= MAX_IMPORT_BYTES,
        'That file is larger than 8 MB.'
      )
  }),
  getDocument: z.strictObject({ id }),
  deleteDocument: z.strictObject({ id })
} as const
