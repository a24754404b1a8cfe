/**
 * The FHIR import (electron/core/fhir/import): a bundle Lantern wrote comes back as the same
 * record, and a bundle from another system brings in what maps and lists the rest, all before
 * anything is saved. Real encrypted vaults throughout: the records are made and read with the
 * core's own handlers, and the bundles are made exactly as tests/unit/fhirExport.test.ts makes
 * them (fhirBundle over record.listAll, record.summary and careplan.get).
 */
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Bundle } from '@medplum/fhirtypes'
import type { Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import { CoreError } from '../../electron/core/errors.ts'
import { planKept } from '../../electron/core/careplan/planState.ts'
import { fhirBundle, fhirFile } from '../../electron/core/fhir/bundle.ts'
import {
  MAX_BUNDLE_ENTRIES,
  MAX_FHIR_FILE_BYTES,
  readFhirFile,
  readGzippedFhirFile,
  type FhirImportPlan
} from '../../electron/core/fhir/import/read.ts'
import { saveFhirImport } from '../../electron/core/fhir/import/write.ts'
import type { CarePlan } from '../../electron/shared/careplan.ts'
import { ENTRY_KINDS, type RecordEntries } from '../../electron/shared/record.ts'
import type { TreatmentSummary } from '../../electron/shared/summary.ts'
import { DRUGS, PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'
import { stepTimings } from './helpers/stepTimings.ts'
import { addLargeRecord, saveEntry as save } from '../../tools/bench/largeRecord.ts'

const EXPORTED_AT = '2026-12-07T09:30:00.000Z'
const PLAN_AS_OF = '2026-12-01'

interface Exported {
  bundle: Bundle
  bytes: Uint8Array
  summary: TreatmentSummary
  plan: CarePlan
  entries: RecordEntries
}

async function call(core: Core, method: string, input: Record<string, unknown>) {
  const result = await dispatch(core.handlers, method as never, input as never)
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
  return result.value
}

async function exportOf(core: Core, profileId: string): Promise<Exported> {
  const entries = await core.handlers['record.listAll']({ profileId })
  const summary = await core.handlers['record.summary']({ profileId })
  const plan = await core.handlers['careplan.get']({ profileId, asOf: PLAN_AS_OF })
  const bundle = fhirBundle({
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
    exportedAt: EXPORTED_AT
  })
  // The bytes export.fhir saves.
  return { bundle, bytes: fhirFile(bundle), summary, plan, entries }
}

function bytesOf(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value))
}

/** What the person and their record look like through the screens' own calls. */
async function viewOf(core: Core, profileId: string) {
  return {
    summary: await core.handlers['record.summary']({ profileId }),
    plan: await core.handlers['careplan.get']({ profileId, asOf: PLAN_AS_OF })
  }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g

/**
 * The one thing an import changes on purpose: identifiers. Every UUID (the person's id, each
 * entry's id and the links that hold it, a done date's id, the id inside an own item's key
 * "own.<id>") becomes "id-N", N counting in order of first appearance. A link that pointed at
 * the wrong entry after import would get a different N, so links are still compared; nothing
 * else (times, text, numbers, order) is touched.
 */
function idsAside<T>(value: T): T {
  const seen = new Map<string, string>()
  const json = JSON.stringify(value).replace(UUID, (id) => {
    if (!seen.has(id)) seen.set(id, `id-${seen.size + 1}`)
    return seen.get(id)!
  })
  return JSON.parse(json) as T
}

/** Every row of every table, as text: two equal digests are two vaults holding the same thing. */
function vaultDigest(core: Core): string {
  const db = core.vault.db
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[]
  return JSON.stringify(
    tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()])
  )
}

function profileCount(core: Core): number {
  return (core.vault.db.prepare('SELECT count(*) AS n FROM profiles').get() as { n: number }).n
}

async function emptyVault(): Promise<Core> {
  const core = newCore()
  await core.vault.create(PASSPHRASE)
  return core
}

/** Reads and saves a bundle into `core`, returning the new person's id. */
async function importInto(
  core: Core,
  bytes: Uint8Array
): Promise<{ plan: FhirImportPlan; profileId: string }> {
  const plan = readFhirFile(bytes, DRUGS)
  return { plan, profileId: (await saveFhirImport(() => core.vault.db, plan, DRUGS)).profileId }
}

// ---- Records ----

/** The sample, with everything a person can do with its plan done at least once. */
async function sampleWithPlanState(core: Core): Promise<string> {
  const { id: profileId } = await core.handlers['profiles.loadSample']({})
  const plan = await core.handlers['careplan.get']({ profileId, asOf: PLAN_AS_OF })
  const rules = plan.items.filter((i) => i.kind !== 'own')
  expect(rules.length).toBeGreaterThanOrEqual(5)
  const [a, b, c, d, e] = rules.map((i) => i.key)
  await call(core, 'careplan.markDone', {
    profileId,
    itemKey: a,
    doneOn: '2025-03-04',
    note: 'At the clinic'
  })
  await call(core, 'careplan.markDone', { profileId, itemKey: a, doneOn: null, note: null })
  await call(core, 'careplan.markDone', { profileId, itemKey: b, doneOn: '2024-11-30', note: null })
  await call(core, 'careplan.snooze', { profileId, itemKey: c, until: '2099-01-01' })
  await call(core, 'careplan.dismiss', { profileId, itemKey: d, reason: 'Discussed, not needed' })
  await call(core, 'careplan.setResponsible', { profileId, itemKey: e, responsible: 'you' })
  await call(core, 'careplan.saveOwnItem', {
    profileId,
    title: 'Dentist',
    system: 'other',
    what: 'Check-up & clean',
    everyMonths: 6,
    firstDue: '2025-01-15',
    responsible: 'you'
  })
  const withOwn = await core.handlers['careplan.get']({ profileId, asOf: PLAN_AS_OF })
  const own = withOwn.items.find((i) => i.kind === 'own')!
  await call(core, 'careplan.markDone', {
    profileId,
    itemKey: own.key,
    doneOn: '2025-02-01',
    note: 'All fine'
  })
  await call(core, 'careplan.addReview', {
    profileId,
    reviewedWith: 'Dr Avery Sample (fictional)',
    reviewedOn: '2025-05-06',
    note: 'Annual review'
  })
  // Two on the same day as the first: the plan orders them by when they were added.
  for (const reviewedWith of ['Same day A', 'Same day B']) {
    await call(core, 'careplan.addReview', { profileId, reviewedWith, reviewedOn: '2025-05-06' })
  }
  await call(core, 'careplan.addReview', {
    profileId,
    reviewedWith: 'Late effects nurse',
    reviewedOn: '2025-09-10'
  })
  return profileId
}

const MARKUP = 'Rash <b>&amp;</b> "itch" & <script>alert(1)</script>'

/** Every kind of entry, every link between entries, and most optional fields filled in. */
async function everyKindRecord(core: Core): Promise<string> {
  const { id: profileId } = await core.handlers['profiles.create']({
    displayName: 'Every <kind> & "quotes"'
  })
  await call(core, 'profiles.updatePerson', {
    profileId,
    dateOfBirth: '2010-02-03',
    sex: 'intersex',
    phone: '+44 20 7946 0000',
    email: 'family@example.org',
    treatmentCompletedOn: '2024-01-31',
    ongoingTherapy: 'Levothyroxine',
    allergies: [
      { substance: 'Penicillin', reaction: 'Hives' },
      { substance: 'Peanuts', reaction: null }
    ],
    centralLine: 'in-place',
    centralLineNotes: 'Port-a-cath, right chest',
    centralLinePlacedOn: '2019-06-01',
    shunt: 'none',
    spleen: 'not-working',
    teamPhone24h: '+44 (0)20 7946 0999',
    feverThreshold: { value: 38.5, unit: 'C' }
  })
  const put = (kind: string, entry: Record<string, unknown>) => save(core, profileId, kind, entry)
  await put('measurement', { measuredOn: '2019-06-01', heightCm: 131.5, weightKg: 28.25 })
  await put('measurement', { measuredOn: '2020-01-10', weightKg: 30 })
  await put('measurement', { measuredOn: '2020-06-10', heightCm: 135, notes: 'Clinic scales' })
  const diagnosis = await put('diagnosis', {
    condition: 'b-cell-all',
    diagnosedOn: '2019-05-28',
    institution: 'Riverside',
    riskGroup: 'High risk',
    immunophenotype: 'CD10+ CD19+',
    findings: [
      { kind: 'cytogenetic', finding: 'Hyperdiploid' },
      { kind: 'molecular', finding: 'IKZF1 deletion' }
    ],
    cnsStatus: 'CNS1',
    source: 'clinic-letter',
    checkedBy: 'Dr Example (fictional)',
    checkedOn: '2019-07-01',
    notes: MARKUP
  })
  await put('diagnosis', {
    condition: 'breast-cancer',
    diagnosedOn: '2023-05-02',
    laterality: 'left',
    erStatus: 'positive',
    prStatus: 'low',
    her2Status: 'negative',
    stage: 'IV',
    metastasisSites: ['Bone', 'Liver <segment 4>']
  })
  await put('diagnosis', { condition: 'other', conditionOther: 'Thyroid nodule & "other"' })
  await put('relapse', {
    diagnosisId: diagnosis.id,
    relapsedOn: '2021-03-03',
    sites: ['bone-marrow', 'other'],
    siteOther: 'Skin <scalp>',
    treatmentAfter: 'Blinatumomab then transplant'
  })
  await put('careTeamMember', {
    name: 'Nurse <Nightingale>',
    role: 'Nurse & friend',
    institution: 'Riverside',
    phone: '555-0101',
    email: 'nurse@example.org',
    coordinatesFollowUp: true,
    notes: 'Calls on Fridays'
  })
  await put('careTeamMember', { name: 'Dr Plain' })
  const induction = await put('phase', {
    kind: 'induction',
    name: 'Induction A',
    startedOn: '2019-06-01',
    endedOn: '2019-07-05',
    protocol: 'ALLTogether1',
    institution: 'Riverside',
    intent: 'curative'
  })
  await put('phase', { kind: 'maintenance', startedOn: '2019-09-01', endedOn: '2099-01-01' })
  await put('phase', { kind: 'other' })
  const transplant = await put('transplant', {
    type: 'allogeneic',
    donor: 'Sibling',
    cellSource: 'bone-marrow',
    transplantedOn: '2021-06-15',
    institution: 'City BMT unit',
    conditioning: 'TBI and cyclophosphamide',
    gvhd: [
      {
        kind: 'acute',
        organs: ['skin', 'gut'],
        grade: 'II',
        startedOn: '2021-07-01',
        status: 'resolved'
      },
      { kind: 'acute', organs: ['other'], organsOther: 'Mouth <ulcers>', status: 'active' }
    ],
    noChronicGvhd: true,
    bloodGroupBefore: 'A+',
    bloodGroupAfter: 'O-'
  })
  await put('transplant', { type: 'autologous' })
  await put('administration', {
    phaseId: induction.id,
    drugId: 'vincristine',
    route: 'iv',
    dose: 1.5,
    unit: 'mg/m2',
    schedule: { kind: 'repeat', start: '2019-06-01', intervalDays: 7, count: 4 },
    source: 'clinic-letter',
    notes: 'Weekly'
  })
  await put('administration', {
    phaseId: induction.id,
    drugId: 'dexamethasone',
    route: 'oral',
    dose: 6,
    unit: 'mg/m2',
    schedule: { kind: 'repeat', start: '2019-06-01', intervalDays: 1, end: '2019-06-28' },
    estimated: true
  })
  await put('administration', {
    transplantId: transplant.id,
    drugId: 'cyclophosphamide',
    route: 'iv',
    dose: 60,
    unit: 'mg/kg',
    schedule: { kind: 'once', date: '2021-06-10' }
  })
  await put('administration', {
    drugId: 'methotrexate',
    route: 'intrathecal',
    dose: 12,
    unit: 'mg',
    schedule: { kind: 'once', date: '2019-06-08' }
  })
  await put('administration', {
    drugId: 'epirubicin',
    route: 'iv',
    dose: 33.33,
    unit: 'mg/m2',
    schedule: { kind: 'once', date: '2023-08-01' }
  })
  await put('radiation', {
    transplantId: transplant.id,
    field: 'total-body',
    totalDoseGy: 12.6,
    fractions: 6,
    startedOn: '2021-06-11',
    endedOn: '2021-06-13',
    institution: 'City radiotherapy'
  })
  await put('radiation', { field: 'other', fieldOther: 'Left <knee>' })
  await put('radiation', { field: 'breast-or-chest-wall', totalDoseGy: 50.4, fractions: 28 })
  await put('procedure', {
    kind: 'surgery',
    name: `Mastectomy ${MARKUP}`,
    performedOn: '2023-06-01'
  })
  await put('procedure', { kind: 'procedure', name: 'Lumbar puncture' })
  await put('supportiveCare', {
    kind: 'red-cell-transfusions',
    count: 12,
    startedOn: '2019-06-01',
    endedOn: '2019-12-01',
    details: 'Irradiated'
  })
  await put('supportiveCare', { kind: 'other', details: 'Nasogastric feeding' })
  await put('complication', {
    name: MARKUP,
    grade: 2,
    startedOn: '2023-06-01',
    endedOn: '2023-07-01',
    status: 'ongoing'
  })
  await put('complication', {
    name: 'Neuropathy',
    grade: 3,
    startedOn: '2019-07-01',
    endedOn: '2020-01-01',
    status: 'resolved'
  })
  await put('complication', { name: 'Fatigue' })
  return profileId
}

/** The bench's three-year record (tools/bench/largeRecord.ts), as a new person. */
function largeRecord(core: Core): Promise<string> {
  return addLargeRecord(core, 'Bench')
}

// ---- Setup ----

let source: Core
let sample: Exported
let sampleId: string
let everyKind: Exported
let everyKindId: string
const { timed, print: printTimings } = stepTimings('FHIR import test timings')

beforeAll(async () => {
  source = await emptyVault()
  sampleId = await sampleWithPlanState(source)
  sample = await exportOf(source, sampleId)
  everyKindId = await everyKindRecord(source)
  everyKind = await exportOf(source, everyKindId)
}, 120_000)

afterAll(async () => {
  await cleanupTempDirs()
  printTimings()
})

// ---- Round trips ----

describe.each([
  ['the sample profile, with what was done with its plan', () => ({ x: sample, id: sampleId })],
  ['a record with every kind of entry', () => ({ x: everyKind, id: everyKindId })]
])('a Lantern bundle of %s', (name, get) => {
  it('imports into an empty vault as the same record and the same plan, ids aside', async () => {
    const { x, id } = get()
    const target = await emptyVault()
    const { plan, profileId } = await timed(`read and save ${name}`, () =>
      importInto(target, x.bytes)
    )
    expect(plan.source).toBe('lantern')
    expect(plan.notImported).toEqual([])
    const original = await viewOf(source, id)
    const imported = await viewOf(target, profileId)
    expect(profileId).not.toBe(id)
    expect(idsAside(imported.summary)).toEqual(idsAside(original.summary))
    expect(idsAside(imported.plan)).toEqual(idsAside(original.plan))
    // Every entry, field by field, in the record's own order (the summary leaves some out).
    const entries = await target.handlers['record.listAll']({ profileId })
    expect(idsAside(entries)).toEqual(idsAside(x.entries))
  })

  it('gives every entry a new id, so the same file can be imported twice into one vault', async () => {
    const { x, id } = get()
    const first = await importInto(source, x.bytes)
    const second = await importInto(source, x.bytes)
    const ids = async (profileId: string) =>
      Object.values(await source.handlers['record.listAll']({ profileId }))
        .flat()
        .map((e) => e.id)
    const before = await ids(id)
    const a = await ids(first.profileId)
    const b = await ids(second.profileId)
    expect(a.length).toBe(before.length)
    expect(new Set([...before, ...a, ...b]).size).toBe(before.length * 3)
    expect(idsAside((await viewOf(source, second.profileId)).summary)).toEqual(
      idsAside((await viewOf(source, id)).summary)
    )
  })

  it('lists what it will import before anything is saved', async () => {
    const { x } = get()
    const target = await emptyVault()
    const before = vaultDigest(target)
    const plan = readFhirFile(x.bytes, DRUGS)
    expect(vaultDigest(target)).toBe(before)
    for (const kind of ENTRY_KINDS) expect(plan.entries[kind]).toHaveLength(x.entries[kind].length)
    expect(plan.willImport[0]).toEqual({
      what: `The person (${x.summary.profile.displayName}) and their details`,
      count: 1
    })
  })
})

describe('the sample’s plan state', () => {
  it('is in the export and comes back: done dates, snooze, set aside, responsible, own item, reviews', async () => {
    const target = await emptyVault()
    const { profileId } = await importInto(target, sample.bytes)
    const plan = await target.handlers['careplan.get']({ profileId, asOf: PLAN_AS_OF })
    expect(plan.items.filter((i) => i.completions.length > 0)).toHaveLength(3)
    expect(plan.items.some((i) => i.completions.some((c) => !c.dateKnown))).toBe(true)
    expect(plan.items.filter((i) => i.snoozedUntil === '2099-01-01')).toHaveLength(1)
    expect(plan.items.filter((i) => i.dismissed?.reason === 'Discussed, not needed')).toHaveLength(
      1
    )
    expect(plan.items.filter((i) => !i.responsibleIsDefault)).toHaveLength(1)
    const own = plan.items.find((i) => i.kind === 'own')!
    expect(own.key).toMatch(/^own\.[0-9a-f-]{36}$/)
    expect(own.key).not.toBe(sample.plan.items.find((i) => i.kind === 'own')!.key)
    expect(own.completions.map((c) => c.note)).toEqual(['All fine'])
    expect(plan.reviews.map((r) => r.reviewedWith)).toEqual([
      'Late effects nurse',
      'Same day B',
      'Same day A',
      'Dr Avery Sample (fictional)'
    ])
    // Compared with the plan as exported, nothing changed.
    expect(plan.changes).toEqual([])
  })
})

describe('what the plan does not show', () => {
  it('comes back too: changes not yet acknowledged, and the done dates and snooze of an item no longer in the plan, for when it comes back', async () => {
    const core = await emptyVault()
    const { id } = await core.handlers['profiles.create']({ displayName: 'Kept state' })
    const cranial = await save(core, id, 'radiation', {
      field: 'cranial',
      totalDoseGy: 18,
      fractions: 10,
      startedOn: '2022-03-01'
    })
    const plan = await core.handlers['careplan.get']({ profileId: id, asOf: PLAN_AS_OF })
    const keysBefore = new Set(plan.items.map((i) => i.key))
    const item = plan.items.find((i) => i.kind !== 'own')!
    await call(core, 'careplan.markDone', {
      profileId: id,
      itemKey: item.key,
      doneOn: '2024-02-03',
      note: 'Kept for when it comes back'
    })
    await call(core, 'careplan.snooze', { profileId: id, itemKey: item.key, until: '2099-01-01' })
    // The radiation goes: its items leave the plan, and the change is not acknowledged.
    await core.handlers['record.delete']({ kind: 'radiation', id: cranial.id })
    const { plan: without } = await viewOf(core, id)
    expect(without.items.some((i) => i.key === item.key)).toBe(false)
    expect(without.changes?.some((c) => c.kind === 'removed' && c.key === item.key)).toBe(true)

    const exported = await exportOf(core, id)
    const { profileId } = await importInto(core, exported.bytes)
    expect(idsAside((await viewOf(core, profileId)).plan)).toEqual(idsAside(without))

    // The radiation comes back in both: the item returns with its done date and its snooze.
    for (const person of [id, profileId]) {
      await save(core, person, 'radiation', {
        field: 'cranial',
        totalDoseGy: 18,
        fractions: 10,
        startedOn: '2022-03-01'
      })
    }
    const original = (await viewOf(core, id)).plan
    const back = original.items.find((i) => i.key === item.key)!
    expect(back.completions.map((c) => c.note)).toEqual(['Kept for when it comes back'])
    expect(back.snoozedUntil).toBe('2099-01-01')
    expect(original.items.every((i) => keysBefore.has(i.key))).toBe(true)
    expect(idsAside((await viewOf(core, profileId)).plan)).toEqual(idsAside(original))
  })
})

describe('a Lantern bundle of a 2,000-administration record', () => {
  let made: Promise<{ core: Core; id: string; large: Exported }> | null = null
  const largeBundle = () =>
    (made ??= (async () => {
      const core = await emptyVault()
      const id = await timed('build 2,000-administration record', () => largeRecord(core))
      return { core, id, large: await exportOf(core, id) }
    })())

  it('is within the limits and comes back whole', async () => {
    const { core, id, large } = await largeBundle()
    expect(large.bundle.entry!.length).toBeGreaterThan(2000)
    expect(large.bundle.entry!.length).toBeLessThan(MAX_BUNDLE_ENTRIES)
    // With room to spare: a record twice as long still fits what an import takes.
    expect(large.bytes.byteLength * 2).toBeLessThan(MAX_FHIR_FILE_BYTES)
    const target = await emptyVault()
    const { plan, profileId } = await timed('read and save the 2,000-administration record', () =>
      importInto(target, large.bytes)
    )
    expect(plan.entries.administration).toHaveLength(2000)
    expect(idsAside((await viewOf(target, profileId)).summary)).toEqual(
      idsAside((await viewOf(core, id)).summary)
    )
  }, 120_000)

  it('is saved in parts: the person appears only once whole, other calls are answered meanwhile, and a lock midway leaves nobody', async () => {
    const { large } = await largeBundle()
    const target = await emptyVault()
    // Gzipped, as the page sends it.
    const gzipBase64 = gzipSync(large.bytes).toString('base64')
    // Read first, so that what is counted below is the saving alone.
    const previewed = async () => {
      const { previewId } = await target.handlers['import.fhirPreview']({
        fileName: 'record.json',
        gzipBase64
      })
      return async () => target.handlers['import.fhirConfirm']({ previewId })
    }
    const count = (table: string) =>
      (target.vault.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    const turn = () => new Promise((resolve) => setImmediate(resolve))

    let saved = false
    const confirm = await previewed()
    const saving = confirm().finally(() => (saved = true))
    let answered = 0
    let hiddenWhileSaving = false
    while (!saved) {
      await turn()
      const people = await target.handlers['profiles.list']({})
      if (saved) break
      answered++
      if (people.length === 0 && count('drug_administrations') > 0) hiddenWhileSaving = true
    }
    const { profileId } = await saving
    // Saved in one part, it would be answered twice: before the part and before the end.
    expect(answered).toBeGreaterThanOrEqual(4)
    expect(hiddenWhileSaving).toBe(true)
    expect((await target.handlers['profiles.list']({})).map((p) => p.id)).toEqual([profileId])

    const cutShort = (await previewed())()
    while (count('drug_administrations') <= 2000) await turn()
    await target.handlers['vault.lock']({})
    await expect(cutShort).rejects.toMatchObject({ code: 'VAULT_LOCKED' })
    await target.vault.unlock(PASSPHRASE)
    expect((await target.handlers['profiles.list']({})).map((p) => p.id)).toEqual([profileId])
    expect(count('profiles')).toBe(1)
    expect(count('drug_administrations')).toBe(2000)
  }, 120_000)
})

describe('an own item’s responsible', () => {
  // An own item's default is the item's own choice of who is responsible; a change on its card
  // overrides it. The plan-item extension carries both (`responsible`, `defaultResponsible`), so
  // the import tells the two apart.
  async function ownItemChangedOnItsCard() {
    const core = await emptyVault()
    const { id } = await core.handlers['profiles.create']({ displayName: 'Own item' })
    await call(core, 'careplan.saveOwnItem', {
      profileId: id,
      title: 'Dentist',
      system: 'other',
      everyMonths: 6,
      firstDue: '2025-01-15',
      responsible: 'you'
    })
    const plan = await core.handlers['careplan.get']({ profileId: id, asOf: PLAN_AS_OF })
    const itemKey = plan.items.find((i) => i.kind === 'own')!.key
    await call(core, 'careplan.setResponsible', {
      profileId: id,
      itemKey,
      responsible: 'family-doctor'
    })
    return { core, id, exported: await exportOf(core, id) }
  }

  it('comes back as it was when it was changed on the item’s card', async () => {
    const { core, id, exported } = await ownItemChangedOnItsCard()
    const { profileId } = await importInto(core, exported.bytes)
    expect(idsAside((await viewOf(core, profileId)).plan.items)).toEqual(
      idsAside((await viewOf(core, id)).plan.items)
    )
  })
})

// ---- Another system's bundle ----

const CODE = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  ucum: 'http://unitsofmeasure.org'
}

/** A patient portal's download, written by hand: a bit of everything, some of it unusable. */
function portalBundle(): Record<string, unknown> {
  const entry = (fullUrl: string, resource: Record<string, unknown>) => ({ fullUrl, resource })
  const patient = { reference: 'urn:uuid:p1' }
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      entry('urn:uuid:p1', {
        resourceType: 'Patient',
        id: 'p1',
        name: [{ use: 'official', family: 'Example', given: ['Alex', 'Jo'] }],
        gender: 'female',
        birthDate: '2012-04-05',
        telecom: [{ system: 'phone', value: '555-0199' }]
      }),
      entry('urn:uuid:c1', {
        resourceType: 'Condition',
        code: { text: 'Acute lymphoblastic leukaemia' },
        verificationStatus: { coding: [{ code: 'confirmed' }] },
        subject: patient,
        onsetDateTime: '2019-02-03T10:00:00+01:00'
      }),
      entry('urn:uuid:c2', {
        resourceType: 'Condition',
        code: {
          coding: [
            { system: CODE.snomed, code: '254837009', display: 'Malignant neoplasm of breast' }
          ]
        },
        subject: patient,
        recordedDate: '2020-01-01'
      }),
      // Named only by an ICD-10 code among the malignant neoplasms.
      entry('urn:uuid:c3', {
        resourceType: 'Condition',
        code: {
          coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'C92.0' }],
          text: 'AML'
        },
        subject: patient,
        onsetDateTime: '2021-06-07'
      }),
      // Not a cancer: a portal lists whatever a child was seen for.
      entry('urn:uuid:c4', {
        resourceType: 'Condition',
        code: {
          coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'J45.9' }],
          text: 'Asthma'
        },
        subject: patient,
        onsetDateTime: '2016-01-01'
      }),
      entry('urn:uuid:m1', {
        resourceType: 'MedicationStatement',
        status: 'completed',
        medicationCodeableConcept: { text: 'Vincristine sulfate 1 mg/mL injection' },
        subject: patient,
        effectiveDateTime: '2019-02-10',
        dosage: [
          {
            route: { text: 'Intravenous' },
            doseAndRate: [
              { doseQuantity: { value: 1.5, unit: 'mg/m2', system: CODE.ucum, code: 'mg/m2' } }
            ]
          }
        ]
      }),
      entry('urn:uuid:m2', {
        resourceType: 'MedicationStatement',
        status: 'completed',
        medicationCodeableConcept: { text: 'Ibuprofen 200 mg tablet' },
        subject: patient,
        effectiveDateTime: '2019-03-01',
        dosage: [{ doseAndRate: [{ doseQuantity: { value: 200, unit: 'mg' } }] }]
      }),
      entry('urn:uuid:m3', {
        resourceType: 'MedicationStatement',
        status: 'completed',
        medicationCodeableConcept: { text: 'Mercaptopurine' },
        subject: patient,
        effectiveDateTime: '2019-09-01',
        dosage: [{ route: { text: 'Oral' }, doseAndRate: [{ doseQuantity: { value: 50 } }] }]
      }),
      entry('urn:uuid:med1', {
        resourceType: 'Medication',
        code: { text: 'Cyclophosphamide' }
      }),
      entry('urn:uuid:m4', {
        resourceType: 'MedicationAdministration',
        status: 'completed',
        medicationReference: { reference: 'urn:uuid:med1' },
        subject: patient,
        effectivePeriod: { start: '2019-07-01T09:00:00Z', end: '2019-07-01T11:00:00Z' },
        dosage: { route: { text: 'IV' }, dose: { value: 1000, unit: 'mg/m²' } }
      }),
      entry('urn:uuid:o1', {
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: CODE.loinc, code: '8302-2', display: 'Body height' }] },
        subject: patient,
        effectiveDateTime: '2019-02-01',
        valueQuantity: { value: 140, unit: 'cm', system: CODE.ucum, code: 'cm' }
      }),
      entry('urn:uuid:o2', {
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: CODE.loinc, code: '29463-7', display: 'Body weight' }] },
        subject: patient,
        effectiveDateTime: '2019-02-01T08:30:00Z',
        valueQuantity: { value: 32, unit: 'kg', system: CODE.ucum, code: 'kg' }
      }),
      entry('urn:uuid:o3', {
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: CODE.loinc, code: '29463-7', display: 'Body weight' }] },
        subject: patient,
        effectiveDateTime: '2019-08-01',
        valueQuantity: { value: 77, unit: 'lb', system: CODE.ucum, code: '[lb_av]' }
      }),
      entry('urn:uuid:o4', {
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: CODE.loinc, code: '718-7', display: 'Hemoglobin' }] },
        subject: patient,
        effectiveDateTime: '2019-02-01',
        valueQuantity: { value: 11.2, unit: 'g/dL' }
      }),
      entry('urn:uuid:i1', {
        resourceType: 'Immunization',
        status: 'completed',
        vaccineCode: { text: 'MMR' },
        patient,
        occurrenceDateTime: '2013-05-01'
      }),
      entry('urn:uuid:a1', {
        resourceType: 'AllergyIntolerance',
        clinicalStatus: { coding: [{ code: 'active' }] },
        code: { text: 'Penicillin' },
        reaction: [{ manifestation: [{ text: 'Hives' }] }],
        patient
      }),
      entry('urn:uuid:a2', {
        resourceType: 'AllergyIntolerance',
        verificationStatus: { coding: [{ code: 'refuted' }] },
        code: { text: 'Latex' },
        patient
      }),
      entry('urn:uuid:pr1', {
        resourceType: 'Procedure',
        status: 'completed',
        code: { text: 'Bone marrow aspiration' },
        subject: patient,
        performedDateTime: '2019-02-02'
      }),
      entry('urn:uuid:e1', { resourceType: 'Encounter', status: 'finished', subject: patient })
    ]
  }
}

describe('a bundle from another system', () => {
  it('lists what it will import and what it will not, with reasons, and writes nothing', async () => {
    const target = await emptyVault()
    const before = vaultDigest(target)
    const plan = readFhirFile(bytesOf(portalBundle()), DRUGS)
    expect(vaultDigest(target)).toBe(before)
    expect(plan.source).toBe('other-system')
    expect(plan.planState).toBeNull()
    expect(plan.willImport).toEqual([
      { what: 'The person (Alex Jo Example) and their details', count: 1 },
      { what: 'Allergies', count: 1 },
      { what: 'Height and weight measurements', count: 2 },
      { what: 'Diagnoses', count: 3 },
      { what: 'Medicines given', count: 2 },
      { what: 'Surgery or procedure', count: 1 }
    ])
    expect(plan.notImported).toEqual([
      {
        what: 'Condition “Asthma”',
        why: 'Lantern keeps cancer diagnoses, and nothing in it says this is one.'
      },
      {
        what: 'Medicine “Ibuprofen 200 mg tablet”',
        why: 'It is not a medicine in Lantern’s catalog of cancer drugs.'
      },
      { what: 'Medicine “Mercaptopurine”', why: 'The dose has no unit.' },
      { what: 'Allergy “Latex”', why: 'The other system marks it as ruled out.' },
      {
        what: 'Observation “Hemoglobin”',
        why: 'Of observations, Lantern keeps only height and weight.'
      },
      { what: '1 Immunization', why: 'Lantern does not keep vaccinations.' },
      { what: '1 Encounter', why: 'Lantern does not keep visits.' }
    ])
    const { profileId } = await saveFhirImport(() => target.vault.db, plan, DRUGS)
    expect(vaultDigest(target)).not.toBe(before)
    const summary = await target.handlers['record.summary']({ profileId })
    expect(summary.profile).toMatchObject({
      displayName: 'Alex Jo Example',
      dateOfBirth: '2012-04-05',
      sex: 'female',
      phone: '555-0199',
      allergies: [{ substance: 'Penicillin', reaction: 'Hives' }],
      isSample: false
    })
    const entries = await target.handlers['record.listAll']({ profileId })
    expect(entries.diagnosis.map((d) => [d.condition, d.conditionOther, d.diagnosedOn])).toEqual([
      ['other', 'Acute lymphoblastic leukaemia', '2019-02-03'],
      ['breast-cancer', null, '2020-01-01'],
      ['other', 'AML', '2021-06-07']
    ])
    expect(
      entries.administration.map((a) => [a.drugId, a.route, a.dose, a.unit, a.schedule])
    ).toEqual([
      ['vincristine', 'iv', 1.5, 'mg/m2', { kind: 'once', date: '2019-02-10' }],
      ['cyclophosphamide', 'iv', 1000, 'mg/m2', { kind: 'once', date: '2019-07-01' }]
    ])
    expect(entries.measurement.map((m) => [m.measuredOn, m.heightCm, m.weightKg])).toEqual([
      ['2019-02-01', 140, 32],
      ['2019-08-01', null, 34.93]
    ])
    expect(entries.procedure.map((p) => [p.kind, p.name, p.performedOn])).toEqual([
      ['procedure', 'Bone marrow aspiration', '2019-02-02']
    ])
    for (const kind of ENTRY_KINDS) {
      for (const e of entries[kind]) expect(e.notes).toMatch(/^Imported from another system/)
    }
    // The doses were converted with the imported height and weight.
    expect(
      summary.exposures.find((e) => e.drugId === 'cyclophosphamide')?.unconvertedAbsolute
    ).toBe(0)
  })

  it('leaves out an entry its schema refuses, with the schema’s message', () => {
    const bundle = portalBundle()
    ;(bundle.entry as { resource: Record<string, unknown> }[]).push({
      resource: {
        resourceType: 'Procedure',
        status: 'completed',
        code: { text: 'Biopsy' },
        performedDateTime: '2099-01-01'
      }
    })
    const plan = readFhirFile(bytesOf(bundle), DRUGS)
    expect(plan.notImported).toContainEqual({
      what: 'Procedure “Biopsy”',
      why: 'performedOn: A surgery or procedure cannot be dated in the future.'
    })
    expect(plan.entries.procedure).toHaveLength(1)
  })
})

// ---- Files that are refused ----

describe('a file that cannot be imported', () => {
  const cases: [string, () => Uint8Array, RegExp][] = [
    [
      'a truncated export',
      () => sample.bytes.slice(0, Math.floor(sample.bytes.byteLength / 2)),
      /^This file is not complete JSON: it may have been cut short/
    ],
    [
      'JSON that is not FHIR',
      () => bytesOf({ hello: 1 }),
      /^This is not a FHIR file: it is JSON, but not a FHIR resource/
    ],
    [
      'a FHIR Patient alone',
      () => bytesOf({ resourceType: 'Patient', id: 'x' }),
      /^This is a FHIR Patient, not a Bundle\./
    ],
    [
      'a 50 MB file',
      () => new Uint8Array(50 * 1024 * 1024).fill(0x20),
      // Unpacked no further than one byte past the limit: never 50 MB in memory.
      /^This file is larger than 32 MB\. Lantern imports FHIR files of at most 32 MB\.$/
    ],
    [
      'a bundle of 100,000 entries',
      () =>
        bytesOf({
          resourceType: 'Bundle',
          type: 'collection',
          entry: Array.from({ length: 100_000 }, () => ({ resource: { resourceType: 'Basic' } }))
        }),
      /^This FHIR Bundle has 100,000 entries\. Lantern imports at most 20,000 at once/
    ],
    [
      'bytes that are not text',
      () => new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
      /^This is not a FHIR file: it is not text/
    ],
    [
      'a resource nested thousands of levels deep',
      () =>
        new TextEncoder().encode(
          `{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Basic","x":${'['.repeat(5000)}${']'.repeat(5000)}}}]}`
        ),
      /^This file nests its contents more than 64 levels deep/
    ],
    [
      'a bundle without a Patient',
      () =>
        bytesOf({
          resourceType: 'Bundle',
          type: 'collection',
          entry: [{ resource: { resourceType: 'Condition', code: { text: 'Asthma' } } }]
        }),
      /^This FHIR Bundle has no Patient/
    ]
  ]

  it.each(cases)(
    'is refused with a clear message, and the vault is unchanged: %s',
    async (_, make, message) => {
      const target = await emptyVault()
      await target.handlers['profiles.loadSample']({})
      const before = vaultDigest(target)
      let thrown: unknown
      try {
        // As the page sends a file: gzipped.
        readGzippedFhirFile(gzipSync(make()), DRUGS)
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(CoreError)
      const error = thrown as CoreError
      expect(error.code).toBe('INVALID_INPUT')
      expect(error.message).toMatch(message)
      expect(error.fields).toEqual([{ path: 'file', message: error.message }])
      expect(vaultDigest(target)).toBe(before)
    }
  )

  it.each([
    ['a damaged archive', () => gzipSync(everyKind.bytes).subarray(0, 400)],
    ['bytes that are not an archive', () => everyKind.bytes]
  ])('is refused as not arriving whole: %s', (_, make) => {
    expect(() => readGzippedFhirFile(make(), DRUGS)).toThrow(
      'That file did not arrive whole. Choose it again.'
    )
  })

  it('reads a gzipped file as the same plan as the file itself', () => {
    expect(idsAside(readGzippedFhirFile(gzipSync(everyKind.bytes), DRUGS))).toEqual(
      idsAside(readFhirFile(everyKind.bytes, DRUGS))
    )
  })

  it('saves nothing at all when one entry fails its checks while saving', async () => {
    const target = await emptyVault()
    const before = vaultDigest(target)
    const plan = readFhirFile(everyKind.bytes, DRUGS)
    const last = plan.entries.administration.at(-1)!
    ;(last.values as { drugId: string }).drugId = 'not-a-drug'
    await expect(saveFhirImport(() => target.vault.db, plan, DRUGS)).rejects.toThrow(
      /The medicine given number 5 could not be imported: drugId: Lantern does not know that drug/
    )
    expect(vaultDigest(target)).toBe(before)
    expect(profileCount(target)).toBe(0)
  })
})
