/**
 * Body size for dose conversion: body surface area by the Mosteller formula,
 * BSA (m²) = √(height cm × weight kg / 3600), from the measurements nearest the dose date.
 */
import { dayNumber } from './dates.ts'

export interface Measurement {
  measuredOn: string
  heightCm?: number | null
  weightKg?: number | null
}

export interface BodySize {
  bsaM2: number | null
  weightKg: number | null
  /** The dates the height and weight were measured, so a reader can judge how close they were. */
  heightFrom: string | null
  weightFrom: string | null
}

export function mostellerBsa(heightCm: number, weightKg: number): number {
  return Math.sqrt((heightCm * weightKg) / 3600)
}

interface Sample {
  day: number
  date: string
  value: number
}

/**
 * The values of one kind, by date. Two on the same date keep the one entered last (the list
 * comes in the order it was entered): a second weight on one day is a correction.
 */
function samples(measurements: readonly Measurement[], pick: 'heightCm' | 'weightKg'): Sample[] {
  const found: Sample[] = []
  for (const m of measurements) {
    const value = m[pick]
    if (value !== null && value !== undefined) {
      found.push({ day: dayNumber(m.measuredOn), date: m.measuredOn, value })
    }
  }
  // A stable sort keeps same-day values in the order entered; keep the last of each day.
  const byDay: Sample[] = []
  for (const sample of found.sort((a, b) => a.day - b.day)) {
    if (byDay.at(-1)?.day === sample.day) byDay[byDay.length - 1] = sample
    else byDay.push(sample)
  }
  return byDay
}

/** The sample nearest to `day` (binary search); on a tie, the earlier one. */
function nearest(sorted: readonly Sample[], day: number): Sample | null {
  if (sorted.length === 0) return null
  let lo = 0
  let hi = sorted.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]!.day < day) lo = mid + 1
    else hi = mid
  }
  // sorted[lo] is the first sample on or after `day`, or the last one when all are before it:
  // then the last one is the nearest (a dose after the latest measurement takes the latest).
  const after = sorted[lo]!
  if (after.day < day) return after
  const before = lo > 0 ? sorted[lo - 1]! : null
  if (before && day - before.day <= after.day - day) return before
  return after
}

/**
 * Prepares the measurements once, for many lookups (a three-year record has thousands of
 * doses): each lookup is then a binary search, and each date is worked out only once.
 */
export function bodySizeLookup(measurements: readonly Measurement[]): (date: string) => BodySize {
  const heights = samples(measurements, 'heightCm')
  const weights = samples(measurements, 'weightKg')
  const cache = new Map<string, BodySize>()
  return (date) => {
    let size = cache.get(date)
    if (!size) {
      const day = dayNumber(date)
      const height = nearest(heights, day)
      const weight = nearest(weights, day)
      size = {
        bsaM2: height && weight ? mostellerBsa(height.value, weight.value) : null,
        weightKg: weight?.value ?? null,
        heightFrom: height?.date ?? null,
        weightFrom: weight?.date ?? null
      }
      cache.set(date, size)
    }
    return size
  }
}

export function bodySizeOn(measurements: readonly Measurement[], date: string): BodySize {
  return bodySizeLookup(measurements)(date)
}
