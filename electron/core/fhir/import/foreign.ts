/**
 * A bundle from another system (a patient portal's download, a hospital's summary): what maps
 * cleanly onto Lantern's record is taken, everything else is listed with the reason. Mapping
 * never guesses: a medicine Lantern's catalog does not know, a dose without a unit, a course
 * without a count of doses, a date without a day, are left for the person to enter by hand.
 */
import { randomUUID } from 'node:crypto'
import { DOSE_UNITS, NOTE_MAX_LENGTH, type DoseUnit } from '../../../shared/limits.ts'
import {
  MAX_ALLERGIES,
  type ROUTES,
  allergySchema,
  personSchema,
  type Allergy,
  type EntryKind
} from '../../../shared/record.ts'
import { checkDose, type DoseToCheck, type UsualDoseRange } from '../../record/unusualDose.ts'
import { PROFILE, SYSTEM } from '../common.ts'
import { CONFIRMED_CONDITION_CODES } from '../conditions.ts'
import { DOSE_UCUM } from '../medications.ts'
import { VITAL_SIGN_CODES } from '../observations.ts'
import { KIND_WORDS, addEntry, checkEntry, emptyEntries, withoutOwner } from './entries.ts'
import {
  arr,
  codings,
  conceptWords,
  dayOf,
  num,
  obj,
  objects,
  refuse,
  str,
  type JsonObject
} from './json.ts'
import type { FhirImportPlan, ImportedEntries, ImportedPerson } from './types.ts'

/** A drug as the catalog describes it: what name matching and the dose checks need. */
export interface ImportDrug {
  id: string
  genericName: string
  otherNames: readonly string[]
  brandNames: readonly string[]
  routes: readonly string[]
  doseUnits: readonly string[]
  usualDoses?: readonly UsualDoseRange[]
  codes?: { readonly rxnorm?: { readonly code: string }; readonly atc?: { readonly code: string } }
}

export interface ImportDrugs {
  readonly drugs: readonly ImportDrug[]
}

type NotImported = FhirImportPlan['notImported']

const NOT_YET_MADE = '00000000-0000-4000-8000-000000000000'

/** Said on every entry taken from another system, so nobody mistakes it for one typed in. */
export const FOREIGN_NOTE = 'Imported from another system’s FHIR file.'

function notesWith(resource: JsonObject): string {
  const theirs = objects(resource.note)
    .flatMap((n) => str(n.text)?.trim() || [])
    .join(' ')
  return (theirs ? `${FOREIGN_NOTE} ${theirs}` : FOREIGN_NOTE).slice(0, NOTE_MAX_LENGTH)
}

function quoted(words: string | undefined): string {
  return words ? `“${words}”` : 'with no name'
}

const hasCode = (value: unknown, codes: string[]) =>
  codings(value).some((c) => c.code !== undefined && codes.includes(c.code))

/** Whether a status says the thing did not happen or was recorded in error. */
function notReal(resource: JsonObject): string | null {
  const status = str(resource.status)
  if (status === 'entered-in-error') return 'The other system marks it as entered in error.'
  if (status === 'not-done' || status === 'not-taken') return 'It was not given or not done.'
  if (status === 'cancelled') return 'It was cancelled.'
  if (status === 'intended') return 'It was planned, not given.'
  const verification = codings(resource.verificationStatus)[0]?.code
  if (verification === 'entered-in-error') return 'The other system marks it as entered in error.'
  if (verification === 'refuted') return 'The other system marks it as ruled out.'
  return null
}

// ---- Conditions ----

/**
 * A portal's list of conditions holds everything a child was ever seen for (an ear infection,
 * asthma); Lantern's diagnoses are cancers, which the care plan and the document for doctors
 * read as such. So a Condition comes in only when something in it says it is a cancer: a cancer
 * profile, a confirmed code, an ICD-10 code among the malignant neoplasms (C00 to C97, chapter II
 * of ICD-10 and ICD-10-CM), or its name. The preview lists the rest, with the reason.
 */
const CANCER_PROFILES: readonly string[] = [
  PROFILE.mcodePrimaryCancer,
  PROFILE.mcodeSecondaryCancer,
  PROFILE.pcspPrimaryCancer
]
const ICD10_SYSTEMS: readonly string[] = [
  'http://hl7.org/fhir/sid/icd-10',
  'http://hl7.org/fhir/sid/icd-10-cm'
]
const ICD10_MALIGNANT = /^C(?:[0-8]\d|9[0-7])(?:\.|$)/
const CANCER_WORDS =
  /cancer|carcinoma|sarcoma|lymphoma|leuka?emia|myeloma|melanoma|blastoma|neoplasm|malignan|metasta|tumou?r/i
const NOT_A_CANCER = 'Lantern keeps cancer diagnoses, and nothing in it says this is one.'

function isCancer(condition: JsonObject, name: string): boolean {
  const profiles = arr(obj(condition.meta)?.profile).flatMap((p) => str(p) ?? [])
  const confirmed = Object.values(CONFIRMED_CONDITION_CODES).flatMap((c) => c?.code ?? [])
  return (
    profiles.some((p) => CANCER_PROFILES.includes(p.split('|')[0]!)) ||
    hasCode(condition.code, confirmed) ||
    codings(condition.code).some(
      (c) => ICD10_SYSTEMS.includes(c.system ?? '') && ICD10_MALIGNANT.test(c.code ?? '')
    ) ||
    CANCER_WORDS.test(name)
  )
}

// ---- The person ----

function nameOf(patient: JsonObject): string | undefined {
  const names = objects(patient.name)
  const name = names.find((n) => n.use === 'official') ?? names[0]
  if (!name) return undefined
  const text = str(name.text)?.trim()
  if (text) return text
  const parts = [...arr(name.given), name.family].flatMap((p) => str(p)?.trim() || [])
  return parts.length > 0 ? parts.join(' ') : undefined
}

const GENDER_TO_SEX: Record<string, 'female' | 'male'> = { female: 'female', male: 'male' }

function personOf(
  patient: JsonObject,
  allergies: Allergy[],
  notImported: NotImported
): ImportedPerson {
  const candidate: Record<string, unknown> = {}
  /** Keeps a detail only if the person's own schema accepts it; otherwise says why. */
  const take = (field: string, value: unknown, what: string) => {
    const parsed = personSchema.safeParse({ profileId: NOT_YET_MADE, [field]: value })
    if (parsed.success) candidate[field] = value
    else notImported.push({ what, why: parsed.error.issues.map((i) => i.message).join(' ') })
  }
  const birthDate = str(patient.birthDate)
  if (birthDate !== undefined) {
    if (dayOf(birthDate)) take('dateOfBirth', dayOf(birthDate), `Date of birth ${birthDate}`)
    else
      notImported.push({
        what: `Date of birth ${birthDate}`,
        why: 'It is not a whole date (year, month and day).'
      })
  }
  const gender = str(patient.gender)
  if (gender && GENDER_TO_SEX[gender]) candidate.sex = GENDER_TO_SEX[gender]
  else if (gender) {
    notImported.push({
      what: `Gender “${gender}”`,
      why: 'It does not say which of Lantern’s answers (female, male, intersex, not stated) fits; choose one on the person’s page.'
    })
  }
  for (const [system, field, what] of [
    ['phone', 'phone', 'Phone number'],
    ['email', 'email', 'Email address']
  ] as const) {
    const value = str(objects(patient.telecom).find((t) => t.system === system)?.value)?.trim()
    if (value) take(field, value, `${what} ${value}`)
  }
  const kept = allergies.slice(0, MAX_ALLERGIES)
  if (allergies.length > kept.length) {
    notImported.push({
      what: `${allergies.length - kept.length} allergies`,
      why: `Lantern lists at most ${MAX_ALLERGIES} allergies.`
    })
  }
  const parsed = personSchema.parse({ profileId: NOT_YET_MADE, ...candidate, allergies: kept })
  const details = withoutOwner(parsed)
  let displayName = nameOf(patient)?.slice(0, 100)
  if (!displayName) {
    displayName = 'Imported record'
    notImported.push({
      what: 'The person’s name',
      why: 'The file gives none; the person is called “Imported record” until you rename them.'
    })
  }
  return { displayName, details, isSample: false, times: null }
}

function allergyOf(resource: JsonObject, notImported: NotImported): Allergy | null {
  const substance = conceptWords(resource.code)
  const what = `Allergy ${quoted(substance)}`
  const wrong = notReal(resource)
  const clinical = codings(resource.clinicalStatus)[0]?.code
  if (wrong) notImported.push({ what, why: wrong })
  else if (clinical === 'inactive' || clinical === 'resolved')
    notImported.push({ what, why: 'The other system says it is no longer active.' })
  else {
    const reaction = objects(resource.reaction)
      .flatMap((r) => objects(r.manifestation).flatMap((m) => conceptWords(m) ?? []))
      .join(', ')
    const parsed = allergySchema.safeParse({ substance, reaction: reaction || null })
    if (parsed.success) return parsed.data
    notImported.push({ what, why: parsed.error.issues.map((i) => i.message).join(' ') })
  }
  return null
}

// ---- Medicines ----

/** Lower case, no accents or punctuation: how names are compared with the catalog's. */
function simple(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/**
 * The catalog drug a medicine names: by a code the catalog confirms, or by a name that is the
 * whole text or its first words ("methotrexate 2.5 mg tablet"). Only one match counts; a text
 * that could be two drugs is not guessed.
 */
function drugFor(drugs: ImportDrugs, concept: unknown): ImportDrug | undefined {
  for (const c of codings(concept)) {
    const system = c.system === SYSTEM.rxnorm ? 'rxnorm' : c.system === SYSTEM.atc ? 'atc' : null
    if (!system || !c.code) continue
    const found = drugs.drugs.filter((d) => d.codes?.[system]?.code === c.code)
    if (found.length === 1) return found[0]
  }
  const texts = [obj(concept)?.text, ...objects(obj(concept)?.coding).map((c) => c.display)]
    .flatMap((t) => str(t) ?? [])
    .map(simple)
    .filter((t) => t.length > 0)
  for (const text of texts) {
    const found = drugs.drugs.filter((d) =>
      [d.genericName, ...d.otherNames, ...d.brandNames]
        .map(simple)
        .some((name) => name.length > 0 && (text === name || text.startsWith(`${name} `)))
    )
    if (found.length === 1) return found[0]
  }
  return undefined
}

const ROUTE_WORDS: Record<string, (typeof ROUTES)[number]> = {
  iv: 'iv',
  intravenous: 'iv',
  'intravenous use': 'iv',
  oral: 'oral',
  po: 'oral',
  'by mouth': 'oral',
  'oral use': 'oral',
  intrathecal: 'intrathecal',
  it: 'intrathecal',
  'intrathecal use': 'intrathecal',
  im: 'im',
  intramuscular: 'im',
  'intramuscular use': 'im',
  sc: 'subcutaneous',
  sq: 'subcutaneous',
  subcut: 'subcutaneous',
  subcutaneous: 'subcutaneous',
  'subcutaneous use': 'subcutaneous'
}

function routeOf(concept: unknown): (typeof ROUTES)[number] | undefined {
  const c = obj(concept)
  const words = [c?.text, ...objects(c?.coding).map((x) => x.display)].flatMap((w) => str(w) ?? [])
  for (const w of words) {
    const route = ROUTE_WORDS[simple(w)]
    if (route) return route
  }
  return undefined
}

const UNIT_WORDS: Record<string, DoseUnit> = {
  ...Object.fromEntries(DOSE_UNITS.map((u) => [u.toLowerCase(), u])),
  ...Object.fromEntries(
    (Object.entries(DOSE_UCUM) as [DoseUnit, string][]).map(([u, code]) => [code.toLowerCase(), u])
  ),
  'mg/m²': 'mg/m2',
  'g/m²': 'g/m2',
  'mcg/m²': 'mcg/m2',
  µg: 'mcg',
  'µg/kg': 'mcg/kg',
  'µg/m²': 'mcg/m2',
  'iu/m²': 'IU/m2',
  '[iu]': 'IU',
  u: 'units',
  unit: 'units'
}

function unitOf(quantity: JsonObject | undefined): DoseUnit | undefined {
  for (const w of [quantity?.code, quantity?.unit]) {
    const s = str(w)?.trim().toLowerCase()
    if (s && UNIT_WORDS[s]) return UNIT_WORDS[s]
  }
  return undefined
}

/** "every N days" from a FHIR timing, when it says exactly one dose each time. */
function intervalDays(timing: unknown): number | undefined {
  const repeat = obj(obj(timing)?.repeat)
  const frequency = num(repeat?.frequency) ?? 1
  const period = num(repeat?.period)
  const unit = str(repeat?.periodUnit)
  if (frequency !== 1 || period === undefined || !Number.isInteger(period)) return undefined
  if (unit === 'd') return period
  if (unit === 'wk') return period * 7
  return undefined
}

function medicineOf(
  resource: JsonObject,
  resolve: (reference: unknown, from: JsonObject) => JsonObject | undefined,
  drugs: ImportDrugs,
  others: DoseToCheck[],
  notImported: NotImported
): Record<string, unknown> | null {
  const referenced = resolve(obj(resource.medicationReference)?.reference, resource)
  const concept = resource.medicationCodeableConcept ?? referenced?.code
  const name = conceptWords(concept) ?? str(obj(resource.medicationReference)?.display)
  const what = `Medicine ${quoted(name)}`
  const skip = (why: string) => {
    notImported.push({ what, why })
    return null
  }
  const wrong = notReal(resource)
  if (wrong) return skip(wrong)
  const drug = drugFor(drugs, concept)
  if (!drug) return skip('It is not a medicine in Lantern’s catalog of cancer drugs.')

  const statement = resource.resourceType === 'MedicationStatement'
  const dosages = statement ? objects(resource.dosage) : [obj(resource.dosage) ?? {}]
  if (dosages.length !== 1) {
    return skip(
      dosages.length === 0 ? 'It gives no dose.' : 'It gives several doses; enter them by hand.'
    )
  }
  const dosage = dosages[0]!
  const quantity = statement ? obj(objects(dosage.doseAndRate)[0]?.doseQuantity) : obj(dosage.dose)
  const dose = num(quantity?.value)
  if (dose === undefined) return skip('It gives no dose as a number.')
  const unit = unitOf(quantity)
  if (!unit) {
    const written = str(quantity?.unit) ?? str(quantity?.code)
    return skip(
      written ? `Lantern does not know the dose unit “${written}”.` : 'The dose has no unit.'
    )
  }
  if (!drug.doseUnits.includes(unit)) {
    return skip(`${drug.genericName} doses are not written in ${unit} in Lantern.`)
  }
  const route =
    routeOf(dosage.route) ??
    (dosage.route === undefined && drug.routes.length === 1
      ? (drug.routes[0] as (typeof ROUTES)[number])
      : undefined)
  if (!route) {
    return skip(
      dosage.route === undefined
        ? `It does not say how it was given, and ${drug.genericName} is given more than one way.`
        : `Lantern does not know the route “${conceptWords(dosage.route) ?? ''}”.`
    )
  }
  if (!drug.routes.includes(route)) {
    return skip(`${drug.genericName} is not given that way in Lantern’s catalog.`)
  }

  const at = dayOf(resource.effectiveDateTime)
  const period = obj(resource.effectivePeriod)
  const start = dayOf(period?.start)
  const end = dayOf(period?.end)
  let schedule: Record<string, unknown>
  if (at) schedule = { kind: 'once', date: at }
  else if (start && (end === undefined || end === start) && !statement)
    schedule = { kind: 'once', date: start }
  else if (start && end === start) schedule = { kind: 'once', date: start }
  else if (start && end && intervalDays(dosage.timing) !== undefined)
    schedule = { kind: 'repeat', start, intervalDays: intervalDays(dosage.timing), end }
  else if (start)
    return skip(
      'It covers a period without saying how often it was given, so the number of doses is not known.'
    )
  else return skip('It has no date.')

  const given: DoseToCheck = { drugId: drug.id, route, dose, unit }
  const verdict = checkDose(given, drug, others)
  if (verdict.unusual) {
    return skip(`${verdict.message} Enter it by hand to confirm it.`)
  }
  return {
    source: 'typed',
    notes: notesWith(resource),
    drugId: drug.id,
    route,
    dose,
    unit,
    schedule
  }
}

// ---- Measurements, diagnoses, procedures ----

const HEIGHT_IN_CM: Record<string, number> = { cm: 1, m: 100, mm: 0.1, '[in_i]': 2.54, in: 2.54 }
const WEIGHT_IN_KG: Record<string, number> = {
  kg: 1,
  g: 0.001,
  '[lb_av]': 0.45359237,
  lb: 0.45359237,
  lbs: 0.45359237
}

function inUnit(quantity: JsonObject | undefined, factors: Record<string, number>) {
  const value = num(quantity?.value)
  const unit = [quantity?.code, quantity?.unit]
    .flatMap((u) => str(u)?.trim() ?? [])
    .find((u) => factors[u] !== undefined)
  if (value === undefined || unit === undefined) return undefined
  // Whole hundredths: a converted inch or pound should not carry fifteen decimals.
  return Math.round(value * factors[unit]! * 100) / 100
}

const SURGERY_CODES = ['387713003']

// ---- The whole bundle ----

/** Resource types with nothing Lantern keeps, and why, in words. */
const NO_PLACE: Record<string, string> = {
  Immunization: 'Lantern does not keep vaccinations.',
  MedicationRequest: 'A prescription says what was ordered, not what was given.',
  DiagnosticReport: 'Lantern does not keep test reports.',
  Encounter: 'Lantern does not keep visits.',
  Composition: 'It describes the document itself.',
  Provenance: 'It describes where the document came from.'
}

function plural(type: string, n: number): string {
  return n === 1 ? `1 ${type}` : `${n} ${type}${type.endsWith('s') ? 'es' : 's'}`
}

export function readForeignBundle(
  resources: JsonObject[],
  fullUrls: Map<string, JsonObject>,
  drugs: ImportDrugs
): Omit<FhirImportPlan, 'willImport'> {
  const notImported: NotImported = []
  const patients = resources.filter((r) => r.resourceType === 'Patient')
  if (patients.length === 0) {
    refuse('This FHIR Bundle has no Patient, so Lantern cannot tell whose record it is.')
  }
  if (patients.length > 1) {
    refuse(
      `This FHIR Bundle holds ${patients.length} people (Patients); Lantern imports one person’s record at a time.`
    )
  }
  const resolve = (reference: unknown, from: JsonObject): JsonObject | undefined => {
    const r = str(reference)
    if (!r) return undefined
    if (r.startsWith('#')) return objects(from.contained).find((c) => `#${str(c.id)}` === r)
    return fullUrls.get(r)
  }

  const entries: ImportedEntries = emptyEntries()
  const add = (kind: EntryKind, raw: Record<string, unknown>, what: string) => {
    const checked = checkEntry(kind, raw, randomUUID())
    if ('problem' in checked) notImported.push({ what, why: checked.problem })
    else addEntry(entries, kind, { values: checked.values as never, times: null })
    return 'values' in checked
  }
  const allergies: Allergy[] = []
  const otherObservations = new Map<string, number>()
  const otherTypes = new Map<string, number>()
  const doses: DoseToCheck[] = []
  const measurements = new Map<string, { heightCm?: number; weightKg?: number; notes: string }[]>()
  const referencedMedications = new Set<JsonObject>()

  for (const r of resources) {
    const type = str(r.resourceType)!
    switch (type) {
      case 'Patient':
        break
      case 'AllergyIntolerance': {
        const allergy = allergyOf(r, notImported)
        if (allergy) allergies.push(allergy)
        break
      }
      case 'Condition': {
        const name = conceptWords(r.code)
        const what = `Condition ${quoted(name)}`
        const wrong = notReal(r)
        const verification = codings(r.verificationStatus)[0]?.code
        if (wrong) notImported.push({ what, why: wrong })
        else if (verification && verification !== 'confirmed')
          notImported.push({ what, why: 'The other system says it is not confirmed.' })
        else if (!name) notImported.push({ what, why: 'It does not say what the condition is.' })
        else if (!isCancer(r, name)) notImported.push({ what, why: NOT_A_CANCER })
        else {
          const known = (
            Object.entries(CONFIRMED_CONDITION_CODES) as [string, { code: string }][]
          ).find(([, coding]) => hasCode(r.code, [coding.code]))
          const onset = obj(r.onsetPeriod)
          add(
            'diagnosis',
            {
              source: 'typed',
              notes: notesWith(r),
              condition: known ? known[0] : 'other',
              conditionOther: known ? null : name,
              diagnosedOn:
                dayOf(r.onsetDateTime) ?? dayOf(onset?.start) ?? dayOf(r.recordedDate) ?? null
            },
            what
          )
        }
        break
      }
      case 'MedicationAdministration':
      case 'MedicationStatement': {
        const referenced = resolve(obj(r.medicationReference)?.reference, r)
        if (referenced) referencedMedications.add(referenced)
        const raw = medicineOf(r, resolve, drugs, doses, notImported)
        if (
          raw &&
          add(
            'administration',
            raw,
            `Medicine ${quoted(conceptWords(r.medicationCodeableConcept))}`
          )
        ) {
          doses.push({
            drugId: raw.drugId as string,
            route: raw.route as string,
            dose: raw.dose as number,
            unit: raw.unit as DoseUnit
          })
        }
        break
      }
      case 'Observation': {
        const name = conceptWords(r.code)
        const isHeight = hasCode(r.code, [VITAL_SIGN_CODES.height.code])
        const isWeight = hasCode(r.code, [VITAL_SIGN_CODES.weight.code])
        if (!isHeight && !isWeight) {
          const key = name ?? 'with no name'
          otherObservations.set(key, (otherObservations.get(key) ?? 0) + 1)
          break
        }
        const what = `${isHeight ? 'Height' : 'Weight'} measurement`
        const wrong = notReal(r)
        const on = dayOf(r.effectiveDateTime) ?? dayOf(obj(r.effectivePeriod)?.start)
        const value = inUnit(obj(r.valueQuantity), isHeight ? HEIGHT_IN_CM : WEIGHT_IN_KG)
        if (wrong) notImported.push({ what, why: wrong })
        else if (!on) notImported.push({ what, why: 'It has no date.' })
        else if (value === undefined)
          notImported.push({
            what: `${what} on ${on}`,
            why: `It gives no value in a unit Lantern knows (${isHeight ? 'cm, m or inches' : 'kg, g or pounds'}).`
          })
        else {
          // A height and a weight of the same day make one measurement, as the form keeps them.
          const field = isHeight ? 'heightCm' : 'weightKg'
          const day = measurements.get(on) ?? []
          const open = day.find((m) => m[field] === undefined)
          if (open) open[field] = value
          else day.push({ [field]: value, notes: notesWith(r) })
          measurements.set(on, day)
        }
        break
      }
      case 'Procedure': {
        const name = conceptWords(r.code)
        const what = `Procedure ${quoted(name)}`
        const wrong = notReal(r)
        if (wrong) notImported.push({ what, why: wrong })
        else if (!name) notImported.push({ what, why: 'It does not say what was done.' })
        else {
          const surgery =
            hasCode(r.category, SURGERY_CODES) || /surg/i.test(conceptWords(r.category) ?? '')
          add(
            'procedure',
            {
              source: 'typed',
              notes: notesWith(r),
              kind: surgery ? 'surgery' : 'procedure',
              name,
              performedOn:
                dayOf(r.performedDateTime) ?? dayOf(obj(r.performedPeriod)?.start) ?? null
            },
            what
          )
        }
        break
      }
      default:
        otherTypes.set(type, (otherTypes.get(type) ?? 0) + 1)
    }
  }
  for (const [on, list] of measurements) {
    for (const m of list) {
      add(
        'measurement',
        { source: 'typed', measuredOn: on, ...m },
        `${KIND_WORDS.measurement[0]} on ${on}`
      )
    }
  }
  for (const [name, n] of otherObservations) {
    notImported.push({
      what: `Observation “${name}”${n > 1 ? ` (${n})` : ''}`,
      why: 'Of observations, Lantern keeps only height and weight.'
    })
  }
  for (const [type, n] of otherTypes) {
    // A Medication that a statement points at is part of that statement, reported with it.
    const unreported =
      type === 'Medication'
        ? resources.filter((r) => r.resourceType === 'Medication' && !referencedMedications.has(r))
            .length
        : n
    if (unreported === 0) continue
    notImported.push({
      what: plural(type, unreported),
      why: NO_PLACE[type] ?? 'Lantern has no place for this in its record.'
    })
  }
  return {
    source: 'other-system',
    person: personOf(patients[0]!, allergies, notImported),
    entries,
    planState: null,
    notImported
  }
}
