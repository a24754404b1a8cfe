/**
 * The FHIR export (electron/core/fhir): one person's record as an IPS document bundle, built from
 * real encrypted vaults read with the core's own handlers (record.listAll, record.summary,
 * careplan.get), then validated offline: every resource with Medplum against the base resource
 * and each profile it claims (IPS 2.0.0, mCODE 4.0.0 and PanCareSurPass 1.0.0, vendored in
 * tests/fixtures/fhir), the whole bundle against the official R4 JSON schema, and every
 * narrative as XHTML.
 *
 * Three records: the shipped sample profile; a three-year record with 2,000 administrations (as
 * tools/bench/vault.ts builds it); and a small record of edge cases (no date of birth, no body
 * measurements so doses cannot be converted, a dose in units per m², a breast cancer with spread,
 * markup in typed text, an entry copied from a clinic letter).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  Bundle,
  CarePlan as FhirCarePlan,
  Coding,
  Composition,
  Extension,
  MedicationAdministration,
  Observation,
  Patient,
  Resource
} from '@medplum/fhirtypes'
import type { Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import { planKept } from '../../electron/core/careplan/planState.ts'
import { fhirBundle } from '../../electron/core/fhir/bundle.ts'
import {
  HL7_EXTENSION,
  LANTERN_EXTENSION,
  LANTERN_IDENTIFIER,
  PROFILE,
  SYSTEM
} from '../../electron/core/fhir/common.ts'
import type { FhirExportInput } from '../../electron/core/fhir/context.ts'
import { unitQuantity } from '../../electron/core/record/doses.ts'
import type { CarePlan } from '../../electron/shared/careplan.ts'
import { ENTRY_KINDS, type RecordEntries } from '../../electron/shared/record.ts'
import type { TreatmentSummary } from '../../electron/shared/summary.ts'
import {
  claimedProfileErrors,
  extensionErrors,
  jsonSchemaErrors,
  loadFhirDefinitions,
  narrativeDivs,
  pcspTargetProblems,
  profileErrors,
  referenceTypeProblems,
  sectionInvariantErrors,
  xhtmlProblems
} from './helpers/fhirValidation.ts'
import { DRUGS, PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'
import { stepTimings } from './helpers/stepTimings.ts'
import { addLargeRecord, saveEntry as save } from '../../tools/bench/largeRecord.ts'

const EXPORTED_AT = '2026-12-07T09:30:00.000Z'
const PLAN_AS_OF = '2026-12-01'

/**
 * Codes the project's clinical-facts reference marks CONFIRMED (§4.1 diagnoses, §4.2 RxNorm and
 * the ATC column of the PanCareSurPass value set, §4.3 the mCODE radiotherapy course code), and
 * LOINC codes that a vendored profile fixes (found in the profiles themselves, below). A code
 * in the bundle outside these is a failure.
 */
const CONFIRMED: Record<string, string[]> = {
  [SYSTEM.snomed]: ['277571004', '254837009', '372137005', '91857003', '1217123003'],
  [SYSTEM.rxnorm]: [
    '3002',
    '3639',
    '3995',
    '5650',
    '6851',
    '11202',
    '8640',
    '103',
    '10485',
    '4179',
    '662281',
    '10324',
    '84857',
    '56946',
    '194000'
  ],
  [SYSTEM.atc]: [
    'L01AA01',
    'L01AA06',
    'L01DB01',
    'L01DB02',
    'L01DB03',
    'L01DB06',
    'L01DB07',
    'L01BA01',
    'L01BC01',
    'L01CA02',
    'L01BB02',
    'L01BB03',
    'L01CB01',
    'L01XX02',
    'L01XX24',
    'L01EA01',
    'L01EA02',
    'L01EA03',
    'L01EA05',
    'L01FX07',
    'L01FB01',
    'L02BA01',
    'L02BG03',
    'L02BG04',
    'L02BG06',
    'L02BA03',
    'L01EF01',
    'L01FD01',
    'L01FD02',
    'L01FD03',
    'L01CD01',
    'L01CD02',
    'L01BC06',
    'L01AB01',
    'L01AA03',
    'L01AC01'
  ]
}

/** Code systems that hold FHIR's own structural codes (statuses, categories, units). */
const STRUCTURAL = [
  SYSTEM.ucum,
  SYSTEM.conditionCategory,
  SYSTEM.conditionClinical,
  SYSTEM.observationCategory,
  SYSTEM.dataAbsentReason,
  SYSTEM.listEmptyReason,
  SYSTEM.actClass,
  SYSTEM.allergyClinical,
  // PanCareSurPass's own code system: the code its cumulative-dose profile fixes.
  SYSTEM.pcspGeneric
]

interface Exported {
  input: FhirExportInput
  bundle: Bundle
  summary: TreatmentSummary
  plan: CarePlan
  entries: RecordEntries
  resources: Resource[]
}

async function exportOf(
  core: Core,
  profileId: string,
  exportedAt = EXPORTED_AT
): Promise<Exported> {
  const entries = await core.handlers['record.listAll']({ profileId })
  const summary = await core.handlers['record.summary']({ profileId })
  const plan = await core.handlers['careplan.get']({ profileId, asOf: PLAN_AS_OF })
  const input: FhirExportInput = {
    profile: summary.profile,
    entries,
    summary,
    carePlan: plan,
    planKept: planKept(
      core.vault.db,
      profileId,
      plan.items.map((i) => i.key)
    ),
    drugs: DRUGS,
    exportedAt
  }
  const bundle = fhirBundle(input)
  return {
    input,
    bundle,
    summary,
    plan,
    entries,
    resources: bundle.entry!.map((e) => e.resource!)
  }
}

/** The bench's three-year record (tools/bench/largeRecord.ts), as a new person. */
function largeRecord(core: Core): Promise<string> {
  return addLargeRecord(core, 'Bench')
}

const MARKUP = 'Rash <b>&amp;</b> "itch" & <script>alert(1)</script>'

/** Edge cases: nothing to convert doses with, text with markup, spread, a clinic letter. */
async function edgeRecord(core: Core): Promise<string> {
  const { id: profileId } = await core.handlers['profiles.create']({
    displayName: 'Edge <case> & "quotes"'
  })
  const person = await dispatch(core.handlers, 'profiles.updatePerson', {
    profileId,
    sex: 'intersex',
    noKnownAllergies: true,
    shunt: 'in-place',
    shuntNotes: 'Left-sided <VP> shunt'
  })
  if (!person.ok) throw new Error(person.error.message)
  const put = (kind: string, entry: Record<string, unknown>) => save(core, profileId, kind, entry)
  const diagnosis = await put('diagnosis', {
    condition: 'breast-cancer',
    diagnosedOn: '2023-05-02',
    laterality: 'left',
    erStatus: 'positive',
    her2Status: 'negative',
    stage: 'IV',
    metastasisSites: ['Bone', 'Liver <segment 4>'],
    source: 'clinic-letter',
    checkedBy: 'Dr Example (fictional)',
    checkedOn: '2023-06-01'
  })
  await put('diagnosis', { condition: 'other', conditionOther: 'Thyroid nodule & "other"' })
  await put('relapse', { diagnosisId: diagnosis.id, sites: ['other'], siteOther: 'Skin <scalp>' })
  // No height or weight anywhere: per-m² and absolute totals cannot all be worked out.
  await put('administration', {
    drugId: 'doxorubicin',
    route: 'iv',
    dose: 60,
    unit: 'mg/m2',
    schedule: { kind: 'repeat', start: '2023-05-10', intervalDays: 21, count: 4 }
  })
  // A total with more decimals than the plan shows, so a rounded copy would not pass for it.
  await put('administration', {
    drugId: 'epirubicin',
    route: 'iv',
    dose: 33.33,
    unit: 'mg/m2',
    schedule: { kind: 'once', date: '2023-08-01' }
  })
  await put('administration', {
    drugId: 'dexamethasone',
    route: 'oral',
    dose: 8,
    unit: 'mg',
    schedule: { kind: 'repeat', start: '2023-05-10', intervalDays: 1, end: '2023-05-12' },
    estimated: true
  })
  // A dose in units per m²: a total PanCareSurPass's cumulative-dose units do not include.
  await put('administration', {
    drugId: 'bleomycin',
    route: 'iv',
    dose: 10,
    unit: 'units/m2',
    schedule: { kind: 'once', date: '2023-09-01' }
  })
  await put('radiation', { field: 'breast-or-chest-wall', totalDoseGy: 50.4, fractions: 28 })
  await put('procedure', { kind: 'surgery', name: `Mastectomy ${MARKUP}` })
  await put('complication', {
    name: MARKUP,
    grade: 2,
    startedOn: '2023-06-01',
    endedOn: '2023-07-01',
    status: 'ongoing'
  })
  await put('careTeamMember', { name: 'Nurse <Nightingale>', role: 'Nurse & friend' })
  return profileId
}

let sample: Exported
let large: Exported
let edge: Exported
const { timed, print: printTimings } = stepTimings('FHIR export test timings')

beforeAll(async () => {
  await timed('load definitions', () => loadFhirDefinitions())
  const core = newCore()
  await core.vault.create(PASSPHRASE)
  const sampleProfile = await core.handlers['profiles.loadSample']({})
  sample = await timed('export sample', () => exportOf(core, sampleProfile.id))
  const largeId = await timed('build 2,000-administration record', () => largeRecord(core))
  large = await timed('export large', () => exportOf(core, largeId))
  edge = await exportOf(core, await edgeRecord(core))
}, 300_000)

afterAll(async () => {
  await cleanupTempDirs()
  printTimings()
})

/** The resources made from one entry: by its id, or by a part of it (`<id>#<part>`). */
const madeFrom = (x: Exported, entryId: string) =>
  x.resources.filter((r) =>
    identifiers(r).some(
      (i) =>
        (i.system === LANTERN_IDENTIFIER.entry && i.value === entryId) ||
        (i.system === LANTERN_IDENTIFIER.entryPart && i.value?.startsWith(`${entryId}#`))
    )
  )

const byType = <T extends Resource>(x: Exported, type: T['resourceType']) =>
  x.resources.filter((r): r is T => r.resourceType === type)

function lanternFields(resource: Resource, url: string): Extension[] {
  const extensions = (resource as { extension?: Extension[] }).extension ?? []
  return extensions.find((e) => e.url === url)?.extension ?? []
}

function field(resource: Resource, url: string, name: string): Extension | undefined {
  return lanternFields(resource, url).find((e) => e.url === name)
}

/** A resource's identifiers (a Composition has one, not a list). */
function identifiers(r: Resource): { system?: string; value?: string }[] {
  const i = (r as { identifier?: unknown }).identifier
  return (Array.isArray(i) ? i : i ? [i] : []) as { system?: string; value?: string }[]
}

function byIdentifier(x: Exported, system: string, value: string): Resource {
  const found = x.resources.find((r) =>
    identifiers(r).some((i) => i.system === system && i.value === value)
  )
  if (!found) throw new Error(`No resource with identifier ${system}|${value}`)
  return found
}

function allCodings(value: unknown, out: Coding[] = []): Coding[] {
  if (Array.isArray(value)) {
    for (const v of value) allCodings(v, out)
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>
    if (Array.isArray(o.coding)) out.push(...(o.coding as Coding[]))
    for (const v of Object.values(o)) allCodings(v, out)
  }
  return out
}

/** The paths (array indexes as n) at which two JSON values differ. */
function differences(a: unknown, b: unknown): string[] {
  const found = new Set<string>()
  const walk = (x: unknown, y: unknown, path: string) => {
    if (x && y && typeof x === 'object' && typeof y === 'object') {
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
        walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], `${path}.${k}`)
      }
    } else if (x !== y) {
      found.add(path.replace(/\.\d+(?=\.|$)/g, '.n'))
    }
  }
  walk(a, b, '')
  return [...found].sort()
}

/** LOINC codes fixed by a pattern in a profile the export follows. */
/**
 * Codes a vendored profile requires by a required binding to a value set of its own guide (the
 * SNOMED CT codes for calculated and estimated in PanCareSurPass's CalculatedEstimatedVs): the
 * guide is their source, as for the LOINC codes profiles fix. As `system|code`.
 */
function codesRequiredByVendoredValueSets(): Set<string> {
  const codes = new Set<string>()
  const { profiles, valueSets } = loadFhirDefinitions()
  for (const sd of profiles.values()) {
    for (const e of sd.snapshot?.element ?? []) {
      if (e.binding?.strength !== 'required' || !e.binding.valueSet) continue
      const vs = valueSets.get(e.binding.valueSet.split('|')[0]!)
      for (const include of vs?.compose?.include ?? []) {
        for (const c of include.concept ?? []) codes.add(`${include.system}|${c.code}`)
      }
    }
  }
  return codes
}

function loincCodesFixedByProfiles(): Set<string> {
  const codes = new Set<string>()
  for (const sd of loadFhirDefinitions().profiles.values()) {
    for (const e of sd.snapshot?.element ?? []) {
      for (const c of e.patternCodeableConcept?.coding ?? []) {
        if (c.system === SYSTEM.loinc && c.code) codes.add(c.code)
      }
      if (
        e.id?.endsWith('.code') &&
        e.fixedCode &&
        sd.snapshot?.element?.some(
          (x) => x.fixedUri === SYSTEM.loinc && x.id === e.id!.replace(/\.code$/, '.system')
        )
      ) {
        codes.add(e.fixedCode)
      }
    }
  }
  return codes
}

describe.each([
  ['the sample profile', () => sample],
  ['the 2,000-administration record', () => large],
  ['the edge-case record', () => edge]
])('the bundle of %s', (_name, get) => {
  it('validates every resource against its base definition and each profile it claims', async () => {
    const x = get()
    const errors = await timed(`Medplum, every resource of ${_name}`, () =>
      x.resources.flatMap((r) =>
        claimedProfileErrors(r).map((e) => `${r.resourceType}/${r.id}: ${e}`)
      )
    )
    expect(errors).toEqual([])
    // The extensions whose definitions are vendored, against those definitions.
    const extensions = x.resources.flatMap(
      (r) => (r as { extension?: Extension[] }).extension ?? []
    )
    expect(extensions.flatMap(extensionErrors)).toEqual([])
  })

  it('points every reference at a resource of a type its element allows', async () => {
    const x = get()
    expect(await timed(`reference types, ${_name}`, () => referenceTypeProblems(x.bundle))).toEqual(
      []
    )
  })

  it('claims PanCareSurPass’s profiles where the record fits them, and points what they constrain at resources of the profiles they require', () => {
    const x = get()
    const units = loadFhirDefinitions().valueSets.get(
      'http://hl7.eu/fhir/ig/pcsp/ValueSet/ChemoUnitsVs'
    )!
    const allowed = new Set(units.compose!.include[0]!.concept!.map((c) => c.code))
    const doses = x.resources.filter((r): r is Observation =>
      identifiers(r).some((i) => i.value?.startsWith('cumulativeDose#'))
    )
    expect(doses).toHaveLength(x.summary.exposures.length)
    for (const o of doses) {
      const fits = o.valueQuantity === undefined || allowed.has(o.valueQuantity.code!)
      expect(o.meta?.profile ?? [], o.code?.text).toEqual(fits ? [PROFILE.pcspCumulativeDose] : [])
      // Validated with the other claims above; a total in units or cells per m² would fail it.
      const errors = profileErrors(o, PROFILE.pcspCumulativeDose)
      if (fits) expect(errors).toEqual([])
      else expect(errors.join()).toMatch(/ChemoUnitsVs/)
    }
    const plan = byType<FhirCarePlan>(x, 'CarePlan')[0]!
    expect(plan.meta?.profile ?? []).toEqual(x.plan.items.length > 0 ? [PROFILE.pcspCarePlan] : [])
    if (x.plan.items.length > 0) expect(profileErrors(plan, PROFILE.pcspCarePlan)).toEqual([])
    expect(byType<Patient>(x, 'Patient')[0]!.meta?.profile).toContain(PROFILE.pcspPatient)
    for (const d of x.entries.diagnosis) {
      expect(byIdentifier(x, LANTERN_IDENTIFIER.entry, d.id).meta?.profile).toContain(
        PROFILE.pcspPrimaryCancer
      )
    }
    expect(pcspTargetProblems(x.bundle)).toEqual([])
  })

  it('validates whole, against the R4 JSON schema and as an IPS document', async () => {
    const x = get()
    expect(await timed(`JSON schema, ${_name}`, () => jsonSchemaErrors(x.bundle))).toEqual([])
    expect(await timed(`Medplum, whole bundle of ${_name}`, () => profileErrors(x.bundle))).toEqual(
      []
    )
    expect(profileErrors(x.bundle, PROFILE.ipsBundle)).toEqual([])
    // What the IPS Bundle's entry slices require, which Medplum cannot match (see forMedplum).
    expect(x.bundle.type).toBe('document')
    expect(x.bundle.meta?.profile).toEqual([PROFILE.ipsBundle])
    expect(x.bundle.identifier?.system).toBe(LANTERN_IDENTIFIER.document)
    expect(x.bundle.timestamp).toBe(EXPORTED_AT)
    expect(x.resources[0]!.resourceType).toBe('Composition')
    expect(x.resources[0]!.meta?.profile).toContain(PROFILE.ipsComposition)
    expect(byType(x, 'Patient')).toHaveLength(1)
    // Every fullUrl is a unique urn:uuid, and every reference points inside the bundle.
    const urls = x.bundle.entry!.map((e) => e.fullUrl!)
    expect(new Set(urls).size).toBe(urls.length)
    for (const url of urls) expect(url).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)
    const known = new Set(urls)
    const dangling = JSON.stringify(x.bundle)
      .match(/"reference":"[^"]*"/g)!
      .map((r) => r.slice(13, -1))
      .filter((r) => !known.has(r))
    expect(dangling).toEqual([])
  })

  it('has the IPS sections, each with narrative, and an empty reason where there is nothing', () => {
    const x = get()
    const composition = x.resources[0] as Composition
    // Problems, Allergies, Medications (IPS requires them), History of procedures, Vital signs,
    // Plan of care: each once, with entries or a reason why there are none.
    for (const code of ['11450-4', '48765-2', '10160-0', '47519-4', '8716-3', '18776-5']) {
      const found = composition.section!.filter((s) => s.code?.coding?.[0]?.code === code)
      expect(found, code).toHaveLength(1)
      expect((found[0]!.entry?.length ?? 0) > 0 || found[0]!.emptyReason !== undefined).toBe(true)
    }
    for (const section of composition.section!) {
      expect(section.title).toBeTruthy()
      expect(section.text?.div).toMatch(/^<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml">/)
    }
    expect(sectionInvariantErrors(composition, PROFILE.ipsComposition)).toEqual([])
  })

  it('writes every narrative as XHTML with every value escaped', () => {
    const x = get()
    const problems = x.resources.flatMap((r) =>
      narrativeDivs(r).flatMap((div) => xhtmlProblems(div).map((p) => `${r.resourceType}: ${p}`))
    )
    expect(problems).toEqual([])
  })

  it('gives the cumulative doses exactly as the summary has them, linked from each administration', () => {
    const x = get()
    expect(x.summary.exposures.length).toBeGreaterThan(0)
    for (const e of x.summary.exposures) {
      const key = `${e.drugId}/${e.route}/${e.quantity}`
      const o = byIdentifier(x, LANTERN_IDENTIFIER.computed, `cumulativeDose#${key}`) as Observation
      const incomplete = e.unconvertedPerM2 > 0 || e.unconvertedAbsolute > 0
      expect(o.status).toBe(incomplete ? 'preliminary' : 'final')
      expect(o.code?.coding).toEqual([{ system: SYSTEM.pcspGeneric, code: 'cumulativeDose' }])
      expect(o.dataAbsentReason).toBeUndefined()
      if (e.unconvertedPerM2 < e.doses) {
        expect(o.valueQuantity?.value).toBe(e.perM2Total)
      } else {
        // PanCareSurPass's value for a dose that is not known (its value[x] is 1..1).
        expect(o.valueQuantity).toBeUndefined()
        expect(o.valueCodeableConcept?.coding).toEqual([
          { system: SYSTEM.dataAbsentReason, code: 'unknown', display: 'Unknown' }
        ])
      }
      const absolute = o.component![0]!
      if (e.unconvertedAbsolute < e.doses)
        expect(absolute.valueQuantity?.value).toBe(e.absoluteTotal)
      else expect(absolute.dataAbsentReason?.coding?.[0]?.code).toBe('unknown')
      expect(o.component![1]!.valueInteger).toBe(e.doses)
      // Calculated or estimated, in the codes of PanCareSurPass's CalculatedEstimatedVs.
      expect(o.method?.coding).toEqual([
        e.estimatedDoses > 0
          ? { system: SYSTEM.snomed, code: '703858009', display: 'Numeric estimation technique' }
          : { system: SYSTEM.snomed, code: '702873001', display: 'Calculation technique' }
      ])
      expect(o.method?.text).toMatch(e.estimatedDoses > 0 ? /^Estimated/ : /^Calculated/)
      expect(o.effectivePeriod).toEqual({ start: e.firstDate, end: e.lastDate })
    }
    for (const a of x.entries.administration) {
      const resource = byIdentifier(x, LANTERN_IDENTIFIER.entry, a.id) as MedicationAdministration
      const link = resource.extension!.find((e) => e.url === HL7_EXTENSION.pcspResourceRelatedInfo)
      const target = x.bundle.entry!.find((e) => e.fullUrl === link?.valueReference?.reference)
      expect(identifiers(target!.resource!)[0]?.value).toBe(
        `cumulativeDose#${a.drugId}/${a.route}/${unitQuantity(a.unit)}`
      )
    }
  })

  it('gives the doxorubicin-equivalent total exactly as the summary has it', () => {
    const x = get()
    const a = x.summary.anthracycline
    const found = x.resources.filter((r) =>
      identifiers(r).some((i) => i.value?.startsWith('doxorubicinEquivalent#'))
    ) as Observation[]
    if (!a) {
      expect(found).toEqual([])
      return
    }
    expect(found).toHaveLength(1)
    const o = found[0]!
    expect(o.valueQuantity?.value).toBe(a.total)
    expect(o.status).toBe(a.incomplete ? 'preliminary' : 'final')
    const equivalents = o.component!.filter((c) => c.code.text?.includes('doxorubicin equivalent'))
    expect(equivalents.map((c) => c.valueQuantity?.value ?? null)).toEqual(
      a.parts.map((p) => p.equivalent)
    )
    const plan = byType<FhirCarePlan>(x, 'CarePlan')[0]!
    expect(plan.supportingInfo?.[0]?.reference).toBe(`urn:uuid:${o.id}`)
  })

  it('uses a clinical code only where it is confirmed, and otherwise text alone', () => {
    const x = get()
    const loinc = loincCodesFixedByProfiles()
    const bound = codesRequiredByVendoredValueSets()
    const unconfirmed = allCodings(x.resources)
      .filter((c) => {
        if (c.system === SYSTEM.loinc) return !loinc.has(c.code!)
        if (bound.has(`${c.system}|${c.code}`)) return false
        if (c.system! in CONFIRMED) return !CONFIRMED[c.system!]!.includes(c.code!)
        return !STRUCTURAL.includes(c.system as (typeof STRUCTURAL)[number])
      })
      .map((c) => `${c.system}|${c.code}`)
    expect(unconfirmed).toEqual([])
  })

  it('keeps every entry of the record, by its id, with its source', () => {
    const x = get()
    for (const kind of ENTRY_KINDS) {
      for (const entry of x.entries[kind]) {
        const holders = madeFrom(x, entry.id)
        expect(holders.length, `${kind} ${entry.id}`).toBeGreaterThan(0)
        for (const r of holders) {
          expect(field(r, LANTERN_EXTENSION.entry, 'kind')?.valueCode).toBe(kind)
          expect(field(r, LANTERN_EXTENSION.entry, 'source')?.valueCode).toBe(entry.source)
        }
      }
    }
    const patient = byType<Patient>(x, 'Patient')[0]!
    expect(patient.identifier).toEqual([
      { system: LANTERN_IDENTIFIER.profile, value: x.input.profile.id }
    ])
  })

  it('holds every value of every entry in the resources made from it, for an import to read', () => {
    const x = get()
    const holderOf = (id: string) => byIdentifier(x, LANTERN_IDENTIFIER.entry, id)
    const missing: string[] = []
    for (const kind of ENTRY_KINDS) {
      for (const entry of x.entries[kind]) {
        const holders = madeFrom(x, entry.id)
        // A care team member's role and institution are on their place in the CareTeam.
        const places = byType(x, 'CareTeam').flatMap((t) =>
          t.resourceType === 'CareTeam'
            ? (t.participant ?? []).filter((p) =>
                holders.some((h) => p.member?.reference === `urn:uuid:${h.id}`)
              )
            : []
        )
        const json = JSON.stringify([holders, places])
        const check = (path: string, value: unknown): void => {
          if (value === null || value === undefined || value === false) return
          if (Array.isArray(value)) return value.forEach((v, i) => check(`${path}[${i}]`, v))
          if (typeof value === 'object') {
            for (const [k, v] of Object.entries(value)) check(`${path}.${k}`, v)
            return
          }
          const literal = JSON.stringify(value)
          const found =
            typeof value === 'string'
              ? json.includes(literal)
              : new RegExp(`[:\\[]${literal.replace('.', '\\.')}[,}\\]]`).test(json)
          if (!found) missing.push(`${kind} ${entry.id} ${path} = ${literal}`)
        }
        for (const [name, value] of Object.entries(entry)) {
          if (name === 'id' || name === 'profileId') continue
          if (['phaseId', 'transplantId', 'diagnosisId'].includes(name) && value) {
            if (!json.includes(`urn:uuid:${holderOf(value as string).id}`)) {
              missing.push(`${kind} ${entry.id} ${name}: no reference to the linked entry`)
            }
            continue
          }
          // Radiotherapy doses are written in cGy, as mCODE fixes.
          if (name === 'totalDoseGy' && typeof value === 'number') {
            check(name, Number(`${value}e2`))
            continue
          }
          check(name, value)
        }
      }
    }
    expect(missing).toEqual([])
  })

  it('is the same bundle every time, apart from what the export time decides', () => {
    const x = get()
    expect(differences(fhirBundle(x.input), x.bundle)).toEqual([])
    const later = fhirBundle({ ...x.input, exportedAt: '2027-01-02T03:04:05.000Z' })
    expect(differences(x.bundle, later)).toEqual(
      [
        '.entry.n.resource.date',
        '.entry.n.resource.identifier.value',
        '.id',
        '.identifier.value',
        '.timestamp',
        // What Lantern computed is recorded at the export.
        '.entry.n.resource.recorded'
      ].sort()
    )
  })
})

describe('the sample profile', () => {
  it('claims the mCODE and IPS profiles for the cancer parts', () => {
    const claims = (type: string) =>
      sample.resources.filter((r) => r.resourceType === type).map((r) => r.meta?.profile ?? [])
    expect(claims('Patient')).toEqual([
      [PROFILE.ipsPatient, PROFILE.mcodePatient, PROFILE.pcspPatient]
    ])
    expect(claims('MedicationAdministration')).toHaveLength(sample.entries.administration.length)
    for (const c of claims('MedicationAdministration')) {
      expect(c).toEqual([PROFILE.mcodeMedicationAdministration])
    }
    const diagnosis = byIdentifier(
      sample,
      LANTERN_IDENTIFIER.entry,
      sample.entries.diagnosis[0]!.id
    )
    expect(diagnosis.meta?.profile).toEqual([
      PROFILE.ipsCondition,
      PROFILE.mcodePrimaryCancer,
      PROFILE.pcspPrimaryCancer
    ])
    for (const r of sample.entries.radiation) {
      expect(byIdentifier(sample, LANTERN_IDENTIFIER.entry, r.id).meta?.profile).toContain(
        PROFILE.mcodeRadiotherapyCourse
      )
    }
  })

  it('writes radiotherapy doses in cGy with their fractions, and intrathecal doses as such', () => {
    for (const r of sample.entries.radiation) {
      const course = byIdentifier(sample, LANTERN_IDENTIFIER.entry, r.id)
      const dose = (course as { extension?: Extension[] }).extension!.find(
        (e) => e.url === HL7_EXTENSION.mcodeDoseDeliveredToVolume
      )!
      const value = (name: string) => dose.extension!.find((e) => e.url === name)
      expect(value('totalDoseDelivered')?.valueQuantity).toMatchObject({
        value: r.totalDoseGy! * 100,
        code: 'cGy',
        system: SYSTEM.ucum
      })
      expect(value('fractionsDelivered')?.valueUnsignedInt).toBe(r.fractions)
    }
    const intrathecal = sample.entries.administration.filter((a) => a.route === 'intrathecal')
    expect(intrathecal.length).toBeGreaterThan(0)
    for (const a of intrathecal) {
      const resource = byIdentifier(
        sample,
        LANTERN_IDENTIFIER.entry,
        a.id
      ) as MedicationAdministration
      expect(resource.dosage?.route?.text).toMatch(/intrathecal/)
      expect(field(resource, LANTERN_EXTENSION.entry, 'route')?.valueCode).toBe('intrathecal')
    }
  })

  it('names a drug without a confirmed code in text only, and gives confirmed codes where the catalog has them', () => {
    const medication = (drugId: string) =>
      sample.entries.administration
        .filter((a) => a.drugId === drugId)
        .map(
          (a) =>
            (byIdentifier(sample, LANTERN_IDENTIFIER.entry, a.id) as MedicationAdministration)
              .medicationCodeableConcept
        )
    expect(DRUGS.byId('dexamethasone')?.codes).toBeUndefined()
    const dexamethasone = medication('dexamethasone')
    expect(dexamethasone.length).toBeGreaterThan(0)
    for (const m of dexamethasone) expect(m).toEqual({ text: 'dexamethasone' })
    for (const m of medication('vincristine')) {
      expect(m).toEqual({
        coding: [
          { system: SYSTEM.rxnorm, code: '11202' },
          { system: SYSTEM.atc, code: 'L01CA02' }
        ],
        text: 'vincristine'
      })
    }
    // Every code the catalog ships is one the reference confirms.
    for (const drug of DRUGS.drugs) {
      if (drug.codes?.rxnorm) expect(CONFIRMED[SYSTEM.rxnorm]).toContain(drug.codes.rxnorm.code)
      if (drug.codes?.atc) expect(CONFIRMED[SYSTEM.atc]).toContain(drug.codes.atc.code)
    }
  })

  it('makes one care-plan activity per plan item, a draft proposal, with reason, sources and next due date', () => {
    const plan = byType<FhirCarePlan>(sample, 'CarePlan')[0]!
    expect(plan.status).toBe('draft')
    expect(plan.intent).toBe('proposal')
    expect(plan.activity).toHaveLength(sample.plan.items.length)
    sample.plan.items.forEach((item, i) => {
      const activity = plan.activity![i]!
      const detail = activity.detail!
      expect(detail.code?.text).toBe(item.title)
      expect(detail.reasonCode?.[0]?.text ?? null).toBe(item.concern)
      expect(detail.scheduledTiming?.event?.[0] ?? null).toBe(item.nextDue)
      expect(detail.instantiatesUri ?? []).toEqual([
        ...new Set(item.citations.map((c) => c.url).filter(Boolean))
      ])
      const stored = activity.extension![0]!.extension!
      expect(stored.find((e) => e.url === 'key')?.valueString).toBe(item.key)
      expect(stored.filter((e) => e.url === 'why').map((e) => e.valueString)).toEqual(item.why)
      expect(stored.filter((e) => e.url === 'citation')).toHaveLength(item.citations.length)
    })
    expect(plan.careTeam).toHaveLength(1)
    const team = byType(sample, 'CareTeam')[0]!
    expect(team.resourceType === 'CareTeam' && team.participant).toHaveLength(
      sample.entries.careTeamMember.length
    )
  })
})

describe('the edge-case record', () => {
  it('marks what is not known instead of guessing it', () => {
    const patient = byType<Patient>(edge, 'Patient')[0]!
    expect(patient.birthDate).toBeUndefined()
    expect((patient as { _birthDate?: { extension?: Extension[] } })._birthDate?.extension).toEqual(
      [{ url: HL7_EXTENSION.dataAbsentReason, valueCode: 'unknown' }]
    )
    expect(patient.gender).toBe('other')
    const composition = edge.resources[0] as Composition
    const allergies = composition.section!.find((s) => s.code?.coding?.[0]?.code === '48765-2')!
    expect(allergies.entry).toBeUndefined()
    expect(allergies.emptyReason?.coding?.[0]?.code).toBe('nilknown')
    // Doses with no height or weight anywhere: an incomplete total, and an unknown one.
    const doxorubicin = edge.summary.exposures.find((e) => e.drugId === 'doxorubicin')!
    expect(doxorubicin.unconvertedAbsolute).toBe(doxorubicin.doses)
    const dexamethasone = edge.summary.exposures.find((e) => e.drugId === 'dexamethasone')!
    expect(dexamethasone.unconvertedPerM2).toBe(dexamethasone.doses)
    const o = byIdentifier(
      edge,
      LANTERN_IDENTIFIER.computed,
      'cumulativeDose#dexamethasone/oral/mass'
    ) as Observation
    expect(o.status).toBe('preliminary')
    expect(o.valueCodeableConcept?.coding?.[0]?.code).toBe('unknown')
    expect(o.method?.coding?.[0]?.code).toBe('703858009')
  })

  it('writes spread as mCODE secondary cancer conditions linked to the primary', () => {
    const primary = byIdentifier(edge, LANTERN_IDENTIFIER.entry, edge.entries.diagnosis[0]!.id)
    const secondary = edge.resources.filter((r) =>
      r.meta?.profile?.includes(PROFILE.mcodeSecondaryCancer)
    )
    expect(secondary.map((r) => r.resourceType === 'Condition' && r.bodySite?.[0]?.text)).toEqual([
      'Bone',
      'Liver <segment 4>'
    ])
    for (const r of secondary) {
      expect(
        (r as { extension?: Extension[] }).extension!.find(
          (e) => e.url === HL7_EXTENSION.conditionRelated
        )?.valueReference?.reference
      ).toBe(`urn:uuid:${primary.id}`)
    }
  })

  it('escapes typed text in narratives', () => {
    const text = JSON.stringify(edge.resources.flatMap(narrativeDivs))
    expect(text).not.toContain('<script>')
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(text).toContain('&amp;amp;')
  })

  it('groups provenance by source, and keeps who checked an entry', () => {
    const provenance = byType(edge, 'Provenance')
    const letter = provenance.find(
      (p) => p.resourceType === 'Provenance' && p.activity?.text?.includes('clinic letter')
    )
    const diagnosis = byIdentifier(edge, LANTERN_IDENTIFIER.entry, edge.entries.diagnosis[0]!.id)
    expect(
      letter?.resourceType === 'Provenance' && letter.target.map((t) => t.reference)
    ).toContain(`urn:uuid:${diagnosis.id}`)
    expect(field(diagnosis, LANTERN_EXTENSION.entry, 'checkedBy')?.valueString).toBe(
      'Dr Example (fictional)'
    )
  })
})

describe('validation catches what is wrong', () => {
  const clone = <T>(value: T): T => structuredClone(value)

  it('refuses a Patient without a birth date under the IPS profile, but not under the base', () => {
    const patient = clone(byType<Patient>(sample, 'Patient')[0]!)
    expect(profileErrors(patient, PROFILE.ipsPatient)).toEqual([])
    delete patient.birthDate
    expect(profileErrors(patient, PROFILE.ipsPatient).join()).toMatch(/birthDate/)
    expect(profileErrors(patient)).toEqual([])
  })

  it('refuses an administration without effective[x] under mCODE and the base', () => {
    const given = clone(byType<MedicationAdministration>(sample, 'MedicationAdministration')[0]!)
    expect(profileErrors(given, PROFILE.mcodeMedicationAdministration)).toEqual([])
    delete given.effectiveDateTime
    delete given.effectivePeriod
    expect(profileErrors(given, PROFILE.mcodeMedicationAdministration).join()).toMatch(/effective/)
    expect(profileErrors(given).join()).toMatch(/effective/)
  })

  it('refuses a document without the IPS allergies section, or a section with entries and an empty reason', () => {
    const composition = clone(sample.resources[0] as Composition)
    const allergies = composition.section!.findIndex((s) => s.code?.coding?.[0]?.code === '48765-2')
    const withBoth = clone(composition)
    withBoth.section![allergies]!.emptyReason = { text: 'None known' }
    expect(sectionInvariantErrors(withBoth, PROFILE.ipsComposition).join()).toMatch(/cmp-2/)
    composition.section!.splice(allergies, 1)
    expect(profileErrors(composition, PROFILE.ipsComposition).join()).toMatch(/sectionAllergies/)
  })

  it('refuses a radiotherapy course without mCODE’s code, and a bundle entry whose resource breaks the base', () => {
    const course = clone(
      byIdentifier(sample, LANTERN_IDENTIFIER.entry, sample.entries.radiation[0]!.id)
    )
    if (course.resourceType !== 'Procedure') throw new Error('not a Procedure')
    course.code = { text: 'Radiotherapy' }
    expect(profileErrors(course, PROFILE.mcodeRadiotherapyCourse).join()).toMatch(/pattern/)
    const bundle = clone(sample.bundle)
    const condition = bundle.entry!.find((e) => e.resource?.resourceType === 'Condition')!
    delete (condition.resource as { subject?: unknown }).subject
    expect(profileErrors(bundle).join()).toMatch(/subject/)
  })

  it('finds a reference to the wrong kind of resource', () => {
    const bundle = clone(edge.bundle)
    const device = bundle.entry!.find((e) => e.resource?.resourceType === 'Device')!
    const condition = bundle.entry!.find((e) => e.resource?.resourceType === 'Condition')!
    ;(condition.resource as { subject: { reference: string } }).subject.reference = device.fullUrl!
    expect(referenceTypeProblems(bundle).join()).toMatch(/Condition\.subject: Invalid reference/)
  })

  it('leaves gender "girl" to the JSON schema, which catches it', () => {
    const patient = { ...clone(byType<Patient>(sample, 'Patient')[0]!), gender: 'girl' }
    // Medplum does not check codes against required value sets...
    expect(profileErrors(patient as Patient, PROFILE.ipsPatient)).toEqual([])
    // ...the official R4 JSON schema does.
    expect(jsonSchemaErrors(patient as Patient).join()).toMatch(/gender|enum|equal/)
  })

  it('refuses a cumulative dose without PanCareSurPass’s code, category or value, or with a unit or method it does not allow, but not under the base', () => {
    const dose = byType<Observation>(sample, 'Observation').find(
      (o) => o.meta?.profile?.includes(PROFILE.pcspCumulativeDose) && o.valueQuantity
    )!
    const broken = (change: (o: Observation) => void) => {
      const o = clone(dose)
      change(o)
      expect(profileErrors(o), JSON.stringify(o.code)).toEqual([])
      return profileErrors(o, PROFILE.pcspCumulativeDose).join()
    }
    expect(profileErrors(dose, PROFILE.pcspCumulativeDose)).toEqual([])
    expect(broken((o) => (o.code = { text: o.code.text }))).toMatch(/Observation\.code.*pattern/)
    expect(
      broken(
        (o) =>
          (o.category = [{ coding: [{ system: SYSTEM.observationCategory, code: 'laboratory' }] }])
      )
    ).toMatch(/Observation\.category.*pattern/)
    expect(broken((o) => (o.valueQuantity!.code = '{units}/m2'))).toMatch(/ChemoUnitsVs/)
    expect(broken((o) => (o.method = { text: 'Calculated' }))).toMatch(/vs-calcest-eu-pcsp/)
    expect(
      broken((o) => {
        delete o.valueQuantity
        o.dataAbsentReason = { coding: [{ system: SYSTEM.dataAbsentReason, code: 'unknown' }] }
      })
    ).toMatch(/value\[x\]|value/)
  })

  it('refuses a care plan without narrative, creation date or activity under PanCareSurPass, but not under the base', () => {
    const plan = byType<FhirCarePlan>(sample, 'CarePlan')[0]!
    expect(profileErrors(plan, PROFILE.pcspCarePlan)).toEqual([])
    for (const key of ['text', 'created', 'activity'] as const) {
      const broken = clone(plan)
      delete broken[key]
      expect(profileErrors(broken)).toEqual([])
      expect(profileErrors(broken, PROFILE.pcspCarePlan).join(), key).toMatch(
        new RegExp(`CarePlan\\.${key}`)
      )
    }
  })

  it('refuses a Patient without family and given name parts under PanCareSurPass only, and a plan addressing a condition that is not a primary cancer of its profile', () => {
    const patient = clone(byType<Patient>(sample, 'Patient')[0]!)
    patient.name = [
      {
        text: patient.name![0]!.text,
        extension: [{ url: HL7_EXTENSION.dataAbsentReason, valueCode: 'unsupported' }]
      }
    ]
    for (const url of [undefined, PROFILE.ipsPatient, PROFILE.mcodePatient]) {
      expect(profileErrors(patient, url)).toEqual([])
    }
    expect(profileErrors(patient, PROFILE.pcspPatient).join()).toMatch(/family.*given/)
    const bundle = clone(edge.bundle)
    const relapse = bundle.entry!.find((e) =>
      identifiers(e.resource!).some((i) => i.value === edge.entries.relapse[0]!.id)
    )!
    const plan = bundle.entry!.find((e) => e.resource?.resourceType === 'CarePlan')!
      .resource as FhirCarePlan
    plan.addresses = [{ reference: relapse.fullUrl! }]
    expect(pcspTargetProblems(bundle).join()).toMatch(/CarePlan\.addresses -> Condition/)
  })

  it('refuses an export time that is not an instant', () => {
    expect(() => fhirBundle({ ...sample.input, exportedAt: '2026-12-07' })).toThrow(/instant/)
  })

  it('finds markup that is not XHTML', () => {
    expect(
      xhtmlProblems('<div xmlns="http://www.w3.org/1999/xhtml"><p>a & b</p></div>')
    ).not.toEqual([])
    expect(
      xhtmlProblems('<div xmlns="http://www.w3.org/1999/xhtml"><script>x</script></div>')
    ).not.toEqual([])
    expect(xhtmlProblems('<div><p>x</p></div>')).not.toEqual([])
    expect(xhtmlProblems('<div xmlns="http://www.w3.org/1999/xhtml"><p>x</div>')).not.toEqual([])
  })
})
