/**
 * Body size for dose conversion: body surface area by the Mosteller formula,
 * BSA (m²) = √(height cm × weight kg / 3600), from the measurements nearest the dose date.
 */
import { dayNumber } from './dates.ts'

export interface Measurement {
  date: string
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

/** The measurement of `pick` nearest to the date; on a tie, the earlier one. */
function nearest(
  measurements: readonly Measurement[],
  date: string,
  pick: 'heightCm' | 'weightKg'
): { value: number; date: string } | null {
  const target = dayNumber(date)
  let best: { value: number; date: string; distance: number; day: number } | null = null
  for (const m of measurements) {
    const value = m[pick]
    if (value === null || value === undefined) continue
    const day = dayNumber(m.date)
    const distance = Math.abs(day - target)
    if (!best || distance < best.distance || (distance === best.distance && day < best.day)) {
      best = { value, date: m.date, distance, day }
    }
  }
  return best && { value: best.value, date: best.date }
}

export function bodySizeOn(measurements: readonly Measurement[], date: string): BodySize {
  const height = nearest(measurements, date, 'heightCm')
  const weight = nearest(measurements, date, 'weightKg')
  return {
    bsaM2: height && weight ? mostellerBsa(height.value, weight.value) : null,
    weightKg: weight?.value ?? null,
    heightFrom: height?.date ?? null,
    weightFrom: weight?.date ?? null
  }
}
