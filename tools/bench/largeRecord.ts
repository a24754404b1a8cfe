/**
 * The bench's long record, shared by the bench and the tests that need a record of its size: a
 * three-year treatment of 2,000 dated drug administrations across 12 drugs and 5 phases, monthly
 * measurements, radiation, a transplant and complications, saved through the handlers.
 */
import type { Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'

/** Saves one entry of the record through the handler, as the interface does. */
export async function saveEntry(
  core: Core,
  profileId: string,
  kind: string,
  entry: Record<string, unknown>
): Promise<{ id: string }> {
  const result = await dispatch(core.handlers, 'record.save', {
    kind,
    entry: { profileId, ...entry }
  })
  if (!result.ok) throw new Error(`${kind}: ${result.error.message}`)
  return result.value as { id: string }
}

/** Adds the long record as a new person; answers the person's id. */
export async function addLargeRecord(core: Core, displayName: string): Promise<string> {
  const { id: profileId } = await core.handlers['profiles.create']({ displayName })
  const save = (kind: string, entry: Record<string, unknown>) =>
    saveEntry(core, profileId, kind, entry)
  const start = Date.parse('2021-03-01')
  const day = (n: number) => new Date(start + n * 86_400_000).toISOString().slice(0, 10)
  for (let month = 0; month < 36; month++) {
    await save('measurement', {
      measuredOn: day(month * 30),
      heightCm: 100 + month,
      weightKg: 16 + month / 4
    })
  }
  const phases: string[] = []
  for (const [i, kind] of [
    'induction',
    'consolidation',
    'interim-maintenance',
    'delayed-intensification',
    'maintenance'
  ].entries()) {
    phases.push(
      (await save('phase', { kind, startedOn: day(i * 60), endedOn: day(i * 60 + 59) })).id
    )
  }
  const drugs: [string, string, number, string][] = [
    ['vincristine', 'iv', 1.5, 'mg/m2'],
    ['dexamethasone', 'oral', 6, 'mg/m2'],
    ['daunorubicin', 'iv', 25, 'mg/m2'],
    ['doxorubicin', 'iv', 25, 'mg/m2'],
    ['cyclophosphamide', 'iv', 1000, 'mg/m2'],
    ['cytarabine', 'iv', 75, 'mg/m2'],
    ['mercaptopurine', 'oral', 75, 'mg/m2'],
    ['methotrexate', 'oral', 20, 'mg/m2'],
    ['methotrexate', 'intrathecal', 12, 'mg'],
    ['pegaspargase', 'im', 2500, 'IU/m2'],
    ['thioguanine', 'oral', 60, 'mg/m2'],
    ['etoposide', 'iv', 100, 'mg/m2']
  ]
  for (let i = 0; i < 2000; i++) {
    const [drugId, route, dose, unit] = drugs[i % drugs.length]!
    await save('administration', {
      phaseId: phases[i % phases.length],
      drugId,
      route,
      dose,
      unit,
      schedule: { kind: 'once', date: day(Math.floor((i * 1095) / 2000)) }
    })
  }
  const transplant = await save('transplant', { type: 'allogeneic', transplantedOn: day(900) })
  await save('radiation', {
    field: 'total-body',
    totalDoseGy: 12,
    fractions: 6,
    transplantId: transplant.id
  })
  await save('radiation', { field: 'cranial', totalDoseGy: 18, fractions: 10, startedOn: day(800) })
  for (let i = 0; i < 20; i++)
    await save('complication', { name: `Complication ${i}`, grade: 1 + (i % 5) })
  return profileId
}
