/**
 * The fictional sample profile: loads whole into a fresh vault, is flagged and named as a
 * sample, holds every kind of entry with its links, and its doses add up to the totals worked
 * out by hand below. Loading twice gives two independent samples; a failure halfway leaves
 * nothing behind.
 *
 * Mosteller: BSA = √(height cm × weight kg / 3600).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/api.ts'
import { bodySizeOn, mostellerBsa } from '../../electron/core/record/bodySize.ts'
import { ageInYears } from '../../electron/core/record/dates.ts'
import {
  type Administration,
  cumulativeDoses,
  doseEvents,
  intrathecalInjections
} from '../../electron/core/record/doses.ts'
import { listEntries } from '../../electron/core/record/entries.ts'
import {
  deleteProfile,
  listProfiles,
  purgeDeletedProfiles
} from '../../electron/core/record/profiles.ts'
import type { DrugLookup } from '../../electron/core/record/references.ts'
import { SAMPLE_PROFILE_NAME, loadSampleProfile } from '../../electron/core/record/sampleProfile.ts'
import { doseCount } from '../../electron/core/record/schedule.ts'
import type { Db } from '../../electron/core/vault/database.ts'
import { ENTRY_KINDS, ENTRY_SCHEMAS, type Entry } from '../../electron/shared/record.ts'
import { DRUGS, PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

let core: Core
let db: Db

beforeEach(async () => {
  core = newCore()
  await core.vault.create(PASSPHRASE)
  db = core.vault.db
})
afterEach(cleanupTempDirs)

function administrations(profileId: string): Administration[] {
  return listEntries(db, 'administration', profileId).map((a) => ({
    id: a.id,
    drugId: a.drugId,
    route: a.route,
    dose: a.dose,
    unit: a.unit,
    schedule: a.schedule,
    estimated: a.estimated
  }))
}

function allEntries(profileId: string): Entry<(typeof ENTRY_KINDS)[number]>[] {
  return ENTRY_KINDS.flatMap((kind) => listEntries(db, kind, profileId))
}

/** Rows in every table that belongs to a profile, and the profiles themselves. */
function ownedRows(): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[]
  const counts: Record<string, number> = {}
  for (const { name } of tables) {
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').all(name) as {
      name: string
    }[]
    if (name === 'profiles' || columns.some((c) => c.name === 'profile_id')) {
      counts[name] = (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n
    }
  }
  return counts
}

describe('sample profile', () => {
  it('is flagged as a sample, named as a fictional sample, and holds every kind of entry', async () => {
    const profile = await loadSampleProfile(db, DRUGS)
    expect(profile.isSample).toBe(true)
    expect(profile.displayName).toBe(SAMPLE_PROFILE_NAME)
    expect(SAMPLE_PROFILE_NAME).toMatch(/sample/i)
    expect(SAMPLE_PROFILE_NAME).toMatch(/fictional/i)
    expect(listProfiles(db)).toEqual([profile])

    for (const kind of ENTRY_KINDS) {
      expect(listEntries(db, kind, profile.id).length, kind).toBeGreaterThan(0)
    }
    for (const entry of allEntries(profile.id)) {
      expect(entry.source).toBe('typed')
      expect(entry.notes).toMatch(/^Fictional sample data\./)
      const { institution } = entry as { institution?: string | null }
      if (institution) expect(institution).toMatch(/\(fictional\)$/)
    }

    const [diagnosis] = listEntries(db, 'diagnosis', profile.id)
    expect(diagnosis).toMatchObject({
      condition: 'b-cell-all',
      immunophenotype: 'precursor B-cell',
      cnsStatus: 'CNS1',
      diagnosedOn: '2021-03-01'
    })
    expect(diagnosis!.findings.map((f) => f.finding).join()).toMatch(/ETV6::RUNX1/)
    expect(ageInYears(profile.dateOfBirth!, diagnosis!.diagnosedOn!)).toBe(4)
    expect(profile.treatmentCompletedOn).toBe('2024-08-20')
    // Important to know first: the line came out at the end of treatment, the spleen works, one
    // fictional allergy. The 24-hour number and the fever threshold are the family's to fill in
    // from their own care team: the sample never suggests a number.
    expect(profile).toMatchObject({
      allergies: [{ substance: 'Co-trimoxazole', reaction: 'Rash (fictional)' }],
      noKnownAllergies: false,
      centralLine: 'none',
      shunt: null,
      spleen: 'working',
      teamPhone24h: null,
      feverThreshold: null
    })

    const team = listEntries(db, 'careTeamMember', profile.id)
    expect(team.filter((m) => m.coordinatesFollowUp).map((m) => m.role)).toEqual([
      'Paediatric oncologist'
    ])
    for (const member of team) {
      expect(member.name).toMatch(/\(fictional\)$/)
      expect(member.email).toMatch(/@example\.org$/)
      expect(member.phone).toMatch(/^555-01\d\d$/)
      expect(member.institution).toMatch(/\(fictional\)$/)
    }
  })

  it('links relapse, doses, conditioning and radiation to entries of the same record', async () => {
    const { id } = await loadSampleProfile(db, DRUGS)
    const [diagnosis] = listEntries(db, 'diagnosis', id)
    const [relapse] = listEntries(db, 'relapse', id)
    expect(relapse).toMatchObject({ diagnosisId: diagnosis!.id, sites: ['cns'] })

    const phases = listEntries(db, 'phase', id)
    expect(phases.map((p) => [p.kind, p.startedOn, p.endedOn])).toEqual([
      ['induction', '2021-03-02', '2021-03-30'],
      ['consolidation', '2021-04-06', '2021-05-03'],
      ['interim-maintenance', '2021-05-04', '2021-06-28'],
      ['delayed-intensification', '2021-06-29', '2021-08-23'],
      ['maintenance', '2021-08-24', '2023-05-03'],
      ['induction', '2023-11-14', '2023-12-11'],
      ['conditioning', '2024-02-13', '2024-02-19']
    ])
    const phaseIds = new Set(phases.map((p) => p.id))
    const [transplant] = listEntries(db, 'transplant', id)
    // Acute skin GVHD, and the family's answer that no chronic GVHD followed.
    expect(transplant).toMatchObject({
      type: 'allogeneic',
      cellSource: 'bone-marrow',
      noChronicGvhd: true,
      bloodGroupBefore: 'A+',
      bloodGroupAfter: 'O+'
    })
    expect(transplant!.gvhd).toEqual([
      expect.objectContaining({
        kind: 'acute',
        organs: ['skin'],
        grade: 'II',
        status: 'resolved'
      })
    ])

    const given = listEntries(db, 'administration', id)
    for (const a of given) {
      // Every dose belongs to a phase of this record, except GVHD prophylaxis after the transplant.
      if (a.phaseId === null) expect(a.transplantId).toBe(transplant!.id)
      else expect(phaseIds.has(a.phaseId!)).toBe(true)
    }
    const conditioning = given.filter((a) => a.drugId === 'cyclophosphamide' && a.unit === 'mg/kg')
    expect(conditioning).toEqual([expect.objectContaining({ transplantId: transplant!.id })])

    const radiation = listEntries(db, 'radiation', id)
    expect(radiation.map((r) => [r.field, r.totalDoseGy, r.fractions, r.transplantId])).toEqual([
      ['cranial', 18, 10, null],
      ['total-body', 12, 6, transplant!.id]
    ])
  })

  it('has realistic numbers of doses and intrathecal injections', async () => {
    const { id } = await loadSampleProfile(db, DRUGS)
    const given = administrations(id)
    // Entries: induction 5, consolidation 3, interim maintenance 7, delayed intensification 10,
    // maintenance 3 + 8 cycles × 2, re-induction 6, transplant 3.
    expect(given).toHaveLength(53)
    // Doses: 36 + 32 + 11 + 46 + maintenance (618 days of mercaptopurine, 8 vincristine,
    // 8 intrathecal, 8 × 5 dexamethasone, 7 × 11 + 4 oral methotrexate = 755) + 32 + 5.
    expect(given.reduce((n, a) => n + doseCount(a.schedule), 0)).toBe(917)

    // Lumbar punctures: induction 3, consolidation 3, interim maintenance 1, delayed
    // intensification 2, maintenance 8, re-induction 4 (methotrexate and cytarabine together).
    expect(intrathecalInjections(given)).toBe(21)
    expect(intrathecalInjections(given)).toBeGreaterThanOrEqual(8)
  })

  it('adds up the anthracyclines and cyclophosphamide as worked by hand', async () => {
    const { id } = await loadSampleProfile(db, DRUGS)
    const cumulative = cumulativeDoses(administrations(id), listEntries(db, 'measurement', id))
    const total = (drugId: string, route = 'iv') =>
      cumulative.find((c) => c.drugId === drugId && c.route === route)!
    for (const c of cumulative) {
      expect(c.unconvertedAbsolute + c.unconvertedPerM2, c.drugId).toBe(0)
    }

    // Re-induction: daunorubicin 25 mg/m² weekly × 4 = 100 mg/m², from 14 November 2023. The
    // nearest measurement to every dose is 13 November 2023: 117.2 cm, 22.6 kg,
    // BSA = √(117.2 × 22.6 / 3600) = 0.857762 m², so 85.78 mg.
    const daunorubicin = total('daunorubicin')
    expect(daunorubicin.doses).toBe(4)
    expect(daunorubicin.perM2Total).toBeCloseTo(100, 9)
    expect(daunorubicin.absoluteTotal).toBeCloseTo(100 * mostellerBsa(117.2, 22.6), 9)
    expect(daunorubicin.absoluteTotal).toBeCloseTo(85.7762, 3)

    // Delayed intensification: doxorubicin 25 mg/m² × 3 = 75 mg/m², nearest measurement
    // 29 June 2021: 105.3 cm, 17.6 kg, BSA = 0.717496 m², so 53.81 mg.
    const doxorubicin = total('doxorubicin')
    expect(doxorubicin.doses).toBe(3)
    expect(doxorubicin.perM2Total).toBeCloseTo(75, 9)
    expect(doxorubicin.absoluteTotal).toBeCloseTo(53.8122, 3)

    // Cyclophosphamide: 1000 mg/m² in delayed intensification, then 60 mg/kg × 2 in
    // conditioning at 21.5 kg = 2580 mg, over BSA √(117.7 × 21.5 / 3600) = 0.838410 m²
    // = 3077.25 mg/m²; 4077.25 mg/m² in all.
    const cyclophosphamide = total('cyclophosphamide')
    expect(cyclophosphamide.doses).toBe(3)
    expect(cyclophosphamide.perM2Total).toBeCloseTo(1000 + 2580 / mostellerBsa(117.7, 21.5), 6)
    expect(cyclophosphamide.perM2Total).toBeCloseTo(4077.25, 1)

    // Other totals worked by hand: vincristine 25 × 1.5 = 37.5 mg/m²; intrathecal
    // methotrexate 20 × 12 mg = 240 mg; intrathecal cytarabine 5 × 70 mg = 350 mg.
    expect(total('vincristine').perM2Total).toBeCloseTo(37.5, 9)
    expect(total('methotrexate', 'intrathecal').absoluteTotal).toBeCloseTo(240, 9)
    expect(total('cytarabine', 'intrathecal').absoluteTotal).toBeCloseTo(350, 9)
  })

  it('grows during treatment, so the body surface area used for doses changes', async () => {
    const { id } = await loadSampleProfile(db, DRUGS)
    const measurements = listEntries(db, 'measurement', id)
    expect(measurements.length).toBeGreaterThanOrEqual(15)
    const heights = measurements.map((m) => m.heightCm!)
    expect(heights).toEqual([...heights].sort((a, b) => a - b))

    // 104 cm, 16.6 kg at diagnosis: √(104 × 16.6 / 3600) = 0.692499 m².
    expect(bodySizeOn(measurements, '2021-03-02').bsaM2).toBeCloseTo(0.6925, 4)
    // 110.4 cm, 19.5 kg a year into maintenance: 0.773305 m².
    expect(bodySizeOn(measurements, '2022-08-01').bsaM2).toBeCloseTo(0.773305, 5)

    const bsaDuringFrontline = new Set(
      doseEvents(administrations(id), measurements)
        .filter((e) => e.date < '2023-06-01')
        .map((e) => e.bsaM2!.toFixed(4))
    )
    expect(bsaDuringFrontline.size).toBeGreaterThanOrEqual(10)
  })

  it('every entry still passes its own schema as read back', async () => {
    const { id } = await loadSampleProfile(db, DRUGS)
    for (const kind of ENTRY_KINDS) {
      for (const entry of listEntries(db, kind, id)) {
        const input: Record<string, unknown> = { ...entry }
        delete input.createdAt
        delete input.updatedAt
        expect(() => ENTRY_SCHEMAS[kind].parse(input), kind).not.toThrow()
      }
    }
  })

  it('loads again as a second, independent sample; deleting one leaves the other whole', async () => {
    const first = await loadSampleProfile(db, DRUGS)
    const second = await loadSampleProfile(db, DRUGS)
    expect(second.id).not.toBe(first.id)
    expect(listProfiles(db).map((p) => [p.id, p.isSample])).toEqual([
      [first.id, true],
      [second.id, true]
    ])
    const [diagnosis] = listEntries(db, 'diagnosis', second.id)
    expect(listEntries(db, 'relapse', second.id)[0]!.diagnosisId).toBe(diagnosis!.id)
    const before = allEntries(second.id).length

    deleteProfile(db, first.id)
    expect(purgeDeletedProfiles(db, { everything: true })).toBe(1)
    expect(allEntries(first.id)).toEqual([])
    expect(allEntries(second.id)).toHaveLength(before)
    expect(Object.values(ownedRows()).reduce((a, b) => a + b, 0)).toBe(before + 1)
  })

  it('has only usual doses: none needed confirming, and it goes through the same check', async () => {
    const profile = await loadSampleProfile(db, DRUGS)
    const given = listEntries(db, 'administration', profile.id)
    expect(given.length).toBeGreaterThan(40)
    expect(given.filter((a) => a.confirmedUnusual)).toEqual([])

    // Were the sample's vincristine unusual, loading it would stop at the question.
    const narrowVincristine: DrugLookup = {
      drugs: DRUGS.drugs,
      byId: (drugId) => {
        const drug = DRUGS.byId(drugId)
        if (drugId !== 'vincristine' || !drug) return drug
        return { ...drug, usualDoses: [{ ...drug.usualDoses![0]!, min: 0.5, max: 1 }] }
      }
    }
    await expect(loadSampleProfile(db, narrowVincristine)).rejects.toThrow(
      /about 1.5 times the highest usual vincristine dose/
    )
    expect(listProfiles(db)).toHaveLength(1)
  })

  it('is one transaction: a failure late in the story leaves no profile and no entries', async () => {
    // Daunorubicin is first given in re-induction, after most of the story has been saved.
    let lookedUp = 0
    const withoutDaunorubicin: DrugLookup = {
      drugs: DRUGS.drugs.filter((d) => d.id !== 'daunorubicin'),
      byId: (drugId) => {
        if (drugId === 'daunorubicin') return undefined
        lookedUp++
        return DRUGS.byId(drugId)
      }
    }
    await expect(loadSampleProfile(db, withoutDaunorubicin)).rejects.toThrow(/drugId/)
    expect(lookedUp).toBeGreaterThan(40)

    expect(listProfiles(db)).toEqual([])
    const rows = ownedRows()
    // One table per entry kind, plus profiles, drafts, six care-plan tables and questions.
    expect(Object.keys(rows)).toHaveLength(ENTRY_KINDS.length + 9)
    for (const [table, n] of Object.entries(rows)) expect(n, table).toBe(0)
  })
})
