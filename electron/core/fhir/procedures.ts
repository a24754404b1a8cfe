/**
 * What was done: treatment phases, stem cell transplants (with their graft-versus-host disease),
 * radiotherapy courses as mCODE radiotherapy course summaries, surgery and other procedures, and
 * supportive care. Every one is an IPS Procedure, for the History of procedures section.
 */
import type { BodyStructure, Extension, Period, Procedure } from '@medplum/fhirtypes'
import { labelMessages } from '../../shared/labels.ts'
import type { Entry } from '../../shared/record.ts'
import {
  DATA_ABSENT_UNKNOWN,
  HL7_EXTENSION,
  PROFILE,
  SYSTEM,
  boolOf,
  codeOf,
  el,
  entryExtension,
  entryIdentifier,
  intOf,
  narrative,
  notesOf,
  partIdentifier,
  provenanceLine,
  ref,
  shiftDecimal,
  stringOf,
  sub,
  ucum,
  type Ref
} from './common.ts'
import { gvhdResources } from './conditions.ts'
import type { ExportContext } from './context.ts'

/** The code mCODE fixes for a radiotherapy course; CONFIRMED in clinical-facts §4.3. */
export const RADIOTHERAPY_COURSE_CODE = {
  system: SYSTEM.snomed,
  code: '1217123003',
  display: 'Radiotherapy course of treatment (regime/therapy)'
} as const

type Status = Procedure['status']

/** Completed once its end has passed; under way once begun; otherwise not known. */
function statusOver(ctx: ExportContext, start?: string | null, end?: string | null): Status {
  if (end && end <= ctx.exportDate) return 'completed'
  if (start && start <= ctx.exportDate) return 'in-progress'
  return 'unknown'
}

/** A period, or a period marked "not known" (IPS asks every procedure for a time). */
function performedPeriod(start?: string | null, end?: string | null): { performedPeriod: Period } {
  if (!start && !end) return { performedPeriod: { extension: [DATA_ABSENT_UNKNOWN] } }
  return {
    performedPeriod: { ...(start ? { start } : {}), ...(end ? { end } : {}) }
  }
}

/** A date, or the date element marked "not known" (FHIR's `_` form of a primitive). */
function performedOn(date?: string | null): Pick<Procedure, 'performedDateTime'> {
  return date
    ? { performedDateTime: date }
    : ({ _performedDateTime: { extension: [DATA_ABSENT_UNKNOWN] } } as Pick<
        Procedure,
        'performedDateTime'
      >)
}

function atInstitution(institution?: string | null): Pick<Procedure, 'performer'> {
  return institution ? { performer: [{ actor: { display: institution } }] } : {}
}

function dates(start?: string | null, end?: string | null): string {
  if (!start && !end) return 'Dates not recorded.'
  if (start && end) return `From ${start} to ${end}.`
  return start ? `From ${start}.` : `Until ${end}.`
}

function phaseResource(ctx: ExportContext, p: Entry<'phase'>, reasons: Ref[]): Procedure {
  const kind = labelMessages.phaseKinds[p.kind]
  const intent = p.intent && p.intent !== 'unknown' ? labelMessages.intents[p.intent] : null
  return {
    resourceType: 'Procedure',
    id: ctx.ids(`entry/${p.id}`).id,
    meta: { profile: [PROFILE.ipsProcedure] },
    text: narrative(
      el(
        'p',
        `Treatment phase: ${p.name ?? kind}${p.name && p.name !== kind ? ` (${kind})` : ''}.`
      ),
      el('p', dates(p.startedOn, p.endedOn)),
      p.protocol && el('p', `Protocol: ${p.protocol}.`),
      p.institution && el('p', `Where: ${p.institution}.`),
      intent && el('p', `Intent: ${intent}.`),
      p.notes && el('p', `Notes: ${p.notes}`),
      provenanceLine(p)
    ),
    extension: [
      ...(intent
        ? [{ url: HL7_EXTENSION.mcodeTreatmentIntent, valueCodeableConcept: { text: intent } }]
        : []),
      entryExtension('phase', p, [
        ...sub('kind', { code: p.kind }),
        ...sub('name', stringOf(p.name)),
        ...sub('protocol', stringOf(p.protocol)),
        ...sub('intent', codeOf(p.intent))
      ])
    ],
    identifier: [entryIdentifier(p.id)],
    status: statusOver(ctx, p.startedOn, p.endedOn),
    category: { text: 'Treatment phase' },
    code: { text: p.name ?? kind },
    subject: ctx.subject,
    ...performedPeriod(p.startedOn, p.endedOn),
    ...atInstitution(p.institution),
    ...(reasons.length > 0 ? { reasonReference: reasons } : {}),
    note: notesOf(p)
  }
}

function transplantResource(ctx: ExportContext, t: Entry<'transplant'>, reasons: Ref[]): Procedure {
  const id = ctx.ids(`entry/${t.id}`).id
  const gvhd = gvhdResources(ctx, t, id)
  const type = labelMessages.transplantTypes[t.type]
  const name = `${t.type === 'allogeneic' ? 'Allogeneic' : 'Autologous'} stem cell transplant`
  return {
    resourceType: 'Procedure',
    id,
    meta: { profile: [PROFILE.ipsProcedure] },
    text: narrative(
      el('p', `${name}${t.transplantedOn ? ` on ${t.transplantedOn}` : ''}: ${type}.`),
      t.donor && el('p', `Donor: ${t.donor}.`),
      t.cellSource && el('p', `Cells from: ${labelMessages.cellSources[t.cellSource]}.`),
      t.institution && el('p', `Where: ${t.institution}.`),
      t.conditioning && el('p', `Conditioning: ${t.conditioning}`),
      (t.bloodGroupBefore || t.bloodGroupAfter) &&
        el(
          'p',
          `Blood group before: ${t.bloodGroupBefore ?? 'not recorded'}; after: ${t.bloodGroupAfter ?? 'not recorded'}.`
        ),
      t.noChronicGvhd && el('p', 'No chronic graft-versus-host disease, as the family recorded.'),
      t.notes && el('p', `Notes: ${t.notes}`),
      provenanceLine(t)
    ),
    extension: [
      entryExtension('transplant', t, [
        ...sub('type', { code: t.type }),
        ...sub('donor', stringOf(t.donor)),
        ...sub('cellSource', codeOf(t.cellSource)),
        ...sub('conditioning', stringOf(t.conditioning)),
        ...sub('noChronicGvhd', boolOf(t.noChronicGvhd)),
        ...sub('bloodGroupBefore', codeOf(t.bloodGroupBefore)),
        ...sub('bloodGroupAfter', codeOf(t.bloodGroupAfter))
      ])
    ],
    identifier: [entryIdentifier(t.id)],
    status: t.transplantedOn && t.transplantedOn <= ctx.exportDate ? 'completed' : 'unknown',
    category: { text: 'Stem cell transplant' },
    code: { text: name },
    subject: ctx.subject,
    ...performedOn(t.transplantedOn),
    ...atInstitution(t.institution),
    ...(reasons.length > 0 ? { reasonReference: reasons } : {}),
    ...(gvhd.length > 0 ? { complicationDetail: gvhd.map((g) => ref(g)) } : {}),
    note: notesOf(t)
  }
}

function fieldName(r: Entry<'radiation'>): string {
  return r.field === 'other' && r.fieldOther ? r.fieldOther : labelMessages.radiationFields[r.field]
}

/** The volume mCODE's dose-delivered-to-volume points at: the area treated, in words. */
function radiotherapyVolume(ctx: ExportContext, r: Entry<'radiation'>): BodyStructure {
  const where = fieldName(r)
  return ctx.add({
    resourceType: 'BodyStructure',
    id: ctx.ids(`entry/${r.id}#volume`).id,
    meta: { profile: [PROFILE.mcodeRadiotherapyVolume] },
    text: narrative(el('p', `Area treated with radiotherapy: ${where}.`)),
    extension: [entryExtension('radiation', r, [], 'volume')],
    identifier: [{ use: 'usual', value: where }, partIdentifier(r.id, 'volume')],
    description: `Radiotherapy volume: ${where}`,
    location: { text: where },
    patient: ctx.subject
  })
}

function radiationResource(ctx: ExportContext, r: Entry<'radiation'>, reasons: Ref[]): Procedure {
  const where = fieldName(r)
  const hasDose = r.totalDoseGy != null || r.fractions != null
  const volume = hasDose ? radiotherapyVolume(ctx, r) : null
  const dose: Extension[] = volume
    ? [
        {
          url: HL7_EXTENSION.mcodeDoseDeliveredToVolume,
          extension: [
            { url: 'volume', valueReference: ref(volume) },
            ...(r.totalDoseGy != null
              ? [
                  {
                    url: 'totalDoseDelivered',
                    valueQuantity: ucum(shiftDecimal(r.totalDoseGy, 2), 'cGy')
                  }
                ]
              : []),
            ...(r.fractions != null
              ? [{ url: 'fractionsDelivered', valueUnsignedInt: r.fractions }]
              : [])
          ]
        }
      ]
    : []
  const transplant = ctx.entryRef(r.transplantId)
  // mCODE (US Core) wants a time on a completed or running course: statusOver gives one of
  // those only when a date is known.
  const status = statusOver(ctx, r.startedOn, r.endedOn)
  return {
    resourceType: 'Procedure',
    id: ctx.ids(`entry/${r.id}`).id,
    meta: { profile: [PROFILE.ipsProcedure, PROFILE.mcodeRadiotherapyCourse] },
    text: narrative(
      el(
        'p',
        `Radiotherapy to ${where}${r.totalDoseGy != null ? `: ${r.totalDoseGy} Gy` : ''}${
          r.fractions != null ? ` in ${r.fractions} fractions` : ''
        }.`
      ),
      el('p', dates(r.startedOn, r.endedOn)),
      r.institution && el('p', `Where: ${r.institution}.`),
      transplant && el('p', 'Given as part of the conditioning for a stem cell transplant.'),
      r.notes && el('p', `Notes: ${r.notes}`),
      provenanceLine(r)
    ),
    extension: [
      ...dose,
      entryExtension('radiation', r, [
        ...sub('field', { code: r.field }),
        ...sub('fieldOther', stringOf(r.fieldOther))
      ])
    ],
    identifier: [entryIdentifier(r.id)],
    ...(transplant ? { partOf: [transplant] } : {}),
    status,
    category: { text: 'Radiotherapy' },
    code: { coding: [RADIOTHERAPY_COURSE_CODE], text: `Radiotherapy: ${where}` },
    subject: ctx.subject,
    ...performedPeriod(r.startedOn, r.endedOn),
    ...atInstitution(r.institution),
    ...(reasons.length > 0 ? { reasonReference: reasons } : {}),
    bodySite: [{ text: where }],
    note: notesOf(r)
  }
}

function procedureResource(ctx: ExportContext, p: Entry<'procedure'>): Procedure {
  const kind = labelMessages.procedureKinds[p.kind]
  return {
    resourceType: 'Procedure',
    id: ctx.ids(`entry/${p.id}`).id,
    meta: { profile: [PROFILE.ipsProcedure] },
    text: narrative(
      el('p', `${kind}: ${p.name}${p.performedOn ? ` on ${p.performedOn}` : ''}.`),
      p.notes && el('p', `Notes: ${p.notes}`),
      provenanceLine(p)
    ),
    extension: [entryExtension('procedure', p, [...sub('kind', { code: p.kind })])],
    identifier: [entryIdentifier(p.id)],
    status: p.performedOn && p.performedOn <= ctx.exportDate ? 'completed' : 'unknown',
    category: { text: kind },
    code: { text: p.name },
    subject: ctx.subject,
    ...performedOn(p.performedOn),
    note: notesOf(p)
  }
}

function supportiveCareResource(ctx: ExportContext, s: Entry<'supportiveCare'>): Procedure {
  const kind = labelMessages.supportiveCareKinds[s.kind]
  return {
    resourceType: 'Procedure',
    id: ctx.ids(`entry/${s.id}`).id,
    meta: { profile: [PROFILE.ipsProcedure] },
    text: narrative(
      el('p', `${kind}${s.count != null ? `: ${s.count}` : ''}.`),
      el('p', dates(s.startedOn, s.endedOn)),
      s.details && el('p', s.details),
      s.notes && el('p', `Notes: ${s.notes}`),
      provenanceLine(s)
    ),
    extension: [
      entryExtension('supportiveCare', s, [
        ...sub('kind', { code: s.kind }),
        ...sub('count', intOf(s.count)),
        ...sub('details', stringOf(s.details))
      ])
    ],
    identifier: [entryIdentifier(s.id)],
    status: statusOver(ctx, s.startedOn, s.endedOn),
    category: { text: 'Supportive care' },
    code: { text: kind },
    subject: ctx.subject,
    ...performedPeriod(s.startedOn, s.endedOn),
    note: notesOf(s)
  }
}

export interface ProcedureResources {
  phases: Procedure[]
  transplants: Procedure[]
  radiation: Procedure[]
  procedures: Procedure[]
  supportiveCare: Procedure[]
}

/** @param reasons the diagnoses, as the reason for every cancer treatment */
export function procedureResources(ctx: ExportContext, reasons: Ref[]): ProcedureResources {
  const { entries } = ctx.input
  return {
    phases: entries.phase.map((p) => ctx.add(phaseResource(ctx, p, reasons), p.id)),
    transplants: entries.transplant.map((t) => ctx.add(transplantResource(ctx, t, reasons), t.id)),
    radiation: entries.radiation.map((r) => ctx.add(radiationResource(ctx, r, reasons), r.id)),
    procedures: entries.procedure.map((p) => ctx.add(procedureResource(ctx, p), p.id)),
    supportiveCare: entries.supportiveCare.map((s) => ctx.add(supportiveCareResource(ctx, s), s.id))
  }
}
