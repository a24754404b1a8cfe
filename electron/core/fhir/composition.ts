/**
 * The document's table of contents: an International Patient Summary Composition (LOINC
 * 60591-5) with the three sections IPS requires (Problems, Allergies, Medications), each with
 * narrative and an empty reason where there is nothing to list, then History of procedures,
 * Vital signs, Plan of care, and the optional sections Lantern has something for.
 */
import type {
  CodeableConcept,
  Composition,
  CompositionSection,
  Narrative,
  Provenance,
  Resource
} from '@medplum/fhirtypes'
import { formatAmount } from '../../shared/format.ts'
import {
  PROFILE,
  SYSTEM,
  el,
  LANTERN_IDENTIFIER,
  narrative,
  ref,
  table,
  type Html
} from './common.ts'
import type { ExportContext } from './context.ts'
import { exposureTable } from './medications.ts'

/** The LOINC codes IPS fixes for the document and its sections (its Composition profile's patterns). */
export const IPS_CODES = {
  document: '60591-5',
  problems: '11450-4',
  allergies: '48765-2',
  medications: '10160-0',
  procedures: '47519-4',
  vitalSigns: '8716-3',
  planOfCare: '18776-5',
  pastProblems: '11348-0',
  alerts: '104605-1'
} as const

function loinc(code: string, words: string): CodeableConcept {
  return { coding: [{ system: SYSTEM.loinc, code }], text: words }
}

type EmptyReason = 'nilknown' | 'notasked' | 'unavailable'

const EMPTY_WORDS: Record<EmptyReason, string> = {
  nilknown: 'None known',
  notasked: 'Not asked',
  unavailable: 'Not recorded'
}

function section(
  title: string,
  code: CodeableConcept,
  entries: Resource[],
  text: Narrative,
  empty: EmptyReason = 'unavailable'
): CompositionSection {
  return {
    title,
    code,
    text,
    ...(entries.length > 0
      ? { entry: entries.map((r) => ref(r)) }
      : {
          emptyReason: {
            coding: [{ system: SYSTEM.listEmptyReason, code: empty }],
            text: EMPTY_WORDS[empty]
          }
        })
  }
}

function rows(resources: Resource[], cells: (r: Resource) => (string | Html)[]) {
  return resources.map(cells)
}

function conditionCells(r: Resource): string[] {
  if (r.resourceType !== 'Condition') return []
  return [
    r.code?.text ?? '',
    r.onsetDateTime ??
      r.extension?.find((e) => e.url.endsWith('condition-assertedDate'))?.valueDateTime ??
      '',
    r.clinicalStatus?.coding?.[0]?.code ?? '',
    r.severity?.text ?? ''
  ]
}

function procedureCells(r: Resource): string[] {
  if (r.resourceType !== 'Procedure') return []
  const when =
    r.performedDateTime ??
    (r.performedPeriod
      ? [r.performedPeriod.start, r.performedPeriod.end].filter(Boolean).join(' to ')
      : '')
  return [r.category?.text ?? '', r.code?.text ?? '', when || 'not recorded', r.status]
}

export interface Sections {
  problems: Resource[]
  pastProblems: Resource[]
  allergies: Resource[]
  medications: Resource[]
  procedures: Resource[]
  vitalSigns: Resource[]
  planOfCare: Resource[]
  provenance: Provenance[]
}

function alertsNarrative(ctx: ExportContext): Narrative | null {
  const first = ctx.input.summary.importantFirst
  const lines: string[] = []
  if (first.centralLine.state === 'in-place') {
    lines.push(
      `Central line in place${first.centralLine.notes ? `: ${first.centralLine.notes}` : ''}.`
    )
  }
  if (first.shunt.state === 'in-place') {
    lines.push(`Shunt in place${first.shunt.notes ? `: ${first.shunt.notes}` : ''}.`)
  }
  if (first.spleen === 'removed') lines.push('Spleen removed.')
  if (first.spleen === 'not-working') lines.push('Spleen not working, as the care team said.')
  for (const t of first.transplants) {
    if (t.bloodGroupBefore || t.bloodGroupAfter) {
      lines.push(
        `Blood group changed with a stem cell transplant${t.transplantedOn ? ` on ${t.transplantedOn}` : ''}: before ${t.bloodGroupBefore ?? 'not recorded'}, after ${t.bloodGroupAfter ?? 'not recorded'}.`
      )
    }
  }
  if (first.feverThreshold) {
    lines.push(
      `Fever threshold the care team gave: ${first.feverThreshold.value} °${first.feverThreshold.unit}.`
    )
  }
  if (first.teamPhone24h) lines.push(`Care team's 24-hour number: ${first.teamPhone24h}.`)
  if (lines.length === 0) return null
  return narrative(
    el('p', 'What the family recorded as important to know first:'),
    el('ul', ...lines.map((l) => el('li', l)))
  )
}

export function compositionResource(
  ctx: ExportContext,
  s: Sections,
  documentId: string
): Composition {
  const { summary, profile } = ctx.input
  const allergyAnswer = summary.importantFirst.allergyAnswer
  const treatmentStart = summary.keyDates.treatmentStartedOn
  const lastDate = summary.keyDates.treatmentCompletedOn ?? summary.keyDates.lastDoseOn
  // A period's end may not come before its start: an end typed in error is left out.
  const treatmentEnd = treatmentStart && lastDate && lastDate >= treatmentStart ? lastDate : null
  const alerts = alertsNarrative(ctx)
  const anthracycline = summary.anthracycline
  const sections: CompositionSection[] = [
    section(
      'Problems',
      loinc(IPS_CODES.problems, 'Problem list'),
      s.problems,
      s.problems.length > 0
        ? narrative(
            table(['Problem', 'Since', 'Status', 'Severity'], rows(s.problems, conditionCells))
          )
        : narrative(el('p', 'No cancer diagnosis or ongoing problem is recorded.'))
    ),
    section(
      'Allergies and intolerances',
      loinc(IPS_CODES.allergies, 'Allergies and intolerances'),
      s.allergies,
      narrative(
        allergyAnswer === 'listed'
          ? el(
              'ul',
              ...summary.importantFirst.allergies.map((a) =>
                el('li', `${a.substance}${a.reaction ? `: ${a.reaction}` : ''}`)
              )
            )
          : el(
              'p',
              allergyAnswer === 'none-known'
                ? 'No known allergies, as the family recorded.'
                : 'Allergies have not been recorded.'
            )
      ),
      allergyAnswer === 'none-known' ? 'nilknown' : 'unavailable'
    ),
    section(
      'Medications',
      loinc(IPS_CODES.medications, 'History of medication use'),
      s.medications,
      s.medications.length > 0
        ? narrative(
            el('p', 'Anti-cancer medicines given, with their cumulative doses as recorded:'),
            exposureTable(ctx),
            anthracycline &&
              el(
                'p',
                `Anthracyclines as doxorubicin equivalent: ${formatAmount(anthracycline.total)} mg/m²${anthracycline.incomplete ? ' (incomplete)' : ''}.`
              ),
            summary.intrathecalInjections > 0 &&
              el('p', `Intrathecal injections: ${summary.intrathecalInjections}.`),
            profile.ongoingTherapy && el('p', `Ongoing therapy: ${profile.ongoingTherapy}.`)
          )
        : narrative(el('p', 'No medicines are recorded.'))
    ),
    section(
      'History of procedures',
      loinc(IPS_CODES.procedures, 'History of procedures'),
      s.procedures,
      s.procedures.length > 0
        ? narrative(table(['Kind', 'What', 'When', 'Status'], rows(s.procedures, procedureCells)))
        : narrative(
            el('p', 'No treatment phases, radiotherapy, transplants or procedures are recorded.')
          )
    ),
    section(
      'Vital signs',
      loinc(IPS_CODES.vitalSigns, 'Vital signs'),
      s.vitalSigns,
      ctx.input.entries.measurement.length > 0
        ? narrative(
            table(
              ['Date', 'Height', 'Weight'],
              ctx.input.entries.measurement.map((m) => [
                m.measuredOn,
                m.heightCm != null ? `${m.heightCm} cm` : '',
                m.weightKg != null ? `${m.weightKg} kg` : ''
              ])
            ),
            el(
              'p',
              'Body surface area is worked out by Lantern where a height and a weight share a date.'
            )
          )
        : narrative(el('p', 'No height or weight is recorded.'))
    ),
    section(
      'Plan of care',
      loinc(IPS_CODES.planOfCare, 'Plan of care'),
      s.planOfCare,
      narrative(
        el('p', ctx.input.carePlan.disclaimer),
        el(
          'p',
          `The follow-up plan lists ${ctx.input.carePlan.items.length} checks and topics; each is in the care plan with its reason, sources and next due date.`
        )
      )
    )
  ]
  if (s.pastProblems.length > 0) {
    sections.push(
      section(
        'Past problems',
        loinc(IPS_CODES.pastProblems, 'History of past illness'),
        s.pastProblems,
        narrative(
          table(['Problem', 'Since', 'Status', 'Severity'], rows(s.pastProblems, conditionCells))
        )
      )
    )
  }
  if (alerts) {
    sections.push({
      title: 'Important to know first',
      code: loinc(IPS_CODES.alerts, 'Alerts'),
      text: alerts
    })
  }
  sections.push({
    title: 'Where the entries came from',
    code: { text: 'Sources of the entries' },
    text: narrative(
      el(
        'ul',
        ...s.provenance.map((p) =>
          el(
            'li',
            `${p.activity?.text ?? ''}: ${p.target.length} ${p.target.length === 1 ? 'resource' : 'resources'}.`
          )
        )
      )
    ),
    entry: s.provenance.map((p) => ref(p))
  })
  return {
    resourceType: 'Composition',
    id: ctx.ids('computed/composition').id,
    meta: { profile: [PROFILE.ipsComposition] },
    identifier: { system: LANTERN_IDENTIFIER.document, value: documentId },
    // Not "final": nobody in the care team has verified what the family recorded.
    status: 'preliminary',
    type: loinc(IPS_CODES.document, 'Patient summary'),
    subject: ctx.subject,
    date: ctx.input.exportedAt,
    author: [ref(ctx.device, 'Lantern')],
    title: `Patient summary: treatment record and follow-up plan of ${profile.displayName}`,
    ...(treatmentStart
      ? {
          event: [
            {
              code: [
                { coding: [{ system: SYSTEM.actClass, code: 'PCPR' }], text: 'Cancer treatment' }
              ],
              period: { start: treatmentStart, ...(treatmentEnd ? { end: treatmentEnd } : {}) }
            }
          ]
        }
      : {}),
    section: sections
  }
}
