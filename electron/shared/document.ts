/**
 * The document for doctors, as plain data: what the treatment summary and care plan say, in the
 * order and words they are printed. The core builds it once (electron/core/document/build.ts)
 * from `record.summary` and `careplan.get`; the PDF writer lays it out and the Summary screen
 * renders the same blocks, so the screen and the paper cannot disagree about a number.
 *
 * Every string here is final text for a reader (dates and amounts already formatted with
 * electron/shared/format.ts); renderers only choose fonts, sizes and where lines break.
 */

export type DocumentVariant = 'full' | 'one-page' | 'card'

/** A label and its value, such as "Date of birth: 1 Jun 2015". */
export interface KeyValue {
  key: string
  value: string
  /**
   * The family has not entered this yet: the value says so and the writer leaves a line to
   * write on (the wallet card's 24-hour number and fever threshold; Lantern never fills them).
   */
  writeIn?: boolean
}

export interface TableColumn {
  label: string
  /** Numbers are right-aligned so their digits line up. */
  align: 'left' | 'right'
  /** Relative width: the writer shares the page width out in these proportions. */
  weight: number
  /**
   * Each cell's first line of text (up to its first line break) is a title, printed in bold,
   * with the details under it: "Hearing test" above what the test looks for.
   */
  titled?: boolean
}

export interface TableRow {
  /** One string per column; a cell may be long (a note): writers must never cut it off. */
  cells: string[]
  /** Marks shown after the row's first cell, explained in the table's notes (e.g. "estimated"). */
  marks?: string[]
}

export type Block =
  | { kind: 'paragraph'; text: string; emphasis?: 'strong' | 'muted' }
  | { kind: 'keyValues'; items: KeyValue[] }
  | { kind: 'list'; items: string[] }
  | {
      kind: 'table'
      /** Says what the table holds, for screen readers and the tagged PDF. */
      caption: string
      columns: TableColumn[]
      rows: TableRow[]
      /** Printed under the table: what its marks mean, which measurements converted doses. */
      notes: string[]
    }
  /** A numbered source, printed once in the reference list; items cite it by number. */
  | { kind: 'references'; items: { number: number; text: string }[] }
  /** A line for a clinician to fill in by hand: "Reviewed with … on …", signature. */
  | { kind: 'signature'; lines: string[] }

/** A heading one level down inside a section, with its own blocks. */
export interface Subsection {
  kind: 'subsection'
  title: string
  blocks: Block[]
}

export interface DocumentSection {
  /** Stable id: the outline entry and the screen's anchor. */
  id: string
  title: string
  blocks: (Block | Subsection)[]
  /**
   * One-page summary: how this section gives way when the page is full. Sections give way in
   * order of `rank` (1 first): a table with `rows` first loses rows from its end, down to
   * `rows.min`, with a last line saying how many more the full summary has; then the section
   * goes. A section without `fit` always stays.
   */
  fit?: { rank: number; rows?: { min: number; more: string } }
}

export interface ClinicalDocument {
  variant: DocumentVariant
  /** The document's title, also the PDF's title. */
  title: string
  person: { name: string; dateOfBirth: string }
  /** Formatted date the document was made. */
  preparedOn: string
  /** Printed on every page (with "page X of Y", which only the writer knows). */
  runningFooter: string[]
  sections: DocumentSection[]
  /**
   * One-page summary: the writer keeps it to one page, never two. When a section had to give
   * way, this sentence ("{parts}" filled with their titles) is added to the last section.
   */
  leftOut?: string
}
