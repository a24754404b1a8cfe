/**
 * The CSV and calendar files through the contract, as the window asks for them: from the
 * person's record as the core reads it, saved where the save dialog says (private) or answered
 * for a download, and a bad time zone refused beside its field before any dialog opens.
 */
import { gzipSync } from 'node:zlib'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import ICAL from 'ical.js'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import { doseEvents } from '../../electron/core/record/doses.ts'
import { listEntries } from '../../electron/core/record/entries.ts'
import type { MethodInput, MethodName, Result } from '../../electron/shared/contract.ts'
import { saveEntry } from '../../tools/bench/largeRecord.ts'
import { PASSPHRASE, cleanupTempDirs, newCore, tempDir } from './helpers/vaultFixture.ts'

/** What the consistency test reads of a resource in the exported file. */
interface FhirResource {
  resourceType: string
  meta?: { profile?: string[] }
  valueQuantity?: { value: number }
  component?: { valueInteger?: number }[]
  extension?: { valueReference?: { reference?: string } }[]
}

afterEach(cleanupTempDirs)

async function call<M extends MethodName>(core: Core, method: M, input: MethodInput<M>) {
  return (await dispatch(core.handlers, method, input)) as Result<{
    outcome: string
    fileName?: string
    base64?: string
  }>
}

async function sampleVault(extra: Parameters<typeof newCore>[1] = {}) {
  const core = newCore(tempDir(), extra)
  await core.vault.create(PASSPHRASE)
  const sample = await core.handlers['profiles.loadSample']({})
  return { core, profileId: sample.id, name: sample.displayName }
}

/** A downloaded file's base64, gzipped as the page sends a file to import. */
function gzipped(base64: string): string {
  return gzipSync(Buffer.from(base64, 'base64')).toString('base64')
}

function downloaded(result: Awaited<ReturnType<typeof call>>): string {
  if (!result.ok) throw new Error(result.error.message)
  expect(result.value.outcome).toBe('download')
  return Buffer.from(result.value.base64!, 'base64').toString('utf8')
}

describe('export.csv and export.calendar', () => {
  it('answers every dose of the record as a spreadsheet a parser reads back', async () => {
    const { core, profileId } = await sampleVault()
    const result = await call(core, 'export.csv', { profileId, table: 'administrations' })
    const text = downloaded(result)
    expect(text.startsWith('\uFEFF')).toBe(true)
    if (result.ok) {
      expect(result.value.fileName).toMatch(
        /^Lantern medicines - .*Alex.* - \d{4}-\d{2}-\d{2}\.csv$/
      )
    }
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[]
    const db = core.vault.db
    const events = doseEvents(
      listEntries(db, 'administration', profileId),
      listEntries(db, 'measurement', profileId)
    )
    expect(rows).toHaveLength(events.length)
    const measurements = parse(
      downloaded(await call(core, 'export.csv', { profileId, table: 'measurements' })),
      { bom: true, columns: true }
    ) as unknown[]
    expect(measurements).toHaveLength(listEntries(db, 'measurement', profileId).length)
  })

  it("answers the plan's next due dates as a calendar, without the name unless asked", async () => {
    const { core, profileId, name } = await sampleVault()
    const plan = await core.handlers['careplan.get']({ profileId })
    const dated = plan.items.filter((i) => i.nextDue)
    const ics = downloaded(
      await call(core, 'export.calendar', {
        profileId,
        timeZone: 'Europe/Madrid',
        includeName: false
      })
    )
    const calendar = new ICAL.Component(ICAL.parse(ics))
    const starts = calendar
      .getAllSubcomponents('vevent')
      .map((e) => String(e.getFirstPropertyValue('dtstart')))
      .sort()
    expect(starts).toEqual(dated.map((i) => i.nextDue).sort())
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
      'Europe/Madrid'
    )
    expect(ics).not.toContain('Alex')
    const named = downloaded(
      await call(core, 'export.calendar', {
        profileId,
        timeZone: 'Europe/Madrid',
        includeName: true
      })
    )
    expect(named).toContain(name.slice(0, 10))
  })

  it('answers the record as a FHIR document made on the job runner, with the totals the summary shows', async () => {
    const { core, profileId } = await sampleVault()
    const result = await call(core, 'export.fhir', { profileId })
    if (result.ok)
      expect(result.value.fileName).toMatch(/^Lantern record \(FHIR\) - .*Alex.*\.json$/)
    const bundle = JSON.parse(downloaded(result)) as {
      resourceType: string
      type: string
      entry: { resource: { resourceType: string; valueQuantity?: { value: number } } }[]
    }
    expect(bundle.resourceType).toBe('Bundle')
    expect(bundle.type).toBe('document')
    expect(bundle.entry[0]!.resource.resourceType).toBe('Composition')
    const summary = await core.handlers['record.summary']({ profileId })
    const total = summary.anthracycline?.total
    expect(total).toBeGreaterThan(0)
    const values = bundle.entry.map((e) => e.resource.valueQuantity?.value)
    expect(values).toContain(total)
  })

  it('answers a FHIR file whose totals agree with its doses, while doses are saved as it is made', async () => {
    const core = newCore(tempDir())
    await core.vault.create(PASSPHRASE)
    const { id: profileId } = await core.handlers['profiles.create']({ displayName: 'Busy' })
    await saveEntry(core, profileId, 'measurement', {
      measuredOn: '2024-01-01',
      heightCm: 120,
      weightKg: 25
    })
    const vincristine = (day: number) =>
      saveEntry(core, profileId, 'administration', {
        drugId: 'vincristine',
        route: 'iv',
        dose: 1.5,
        unit: 'mg/m2',
        schedule: { kind: 'once', date: `2024-02-${String(day).padStart(2, '0')}` }
      })
    for (let day = 1; day <= 5; day++) await vincristine(day)
    // A dose saved in every turn while the file is made: the export reads the plan, then the
    // entries a turn later, so a save can land between them.
    let done = false
    const exporting = call(core, 'export.fhir', { profileId }).finally(() => (done = true))
    let saved = 0
    for (let day = 6; !done && day <= 28; day++) {
      await vincristine(day)
      saved++
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(saved).toBeGreaterThan(1)
    const bundle = JSON.parse(downloaded(await exporting)) as {
      entry: { fullUrl: string; resource: FhirResource }[]
    }
    const given = bundle.entry.filter((e) => e.resource.resourceType === 'MedicationAdministration')
    const totals = bundle.entry.filter((e) =>
      e.resource.meta?.profile?.some((p) => p.includes('cumulativeDoseChemo'))
    )
    expect(totals).toHaveLength(1)
    // The total counts the doses the file holds, each linked to it, and adds them up.
    const total = totals[0]!
    expect(total.resource.component?.[1]?.valueInteger).toBe(given.length)
    expect(
      given.every((g) =>
        g.resource.extension?.some((x) => x.valueReference?.reference === total.fullUrl)
      )
    ).toBe(true)
    expect(total.resource.valueQuantity?.value).toBeCloseTo(1.5 * given.length, 6)
  })

  it('reads a FHIR file into a preview that saves nothing, then saves it as a new person once confirmed', async () => {
    const { core, profileId } = await sampleVault()
    const exported = await call(core, 'export.fhir', { profileId })
    const gzipBase64 = gzipped(exported.ok ? exported.value.base64! : '')
    const before = await core.handlers['profiles.list']({})

    const preview = (await dispatch(core.handlers, 'import.fhirPreview', {
      fileName: 'record.json',
      gzipBase64
    })) as Result<{ previewId: string; source: string; personName: string; willImport: unknown[] }>
    if (!preview.ok) throw new Error(preview.error.message)
    expect(preview.value.source).toBe('lantern')
    expect(preview.value.personName).toMatch(/Alex/)
    expect(preview.value.willImport.length).toBeGreaterThan(3)
    expect(await core.handlers['profiles.list']({})).toEqual(before)

    const saved = await dispatch(core.handlers, 'import.fhirConfirm', {
      previewId: preview.value.previewId
    })
    if (!saved.ok) throw new Error(saved.error.message)
    const newId = (saved.value as { profileId: string }).profileId
    expect(await core.handlers['profiles.list']({})).toHaveLength(before.length + 1)
    const original = await core.handlers['record.summary']({ profileId })
    const copy = await core.handlers['record.summary']({ profileId: newId })
    expect(copy.anthracycline).toEqual(original.anthracycline)
    expect(copy.exposures).toEqual(original.exposures)
    expect(copy.exposures.length).toBeGreaterThan(3)

    // A preview is used once; a second confirm finds nothing to save.
    const again = await dispatch(core.handlers, 'import.fhirConfirm', {
      previewId: preview.value.previewId
    })
    expect(again.ok ? 'NO_ERROR' : again.error.code).toBe('NOT_FOUND')
  })

  it('says beside the file what is wrong with a file it cannot read, and forgets a preview at lock', async () => {
    const { core, profileId } = await sampleVault()
    const notFhir = await dispatch(core.handlers, 'import.fhirPreview', {
      fileName: 'hello.json',
      gzipBase64: gzipSync('{"hello": 1}').toString('base64')
    })
    expect(notFhir.ok).toBe(false)
    if (!notFhir.ok) {
      expect(notFhir.error.code).toBe('INVALID_INPUT')
      expect(notFhir.error.fields?.map((f) => f.path)).toEqual(['file'])
    }
    // Text that is not base64 (a page sends the file's own bytes encoded, so only a slip does).
    const garbled = await dispatch(core.handlers, 'import.fhirPreview', {
      fileName: 'record.json',
      gzipBase64: `${gzipSync('{"resourceType":"Bundle"}').toString('base64')}!!`
    })
    expect(garbled.ok ? null : garbled.error).toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ path: 'file', message: 'That file did not arrive whole. Choose it again.' }]
    })
    const exported = await call(core, 'export.fhir', { profileId })
    const preview = (await dispatch(core.handlers, 'import.fhirPreview', {
      fileName: 'record.json',
      gzipBase64: gzipped(exported.ok ? exported.value.base64! : '')
    })) as Result<{ previewId: string }>
    await core.vault.lock()
    await core.vault.unlock(PASSPHRASE)
    const afterLock = await dispatch(core.handlers, 'import.fhirConfirm', {
      previewId: preview.ok ? preview.value.previewId : ''
    })
    expect(afterLock.ok ? 'NO_ERROR' : afterLock.error.code).toBe('NOT_FOUND')
  })

  it('refuses a time zone that is not one beside its field, before asking where to save', async () => {
    const asked: string[] = []
    const { core, profileId } = await sampleVault({
      chooseExportPath: async (suggested) => {
        asked.push(suggested)
        return null
      }
    })
    const result = await call(core, 'export.calendar', {
      profileId,
      timeZone: 'Mars/Olympus_Mons',
      includeName: false
    })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT')
      expect(result.error.fields?.map((f) => f.path)).toEqual(['timeZone'])
    }
    expect(asked).toEqual([])
  })

  it('saves where the dialog says, private to the user, and asks for the kind of file it is', async () => {
    const folder = tempDir()
    const kinds: string[] = []
    const { core, profileId } = await sampleVault({
      chooseExportPath: async (suggested, kind) => {
        kinds.push(kind)
        return join(folder, suggested)
      }
    })
    const saved = await call(core, 'export.csv', { profileId, table: 'measurements' })
    expect(saved.ok && saved.value.outcome).toBe('saved')
    const file = join(folder, saved.ok ? saved.value.fileName! : '')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readFileSync(file, 'utf8').startsWith('\uFEFF')).toBe(true)
    const calendar = await call(core, 'export.calendar', {
      profileId,
      timeZone: 'Europe/London',
      includeName: false
    })
    expect(calendar.ok && calendar.value.outcome).toBe('saved')
    expect(kinds).toEqual(['csv', 'calendar'])
  })
})
