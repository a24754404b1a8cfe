/**
 * Reading the large record: the treatment summary (every entry read from the encrypted database
 * and every cumulative dose computed) and the care plan over it (the exposures worked out and
 * every rule run). Both are remembered until the vault is next written (readMemo.ts), so each is
 * timed cold, right after a write, and warm.
 */
import type { Core } from '../../electron/core/api.ts'
import { dispatch } from '../../electron/core/dispatch.ts'
import { shippedLibrary } from '../../electron/core/library/shippedLibrary.ts'
import type { BenchVault } from './vault.ts'
import { time, timing, type Timing } from './stats.ts'

const RUNS = 15

export interface ReadFigures {
  cold: Timing
  warm: Timing
}

export interface RecordFigures {
  summary: ReadFigures
  carePlan: ReadFigures & { items: number }
}

/** A write that changes nothing the record's screens show: the guide's reading position. */
export function writeSomethingElse(core: Core): Promise<unknown> {
  const guide = shippedLibrary().guides[0]!
  return dispatch(core.handlers, 'library.setPosition', {
    guideId: guide.id,
    sectionId: guide.sections[Math.floor(Math.random() * guide.sections.length)]!.id
  })
}

async function coldAndWarm(core: Core, read: () => Promise<unknown>): Promise<ReadFigures> {
  const cold: number[] = []
  const warm: number[] = []
  for (let i = 0; i < RUNS; i++) {
    await writeSomethingElse(core)
    cold.push(await time(read))
    warm.push(await time(read))
  }
  return { cold: timing(cold), warm: timing(warm) }
}

export async function benchRecord({ core, profileId }: BenchVault): Promise<RecordFigures> {
  const summary = await coldAndWarm(core, () =>
    dispatch(core.handlers, 'record.summary', { profileId })
  )
  const carePlan = await coldAndWarm(core, () =>
    dispatch(core.handlers, 'careplan.get', { profileId })
  )
  const plan = await core.handlers['careplan.get']({ profileId })
  return { summary, carePlan: { ...carePlan, items: plan.items.length } }
}
