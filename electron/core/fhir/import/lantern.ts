/**
 * A bundle Lantern wrote, read back into the record it came from. Every entry's fields come from
 * where the export put them (electron/core/fhir): Lantern's own values from the entry extension,
 * the rest from the standard elements. Entries get new ids, so the record can be imported into a
 * vault that holds it already; links between entries follow the new ids.
 */
import { randomUUID } from 'node:crypto'
import {
  BODY_SYSTEMS,
  RESPONSIBLE,
  itemKey as itemKeySchema,
  type BodySystem,
  type Responsible
} from '../../../shared/careplan.ts'
import { ENTRY_KINDS, isoDate, personSchema, type EntryKind } from '../../../shared/record.ts'
import { HL7_EXTENSION, LANTERN_EXTENSION, LANTERN_IDENTIFIER } from '../common.ts'
import { STAGE_TYPE } from '../conditions.ts'
import { TEMPERATURE_UCUM } from '../patient.ts'
import {
  KIND_WORDS,
  addEntry,
  checkEntry,
  dropBrokenLinks,
  emptyEntries,
  withoutOwner
} from './entries.ts'
import { arr, bool, num, obj, objects, refuse, str, type JsonObject } from './json.ts'
import type { FhirImportPlan, ImportedPerson, ImportedPlanState } from './types.ts'

// ---- Lantern's extensions ----

function lanternFields(resource: JsonObject | undefined, url: string): JsonObject[] | undefined {
  const found = objects(resource?.extension).find((e) => e.url === url)
  return found ? objects(found.extension) : undefined
}

/** Reads sub-extensions by name, each value only if it has the type the export writes. */
class Fields {
  readonly list: JsonObject[]
  constructor(list: JsonObject[] | undefined) {
    this.list = list ?? []
  }
  one(name: string): JsonObject | undefined {
    return this.list.find((e) => e.url === name)
  }
  all(name: string): JsonObject[] {
    return this.list.filter((e) => e.url === name)
  }
  code(name: string): string | null {
    return str(this.one(name)?.valueCode) ?? null
  }
  string(name: string): string | null {
    return str(this.one(name)?.valueString) ?? null
  }
  date(name: string): string | null {
    return str(this.one(name)?.valueDate) ?? null
  }
  instant(name: string): string | null {
    return str(this.one(name)?.valueInstant) ?? null
  }
  integer(name: string): number | null {
    return num(this.one(name)?.valueInteger) ?? null
  }
  boolean(name: string): boolean | null {
    return bool(this.one(name)?.valueBoolean) ?? null
  }
  sub(name: string): Fields | null {
    const found = this.one(name)
    return found ? new Fields(objects(found.extension)) : null
  }
  subs(name: string): Fields[] {
    return this.all(name).map((e) => new Fields(objects(e.extension)))
  }
}

/**
 * The entry extension's fields after its header's `kind` (the kind of entry). The export names
 * an entry's own `kind` field (a phase's, a procedure's, a GVHD episode's) `kind` too, after it;
 * only the order tells the two apart.
 */
function entryFieldsOf(resource: JsonObject | undefined): Fields {
  const list = lanternFields(resource, LANTERN_EXTENSION.entry) ?? []
  return new Fields(list[0]?.url === 'kind' ? list.slice(1) : list)
}

function identifierValue(resource: JsonObject, system: string): string | undefined {
  const found = objects(resource.identifier).find((i) => i.system === system)
  return found ? str(found.value) : undefined
}

/** The record entry a resource was made from: its id, and the part when it holds one. */
function entryOf(resource: JsonObject): { id: string; part: string | null } | null {
  const whole = identifierValue(resource, LANTERN_IDENTIFIER.entry)
  if (whole) return { id: whole, part: null }
  const part = identifierValue(resource, LANTERN_IDENTIFIER.entryPart)
  const hash = part?.indexOf('#') ?? -1
  return part && hash > 0 ? { id: part.slice(0, hash), part: part.slice(hash + 1) } : null
}

/** True when the bundle is one Lantern wrote: its Patient carries a Lantern profile id. */
export function isLanternBundle(resources: JsonObject[]): boolean {
  return resources.some(
    (r) =>
      r.resourceType === 'Patient' && identifierValue(r, LANTERN_IDENTIFIER.profile) !== undefined
  )
}

/** Moves the decimal point left by whole powers of ten exactly as written (1260 cGy → 12.6 Gy). */
function unshiftDecimal(value: number, places: number): number {
  const written = String(value)
  return written.includes('e') ? value / 10 ** places : Number(`${written}e-${places}`)
}

// ---- Entries ----

interface Source {
  kind: EntryKind
  main: JsonObject | undefined
  parts: Map<string, JsonObject>
}

interface Reader {
  /** A resource by the reference the bundle uses for it. */
  resolve(reference: unknown): JsonObject | undefined
  /** The new id of an exported entry, made the first time it is asked for. */
  newId(oldId: string): string
}

function noteOf(resource: JsonObject | undefined): string | null {
  return str(objects(resource?.note)[0]?.text) ?? null
}

function performer(resource: JsonObject): string | null {
  return str(obj(objects(resource.performer)[0]?.actor)?.display) ?? null
}

/** The entry a reference points at, as its new id. */
function linkedId(reader: Reader, reference: unknown, kind: EntryKind): string | null {
  const target = reader.resolve(obj(reference)?.reference)
  if (!target) return null
  const from = entryOf(target)
  const fields = new Fields(lanternFields(target, LANTERN_EXTENSION.entry))
  return from && fields.code('kind') === kind ? reader.newId(from.id) : null
}

function commonFields(fields: Fields, notes: string | null): Record<string, unknown> {
  return {
    source: fields.code('source') ?? undefined,
    checkedBy: fields.string('checkedBy'),
    checkedOn: fields.date('checkedOn'),
    notes
  }
}

/** The fields of one entry, from the resources made from it. */
function entryFields(
  reader: Reader,
  s: Source,
  careTeam: Map<string, JsonObject>
): Record<string, unknown> | null {
  const main = s.main
  const any = main ?? s.parts.values().next().value
  if (!any) return null
  const f = entryFieldsOf(main ?? any)
  const common = commonFields(f, noteOf(main ?? any))
  const period = obj(main?.performedPeriod)
  switch (s.kind) {
    case 'measurement': {
      const value = (part: string) => num(obj(s.parts.get(part)?.valueQuantity)?.value) ?? null
      return {
        ...common,
        measuredOn: str(any.effectiveDateTime),
        heightCm: value('heightCm'),
        weightKg: value('weightKg')
      }
    }
    case 'diagnosis': {
      if (!main) return null
      const stage = (type: string) =>
        str(obj(objects(main.stage).find((x) => obj(x.type)?.text === type)?.summary)?.text) ?? null
      const sites = [...s.parts.entries()]
        .filter(([part]) => part.startsWith('metastasisSites/'))
        .sort(([a], [b]) => Number(a.split('/')[1]) - Number(b.split('/')[1]))
        .map(([, r]) => str(obj(objects(r.bodySite)[0])?.text))
      const asserted = objects(main.extension).find(
        (e) => e.url === HL7_EXTENSION.conditionAssertedDate
      )
      return {
        ...common,
        condition: f.code('condition'),
        conditionOther: f.string('conditionOther'),
        diagnosedOn: str(asserted?.valueDateTime) ?? null,
        institution: f.string('institution'),
        laterality: f.code('laterality'),
        riskGroup: stage(STAGE_TYPE.riskGroup),
        immunophenotype: f.string('immunophenotype'),
        findings: f
          .subs('finding')
          .map((x) => ({ kind: x.code('kind'), finding: x.string('finding') })),
        cnsStatus: f.string('cnsStatus'),
        erStatus: f.code('erStatus'),
        prStatus: f.code('prStatus'),
        her2Status: f.code('her2Status'),
        stage: stage(STAGE_TYPE.stage),
        metastasisSites: sites
      }
    }
    case 'relapse': {
      if (!main) return null
      const related = objects(main.extension).find((e) => e.url === HL7_EXTENSION.conditionRelated)
      return {
        ...common,
        diagnosisId: linkedId(reader, related?.valueReference, 'diagnosis'),
        relapsedOn: str(main.onsetDateTime) ?? null,
        sites: f.all('sites').map((x) => str(x.valueCode)),
        siteOther: f.string('siteOther'),
        treatmentAfter: f.string('treatmentAfter')
      }
    }
    case 'complication': {
      if (!main) return null
      return {
        ...common,
        name: str(obj(main.code)?.text),
        grade: f.integer('grade'),
        startedOn: str(main.onsetDateTime) ?? null,
        endedOn: str(main.abatementDateTime) ?? f.date('endedOn'),
        status: f.code('status') ?? undefined
      }
    }
    case 'careTeamMember': {
      if (!main) return null
      const place = careTeam.get(str(main.id) ?? '')
      const telecom = (system: string) =>
        str(objects(main.telecom).find((t) => t.system === system)?.value) ?? null
      return {
        ...commonFields(f, f.string('notes')),
        name: str(objects(main.name)[0]?.text),
        role: str(objects(place?.role)[0]?.text) ?? null,
        institution: str(obj(place?.onBehalfOf)?.display) ?? null,
        phone: telecom('phone'),
        email: telecom('email'),
        coordinatesFollowUp: f.boolean('coordinatesFollowUp') ?? undefined
      }
    }
    case 'phase':
      if (!main) return null
      return {
        ...common,
        kind: f.code('kind'),
        name: f.string('name'),
        startedOn: str(period?.start) ?? null,
        endedOn: str(period?.end) ?? null,
        protocol: f.string('protocol'),
        institution: performer(main),
        intent: f.code('intent')
      }
    case 'administration': {
      if (!main) return null
      const schedule = f.sub('schedule')
      const effective = obj(main.effectivePeriod)
      const partOf = arr(main.partOf)
      const link = (kind: EntryKind) =>
        partOf.map((r) => linkedId(reader, r, kind)).find((id) => id !== null) ?? null
      return {
        ...common,
        phaseId: link('phase'),
        transplantId: link('transplant'),
        drugId: f.code('drugId'),
        route: f.code('route'),
        dose: num(obj(obj(main.dosage)?.dose)?.value),
        unit: f.code('unit'),
        schedule:
          schedule?.code('kind') === 'once'
            ? { kind: 'once', date: str(main.effectiveDateTime) }
            : {
                kind: schedule?.code('kind'),
                start: str(effective?.start),
                intervalDays: schedule?.integer('intervalDays') ?? undefined,
                count: schedule?.integer('count') ?? undefined,
                end: schedule?.date('end') ?? undefined
              },
        estimated: f.boolean('estimated') ?? undefined,
        confirmedUnusual: f.boolean('confirmedUnusual') ?? undefined
      }
    }
    case 'radiation': {
      if (!main) return null
      const dose = new Fields(
        objects(
          objects(main.extension).find((e) => e.url === HL7_EXTENSION.mcodeDoseDeliveredToVolume)
            ?.extension
        )
      )
      const cGy = num(obj(dose.one('totalDoseDelivered')?.valueQuantity)?.value)
      return {
        ...common,
        transplantId:
          arr(main.partOf)
            .map((r) => linkedId(reader, r, 'transplant'))
            .find((id) => id !== null) ?? null,
        field: f.code('field'),
        fieldOther: f.string('fieldOther'),
        totalDoseGy: cGy === undefined ? null : unshiftDecimal(cGy, 2),
        fractions: num(dose.one('fractionsDelivered')?.valueUnsignedInt) ?? null,
        startedOn: str(period?.start) ?? null,
        endedOn: str(period?.end) ?? null,
        institution: performer(main)
      }
    }
    case 'transplant': {
      if (!main) return null
      const gvhd = [...s.parts.entries()]
        .filter(([part]) => part.startsWith('gvhd/'))
        .sort(([a], [b]) => Number(a.split('/')[1]) - Number(b.split('/')[1]))
        .map(([, r]) => {
          const g = entryFieldsOf(r)
          return {
            kind: g.code('kind'),
            organs: g.all('organs').map((x) => str(x.valueCode)),
            // Absent, not null: an episode is kept as JSON exactly as its schema returned it,
            // which leaves out what was not given.
            organsOther: g.string('organsOther') ?? undefined,
            grade: g.string('grade') ?? undefined,
            startedOn: str(r.onsetDateTime),
            status: g.code('status') ?? undefined
          }
        })
      return {
        ...common,
        type: f.code('type'),
        donor: f.string('donor'),
        cellSource: f.code('cellSource'),
        transplantedOn: str(main.performedDateTime) ?? null,
        institution: performer(main),
        conditioning: f.string('conditioning'),
        gvhd,
        noChronicGvhd: f.boolean('noChronicGvhd') ?? undefined,
        bloodGroupBefore: f.code('bloodGroupBefore'),
        bloodGroupAfter: f.code('bloodGroupAfter')
      }
    }
    case 'procedure':
      if (!main) return null
      return {
        ...common,
        kind: f.code('kind'),
        name: str(obj(main.code)?.text),
        performedOn: str(main.performedDateTime) ?? null
      }
    case 'supportiveCare':
      if (!main) return null
      return {
        ...common,
        kind: f.code('kind'),
        count: f.integer('count'),
        startedOn: str(period?.start) ?? null,
        endedOn: str(period?.end) ?? null,
        details: f.string('details')
      }
  }
}

function timesOf(
  resource: JsonObject | undefined
): { createdAt: string; updatedAt: string } | null {
  const f = new Fields(lanternFields(resource, LANTERN_EXTENSION.entry))
  const createdAt = f.instant('createdAt')
  const updatedAt = f.instant('updatedAt')
  return createdAt && updatedAt ? { createdAt, updatedAt } : null
}

// ---- The person ----

function personOf(
  patient: JsonObject,
  resources: JsonObject[],
  notImported: FhirImportPlan['notImported']
): ImportedPerson | null {
  const profileId = identifierValue(patient, LANTERN_IDENTIFIER.profile)!
  const f = new Fields(lanternFields(patient, LANTERN_EXTENSION.person))
  const telecom = (system: string) =>
    str(objects(patient.telecom).find((t) => t.system === system)?.value) ?? null
  const fever = obj(f.one('feverThreshold')?.valueQuantity)
  const feverUnit = (Object.keys(TEMPERATURE_UCUM) as (keyof typeof TEMPERATURE_UCUM)[]).find(
    (u) => TEMPERATURE_UCUM[u] === fever?.code
  )
  const prefix = `${profileId}#allergies/`
  const allergies = resources
    .filter((r) => r.resourceType === 'AllergyIntolerance')
    .flatMap((r) => {
      const part = identifierValue(r, LANTERN_IDENTIFIER.entryPart)
      return part?.startsWith(prefix) ? [{ index: Number(part.slice(prefix.length)), r }] : []
    })
    .sort((a, b) => a.index - b.index)
    .map(({ r }) => ({
      substance: str(obj(r.code)?.text),
      reaction: str(obj(objects(objects(r.reaction)[0]?.manifestation)[0])?.text) ?? null
    }))
  const parsed = personSchema.safeParse({
    profileId: '00000000-0000-4000-8000-000000000000',
    dateOfBirth: str(patient.birthDate) ?? null,
    sex: f.code('sex'),
    phone: telecom('phone'),
    email: telecom('email'),
    treatmentCompletedOn: f.date('treatmentCompletedOn'),
    ongoingTherapy: f.string('ongoingTherapy'),
    allergies,
    noKnownAllergies: f.boolean('noKnownAllergies') ?? false,
    centralLine: f.code('centralLine'),
    centralLineNotes: f.string('centralLineNotes'),
    centralLinePlacedOn: f.date('centralLinePlacedOn'),
    shunt: f.code('shunt'),
    shuntNotes: f.string('shuntNotes'),
    spleen: f.code('spleen'),
    teamPhone24h: f.string('teamPhone24h'),
    feverThreshold: fever && feverUnit ? { value: num(fever.value), unit: feverUnit } : null
  })
  const displayName = str(objects(patient.name)[0]?.text)?.trim()
  if (!displayName) {
    notImported.push({ what: 'The person', why: 'The Patient has no name.' })
    return null
  }
  if (!parsed.success) {
    notImported.push({
      what: 'The person',
      why: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(' ')
    })
    return null
  }
  const details = withoutOwner(parsed.data)
  const createdAt = f.instant('createdAt')
  const updatedAt = f.instant('updatedAt')
  return {
    displayName,
    details,
    isSample: f.boolean('isSample') ?? false,
    times: createdAt && updatedAt ? { createdAt, updatedAt } : null
  }
}

// ---- The care plan ----

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | null =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : null

const isDate = (value: string | null): value is string =>
  value !== null && isoDate.safeParse(value).success

/**
 * What the person did with one plan item (done dates, snooze, set aside, who is responsible if
 * they chose, the day it first showed), from its extension on an activity or a kept item's.
 */
function readItemDoings(
  state: ImportedPlanState,
  key: string,
  item: Fields,
  chosen: Responsible | null
): void {
  for (const c of item.subs('completion')) {
    const doneOn = c.date('doneOn')
    const notedOn = c.date('notedOn')
    if (isDate(doneOn)) {
      state.completions.push({ itemKey: key, doneOn, notedOn: doneOn, note: c.string('note') })
    } else if (isDate(notedOn)) {
      state.completions.push({ itemKey: key, doneOn: null, notedOn, note: c.string('note') })
    }
  }
  const snoozedUntil = item.date('snoozedUntil')
  const dismissedFields = item.sub('dismissed')
  const dismissedOn = dismissedFields?.date('on') ?? null
  const dismissedReason = dismissedFields?.string('reason') ?? null
  const dismissed =
    dismissedReason && isDate(dismissedOn) ? { reason: dismissedReason, on: dismissedOn } : null
  if (isDate(snoozedUntil) || dismissed || chosen) {
    state.states.push({
      itemKey: key,
      snoozedUntil: isDate(snoozedUntil) ? snoozedUntil : null,
      dismissed,
      responsible: chosen
    })
  }
  const firstSeenOn = item.date('firstSeenOn')
  if (isDate(firstSeenOn)) state.firstSeen.push({ itemKey: key, on: firstSeenOn })
}

function planStateOf(
  resources: JsonObject[],
  notImported: FhirImportPlan['notImported']
): ImportedPlanState | null {
  const carePlan = resources.find(
    (r) => r.resourceType === 'CarePlan' && lanternFields(r, LANTERN_EXTENSION.plan)
  )
  if (!carePlan) return null
  const plan = new Fields(lanternFields(carePlan, LANTERN_EXTENSION.plan))
  const state: ImportedPlanState = {
    rulesVersion: plan.string('rulesVersion') ?? '',
    snapshot: {},
    ownItems: [],
    completions: [],
    states: [],
    firstSeen: [],
    reviews: plan.subs('review').flatMap((r) => {
      const reviewedWith = r.string('reviewedWith')?.trim()
      const reviewedOn = r.date('reviewedOn')
      if (!reviewedWith || !isDate(reviewedOn)) {
        notImported.push({ what: 'A care plan review', why: 'It has no name or date.' })
        return []
      }
      return [{ reviewedWith, reviewedOn, note: r.string('note') }]
    })
  }
  let skipped = 0
  for (const activity of objects(carePlan.activity)) {
    const item = new Fields(lanternFields(activity, LANTERN_EXTENSION.planItem))
    const key = item.string('key')
    if (!key || !itemKeySchema.safeParse(key).success) {
      skipped++
      continue
    }
    const detail = obj(activity.detail)
    const title = str(obj(detail?.code)?.text) ?? ''
    const kind = item.code('kind')
    const responsible = oneOf(RESPONSIBLE, item.code('responsible'))
    const isDefault = item.boolean('responsibleIsDefault') !== false
    // An own item's default is its own choice of who is responsible, which a change on its card
    // overrides. Files from before the export wrote `defaultResponsible` lack it: the override
    // then becomes the item's own choice.
    const ownDefault = oneOf(RESPONSIBLE, item.code('defaultResponsible'))
    const own = item.sub('own')
    if (kind === 'own') {
      const system = oneOf(BODY_SYSTEMS, item.code('system')) as BodySystem | null
      if (!own || !system || !responsible || !title) {
        skipped++
        continue
      }
      const firstDue = own.date('firstDue')
      state.ownItems.push({
        key,
        title,
        system,
        what: own.string('what'),
        everyMonths: own.integer('everyMonths'),
        firstDue: isDate(firstDue) ? firstDue : null,
        responsible: (ownDefault ?? responsible) as Responsible
      })
    } else {
      // What plan.ts compares to say what changed: the same four things, in its order.
      const frequency = str(obj(obj(detail?.scheduledTiming)?.code)?.text) ?? null
      const why = item.all('why').flatMap((w) => str(w.valueString) ?? [])
      state.snapshot[key] = {
        title,
        fingerprint: JSON.stringify([kind, frequency, why, item.code('ruleStatus')])
      }
    }
    const chosen = !isDefault && (kind !== 'own' || ownDefault) ? responsible : null
    readItemDoings(state, key, item, chosen)
  }
  // Files from before the export carried these lack them: the plan as exported then stands for
  // the one acknowledged, and done dates of items no longer in the plan are not in the file.
  const acknowledged = plan.sub('acknowledged')
  if (acknowledged) {
    state.rulesVersion = acknowledged.string('rulesVersion') ?? state.rulesVersion
    state.snapshot = {}
    for (const item of acknowledged.subs('item')) {
      const key = item.string('key')
      const title = item.string('title')
      const fingerprint = item.string('fingerprint')
      if (key && itemKeySchema.safeParse(key).success && title !== null && fingerprint !== null) {
        state.snapshot[key] = { title, fingerprint }
      }
    }
  }
  for (const item of plan.subs('keptItem')) {
    const key = item.string('key')
    if (!key || !itemKeySchema.safeParse(key).success) {
      skipped++
      continue
    }
    readItemDoings(state, key, item, oneOf(RESPONSIBLE, item.code('responsible')))
  }
  if (skipped > 0) {
    notImported.push({
      what: `${skipped} care plan item${skipped === 1 ? '' : 's'}`,
      why: 'They are not written as Lantern writes its plan items.'
    })
  }
  return state
}

// ---- The whole bundle ----

export function readLanternBundle(
  resources: JsonObject[],
  fullUrls: Map<string, JsonObject>
): Omit<FhirImportPlan, 'willImport'> {
  const notImported: FhirImportPlan['notImported'] = []
  const patients = resources.filter(
    (r) =>
      r.resourceType === 'Patient' && identifierValue(r, LANTERN_IDENTIFIER.profile) !== undefined
  )
  const person = patients.length === 1 ? personOf(patients[0]!, resources, notImported) : null
  if (!person) {
    // Without the person there is nothing to attach the record to: refused whole.
    refuse(
      patients.length === 1
        ? `This Lantern file's person cannot be read: ${notImported.map((n) => n.why).join(' ')}`
        : `This Lantern file holds ${patients.length} people; Lantern imports one person's record at a time.`
    )
  }

  const ids = new Map<string, string>()
  const reader: Reader = {
    resolve: (reference) => {
      const r = str(reference)
      return r ? fullUrls.get(r) : undefined
    },
    newId: (oldId) => {
      let id = ids.get(oldId)
      if (!id) ids.set(oldId, (id = randomUUID()))
      return id
    }
  }

  // Every resource made from an entry, grouped by the entry, in the order the export wrote them
  // (the record's own order for each kind).
  const sources = new Map<string, Source>()
  for (const r of resources) {
    const from = entryOf(r)
    const kind = new Fields(lanternFields(r, LANTERN_EXTENSION.entry)).code('kind')
    if (!from || !kind || !(ENTRY_KINDS as string[]).includes(kind)) continue
    let s = sources.get(from.id)
    if (!s)
      sources.set(from.id, (s = { kind: kind as EntryKind, main: undefined, parts: new Map() }))
    if (from.part === null) s.main = r
    else s.parts.set(from.part, r)
  }
  // A care team member's role and institution are on their place in the CareTeam.
  const careTeam = new Map<string, JsonObject>()
  for (const team of resources.filter((r) => r.resourceType === 'CareTeam')) {
    for (const p of objects(team.participant)) {
      const member = reader.resolve(obj(p.member)?.reference)
      const id = str(member?.id)
      if (id) careTeam.set(id, p)
    }
  }

  const entries = emptyEntries()
  for (const [oldId, s] of sources) {
    const raw = entryFields(reader, s, careTeam)
    const words = KIND_WORDS[s.kind][0]
    if (!raw) {
      notImported.push({ what: `A ${words}`, why: 'Its resources in the file are incomplete.' })
      continue
    }
    const checked = checkEntry(s.kind, raw, reader.newId(oldId))
    if ('problem' in checked) {
      notImported.push({ what: `A ${words}`, why: checked.problem })
      continue
    }
    addEntry(entries, s.kind, {
      values: checked.values,
      times: timesOf(s.main ?? s.parts.values().next().value)
    })
  }
  dropBrokenLinks(entries, notImported)
  return {
    source: 'lantern',
    person,
    entries,
    planState: planStateOf(resources, notImported),
    notImported
  }
}
