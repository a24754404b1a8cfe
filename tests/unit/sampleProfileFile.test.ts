/**
 * The sample profile is data (content/sample-profile.json), read by a loader that checks the
 * whole file before writing anything. These tests pin what the shipped file gives a user, as
 * the channels answer it, and show that a broken file is refused with the entry named and
 * never loads half a person.
 *
 * The frozen facts below were taken when the file replaced the TypeScript builder, after an
 * oracle test showed both made the same record through every channel. Editing the sample on
 * purpose means updating them here, with the reason in the commit.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import sampleJson from '../../content/sample-profile.json' with { type: 'json' }
import type { Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import { listProfiles } from '../../electron/core/record/profiles.ts'
import {
  FICTIONAL_NOTE,
  loadSampleProfile,
  parseSampleProfile
} from '../../electron/core/record/sampleProfile.ts'
import type { CarePlan } from '../../electron/shared/careplan.ts'
import type { Profile, Result } from '../../electron/shared/contract.ts'
import { ENTRY_KINDS, type Entry, type EntryKind } from '../../electron/shared/record.ts'
import type { TreatmentSummary } from '../../electron/shared/summary.ts'
import { DRUGS, PASSPHRASE, cleanupTempDirs, newCore } from './helpers/vaultFixture.ts'

let core: Core

beforeEach(async () => {
  core = newCore()
  await core.vault.create(PASSPHRASE)
})
afterEach(cleanupTempDirs)

async function ok<T>(method: string, input: unknown): Promise<T> {
  const result = (await dispatch(core.handlers, method, input)) as Result<T>
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`)
  return result.value
}

interface RawEntry {
  kind: string
  key?: string
  entry: Record<string, unknown>
}

/** A fresh copy of the shipped file, for a test to break. */
function copy(): { name: string; person: Record<string, unknown>; entries: RawEntry[] } {
  return structuredClone(sampleJson) as never
}

/** The index (0-based) of the first entry of a kind that matches. */
function indexOf(file: { entries: RawEntry[] }, kind: string, match: Record<string, unknown>) {
  const i = file.entries.findIndex(
    (e) => e.kind === kind && Object.entries(match).every(([k, v]) => e.entry[k] === v)
  )
  expect(i, `${kind} ${JSON.stringify(match)}`).toBeGreaterThanOrEqual(0)
  return i
}

/** Every table that holds a person's data is empty: nothing of a refused sample remains. */
function nothingSaved(): void {
  const db = core.vault.db
  expect(listProfiles(db)).toEqual([])
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
    name: string
  }[]
  for (const { name } of tables) {
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').all(name) as {
      name: string
    }[]
    if (!columns.some((c) => c.name === 'profile_id')) continue
    const { n } = db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }
    expect(n, name).toBe(0)
  }
}

describe('the shipped sample file', () => {
  it('loads the same fictional person as before: entries per kind, totals and key facts', async () => {
    const { id: profileId } = await ok<Profile>('profiles.loadSample', {})
    const counts: Partial<Record<EntryKind, number>> = {}
    const all: Entry<EntryKind>[] = []
    for (const kind of ENTRY_KINDS) {
      const entries = await ok<Entry<EntryKind>[]>('record.list', { profileId, kind })
      counts[kind] = entries.length
      all.push(...entries)
    }
    expect(counts).toEqual({
      measurement: 19,
      diagnosis: 1,
      relapse: 1,
      careTeamMember: 4,
      phase: 7,
      administration: 53,
      radiation: 2,
      transplant: 1,
      procedure: 6,
      supportiveCare: 4,
      complication: 3
    })
    // Every entry says it is fictional; the explanatory notes the story relies on are all there.
    for (const entry of all) expect(entry.notes).toMatch(/^Fictional sample data\./)
    const details = all.filter((e) => e.notes !== FICTIONAL_NOTE)
    expect(details).toHaveLength(46)

    const summary = await ok<TreatmentSummary>('record.summary', { profileId })
    const exposure = (drugId: string, route = 'iv') =>
      summary.exposures.find((e) => e.drugId === drugId && e.route === route)!
    expect(exposure('doxorubicin').perM2Total).toBeCloseTo(75, 9)
    expect(exposure('daunorubicin').perM2Total).toBeCloseTo(100, 9)
    expect(exposure('vincristine').perM2Total).toBeCloseTo(37.5, 9)
    expect(exposure('methotrexate', 'intrathecal').absoluteTotal).toBeCloseTo(240, 9)
    expect(exposure('cytarabine', 'intrathecal').absoluteTotal).toBeCloseTo(350, 9)
    expect(exposure('cyclophosphamide').perM2Total).toBeCloseTo(4077.25, 1)
    expect(summary.anthracycline?.total).toBe(135)
    expect(summary.intrathecalInjections).toBe(21)
    expect(summary.keyDates).toEqual({
      diagnosedOn: '2021-03-01',
      treatmentStartedOn: '2021-03-02',
      lastDoseOn: '2024-02-26',
      treatmentCompletedOn: '2024-08-20'
    })
    // Dates once computed from key dates are written out: the transplant's acute skin GVHD
    // began on day +19 and the total body irradiation ran on days −7 to −5.
    expect(summary.transplants[0]!.gvhd[0]!.startedOn).toBe('2024-03-10')
    expect(summary.radiation.map((r) => [r.field, r.startedOn, r.endedOn])).toEqual([
      ['cranial', '2024-01-08', '2024-01-19'],
      ['total-body', '2024-02-13', '2024-02-15']
    ])

    const plan = await ok<CarePlan>('careplan.get', { profileId, asOf: '2026-11-22' })
    expect(plan.anthracycline?.doxorubicinEquivalentMgM2).toBe(135)
  })

  it('passes the loader’s own check, every link naming an earlier entry by its key', () => {
    const sample = parseSampleProfile(sampleJson)
    expect(sample.entries).toHaveLength(101)
    expect(sample.entries.filter((e) => e.key).map((e) => e.key)).toEqual([
      'diagnosis',
      'induction',
      'consolidation',
      'interim-maintenance',
      'delayed-intensification',
      'maintenance',
      're-induction',
      'transplant',
      'conditioning'
    ])
  })
})

describe('a broken sample file', () => {
  const refusals: [string, (file: ReturnType<typeof copy>) => void, RegExp][] = [
    [
      'a dose that is not a number',
      (file) => {
        const i = indexOf(file, 'administration', { drugId: 'doxorubicin' })
        file.entries[i]!.entry.dose = '25'
      },
      /^Sample profile entry \d+ \(administration, doxorubicin\): dose: Enter the dose as a number\./
    ],
    [
      'a note that does not say the entry is fictional',
      (file) => {
        const i = indexOf(file, 'complication', { name: 'Febrile neutropenia' })
        file.entries[i]!.entry.notes = 'Five days of IV antibiotics in hospital.'
      },
      /^Sample profile entry \d+ \(complication, Febrile neutropenia\): notes: must start with "Fictional sample data\."/
    ],
    [
      'a link to a key no earlier entry has',
      (file) => {
        const i = indexOf(file, 'radiation', { field: 'total-body' })
        file.entries[i]!.entry.transplantId = 'transplant-two'
      },
      /^Sample profile entry \d+ \(radiation, total-body\): transplantId: no earlier transplant has the key "transplant-two"\./
    ],
    [
      'a link to an entry of another kind',
      (file) => {
        const i = indexOf(file, 'administration', { drugId: 'daunorubicin' })
        file.entries[i]!.entry.phaseId = 'transplant'
      },
      /^Sample profile entry \d+ \(administration, daunorubicin\): phaseId: no earlier phase has the key "transplant"\./
    ],
    [
      'a key used twice',
      (file) => {
        const i = indexOf(file, 'phase', { name: 'Consolidation' })
        file.entries[i]!.key = 'induction'
      },
      /^Sample profile entry \d+ \(phase, induction\): key: "induction" is already used/
    ],
    [
      'an id the file tries to set',
      (file) => {
        file.entries[0]!.entry.profileId = '00000000-0000-4000-8000-000000000001'
      },
      /^Sample profile entry 1 \(careTeamMember, Dr Avery Sample \(fictional\)\): profileId: the loader sets/
    ],
    [
      'an end before its start',
      (file) => {
        const i = indexOf(file, 'phase', { name: 'Maintenance' })
        file.entries[i]!.entry.endedOn = '2021-01-01'
      },
      /^Sample profile entry \d+ \(phase, maintenance\): endedOn: /
    ],
    [
      'a person with an unknown sex',
      (file) => {
        file.person.sex = 'f'
      },
      /^Sample profile person: sex: /
    ],
    [
      'a name that does not say it is fictional',
      (file) => {
        file.name = 'Sample: Alex'
      },
      /^Sample profile: name: The name must say it is fictional\./
    ]
  ]

  for (const [what, breakIt, message] of refusals) {
    it(`is refused before anything is written: ${what}`, async () => {
      const file = copy()
      breakIt(file)
      expect(() => parseSampleProfile(file)).toThrow(message)
      await expect(loadSampleProfile(core.vault.db, DRUGS, file)).rejects.toThrow(message)
      nothingSaved()
    })
  }

  it('stops at an unusual dose late in the story, names the entry, and leaves nothing behind', async () => {
    const file = copy()
    // Vincristine 15 mg/m² instead of 1.5 in the last re-induction phase: a slip by ten.
    const i = file.entries.findLastIndex(
      (e) => e.kind === 'administration' && e.entry.drugId === 'vincristine'
    )
    file.entries[i]!.entry.dose = 15
    expect(() => parseSampleProfile(file)).not.toThrow()
    await expect(loadSampleProfile(core.vault.db, DRUGS, file)).rejects.toThrow(
      new RegExp(`^Sample profile entry ${i + 1} \\(administration, vincristine\\): .*vincristine`)
    )
    nothingSaved()
  })

  it('stops at a drug Lantern does not know, with the field named, and leaves nothing behind', async () => {
    const file = copy()
    const i = indexOf(file, 'administration', { drugId: 'thioguanine' })
    file.entries[i]!.entry.drugId = 'thioguanin'
    await expect(loadSampleProfile(core.vault.db, DRUGS, file)).rejects.toThrow(
      `Sample profile entry ${i + 1} (administration, thioguanin): drugId: Lantern does not know that drug.`
    )
    nothingSaved()
  })
})
