/**
 * Reading untrusted JSON: the file's bytes to a value, with the limits that keep a hostile or
 * broken file from holding the core's thread or its memory, and accessors that check a field's
 * type before anything uses it. Nothing here follows a URL or evaluates anything.
 */
import { FHIR_FILE_MAX_BYTES } from '../../../shared/export.ts'
import { CoreError } from '../../errors.ts'

/** The largest FHIR file Lantern reads (FHIR_FILE_MAX_BYTES, shared with the page). */
export const MAX_FHIR_FILE_BYTES = FHIR_FILE_MAX_BYTES

/**
 * The most resources one bundle may hold. A Lantern export of 2,000 administrations has about
 * 2,100; 20,000 allows several such records' worth, and refuses a bundle so large that listing
 * what would be imported would mean nothing to the person reading it.
 */
export const MAX_BUNDLE_ENTRIES = 20_000

/**
 * How deeply objects and arrays may nest. A Lantern export reaches about 10 levels (an entry's
 * extension inside an extension inside a resource inside the bundle); no FHIR resource needs 64.
 * Checked before parsing, since a deep enough nesting overflows the parser's stack.
 */
export const MAX_JSON_DEPTH = 64

export function refuse(message: string): never {
  throw new CoreError('INVALID_INPUT', message, [{ path: 'file', message }])
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')
}

/** The deepest nesting of `[` and `{` outside strings, stopping as soon as it passes `limit`. */
function nestingDepth(text: string, limit: number): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      depth++
      if (depth > deepest) {
        deepest = depth
        if (deepest > limit) return deepest
      }
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return deepest
}

/** The file as a JSON value, or a refusal that says in plain words what is wrong with it. */
export function parseJsonFile(bytes: Uint8Array): unknown {
  if (bytes.byteLength > MAX_FHIR_FILE_BYTES) {
    refuse(
      `This file is ${megabytes(bytes.byteLength)} MB. Lantern imports FHIR files of at most ${megabytes(MAX_FHIR_FILE_BYTES)} MB.`
    )
  }
  if (bytes.byteLength === 0) refuse('This file is empty.')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    refuse('This is not a FHIR file: it is not text (a FHIR file is JSON text in UTF-8).')
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (nestingDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    refuse(
      `This file nests its contents more than ${MAX_JSON_DEPTH} levels deep, which no FHIR record does, so Lantern will not read it.`
    )
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    refuse(
      'This file is not complete JSON: it may have been cut short while it was copied or downloaded, or it is not a FHIR file. Export it again and import the new file.'
    )
  }
}

// ---- Accessors: each returns undefined (or an empty list) for a value of the wrong type ----

export type JsonObject = Record<string, unknown>

export function obj(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

export function objects(value: unknown): JsonObject[] {
  return arr(value).flatMap((v) => {
    const o = obj(v)
    return o ? [o] : []
  })
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

export function bool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined
}

/** The calendar date at the start of a FHIR date or dateTime, or undefined if it has none. */
export function dayOf(value: unknown): string | undefined {
  const s = str(value)
  return s && /^\d{4}-\d{2}-\d{2}(T|$)/.test(s) ? s.slice(0, 10) : undefined
}

/** A CodeableConcept's words: its text, or the first coding's display. */
export function conceptWords(value: unknown): string | undefined {
  const c = obj(value)
  if (!c) return undefined
  const text = str(c.text)?.trim()
  if (text) return text
  for (const coding of objects(c.coding)) {
    const display = str(coding.display)?.trim()
    if (display) return display
  }
  return undefined
}

export function codings(value: unknown): { system?: string; code?: string }[] {
  return objects(obj(value)?.coding).map((c) => ({ system: str(c.system), code: str(c.code) }))
}
