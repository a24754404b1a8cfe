/**
 * The vault most of the bench runs against, as a person with years of records would have it: a
 * three-year treatment record (2,000 dated drug administrations), 100 imported web pages and the
 * two largest files Lantern takes, in the core of a running loopback bridge so Chromium can open
 * the same record. Everything is saved through the real handlers.
 */
import { join, resolve } from 'node:path'
import type { Core } from '../../electron/core/api.ts'
import { htmlToText } from '../../electron/core/library/guideMarkdown.ts'
import { shippedLibrary } from '../../electron/core/library/shippedLibrary.ts'
import { MAX_IMPORT_BYTES } from '../../electron/shared/library.ts'
import { startBridge, type Bridge } from '../bridge/server.ts'
import { addLargeRecord } from './largeRecord.ts'
import { time } from './stats.ts'

export { saveEntry } from './largeRecord.ts'

export const PASSPHRASE = 'a benchmark passphrase of decent length'
export const RECORD_NAME = 'Bench'
export const RENDERER_DIR = resolve('out/renderer')

export interface BenchVault {
  bridge: Bridge
  core: Core
  profileId: string
  /** Given once, when the vault was made; kept for vault.recover. */
  recoveryCode: string
}

/** A new vault behind the loopback bridge holding the three-year record (largeRecord.ts). */
export async function openLargeRecord(dir: string): Promise<BenchVault> {
  const bridge = await startBridge({ dataDir: join(dir, 'record'), rendererDir: RENDERER_DIR })
  const core = bridge.core
  const { recoveryCode } = await core.vault.create(PASSPHRASE)
  const profileId = await addLargeRecord(core, RECORD_NAME)
  return { bridge, core, profileId, recoveryCode }
}

/** How many pages of guide text are imported, and how long each is. */
export const DOCUMENT_COUNT = 100
export const DOCUMENT_WORDS = 2000

/** A diary of the largest size Lantern imports, as Markdown: a heading a week. */
export function largestMarkdown(): string {
  const paragraph =
    'Platelets were **45** after the transfusion on Tuesday; the team will repeat the count.\n\n'
  let markdown = ''
  for (let week = 1; markdown.length < MAX_IMPORT_BYTES; week++) {
    markdown += `## Week ${week}\n\n${paragraph.repeat(40)}`
  }
  return markdown.slice(0, MAX_IMPORT_BYTES)
}

/** The two largest files: a web page and a Markdown file, each 8 MB with no headings to cut at. */
function largestFiles(): { html: string; markdown: string } {
  const paragraph =
    '<p>Platelets were 45 after the <a href="#">transfusion</a> on <strong>Tuesday</strong>.</p>\n'
  return {
    html: `<html><body><main><h1>Largest page</h1>${paragraph.repeat(Math.floor((MAX_IMPORT_BYTES - 100) / paragraph.length))}</main></body></html>`,
    markdown: 'Some **words** and a [link](#here).\n\n'.repeat(Math.floor(MAX_IMPORT_BYTES / 38))
  }
}

export interface ImportFigures {
  /** Each of the largest files: its kind, size and how long the import took. */
  largest: { kind: string; megabytes: number; ms: number }[]
}

/**
 * 100 documents (each about 2,000 words of guide text under its own title, as Markdown), then the
 * two largest files Lantern takes, each import timed (the whole import runs while the person waits).
 */
export async function importDocuments(core: Core): Promise<ImportFigures> {
  const text = shippedLibrary()
    .guides.flatMap((g) => g.sections.map((s) => htmlToText(s.html)))
    .join('\n\n')
    .split(/\s+/)
  for (let i = 0; i < DOCUMENT_COUNT; i++) {
    const start = (i * 997) % Math.max(1, text.length - DOCUMENT_WORDS)
    const body = `# Saved page ${i + 1}\n\n${text.slice(start, start + DOCUMENT_WORDS).join(' ')}\n`
    await core.handlers['documents.import']({
      fileName: `page-${i + 1}.md`,
      kind: 'markdown',
      content: Buffer.from(body).toString('base64')
    })
  }
  const largest: ImportFigures['largest'] = []
  for (const [kind, body] of Object.entries(largestFiles()) as ['html' | 'markdown', string][]) {
    const content = Buffer.from(body).toString('base64')
    const ms = await time(() =>
      core.handlers['documents.import']({ fileName: `largest.${kind}`, kind, content })
    )
    largest.push({ kind, megabytes: body.length / 1024 / 1024, ms })
  }
  return { largest }
}
