/**
 * What every part of the FHIR export shares: Lantern's own URLs, the code systems it uses, the
 * deterministic ids, the narrative builder and the extension that carries a record entry's
 * Lantern-only fields.
 *
 * Round trip: a bundle Lantern writes must give back the same record when imported. Standard
 * elements hold what fits them; a Lantern enumeration (a route, a radiation field, a kind of
 * phase) is always written as its Lantern code in the entry extension, since the standard
 * element would need a clinical code the project has not confirmed, and only its words go in the
 * standard element's text. Every resource made from an entry carries the entry's id as an
 * identifier, so links between entries (a dose to its phase, a relapse to its diagnosis) can be
 * rebuilt.
 */
import { createHash } from 'node:crypto'
import type {
  CodeableConcept,
  Coding,
  Extension,
  Identifier,
  Narrative,
  Quantity,
  Reference
} from '@medplum/fhirtypes'
import type { EntryKind, SOURCES } from '../../shared/record.ts'

/** The one base for everything Lantern defines. `.invalid` never resolves: nothing is fetched. */
export const LANTERN_FHIR_BASE = 'https://lantern.invalid/fhir'
const SD = `${LANTERN_FHIR_BASE}/StructureDefinition`

/** Lantern's extensions (complex: their fields are sub-extensions named after Lantern's fields). */
export const LANTERN_EXTENSION = {
  /** On every resource made from a record entry: its kind, source, check and the fields FHIR has no place for. */
  entry: `${SD}/entry`,
  /** On the Patient: the person's details FHIR's Patient has no place for. */
  person: `${SD}/person`,
  /** On each CarePlan activity: the plan item as Lantern keeps it. */
  planItem: `${SD}/plan-item`,
  /** On the CarePlan: the plan as a whole (its date, rules version, reviews). */
  plan: `${SD}/plan`,
  /** On a computed resource: the numbers behind it that have no element of their own. */
  computed: `${SD}/computed`
} as const

/** Lantern's identifier systems. */
export const LANTERN_IDENTIFIER = {
  /** The person's record (a Lantern profile id). */
  profile: `${LANTERN_FHIR_BASE}/identifier/profile`,
  /** A record entry's id. */
  entry: `${LANTERN_FHIR_BASE}/identifier/entry`,
  /** A part of an entry that became a resource of its own: "<entry id>#<part>". */
  entryPart: `${LANTERN_FHIR_BASE}/identifier/entry-part`,
  /** Something Lantern computed from the record: "<what>#<key>". */
  computed: `${LANTERN_FHIR_BASE}/identifier/computed`,
  /** One export (the document). */
  document: `${LANTERN_FHIR_BASE}/identifier/document`
} as const

export const SYSTEM = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  atc: 'http://www.whocc.no/atc',
  ucum: 'http://unitsofmeasure.org',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  dataAbsentReason: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
  listEmptyReason: 'http://terminology.hl7.org/CodeSystem/list-empty-reason',
  actClass: 'http://terminology.hl7.org/CodeSystem/v3-ActClass',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  /** PanCareSurPass's own code system (cs-generic-eu-pcsp), for the codes its profiles fix. */
  pcspGeneric: 'http://hl7.eu/fhir/ig/pcsp/CodeSystem/cs-generic-eu-pcsp'
} as const

/** Extensions defined by HL7 (FHIR core, mCODE, PanCareSurPass) that the export uses. */
export const HL7_EXTENSION = {
  dataAbsentReason: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason',
  conditionAssertedDate: 'http://hl7.org/fhir/StructureDefinition/condition-assertedDate',
  conditionRelated: 'http://hl7.org/fhir/StructureDefinition/condition-related',
  conditionOccurredFollowing: 'http://hl7.org/fhir/StructureDefinition/condition-occurredFollowing',
  eventStatusReason: 'http://hl7.org/fhir/StructureDefinition/event-statusReason',
  mcodeTreatmentIntent: 'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-procedure-intent',
  mcodeDoseDeliveredToVolume:
    'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-radiotherapy-dose-delivered-to-volume',
  /** SurPass links a chemotherapy administration to its cumulative-dose Observation with this. */
  pcspResourceRelatedInfo: 'http://hl7.eu/fhir/ig/pcsp/StructureDefinition/resource-relatedInfo'
} as const

/**
 * The profiles the export claims, each validated by the tests against its published snapshot
 * (PanCareSurPass's: against the snapshot compiled from its FSH, tests/fixtures/fhir/README.md).
 */
export const PROFILE = {
  ipsBundle: 'http://hl7.org/fhir/uv/ips/StructureDefinition/Bundle-uv-ips',
  ipsComposition: 'http://hl7.org/fhir/uv/ips/StructureDefinition/Composition-uv-ips',
  ipsPatient: 'http://hl7.org/fhir/uv/ips/StructureDefinition/Patient-uv-ips',
  ipsCondition: 'http://hl7.org/fhir/uv/ips/StructureDefinition/Condition-uv-ips',
  ipsProcedure: 'http://hl7.org/fhir/uv/ips/StructureDefinition/Procedure-uv-ips',
  ipsMedicationStatement:
    'http://hl7.org/fhir/uv/ips/StructureDefinition/MedicationStatement-uv-ips',
  ipsAllergy: 'http://hl7.org/fhir/uv/ips/StructureDefinition/AllergyIntolerance-uv-ips',
  mcodePatient: 'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-cancer-patient',
  mcodePrimaryCancer:
    'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition',
  mcodeSecondaryCancer:
    'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-secondary-cancer-condition',
  mcodeMedicationAdministration:
    'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-cancer-related-medication-administration',
  mcodeRadiotherapyCourse:
    'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-radiotherapy-course-summary',
  mcodeRadiotherapyVolume:
    'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-radiotherapy-volume',
  mcodeBodySurfaceArea: 'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-body-surface-area',
  /** PanCareSurPass 1.0.0: the Patient, as the cumulative doses and the plan's subject must be. */
  pcspPatient: 'http://hl7.eu/fhir/ig/pcsp/StructureDefinition/Patient-eu-pcsp',
  /** PanCareSurPass 1.0.0: a diagnosis, as the plan's `addresses` must be. */
  pcspPrimaryCancer:
    'http://hl7.eu/fhir/ig/pcsp/StructureDefinition/Condition-primaryCancer-eu-pcsp',
  pcspCumulativeDose:
    'http://hl7.eu/fhir/ig/pcsp/StructureDefinition/Observation-cumulativeDoseChemo-eu-pcsp',
  pcspCarePlan: 'http://hl7.eu/fhir/ig/pcsp/StructureDefinition/CarePlan-eu-pcsp',
  bodyHeight: 'http://hl7.org/fhir/StructureDefinition/bodyheight',
  bodyWeight: 'http://hl7.org/fhir/StructureDefinition/bodyweight'
} as const

// ---- Ids ----

/** Lantern's namespace for name-based UUIDs (random once, fixed forever). */
const UUID_NAMESPACE = Buffer.from('6f1d3c52a8e94b7f9c0e2d4b7a1e5f30', 'hex')

/**
 * A name-based UUID (version 5: SHA-1 of the namespace and the name), so the same record gives
 * the same ids in every export.
 */
export function nameUuid(name: string): string {
  const hash = createHash('sha1').update(UUID_NAMESPACE).update(name, 'utf8').digest()
  hash[6] = (hash[6]! & 0x0f) | 0x50
  hash[8] = (hash[8]! & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** A resource's id, fullUrl and the reference to it, from a key unique within the export. */
export interface Ids {
  id: string
  fullUrl: string
}

export function idsFor(key: string): Ids {
  const id = nameUuid(key)
  return { id, fullUrl: `urn:uuid:${id}` }
}

/** A reference that fits any reference element (the builders know what each one points at). */
export type Ref = Reference<never>

/** A reference by the resource's urn; typed to fit any reference element. */
export function ref(resource: { id?: string }, display?: string): Reference<never> {
  return display === undefined
    ? { reference: `urn:uuid:${resource.id}` }
    : { reference: `urn:uuid:${resource.id}`, display }
}

export function entryIdentifier(entryId: string): Identifier {
  return { system: LANTERN_IDENTIFIER.entry, value: entryId }
}

export function partIdentifier(entryId: string, part: string): Identifier {
  return { system: LANTERN_IDENTIFIER.entryPart, value: `${entryId}#${part}` }
}

export function computedIdentifier(what: string, key: string): Identifier {
  return { system: LANTERN_IDENTIFIER.computed, value: `${what}#${key}` }
}

// ---- Small values ----

export function text(words: string): CodeableConcept {
  return { text: words }
}

export function coded(coding: Coding[], words: string): CodeableConcept {
  return { coding, text: words }
}

export const DATA_ABSENT_UNKNOWN: Extension = {
  url: HL7_EXTENSION.dataAbsentReason,
  valueCode: 'unknown'
}

export function dataAbsent(code: 'unknown' | 'not-applicable' | 'unsupported'): CodeableConcept {
  return { coding: [{ system: SYSTEM.dataAbsentReason, code }] }
}

export function ucum(value: number, code: string, unit: string = code): Quantity {
  return { value, unit, system: SYSTEM.ucum, code }
}

/** Moves the decimal point by whole powers of ten exactly as written (12.6 Gy → 1260 cGy). */
export function shiftDecimal(value: number, places: number): number {
  return Number(`${value}e${places}`)
}

// ---- The entry extension ----

export type SubValue =
  | { code: string }
  | { string: string }
  | { boolean: boolean }
  | { integer: number }
  | { decimal: number }
  | { date: string }
  | { instant: string }
  | { reference: Reference }
  | { extension: Extension[] }

/** One sub-extension, or none when the value is empty. */
export function sub(url: string, value: SubValue | null): Extension[] {
  if (value === null) return []
  if ('code' in value) return [{ url, valueCode: value.code }]
  if ('string' in value) return [{ url, valueString: value.string }]
  if ('boolean' in value) return [{ url, valueBoolean: value.boolean }]
  if ('integer' in value) return [{ url, valueInteger: value.integer }]
  if ('decimal' in value) return [{ url, valueDecimal: value.decimal }]
  if ('date' in value) return [{ url, valueDate: value.date }]
  if ('instant' in value) return [{ url, valueInstant: value.instant }]
  if ('reference' in value) return [{ url, valueReference: value.reference }]
  return value.extension.length > 0 ? [{ url, extension: value.extension }] : []
}

export const codeOf = (v: string | null | undefined): SubValue | null =>
  v == null ? null : { code: v }
export const stringOf = (v: string | null | undefined): SubValue | null =>
  v == null || v === '' ? null : { string: v }
export const dateOf = (v: string | null | undefined): SubValue | null =>
  v == null ? null : { date: v }
export const intOf = (v: number | null | undefined): SubValue | null =>
  v == null ? null : { integer: v }
export const boolOf = (v: boolean | null | undefined): SubValue | null =>
  v == null ? null : { boolean: v }

/** The fields every entry has. */
export interface EntryBase {
  id: string
  source: (typeof SOURCES)[number]
  checkedBy?: string | null
  checkedOn?: string | null
  notes?: string | null
  createdAt: string
  updatedAt: string
}

/**
 * The entry extension: which kind of entry this resource holds, where it came from, who checked
 * it, when it was made, and `fields` (Lantern fields with no standard element). `part` names the
 * piece of an entry a resource holds when one entry gives several resources.
 */
export function entryExtension(
  kind: EntryKind,
  entry: EntryBase,
  fields: Extension[] = [],
  part?: string
): Extension {
  return {
    url: LANTERN_EXTENSION.entry,
    extension: [
      ...sub('kind', { code: kind }),
      ...sub('part', part === undefined ? null : { string: part }),
      ...sub('source', { code: entry.source }),
      ...sub('checkedBy', stringOf(entry.checkedBy)),
      ...sub('checkedOn', dateOf(entry.checkedOn)),
      ...sub('createdAt', { instant: entry.createdAt }),
      ...sub('updatedAt', { instant: entry.updatedAt }),
      ...fields
    ]
  }
}

/** Marks a resource Lantern worked out from the record (never imported back as an entry). */
export function computedExtension(what: string, fields: Extension[] = []): Extension {
  return {
    url: LANTERN_EXTENSION.computed,
    extension: [...sub('what', { code: what }), ...sub('source', { code: 'computed' }), ...fields]
  }
}

/** The entry's notes as FHIR's annotation, for resources that have `note`. */
export function notesOf(entry: { notes?: string | null }): { text: string }[] | undefined {
  return entry.notes ? [{ text: entry.notes }] : undefined
}

// ---- Narrative ----

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/** Text safe inside XHTML: every value written into a narrative goes through this. */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

/** Markup built from escaped text only; the tags are Lantern's own. */
export class Html {
  readonly markup: string
  constructor(markup: string) {
    this.markup = markup
  }
}

type Content = string | Html | null | undefined | false

function render(content: Content | Content[]): string {
  if (Array.isArray(content)) return content.map(render).join('')
  if (content === null || content === undefined || content === false) return ''
  return content instanceof Html ? content.markup : escapeXml(content)
}

export function el(tag: string, ...content: (Content | Content[])[]): Html {
  return new Html(`<${tag}>${content.map(render).join('')}</${tag}>`)
}

export function table(headers: string[], rows: Content[][]): Html {
  return el(
    'table',
    el('thead', el('tr', ...headers.map((h) => el('th', h)))),
    el('tbody', ...rows.map((row) => el('tr', ...row.map((cell) => el('td', cell)))))
  )
}

/** A generated narrative: the one place a `div` is made, always in the XHTML namespace. */
export function narrative(...content: (Content | Content[])[]): Narrative {
  return {
    status: 'generated',
    div: `<div xmlns="http://www.w3.org/1999/xhtml">${content.map(render).join('')}</div>`
  }
}

/** "Typed in by the family" and the like: where an entry came from, in words. */
export const SOURCE_WORDS: Record<(typeof SOURCES)[number], string> = {
  typed: 'Typed in by the person or their family',
  'clinic-letter': 'Copied from a clinic letter',
  computed: 'Calculated by Lantern from the record'
}

/** A short line on where an entry came from and whether a clinician checked it. */
export function provenanceLine(entry: EntryBase): Html {
  const checked = entry.checkedBy
    ? ` Checked by ${entry.checkedBy}${entry.checkedOn ? ` on ${entry.checkedOn}` : ''}.`
    : ''
  return el('p', `Source: ${SOURCE_WORDS[entry.source]}.${checked}`)
}
