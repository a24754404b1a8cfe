/**
 * Evaluates a rule's condition against the facts. The answer is yes, no, or unknown (the record
 * lacks what the rule needs, such as a radiation dose), and it carries the reasons in words,
 * with the person's own numbers, so the plan can say why each item is there.
 */
import { formatAmount } from '../../shared/format.ts'
import type { Condition } from './content.ts'
import { agesText, type Facts } from './facts.ts'

export type Truth = 'yes' | 'no' | 'unknown'

export interface Evaluation {
  value: Truth
  /** Why it matched, one line per exposure. */
  reasons: string[]
  /** What the record lacks, when the value is unknown or a total is incomplete. */
  missing: string[]
  /** When the exposures that matched ended, for schedules counted from the exposure. */
  exposureEnd: string | null
}

const NO: Evaluation = { value: 'no', reasons: [], missing: [], exposureEnd: null }

function yes(reasons: string[], exposureEnd: string | null, missing: string[] = []): Evaluation {
  return { value: 'yes', reasons, missing, exposureEnd }
}
function unknown(missing: string[]): Evaluation {
  return { value: 'unknown', reasons: [], missing, exposureEnd: null }
}

/** Amounts as every screen and the PDF write them (electron/shared/format.ts). */
const formatNumber = formatAmount

function inRange(value: number, range: { atLeast?: number; below?: number }): boolean {
  return (
    (range.atLeast === undefined || value >= range.atLeast) &&
    (range.below === undefined || value < range.below)
  )
}

function rangeText(range: { atLeast?: number; below?: number }, unit: string): string {
  if (range.atLeast !== undefined && range.below !== undefined) {
    return `at least ${range.atLeast} and under ${range.below} ${unit}`
  }
  return range.atLeast !== undefined
    ? `at least ${range.atLeast} ${unit}`
    : `under ${range.below} ${unit}`
}

function latest(dates: (string | null)[]): string | null {
  return (
    dates
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1) ?? null
  )
}

function anthracyclineReason(
  facts: Facts,
  range: { atLeast?: number; below?: number }
): Evaluation {
  const a = facts.anthracycline
  if (!a) return NO
  const parts = a.parts.map((p) => {
    const amount = `${p.name} ${formatNumber(p.perM2)} mg/m²`
    const equivalent =
      p.factor === null
        ? ' (no conversion factor in the table used)'
        : p.factor === 1
          ? ''
          : ` (≈${formatNumber(p.equivalent!)} mg/m² doxorubicin-equivalent)`
    return `${amount}${equivalent}${agesText(facts, p.firstDate, p.lastDate)}`
  })
  const total = `${formatNumber(a.total)} mg/m² doxorubicin-equivalent in total (${rangeText(range, 'mg/m²')})`
  const missing = a.incomplete
    ? [
        'Some anthracycline doses could not be converted to mg/m² (a height or weight, or a conversion factor, is missing), so the real total may be higher.'
      ]
    : []
  if (inRange(a.total, range)) return yes([`${parts.join('; ')}: ${total}.`], a.lastDate, missing)
  // Below a lower bound with doses missing: the real total might still reach it.
  if (a.incomplete && range.atLeast !== undefined && a.total < range.atLeast)
    return unknown(missing)
  return NO
}

/**
 * The dose to the organ the rule is about, as the sum over the listed fields: every listed field
 * reaches that organ, so a cranial boost after total body irradiation adds up for the brain.
 */
function radiationReason(
  facts: Facts,
  spec: { fields: string[]; gy?: { atLeast?: number; below?: number } }
): Evaluation {
  const courses = spec.fields.flatMap((field) => {
    const r = facts.radiation.get(field)
    return r ? [r] : []
  })
  if (courses.length === 0) return NO
  const end = latest(courses.map((r) => r.lastDate))
  const describe = (r: (typeof courses)[number]) =>
    `${r.label}${r.totalGy === null ? '' : ` ${formatNumber(r.totalGy)} Gy`}${agesText(facts, r.firstDate, r.lastDate)}`
  if (!spec.gy)
    return yes(
      courses.map((r) => `${describe(r)}.`),
      end
    )

  const unknownDose = courses.filter((r) => r.totalGy === null)
  const total = courses.reduce((sum, r) => sum + (r.totalGy ?? 0), 0)
  const missing = unknownDose.map((r) => `The total dose of the ${r.label} is not recorded.`)
  const summary =
    courses.length === 1
      ? `${describe(courses[0]!)} (${rangeText(spec.gy, 'Gy')}).`
      : `${courses.map(describe).join(' and ')}: ${formatNumber(total)} Gy in total to the same area (${rangeText(spec.gy, 'Gy')}).`
  if (unknownDose.length === 0) return inRange(total, spec.gy) ? yes([summary], end) : NO
  // A dose is missing: the total known so far can only grow.
  if (spec.gy.below !== undefined && total >= spec.gy.below) return NO
  if (spec.gy.below === undefined && spec.gy.atLeast !== undefined && total >= spec.gy.atLeast) {
    return yes([summary], end, missing)
  }
  return unknown(missing)
}

/** Lower case, inside sentences ("chronic GVHD of the lungs"). */
const GVHD_ORGAN_WORDS: Record<string, string> = {
  skin: 'the skin',
  mouth: 'the mouth',
  eyes: 'the eyes',
  liver: 'the liver',
  gut: 'the gut',
  lungs: 'the lungs',
  'joints-and-fascia': 'the joints and fascia',
  genital: 'the genital area',
  other: 'other organs'
}

function chronicGvhdReason(facts: Facts, organs: string[] | undefined): Evaluation {
  const g = facts.chronicGvhd
  const hit = organs ? organs.filter((o) => g.organs.has(o)) : [...g.organs]
  if (hit.length > 0 || (!organs && g.episodes > 0)) {
    const where = hit.length > 0 ? ` of ${hit.map((o) => GVHD_ORGAN_WORDS[o] ?? o).join(', ')}` : ''
    return yes([`Chronic graft-versus-host disease (GVHD)${where} after a transplant.`], null)
  }
  if (g.unanswered > 0) {
    return unknown([
      'Record on the transplant entry whether chronic GVHD followed the transplant, and where, or that it did not.'
    ])
  }
  // A chronic episode with no organs ticked might be in one of these.
  if (organs && g.episodes > 0 && g.organs.size === 0) {
    return unknown(['Record which organs the chronic GVHD affected (on the transplant entry).'])
  }
  return NO
}

function largestDoseReason(
  facts: Facts,
  spec: { drugs: string[]; routes: string[]; perM2: { atLeast?: number; below?: number } }
): Evaluation {
  const reasons: string[] = []
  const missing: string[] = []
  let end: string | null = null
  for (const id of spec.drugs) {
    const d = facts.drugs.get(id)
    if (!d) continue
    const largest = Math.max(0, ...spec.routes.map((r) => d.largestPerM2ByRoute.get(r) ?? 0))
    if (inRange(largest, spec.perM2)) {
      reasons.push(
        `${d.name} up to ${formatNumber(largest)} mg/m² in a single dose${agesText(facts, d.firstDate, d.lastDate)} (${rangeText(spec.perM2, 'mg/m²')}).`
      )
      end = latest([end, d.lastDate])
    } else if (spec.routes.some((r) => d.unconvertedRoutes.has(r))) {
      missing.push(
        `Some ${d.name} doses could not be put per m² (a height or weight is missing), so Lantern cannot tell whether any was a high dose.`
      )
    }
  }
  if (reasons.length > 0) return yes(reasons, end, missing)
  return missing.length > 0 ? unknown(missing) : NO
}

export function evaluate(condition: Condition, facts: Facts): Evaluation {
  if ('always' in condition) return yes([], null)
  if ('anthracyclineDoxEq' in condition)
    return anthracyclineReason(facts, condition.anthracyclineDoxEq)
  if ('drugs' in condition || 'drugClasses' in condition) {
    const given = [...facts.drugs.values()].filter((d) =>
      'drugs' in condition
        ? condition.drugs.includes(d.drugId)
        : condition.drugClasses.includes(d.drugClass)
    )
    if (given.length === 0) return NO
    return yes(
      given.map((d) => {
        const total =
          d.systemicPerM2 > 0 && d.unconvertedPerM2 === 0
            ? ` ${formatNumber(d.systemicPerM2)} mg/m²`
            : ''
        return `${d.name}${total}${agesText(facts, d.firstDate, d.lastDate)}.`
      }),
      latest(given.map((d) => d.lastDate))
    )
  }
  if ('intrathecal' in condition) {
    const it = facts.intrathecal
    if (!it) return NO
    const count = `${it.injections} intrathecal injection${it.injections === 1 ? '' : 's'}`
    return yes(
      [`${count} (${it.drugNames.join(', ')})${agesText(facts, it.firstDate, it.lastDate)}.`],
      it.lastDate
    )
  }
  if ('radiation' in condition) return radiationReason(facts, condition.radiation)
  if ('corticosteroidDaysInARow' in condition) {
    const c = facts.corticosteroid
    if (!c || c.longestRun < condition.corticosteroidDaysInARow.atLeast) return NO
    return yes(
      [
        `${c.drugNames.join(' and ')} given ${c.longestRun} days in a row${agesText(facts, c.runStart, null)}.`
      ],
      c.lastDate
    )
  }
  if ('transplant' in condition) {
    const found = facts.transplants.filter((t) => condition.transplant.includes(t.type as never))
    if (found.length === 0) return NO
    return yes(
      found.map(
        (t) =>
          `${t.type === 'allogeneic' ? 'Allogeneic' : 'Autologous'} stem cell transplant${agesText(facts, t.date, null)}.`
      ),
      latest(found.map((t) => t.date))
    )
  }
  if ('redCellTransfusions' in condition) {
    const n = facts.redCellTransfusions
    if (n === null) return unknown(['The number of red cell transfusions is not recorded.'])
    return n >= condition.redCellTransfusions.atLeast
      ? yes(
          [`${n} red cell transfusions (${condition.redCellTransfusions.atLeast} or more).`],
          null
        )
      : NO
  }
  if ('chronicGvhd' in condition) return chronicGvhdReason(facts, condition.chronicGvhd.organs)
  if ('largestDose' in condition) return largestDoseReason(facts, condition.largestDose)
  if ('not' in condition) {
    const inner = evaluate(condition.not, facts)
    if (inner.value === 'unknown') return inner
    return inner.value === 'yes' ? NO : yes([], null)
  }
  if ('sex' in condition) {
    if (facts.sex === null || facts.sex === 'not-stated' || facts.sex === 'intersex') {
      return unknown(['This check depends on sex; ask the care team whether it applies.'])
    }
    return condition.sex.includes(facts.sex) ? yes([], null) : NO
  }
  if ('diagnosis' in condition) {
    return facts.conditions.some((c) => condition.diagnosis.includes(c as never))
      ? yes([], null)
      : NO
  }
  if ('onTreatment' in condition) {
    return facts.onTreatment === condition.onTreatment ? yes([], null) : NO
  }
  if ('all' in condition) {
    const parts = condition.all.map((c) => evaluate(c, facts))
    if (parts.some((p) => p.value === 'no')) return NO
    const merged = {
      reasons: parts.flatMap((p) => p.reasons),
      missing: parts.flatMap((p) => p.missing),
      exposureEnd: latest(parts.map((p) => p.exposureEnd))
    }
    return { value: parts.every((p) => p.value === 'yes') ? 'yes' : 'unknown', ...merged }
  }
  const parts = condition.any.map((c) => evaluate(c, facts))
  const hits = parts.filter((p) => p.value === 'yes')
  if (hits.length > 0) {
    return yes(
      hits.flatMap((p) => p.reasons),
      latest(hits.map((p) => p.exposureEnd)),
      parts.flatMap((p) => p.missing)
    )
  }
  return parts.some((p) => p.value === 'unknown') ? unknown(parts.flatMap((p) => p.missing)) : NO
}
