/**
 * The cancers and other problems: each diagnosis as an mCODE primary cancer condition, its
 * metastasis sites as secondary cancer conditions, relapses as recurrences of it, complications
 * and graft-versus-host disease as IPS conditions.
 */
import type { CodeableConcept, Coding, Condition, Extension } from '@medplum/fhirtypes'
import { labelMessages } from '../../shared/labels.ts'
import type { Entry } from '../../shared/record.ts'
import {
  HL7_EXTENSION,
  PROFILE,
  SYSTEM,
  codeOf,
  el,
  entryExtension,
  entryIdentifier,
  intOf,
  narrative,
  notesOf,
  partIdentifier,
  provenanceLine,
  stringOf,
  sub
} from './common.ts'
import type { ExportContext } from './context.ts'

/**
 * Diagnosis codes the project's clinical-facts reference marks CONFIRMED (§4.1, both from the
 * mCODE STU4 sources). Every other condition is written as text only.
 */
export const CONFIRMED_CONDITION_CODES: Partial<Record<Entry<'diagnosis'>['condition'], Coding>> = {
  'b-cell-all': {
    system: SYSTEM.snomed,
    code: '277571004',
    display: 'B-cell acute lymphoblastic leukemia (disorder)'
  },
  'breast-cancer': {
    system: SYSTEM.snomed,
    code: '254837009',
    display: 'Malignant neoplasm of breast'
  }
}

/** The words on a diagnosis's stage entries, so an import can tell the two apart. */
export const STAGE_TYPE = { riskGroup: 'Risk group', stage: 'Stage' } as const

const PROBLEM_LIST: CodeableConcept = {
  coding: [{ system: SYSTEM.conditionCategory, code: 'problem-list-item' }]
}

function clinicalStatus(code: 'active' | 'recurrence' | 'resolved'): CodeableConcept {
  return { coding: [{ system: SYSTEM.conditionClinical, code }] }
}

export function diagnosisName(d: Entry<'diagnosis'>): string {
  return d.condition === 'other' && d.conditionOther
    ? d.conditionOther
    : labelMessages.conditions[d.condition]
}

function diagnosisResource(ctx: ExportContext, d: Entry<'diagnosis'>): Condition {
  const name = diagnosisName(d)
  const confirmed = CONFIRMED_CONDITION_CODES[d.condition]
  const fields: Extension[] = [
    ...sub('condition', codeOf(d.condition)),
    ...sub('conditionOther', stringOf(d.conditionOther)),
    ...sub('institution', stringOf(d.institution)),
    ...sub('laterality', codeOf(d.laterality)),
    ...sub('immunophenotype', stringOf(d.immunophenotype)),
    ...d.findings.flatMap((f) =>
      sub('finding', {
        extension: [...sub('kind', { code: f.kind }), ...sub('finding', { string: f.finding })]
      })
    ),
    ...sub('cnsStatus', stringOf(d.cnsStatus)),
    ...sub('erStatus', codeOf(d.erStatus)),
    ...sub('prStatus', codeOf(d.prStatus)),
    ...sub('her2Status', codeOf(d.her2Status))
  ]
  const stage = [
    ...(d.riskGroup
      ? [{ summary: { text: d.riskGroup }, type: { text: STAGE_TYPE.riskGroup } }]
      : []),
    ...(d.stage ? [{ summary: { text: d.stage }, type: { text: STAGE_TYPE.stage } }] : [])
  ]
  const side =
    d.laterality && d.laterality !== 'not-applicable'
      ? [{ text: labelMessages.lateralities[d.laterality] }]
      : []
  const receptors = (
    [
      ['Oestrogen receptor', d.erStatus],
      ['Progesterone receptor', d.prStatus],
      ['HER2', d.her2Status]
    ] as const
  ).filter(([, v]) => v)
  return {
    resourceType: 'Condition',
    id: ctx.ids(`entry/${d.id}`).id,
    meta: {
      profile: [PROFILE.ipsCondition, PROFILE.mcodePrimaryCancer, PROFILE.pcspPrimaryCancer]
    },
    text: narrative(
      el('p', `Diagnosis: ${name}${d.diagnosedOn ? `, diagnosed on ${d.diagnosedOn}` : ''}.`),
      d.institution && el('p', `Where: ${d.institution}.`),
      d.riskGroup && el('p', `Risk group: ${d.riskGroup}.`),
      d.stage && el('p', `Stage: ${d.stage}.`),
      side.length > 0 && el('p', `Side: ${side[0]!.text}.`),
      d.immunophenotype && el('p', `Immunophenotype: ${d.immunophenotype}.`),
      d.findings.length > 0 &&
        el(
          'ul',
          ...d.findings.map((f) =>
            el('li', `${labelMessages.findingKinds[f.kind]} finding: ${f.finding}`)
          )
        ),
      d.cnsStatus && el('p', `CNS status: ${d.cnsStatus}.`),
      receptors.length > 0 &&
        el(
          'p',
          receptors
            .map(([what, v]) => `${what}: ${labelMessages.receptorStatuses[v!]}`)
            .join('. ') + '.'
        ),
      d.metastasisSites.length > 0 && el('p', `Spread to: ${d.metastasisSites.join(', ')}.`),
      d.notes && el('p', `Notes: ${d.notes}`),
      provenanceLine(d)
    ),
    extension: [
      ...(d.diagnosedOn
        ? [{ url: HL7_EXTENSION.conditionAssertedDate, valueDateTime: d.diagnosedOn }]
        : []),
      entryExtension('diagnosis', d, fields)
    ],
    identifier: [entryIdentifier(d.id)],
    category: [PROBLEM_LIST],
    code: confirmed ? { coding: [confirmed], text: name } : { text: name },
    ...(side.length > 0 ? { bodySite: side } : {}),
    subject: ctx.subject,
    recordedDate: d.createdAt,
    ...(stage.length > 0 ? { stage } : {}),
    note: notesOf(d)
  }
}

function metastasisResources(ctx: ExportContext, d: Entry<'diagnosis'>, primary: Condition) {
  return d.metastasisSites.map((site, index) => {
    const part = `metastasisSites/${index}`
    return ctx.add({
      resourceType: 'Condition',
      id: ctx.ids(`entry/${d.id}#${part}`).id,
      meta: { profile: [PROFILE.ipsCondition, PROFILE.mcodeSecondaryCancer] },
      text: narrative(
        el('p', `Spread (metastasis) of ${diagnosisName(d)} to: ${site}.`),
        provenanceLine(d)
      ),
      extension: [
        {
          url: HL7_EXTENSION.conditionRelated,
          valueReference: { reference: `urn:uuid:${primary.id}` }
        },
        entryExtension('diagnosis', d, [], part)
      ],
      identifier: [partIdentifier(d.id, part)],
      category: [PROBLEM_LIST],
      code: { text: `Metastasis: ${site}` },
      bodySite: [{ text: site }],
      subject: ctx.subject
    } satisfies Condition)
  })
}

function relapseResource(ctx: ExportContext, r: Entry<'relapse'>): Condition {
  const diagnosis = ctx.input.entries.diagnosis.find((d) => d.id === r.diagnosisId)
  const of = diagnosis ? diagnosisName(diagnosis) : 'the cancer'
  const sites = r.sites.map((s) =>
    s === 'other' && r.siteOther ? r.siteOther : labelMessages.relapseSites[s]
  )
  const primary = ctx.entryRef(r.diagnosisId)
  return {
    resourceType: 'Condition',
    id: ctx.ids(`entry/${r.id}`).id,
    meta: { profile: [PROFILE.ipsCondition] },
    text: narrative(
      el('p', `Relapse of ${of}${r.relapsedOn ? ` on ${r.relapsedOn}` : ''}.`),
      sites.length > 0 && el('p', `Where: ${sites.join(', ')}.`),
      r.treatmentAfter && el('p', `Treatment after the relapse: ${r.treatmentAfter}`),
      r.notes && el('p', `Notes: ${r.notes}`),
      provenanceLine(r)
    ),
    extension: [
      ...(primary ? [{ url: HL7_EXTENSION.conditionRelated, valueReference: primary }] : []),
      entryExtension('relapse', r, [
        ...r.sites.flatMap((s) => sub('sites', { code: s })),
        ...sub('siteOther', stringOf(r.siteOther)),
        ...sub('treatmentAfter', stringOf(r.treatmentAfter))
      ])
    ],
    identifier: [entryIdentifier(r.id)],
    clinicalStatus: clinicalStatus('recurrence'),
    category: [PROBLEM_LIST],
    code: { text: `Relapse of ${of}` },
    ...(sites.length > 0 ? { bodySite: sites.map((s) => ({ text: s })) } : {}),
    subject: ctx.subject,
    ...(r.relapsedOn ? { onsetDateTime: r.relapsedOn } : {}),
    note: notesOf(r)
  }
}

function complicationResource(ctx: ExportContext, c: Entry<'complication'>): Condition {
  // FHIR allows an end date only on a condition no longer active; an ongoing complication's
  // end date, if the family gave one, stays in the entry extension.
  const abated = c.status === 'resolved' && c.endedOn
  return {
    resourceType: 'Condition',
    id: ctx.ids(`entry/${c.id}`).id,
    meta: { profile: [PROFILE.ipsCondition] },
    text: narrative(
      el(
        'p',
        `${c.name}${c.grade ? ` (grade ${c.grade})` : ''}: ${labelMessages.complicationStatuses[c.status].toLowerCase()}.`
      ),
      (c.startedOn || c.endedOn) &&
        el(
          'p',
          `From ${c.startedOn ?? 'a date not recorded'}${c.endedOn ? ` to ${c.endedOn}` : ''}.`
        ),
      c.notes && el('p', `Notes: ${c.notes}`),
      provenanceLine(c)
    ),
    extension: [
      entryExtension('complication', c, [
        ...sub('status', { code: c.status }),
        ...sub('grade', intOf(c.grade)),
        ...(abated ? [] : sub('endedOn', c.endedOn ? { date: c.endedOn } : null))
      ])
    ],
    identifier: [entryIdentifier(c.id)],
    clinicalStatus: clinicalStatus(c.status === 'resolved' ? 'resolved' : 'active'),
    category: [PROBLEM_LIST],
    ...(c.grade ? { severity: { text: `Grade ${c.grade}` } } : {}),
    code: { text: c.name },
    subject: ctx.subject,
    ...(c.startedOn ? { onsetDateTime: c.startedOn } : {}),
    ...(abated ? { abatementDateTime: c.endedOn! } : {}),
    note: notesOf(c)
  }
}

/** Graft-versus-host disease after a transplant: one condition per episode, linked to it. */
export function gvhdResources(
  ctx: ExportContext,
  t: Entry<'transplant'>,
  transplantId: string
): Condition[] {
  return t.gvhd.map((g, index) => {
    const part = `gvhd/${index}`
    const organs = g.organs.map((o) =>
      o === 'other' && g.organsOther ? g.organsOther : labelMessages.gvhdOrgans[o]
    )
    const kind = labelMessages.gvhdKinds[g.kind]
    return ctx.add({
      resourceType: 'Condition',
      id: ctx.ids(`entry/${t.id}#${part}`).id,
      meta: { profile: [PROFILE.ipsCondition] },
      text: narrative(
        el(
          'p',
          `${kind} graft-versus-host disease${g.grade ? `, grade ${g.grade}` : ''}: ${labelMessages.gvhdStatuses[g.status].toLowerCase()}.`
        ),
        organs.length > 0 && el('p', `Where: ${organs.join(', ')}.`),
        g.startedOn && el('p', `From ${g.startedOn}.`),
        provenanceLine(t)
      ),
      extension: [
        {
          url: HL7_EXTENSION.conditionOccurredFollowing,
          valueReference: { reference: `urn:uuid:${transplantId}` }
        },
        entryExtension(
          'transplant',
          t,
          [
            ...sub('kind', { code: g.kind }),
            ...g.organs.flatMap((o) => sub('organs', { code: o })),
            ...sub('organsOther', stringOf(g.organsOther)),
            ...sub('grade', stringOf(g.grade)),
            ...sub('status', { code: g.status })
          ],
          part
        )
      ],
      identifier: [partIdentifier(t.id, part)],
      clinicalStatus: clinicalStatus(g.status === 'resolved' ? 'resolved' : 'active'),
      category: [PROBLEM_LIST],
      ...(g.grade ? { severity: { text: g.grade } } : {}),
      code: { text: `${kind} graft-versus-host disease` },
      ...(organs.length > 0 ? { bodySite: organs.map((o) => ({ text: o })) } : {}),
      subject: ctx.subject,
      ...(g.startedOn ? { onsetDateTime: g.startedOn } : {})
    } satisfies Condition)
  })
}

export interface ConditionResources {
  diagnoses: Condition[]
  metastases: Condition[]
  relapses: Condition[]
  complications: Condition[]
}

export function conditionResources(ctx: ExportContext): ConditionResources {
  const { entries } = ctx.input
  const diagnoses: Condition[] = []
  const metastases: Condition[] = []
  for (const d of entries.diagnosis) {
    const primary = ctx.add(diagnosisResource(ctx, d), d.id)
    diagnoses.push(primary)
    metastases.push(...metastasisResources(ctx, d, primary))
  }
  const relapses = entries.relapse.map((r) => ctx.add(relapseResource(ctx, r), r.id))
  const complications = entries.complication.map((c) => ctx.add(complicationResource(ctx, c), c.id))
  return { diagnoses, metastases, relapses, complications }
}
