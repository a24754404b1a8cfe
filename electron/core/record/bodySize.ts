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

function samples(measurements: readonly Measurement[], pick: 'heightCm' | 'weightKg'): Sample[] {
  const found: Sample[] = []
  for (const m of measurements) {
    const value = m[pick]
    if (value !== null && value !== undefined) {
      found.push({ day: dayNumber(m.measuredOn), date: m.measuredOn, value })
    }
  }
  return found.sort((a, b) => a.day - b.day)
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
  // sorted[lo] is the first sample on or after `day`, or the last one.
  const after = sorted[lo]!
  const before = lo > 0 ? sorted[lo - 1]! : null
  if (before && (after.day < day || day - before.day <= after.day - day)) return before
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
