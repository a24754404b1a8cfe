/**
 * Medicines: every recorded administration as an mCODE cancer-related MedicationAdministration;
 * per drug, route and kind of amount, the cumulative dose as an Observation claiming
 * PanCareSurPass's Observation-cumulativeDoseChemo-eu-pcsp where its units allow (mCODE has no
 * element for it), linked from its administrations, and an IPS MedicationStatement that sums the course up for the
 * Medications section; the anthracyclines' doxorubicin-equivalent total likewise.
 *
 * Every number comes from the treatment summary the core computed; nothing is added up here.
 */
import type {
  CodeableConcept,
  Coding,
  Extension,
  MedicationAdministration,
  MedicationStatement,
  Observation,
  Quantity
} from '@medplum/fhirtypes'
import { formatAmount, formatUnit } from '../../shared/format.ts'
import { labelMessages } from '../../shared/labels.ts'
import type { DoseUnit } from '../../shared/limits.ts'
import type { Entry } from '../../shared/record.ts'
import type {
  Exposure,
  NamedDoxorubicinEquivalentPart,
  Quantity as AmountKind
} from '../../shared/summary.ts'
import { unitQuantity } from '../record/doses.ts'
import { doseCount } from '../record/schedule.ts'
import { addDays } from '../record/dates.ts'
import {
  HL7_EXTENSION,
  PROFILE,
  SYSTEM,
  computedExtension,
  computedIdentifier,
  dataAbsent,
  el,
  entryExtension,
  entryIdentifier,
  narrative,
  notesOf,
  ref,
  sub,
  table,
  ucum,
  type Ref
} from './common.ts'
import type { ExportContext } from './context.ts'

/** Each dose unit Lantern records, in UCUM. "units" and "cells" are counts, so annotations. */
export const DOSE_UCUM: Record<DoseUnit, string> = {
  'mg/m2': 'mg/m2',
  'mg/kg': 'mg/kg',
  mg: 'mg',
  'g/m2': 'g/m2',
  g: 'g',
  'mcg/m2': 'ug/m2',
  'mcg/kg': 'ug/kg',
  mcg: 'ug',
  'IU/m2': '[iU]/m2',
  'IU/kg': '[iU]/kg',
  IU: '[iU]',
  'units/m2': '{units}/m2',
  'units/kg': '{units}/kg',
  units: '{units}',
  'cells/kg': '{cells}/kg',
  cells: '{cells}'
}

/** The summary's base unit for each kind of amount, in UCUM, and per m². */
const BASE_UCUM: Record<AmountKind, string> = {
  mass: 'mg',
  IU: '[iU]',
  units: '{units}',
  cells: '{cells}'
}

function amount(value: number, kind: AmountKind, baseUnit: string, perM2: boolean): Quantity {
  return perM2
    ? ucum(value, `${BASE_UCUM[kind]}/m2`, `${baseUnit}/m²`)
    : ucum(value, BASE_UCUM[kind], baseUnit)
}

/** The medicine as the catalog names it, with its RxNorm and ATC codes only where confirmed. */
export function medicationConcept(ctx: ExportContext, drugId: string): CodeableConcept {
  const drug = ctx.input.drugs.byId(drugId)
  const coding: Coding[] = []
  if (drug?.codes?.rxnorm) coding.push({ system: SYSTEM.rxnorm, code: drug.codes.rxnorm.code })
  if (drug?.codes?.atc) coding.push({ system: SYSTEM.atc, code: drug.codes.atc.code })
  const name = drug?.genericName ?? drugId
  return coding.length > 0 ? { coding, text: name } : { text: name }
}

function exposureKey(drugId: string, route: string, kind: AmountKind): string {
  return `${drugId}/${route}/${kind}`
}

function routeWords(route: string): string {
  return labelMessages.routes[route as keyof typeof labelMessages.routes] ?? route
}

function routeShort(route: string): string {
  return labelMessages.routesShort[route as keyof typeof labelMessages.routesShort] ?? route
}

function exposureTitle(e: Exposure): string {
  return `${e.drugName} (${routeShort(e.route)})`
}

/** The per-m² total is unknown only when not one dose could be converted. */
function perM2Known(e: Exposure): boolean {
  return e.unconvertedPerM2 < e.doses
}

/**
 * The per-m² units PanCareSurPass's cumulative dose allows (its value set ChemoUnitsVs, a
 * required binding on valueQuantity.code): a total in units or cells per m² cannot claim it.
 */
export const PCSP_CUMULATIVE_DOSE_UNITS: ReadonlySet<string> = new Set(['mg/m2', 'g/m2', '[iU]/m2'])

/**
 * How a total was determined. Structural codes, not clinical facts: the only ones the profile's
 * required binding allows, from the IG's own value set CalculatedEstimatedVs (PanCareSurPass IG
 * 1.0.0, input/fsh/terminologies/valueSets-pcsp.fsh, hl7-eu/pcsp commit 4d885d66; vendored as
 * tests/fixtures/fhir/ValueSet-vs-calcest-eu-pcsp.json.gz). A total with any estimated dose in it
 * is estimated as a whole, as the IG's logical model asks.
 */
const CUMULATIVE_DOSE_METHOD = {
  calculated: {
    coding: [{ system: SYSTEM.snomed, code: '702873001', display: 'Calculation technique' }],
    text: 'Calculated: added up by Lantern from the recorded doses'
  },
  estimated: {
    coding: [{ system: SYSTEM.snomed, code: '703858009', display: 'Numeric estimation technique' }],
    text: 'Estimated: added up by Lantern from the recorded doses, some of which were estimated'
  }
} satisfies Record<string, CodeableConcept>

/**
 * The cumulative dose, as PanCareSurPass's Observation-cumulativeDoseChemo-eu-pcsp (1.0.0) has
 * it: its fixed code and category, a value always (an unknown total is its fixed
 * valueCodeableConcept data-absent-reason#unknown, not a dataAbsentReason, which obs-6 would
 * then forbid), and `method` saying calculated or estimated in the codes its required binding
 * allows (CUMULATIVE_DOSE_METHOD).
 */
function cumulativeDoseObservation(ctx: ExportContext, e: Exposure): Observation {
  const key = exposureKey(e.drugId, e.route, e.quantity)
  const incomplete = e.unconvertedPerM2 > 0 || e.unconvertedAbsolute > 0
  const estimated = e.estimatedDoses > 0
  const absoluteKnown = e.unconvertedAbsolute < e.doses
  const missing: string[] = []
  if (e.unconvertedPerM2 > 0) {
    missing.push(
      `${e.unconvertedPerM2} of ${e.doses} doses could not be converted to an amount per m²`
    )
  }
  if (e.unconvertedAbsolute > 0) {
    missing.push(
      `${e.unconvertedAbsolute} of ${e.doses} doses could not be converted to a total amount`
    )
  }
  const value: Pick<Observation, 'valueQuantity' | 'valueCodeableConcept'> = perM2Known(e)
    ? { valueQuantity: amount(e.perM2Total, e.quantity, e.baseUnit, true) }
    : {
        // The profile's own pattern for a dose that is not known (CumulativeDoseObsRules).
        valueCodeableConcept: {
          coding: [{ system: SYSTEM.dataAbsentReason, code: 'unknown', display: 'Unknown' }]
        }
      }
  const claimsPcsp =
    value.valueQuantity === undefined || PCSP_CUMULATIVE_DOSE_UNITS.has(value.valueQuantity.code!)
  const perM2Words = perM2Known(e)
    ? `${formatAmount(e.perM2Total)} ${formatUnit(e.baseUnit + '/m2')}`
    : 'not known'
  return {
    resourceType: 'Observation',
    id: ctx.ids(`computed/cumulativeDose#${key}`).id,
    ...(claimsPcsp ? { meta: { profile: [PROFILE.pcspCumulativeDose] } } : {}),
    text: narrative(
      el(
        'p',
        `Cumulative dose of ${exposureTitle(e)}: ${perM2Words}; ${
          absoluteKnown
            ? `${formatAmount(e.absoluteTotal)} ${e.baseUnit}`
            : 'total amount not known'
        } in all, over ${e.doses} doses from ${e.firstDate} to ${e.lastDate}.`
      ),
      missing.length > 0 &&
        el('p', `Incomplete: ${missing.join('; ')}, because a height or weight is missing.`),
      estimated && el('p', `${e.estimatedDoses} of the doses were estimated rather than recorded.`),
      el('p', 'Calculated by Lantern from the recorded doses.')
    ),
    extension: [
      computedExtension('cumulativeDose', [
        ...sub('drugId', { code: e.drugId }),
        ...sub('route', { code: e.route }),
        ...sub('quantity', { code: e.quantity }),
        ...sub('doses', { integer: e.doses }),
        ...sub('estimatedDoses', { integer: e.estimatedDoses }),
        ...sub('unconvertedPerM2', { integer: e.unconvertedPerM2 }),
        ...sub('unconvertedAbsolute', { integer: e.unconvertedAbsolute })
      ]),
      ...(incomplete
        ? [
            {
              url: HL7_EXTENSION.eventStatusReason,
              valueCodeableConcept: {
                text: `Incomplete: ${missing.join('; ')} (no height or weight recorded near their dates).`
              }
            }
          ]
        : [])
    ],
    identifier: [computedIdentifier('cumulativeDose', key)],
    // SurPass: preliminary marks an incomplete cumulative dose.
    status: incomplete ? 'preliminary' : 'final',
    category: [{ coding: [{ system: SYSTEM.observationCategory, code: 'procedure' }] }],
    code: {
      // Structural, not clinical: the code PanCareSurPass's profile fixes, from the IG's own code
      // system (input/fsh/terminologies/codeSystems-pcsp.fsh, commit 4d885d66: "#cumulativeDose
      // Cumulative dose received by a patient for a specific drug.").
      coding: [{ system: SYSTEM.pcspGeneric, code: 'cumulativeDose' }],
      text: `Cumulative dose of ${exposureTitle(e)}`
    },
    subject: ctx.subject,
    effectivePeriod: { start: e.firstDate, end: e.lastDate },
    ...value,
    method: estimated ? CUMULATIVE_DOSE_METHOD.estimated : CUMULATIVE_DOSE_METHOD.calculated,
    component: [
      {
        code: { text: 'Total amount given (not per m²)' },
        ...(absoluteKnown
          ? { valueQuantity: amount(e.absoluteTotal, e.quantity, e.baseUnit, false) }
          : { dataAbsentReason: dataAbsent('unknown') })
      },
      { code: { text: 'Number of doses' }, valueInteger: e.doses }
    ]
  }
}

function lastDose(schedule: Entry<'administration'>['schedule']): string {
  if (schedule.kind === 'once') return schedule.date
  if (schedule.end !== undefined) return schedule.end
  return addDays(schedule.start, (doseCount(schedule) - 1) * schedule.intervalDays)
}

function scheduleWords(a: Entry<'administration'>): string {
  const s = a.schedule
  if (s.kind === 'once') return `once, on ${s.date}`
  const every = s.intervalDays === 1 ? 'every day' : `every ${s.intervalDays} days`
  return s.count !== undefined
    ? `${every} from ${s.start}, ${s.count} doses`
    : `${every} from ${s.start} to ${s.end}`
}

function administrationResource(
  ctx: ExportContext,
  a: Entry<'administration'>,
  cumulative: Observation | undefined,
  reasons: Ref[]
): MedicationAdministration {
  const s = a.schedule
  const partOf = [ctx.entryRef(a.phaseId), ctx.entryRef(a.transplantId)].filter(
    (r): r is Ref => r !== undefined
  )
  const fields: Extension[] = [
    ...sub('drugId', { code: a.drugId }),
    ...sub('route', { code: a.route }),
    ...sub('unit', { code: a.unit }),
    ...sub('schedule', {
      extension: [
        ...sub('kind', { code: s.kind }),
        ...(s.kind === 'repeat'
          ? [
              ...sub('intervalDays', { integer: s.intervalDays }),
              ...sub('count', s.count !== undefined ? { integer: s.count } : null),
              ...sub('end', s.end !== undefined ? { date: s.end } : null)
            ]
          : [])
      ]
    }),
    ...sub('estimated', a.estimated ? { boolean: true } : null),
    ...sub('confirmedUnusual', a.confirmedUnusual ? { boolean: true } : null)
  ]
  return {
    resourceType: 'MedicationAdministration',
    id: ctx.ids(`entry/${a.id}`).id,
    meta: { profile: [PROFILE.mcodeMedicationAdministration] },
    extension: [
      ...(cumulative
        ? [{ url: HL7_EXTENSION.pcspResourceRelatedInfo, valueReference: ref(cumulative) }]
        : []),
      entryExtension('administration', a, fields)
    ],
    identifier: [entryIdentifier(a.id)],
    ...(partOf.length > 0 ? { partOf } : {}),
    status: 'completed',
    medicationCodeableConcept: medicationConcept(ctx, a.drugId),
    subject: ctx.subject,
    ...(s.kind === 'once'
      ? { effectiveDateTime: s.date }
      : { effectivePeriod: { start: s.start, end: lastDose(s) } }),
    ...(reasons.length > 0 ? { reasonReference: reasons } : {}),
    note: notesOf(a),
    dosage: {
      text: `${a.dose} ${formatUnit(a.unit)} ${routeShort(a.route)}, ${scheduleWords(a)}${
        a.estimated ? ' (estimated)' : ''
      }`,
      route: { text: routeWords(a.route) },
      dose: ucum(a.dose, DOSE_UCUM[a.unit], formatUnit(a.unit))
    }
  }
}

function medicationStatement(
  ctx: ExportContext,
  e: Exposure,
  cumulative: Observation,
  given: MedicationAdministration[],
  reasons: Ref[]
): MedicationStatement {
  const key = exposureKey(e.drugId, e.route, e.quantity)
  const completedOn = ctx.input.profile.treatmentCompletedOn
  return {
    resourceType: 'MedicationStatement',
    id: ctx.ids(`computed/medicationStatement#${key}`).id,
    meta: { profile: [PROFILE.ipsMedicationStatement] },
    text: narrative(
      el(
        'p',
        `${exposureTitle(e)}: ${e.doses} doses from ${e.firstDate} to ${e.lastDate}, as recorded.`
      ),
      el('p', 'Summed up by Lantern from the recorded administrations.')
    ),
    extension: [
      computedExtension('medicationStatement', [
        ...sub('drugId', { code: e.drugId }),
        ...sub('route', { code: e.route }),
        ...sub('quantity', { code: e.quantity })
      ])
    ],
    identifier: [computedIdentifier('medicationStatement', key)],
    // Completed only when the record says treatment ended after the last dose.
    status: completedOn && completedOn >= e.lastDate ? 'completed' : 'unknown',
    medicationCodeableConcept: medicationConcept(ctx, e.drugId),
    subject: ctx.subject,
    effectivePeriod: { start: e.firstDate, end: e.lastDate },
    derivedFrom: [ref(cumulative), ...given.map((g) => ref(g))],
    ...(reasons.length > 0 ? { reasonReference: reasons } : {}),
    dosage: [
      {
        text: `${e.doses} doses ${routeShort(e.route)}`,
        route: { text: routeWords(e.route) }
      }
    ]
  }
}

function doxorubicinEquivalentObservation(
  ctx: ExportContext,
  cumulativeByKey: Map<string, Observation>
): Observation | null {
  const a = ctx.input.summary.anthracycline
  if (!a) return null
  const parts: NamedDoxorubicinEquivalentPart[] = a.parts
  const from = [...cumulativeByKey.entries()]
    .filter(([key]) => parts.some((p) => key.startsWith(`${p.drugId}/`)))
    .filter(([key]) => key.endsWith('/mass') && !key.includes('/intrathecal/'))
    .map(([, o]) => ref(o))
  const reasons: string[] = []
  if (a.unknownFactor.length > 0) {
    reasons.push(`no factor in the table for ${a.unknownFactor.join(', ')}`)
  }
  if (a.unconvertedDoses > 0) {
    reasons.push(`${a.unconvertedDoses} doses could not be converted to mg/m²`)
  }
  const first = parts.map((p) => p.firstDate).sort()[0]!
  const last = parts
    .map((p) => p.lastDate)
    .sort()
    .at(-1)!
  return {
    resourceType: 'Observation',
    id: ctx.ids('computed/doxorubicinEquivalent').id,
    text: narrative(
      el(
        'p',
        `Anthracyclines as doxorubicin equivalent: ${formatAmount(a.total)} mg/m² in all (equivalence table ${a.table.id}, version ${a.table.version}).`
      ),
      table(
        ['Medicine', 'Dose', 'Factor', 'Doxorubicin equivalent'],
        parts.map((p) => [
          p.drugName,
          `${formatAmount(p.perM2)} mg/m²`,
          p.factor === null ? 'none in the table' : String(p.factor),
          p.equivalent === null ? 'not counted' : `${formatAmount(p.equivalent)} mg/m²`
        ])
      ),
      reasons.length > 0 && el('p', `Incomplete: ${reasons.join('; ')}.`),
      el('p', 'Calculated by Lantern from the cumulative doses.')
    ),
    extension: [
      computedExtension('doxorubicinEquivalent', [
        ...sub('tableId', { string: a.table.id }),
        ...sub('tableVersion', { string: a.table.version }),
        ...a.unknownFactor.flatMap((d) => sub('unknownFactor', { code: d })),
        ...sub('unconvertedDoses', { integer: a.unconvertedDoses })
      ]),
      ...(a.incomplete
        ? [
            {
              url: HL7_EXTENSION.eventStatusReason,
              valueCodeableConcept: { text: `Incomplete: ${reasons.join('; ')}.` }
            }
          ]
        : [])
    ],
    identifier: [computedIdentifier('doxorubicinEquivalent', ctx.profileId)],
    status: a.incomplete ? 'preliminary' : 'final',
    category: [{ coding: [{ system: SYSTEM.observationCategory, code: 'procedure' }] }],
    code: { text: 'Cumulative anthracycline dose as doxorubicin equivalent' },
    subject: ctx.subject,
    effectivePeriod: { start: first, end: last },
    valueQuantity: ucum(a.total, 'mg/m2', 'mg/m²'),
    method: {
      text: `Calculated: each anthracycline's cumulative mg/m² multiplied by its factor from the equivalence table ${a.table.id}, version ${a.table.version}`
    },
    derivedFrom: from,
    component: parts.flatMap((p) => [
      {
        code: { text: `${p.drugName}: cumulative dose` },
        valueQuantity: ucum(p.perM2, 'mg/m2', 'mg/m²')
      },
      {
        code: {
          text: `${p.drugName}: doxorubicin equivalent${p.factor === null ? '' : ` (factor ${p.factor})`}`
        },
        ...(p.equivalent === null
          ? { dataAbsentReason: dataAbsent('unknown') }
          : { valueQuantity: ucum(p.equivalent, 'mg/m2', 'mg/m²') })
      }
    ])
  }
}

export interface MedicationResources {
  administrations: MedicationAdministration[]
  statements: MedicationStatement[]
  cumulativeDoses: Observation[]
  doxorubicinEquivalent: Observation | null
}

export function medicationResources(ctx: ExportContext, reasons: Ref[]): MedicationResources {
  const { summary, entries } = ctx.input
  const cumulativeByKey = new Map<string, Observation>()
  for (const e of summary.exposures) {
    cumulativeByKey.set(
      exposureKey(e.drugId, e.route, e.quantity),
      ctx.add(cumulativeDoseObservation(ctx, e))
    )
  }
  const givenByKey = new Map<string, MedicationAdministration[]>()
  const administrations = entries.administration.map((a) => {
    const key = exposureKey(a.drugId, a.route, unitQuantity(a.unit))
    const resource = ctx.add(
      administrationResource(ctx, a, cumulativeByKey.get(key), reasons),
      a.id
    )
    const list = givenByKey.get(key)
    if (list) list.push(resource)
    else givenByKey.set(key, [resource])
    return resource
  })
  const statements = summary.exposures.map((e) => {
    const key = exposureKey(e.drugId, e.route, e.quantity)
    return ctx.add(
      medicationStatement(ctx, e, cumulativeByKey.get(key)!, givenByKey.get(key) ?? [], reasons)
    )
  })
  const dox = doxorubicinEquivalentObservation(ctx, cumulativeByKey)
  return {
    administrations,
    statements,
    cumulativeDoses: [...cumulativeByKey.values()],
    doxorubicinEquivalent: dox && ctx.add(dox)
  }
}

/** The exposures as a table, for the Medications section. */
export function exposureTable(ctx: ExportContext) {
  return table(
    ['Medicine', 'Route', 'Doses', 'From', 'To', 'Cumulative dose', 'Total amount'],
    ctx.input.summary.exposures.map((e) => [
      e.drugName,
      routeShort(e.route),
      String(e.doses),
      e.firstDate,
      e.lastDate,
      perM2Known(e)
        ? `${formatAmount(e.perM2Total)} ${formatUnit(e.baseUnit + '/m2')}${e.unconvertedPerM2 > 0 ? ' (incomplete)' : ''}`
        : 'not known',
      e.unconvertedAbsolute < e.doses
        ? `${formatAmount(e.absoluteTotal)} ${e.baseUnit}${e.unconvertedAbsolute > 0 ? ' (incomplete)' : ''}`
        : 'not known'
    ])
  )
}
