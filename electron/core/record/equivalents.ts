/**
 * Equivalent doses: adding different drugs of one class only through a published conversion.
 * Anthracyclines differ in how much they harm the heart per mg/m², so guidelines add them up as
 * doxorubicin equivalents: each drug's cumulative mg/m² times its factor from a versioned table
 * (the care plan's, content/careplan/rules.json). The treatment summary, the care plan and the
 * PDF all take the total from here, so they can never disagree.
 *
 * No other class is added up: the cyclophosphamide equivalent dose for alkylating agents is a
 * known method, but its factors are UNCONFIRMED in reference/clinical-facts.md §2.2.
 */
import type {
  CumulativeDose,
  DoxorubicinEquivalent,
  DoxorubicinEquivalentPart
} from '../../shared/summary.ts'

/** What a conversion needs from an equivalence table (careplan/content.ts has the full shape). */
export interface EquivalenceFactors {
  id: string
  version: string
  /** Multiply a drug's cumulative mg/m² by its factor to get doxorubicin mg/m². */
  factors: Readonly<Record<string, number>>
  /** Each factor's source in words, for the reader (careplan/content.ts factorSourceTexts). */
  factorSources?: Readonly<Record<string, string>>
}

/**
 * The anthracyclines in `cumulative` (by `classOf`) as doxorubicin-equivalent mg/m², drug by
 * drug in order of first dose, or null when none were given. Intrathecal doses and amounts that
 * are not a mass are left out, as the guidelines' thresholds are for systemic mg/m².
 */
export function anthracyclineDoxEquivalent(
  cumulative: readonly CumulativeDose[],
  table: EquivalenceFactors,
  classOf: (drugId: string) => string
): DoxorubicinEquivalent | null {
  const parts = new Map<string, DoxorubicinEquivalentPart>()
  for (const c of cumulative) {
    if (classOf(c.drugId) !== 'anthracycline') continue
    if (c.route === 'intrathecal' || c.quantity !== 'mass') continue
    let part = parts.get(c.drugId)
    if (!part) {
      part = {
        drugId: c.drugId,
        perM2: 0,
        factor: Object.hasOwn(table.factors, c.drugId) ? table.factors[c.drugId]! : null,
        factorSource: table.factorSources?.[c.drugId] ?? null,
        equivalent: null,
        firstDate: c.firstDate,
        lastDate: c.lastDate,
        unconvertedDoses: 0
      }
      parts.set(c.drugId, part)
    }
    part.perM2 += c.perM2Total
    part.unconvertedDoses += c.unconvertedPerM2
    if (c.firstDate < part.firstDate) part.firstDate = c.firstDate
    if (c.lastDate > part.lastDate) part.lastDate = c.lastDate
  }
  if (parts.size === 0) return null

  const list = [...parts.values()].sort(
    (a, b) => a.firstDate.localeCompare(b.firstDate) || a.drugId.localeCompare(b.drugId)
  )
  let total = 0
  for (const part of list) {
    if (part.factor === null) continue
    part.equivalent = part.perM2 * part.factor
    total += part.equivalent
  }
  const unknownFactor = list.filter((p) => p.factor === null).map((p) => p.drugId)
  const unconvertedDoses = list.reduce((n, p) => n + p.unconvertedDoses, 0)
  return {
    total,
    parts: list,
    table: { id: table.id, version: table.version },
    unknownFactor,
    unconvertedDoses,
    incomplete: unknownFactor.length > 0 || unconvertedDoses > 0
  }
}
