/**
 * `readFhirFile`: a FHIR file's bytes to what importing it would save, and what it would not
 * and why. Pure: it reads no database and writes nothing, so the person sees the whole plan
 * before confirming, and a file that is refused has changed nothing. `saveFhirImport`
 * (write.ts) saves a plan once confirmed.
 */
import { gunzipSync } from 'node:zlib'
import { readForeignBundle, type ImportDrugs } from './foreign.ts'
import { willImportOf } from './entries.ts'
import {
  MAX_BUNDLE_ENTRIES,
  MAX_FHIR_FILE_BYTES,
  objects,
  obj,
  parseJsonFile,
  refuse,
  str,
  type JsonObject
} from './json.ts'
import { isLanternBundle, readLanternBundle } from './lantern.ts'
import type { FhirImportPlan } from './types.ts'

export { MAX_BUNDLE_ENTRIES, MAX_FHIR_FILE_BYTES, MAX_JSON_DEPTH } from './json.ts'
export type { ImportDrug, ImportDrugs } from './foreign.ts'
export type * from './types.ts'

function article(type: string): string {
  return /^[AEIOU]/.test(type) ? 'an' : 'a'
}

/** The bundle's resources, and each by the references a resource in it may use. */
function resourcesOf(bundle: JsonObject): {
  resources: JsonObject[]
  fullUrls: Map<string, JsonObject>
} {
  const entries = bundle.entry
  if (entries !== undefined && !Array.isArray(entries)) {
    refuse('This FHIR Bundle’s list of entries is not a list, so the file is damaged.')
  }
  const list = entries ?? []
  if (list.length > MAX_BUNDLE_ENTRIES) {
    refuse(
      `This FHIR Bundle has ${list.length.toLocaleString('en')} entries. Lantern imports at most ${MAX_BUNDLE_ENTRIES.toLocaleString('en')} at once: export a smaller part of the record from the other system.`
    )
  }
  const resources: JsonObject[] = []
  const fullUrls = new Map<string, JsonObject>()
  for (const entry of objects(list)) {
    const resource = obj(entry.resource)
    const type = str(resource?.resourceType)
    if (!resource || !type) continue
    resources.push(resource)
    const fullUrl = str(entry.fullUrl)
    if (fullUrl) fullUrls.set(fullUrl, resource)
    const id = str(resource.id)
    if (id) fullUrls.set(`${type}/${id}`, resource)
  }
  if (resources.length === 0) refuse('This FHIR Bundle is empty: it holds no resources.')
  return { resources, fullUrls }
}

/**
 * What importing the file would do. Refused (INVALID_INPUT, with a message for the person) when
 * the file is too large, not JSON, not a FHIR Bundle, too large a bundle, or nests too deeply.
 * `drugs` is the catalog that medicines from another system are matched against.
 */
export function readFhirFile(bytes: Uint8Array, drugs: ImportDrugs): FhirImportPlan {
  const json = parseJsonFile(bytes)
  const root = obj(json)
  const type = str(root?.resourceType)
  if (!root || !type) {
    refuse('This is not a FHIR file: it is JSON, but not a FHIR resource (it has no resourceType).')
  }
  if (type !== 'Bundle') {
    refuse(
      `This is ${article(type)} FHIR ${type}, not a Bundle. Export the whole record (a Bundle) from the other system and import that file.`
    )
  }
  const { resources, fullUrls } = resourcesOf(root)
  const read = isLanternBundle(resources)
    ? readLanternBundle(resources, fullUrls)
    : readForeignBundle(resources, fullUrls, drugs)
  return { ...read, willImport: willImportOf(read) }
}

/**
 * readFhirFile for a file as the page sends it, gzipped (FHIR_GZIP_MAX_BYTES). Unpacked here, on
 * the worker, never past one byte more than a file may be: a small archive that unpacks to
 * gigabytes is refused as too large without being unpacked whole.
 */
export function readGzippedFhirFile(gzipped: Uint8Array, drugs: ImportDrugs): FhirImportPlan {
  let bytes: Buffer
  try {
    bytes = gunzipSync(gzipped, { maxOutputLength: MAX_FHIR_FILE_BYTES + 1 })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      refuse(
        `This file is larger than ${MAX_FHIR_FILE_BYTES / 1024 / 1024} MB. Lantern imports FHIR files of at most ${MAX_FHIR_FILE_BYTES / 1024 / 1024} MB.`
      )
    }
    refuse('That file did not arrive whole. Choose it again.')
  }
  return readFhirFile(bytes, drugs)
}
