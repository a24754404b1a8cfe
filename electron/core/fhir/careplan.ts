/**
 * Follow-up: the care team (a CareTeam of Practitioners, one per member the family recorded) and
 * the survivorship care plan as a CarePlan claiming PanCareSurPass's CarePlan-eu-pcsp (1.0.0):
 * draft and a proposal until a clinician confirms it, one activity per plan item with its
 * reason, the exposures behind it, its sources and its next due date. The profile requires an
 * activity, so a plan without items does not claim it.
 */
import type {
  CarePlan as FhirCarePlan,
  CarePlanActivity,
  CareTeam,
  Extension,
  Observation,
  Practitioner
} from '@medplum/fhirtypes'
import type { Citation, Completion, PlanItem } from '../../shared/careplan.ts'
import { bodySystemLabels, responsibleLabels } from '../../shared/labels.ts'
import type { Entry } from '../../shared/record.ts'
import {
  LANTERN_EXTENSION,
  PROFILE,
  boolOf,
  computedExtension,
  computedIdentifier,
  dateOf,
  el,
  entryExtension,
  entryIdentifier,
  intOf,
  narrative,
  provenanceLine,
  ref,
  stringOf,
  sub,
  table,
  type Ref
} from './common.ts'
import type { PlanKept } from '../careplan/planState.ts'
import type { ExportContext } from './context.ts'

type ActivityStatus = NonNullable<CarePlanActivity['detail']>['status']

/** Where an item stands, as FHIR's activity status. */
export function activityStatus(item: PlanItem): ActivityStatus {
  if (item.dismissed) return 'cancelled'
  switch (item.dueState) {
    case 'complete':
      return 'completed'
    case 'snoozed':
      return 'on-hold'
    case 'overdue':
    case 'no-record':
    case 'due-soon':
    case 'scheduled':
      return 'scheduled'
    case 'needs-date':
    case 'no-schedule':
      return 'not-started'
  }
}

function practitionerResource(ctx: ExportContext, m: Entry<'careTeamMember'>): Practitioner {
  const telecom: Practitioner['telecom'] = [
    ...(m.phone ? [{ system: 'phone' as const, value: m.phone, use: 'work' as const }] : []),
    ...(m.email ? [{ system: 'email' as const, value: m.email, use: 'work' as const }] : [])
  ]
  return {
    resourceType: 'Practitioner',
    id: ctx.ids(`entry/${m.id}`).id,
    text: narrative(
      el(
        'p',
        `${m.name}${m.role ? `, ${m.role}` : ''}${m.institution ? `, ${m.institution}` : ''}.`
      ),
      m.coordinatesFollowUp && el('p', 'Coordinates follow-up care.'),
      m.notes && el('p', `Notes: ${m.notes}`),
      provenanceLine(m)
    ),
    extension: [
      entryExtension('careTeamMember', m, [
        ...sub('coordinatesFollowUp', boolOf(m.coordinatesFollowUp)),
        ...sub('notes', stringOf(m.notes))
      ])
    ],
    identifier: [entryIdentifier(m.id)],
    name: [{ text: m.name }],
    ...(telecom.length > 0 ? { telecom } : {})
  }
}

export function careTeamResources(ctx: ExportContext): CareTeam | null {
  const members = ctx.input.entries.careTeamMember
  const phone = ctx.input.profile.teamPhone24h
  if (members.length === 0 && !phone) return null
  const practitioners = members.map((m) => ctx.add(practitionerResource(ctx, m), m.id))
  return ctx.add<CareTeam>({
    resourceType: 'CareTeam',
    id: ctx.ids('computed/careTeam').id,
    text: narrative(
      members.length > 0 &&
        table(
          ['Name', 'Role', 'Where', 'Phone', 'Email'],
          members.map((m) => [
            `${m.name}${m.coordinatesFollowUp ? ' (coordinates follow-up)' : ''}`,
            m.role ?? '',
            m.institution ?? '',
            m.phone ?? '',
            m.email ?? ''
          ])
        ),
      phone && el('p', `The care team's 24-hour number: ${phone}.`)
    ),
    extension: [computedExtension('careTeam')],
    identifier: [computedIdentifier('careTeam', ctx.profileId)],
    status: 'active',
    name: 'Care team',
    subject: ctx.subject,
    ...(members.length > 0
      ? {
          participant: members.map((m, i) => ({
            ...(m.role ? { role: [{ text: m.role }] } : {}),
            member: ref(practitioners[i]!, m.name),
            ...(m.institution ? { onBehalfOf: { display: m.institution } } : {})
          }))
        }
      : {}),
    ...(phone
      ? { telecom: [{ system: 'phone' as const, value: phone, use: 'work' as const }] }
      : {})
  } satisfies CareTeam)
}

function citationExtension(c: Citation): Extension[] {
  return sub('citation', {
    extension: [
      ...sub('organisation', { string: c.organisation }),
      ...sub('document', { string: c.document }),
      ...sub('version', stringOf(c.version)),
      ...sub('section', stringOf(c.section)),
      ...sub('url', stringOf(c.url)),
      ...sub('checkedOn', dateOf(c.checkedOn))
    ]
  })
}

function dismissedExtension(dismissed: PlanItem['dismissed']): Extension[] {
  return sub(
    'dismissed',
    dismissed
      ? {
          extension: [
            ...sub('reason', { string: dismissed.reason }),
            ...sub('on', { date: dismissed.on })
          ]
        }
      : null
  )
}

function completionExtensions(completions: readonly Completion[]): Extension[] {
  return completions.flatMap((c) =>
    sub('completion', {
      extension: [
        ...(c.dateKnown ? sub('doneOn', { date: c.doneOn }) : sub('notedOn', { date: c.notedOn })),
        ...sub('note', stringOf(c.note))
      ]
    })
  )
}

/**
 * The plan as the person last acknowledged it, and the state of items no longer in the plan
 * (kept in case they come back): nothing a clinic reads, so only in Lantern's extension, for an
 * import to restore the plan exactly.
 */
function keptExtensions({ snapshot, items }: PlanKept): Extension[] {
  return [
    ...sub(
      'acknowledged',
      snapshot
        ? {
            extension: [
              ...sub('rulesVersion', { string: snapshot.rulesVersion }),
              ...Object.entries(snapshot.items).flatMap(([key, item]) =>
                sub('item', {
                  extension: [
                    ...sub('key', { string: key }),
                    ...sub('title', { string: item.title }),
                    ...sub('fingerprint', { string: item.fingerprint })
                  ]
                })
              )
            ]
          }
        : null
    ),
    ...items.flatMap((kept) =>
      sub('keptItem', {
        extension: [
          ...sub('key', { string: kept.key }),
          ...sub('firstSeenOn', dateOf(kept.firstSeenOn)),
          ...sub('snoozedUntil', dateOf(kept.state?.snoozedUntil ?? null)),
          ...dismissedExtension(kept.state?.dismissed ?? null),
          ...sub('responsible', kept.state?.responsible ? { code: kept.state.responsible } : null),
          ...completionExtensions(kept.completions)
        ]
      })
    )
  ]
}

function itemExtension(item: PlanItem): Extension {
  return {
    url: LANTERN_EXTENSION.planItem,
    extension: [
      ...sub('key', { string: item.key }),
      ...sub('kind', { code: item.kind }),
      ...sub('system', { code: item.system }),
      ...sub('ruleStatus', { code: item.status }),
      ...item.ruleIds.flatMap((id) => sub('ruleId', { string: id })),
      ...sub('dueState', { code: item.dueState }),
      ...sub('nextDue', dateOf(item.nextDue)),
      ...sub('firstSeenOn', dateOf(item.firstSeenOn)),
      ...sub('responsible', { code: item.responsible }),
      ...sub('responsibleIsDefault', { boolean: item.responsibleIsDefault }),
      // An own item's default is the person's own choice, which a change on its card overrides:
      // both are needed to restore it.
      ...sub('defaultResponsible', { code: item.defaultResponsible }),
      ...sub('snoozedUntil', dateOf(item.snoozedUntil)),
      ...dismissedExtension(item.dismissed),
      ...sub(
        'own',
        item.own
          ? {
              extension: [
                // The person's own words: the activity's description adds the reasons to them.
                ...sub('what', stringOf(item.what)),
                ...sub('everyMonths', intOf(item.own.everyMonths)),
                ...sub('firstDue', dateOf(item.own.firstDue))
              ]
            }
          : null
      ),
      ...completionExtensions(item.completions),
      ...item.why.flatMap((w) => sub('why', { string: w })),
      ...item.missing.flatMap((m) => sub('missing', { string: m })),
      ...item.citations.flatMap(citationExtension)
    ]
  }
}

function citationWords(c: Citation): string {
  return [c.organisation, c.document, c.version, c.section].filter(Boolean).join(', ')
}

function activity(item: PlanItem): CarePlanActivity {
  const urls = [...new Set(item.citations.map((c) => c.url).filter(Boolean))]
  const timing = item.nextDue || item.frequency
  return {
    extension: [itemExtension(item)],
    detail: {
      ...(urls.length > 0 ? { instantiatesUri: urls } : {}),
      code: { text: item.title },
      ...(item.concern ? { reasonCode: [{ text: item.concern }] } : {}),
      status: activityStatus(item),
      ...(item.dismissed ? { statusReason: { text: item.dismissed.reason } } : {}),
      ...(timing
        ? {
            scheduledTiming: {
              ...(item.nextDue ? { event: [item.nextDue] } : {}),
              ...(item.frequency ? { code: { text: item.frequency } } : {})
            }
          }
        : {}),
      performer: [{ display: responsibleLabels[item.responsible] }],
      description: [item.what, ...item.why].filter(Boolean).join(' ')
    }
  }
}

export function carePlanResource(
  ctx: ExportContext,
  links: {
    addresses: Ref[]
    careTeam: CareTeam | null
    doxorubicinEquivalent: Observation | null
    supportingInfo: Ref[]
  }
): FhirCarePlan {
  const plan = ctx.input.carePlan
  const items = plan.items
  const reviews = plan.reviews.flatMap((r) =>
    sub('review', {
      extension: [
        ...sub('reviewedWith', { string: r.reviewedWith }),
        ...sub('reviewedOn', { date: r.reviewedOn }),
        ...sub('note', stringOf(r.note))
      ]
    })
  )
  return ctx.add<FhirCarePlan>({
    resourceType: 'CarePlan',
    id: ctx.ids('computed/carePlan').id,
    ...(items.length > 0 ? { meta: { profile: [PROFILE.pcspCarePlan] } } : {}),
    text: narrative(
      el('p', plan.disclaimer),
      el(
        'p',
        `Worked out on ${plan.asOf} from Lantern's follow-up rules, version ${plan.rulesVersion}.`
      ),
      items.length > 0 &&
        table(
          ['Group', 'Check or topic', 'Why', 'How often', 'Next due', 'Sources'],
          items.map((item) => [
            bodySystemLabels[item.system],
            item.title,
            [item.concern, ...item.why].filter(Boolean).join(' '),
            item.frequency ?? '',
            item.dismissed ? `Set aside: ${item.dismissed.reason}` : (item.nextDue ?? ''),
            el('ul', ...item.citations.map((c) => el('li', citationWords(c))))
          ])
        ),
      plan.notes.length > 0 && el('ul', ...plan.notes.map((n) => el('li', n))),
      plan.reviews.length > 0 &&
        el(
          'p',
          `Reviewed with ${plan.reviews.map((r) => `${r.reviewedWith} on ${r.reviewedOn}`).join('; ')}.`
        )
    ),
    extension: [
      {
        url: LANTERN_EXTENSION.plan,
        extension: [
          ...sub('asOf', { date: plan.asOf }),
          ...sub('rulesVersion', { string: plan.rulesVersion }),
          ...sub('rulesCheckedOn', { date: plan.rulesCheckedOn }),
          ...reviews,
          ...keptExtensions(ctx.input.planKept)
        ]
      }
    ],
    identifier: [computedIdentifier('carePlan', ctx.profileId)],
    // Generated by Lantern: a draft proposal until a clinician confirms it (as SurPass's plans).
    status: 'draft',
    intent: 'proposal',
    title: 'Survivorship care plan (follow-up)',
    description: plan.disclaimer,
    subject: ctx.subject,
    created: plan.asOf,
    author: ref(ctx.device),
    ...(links.careTeam ? { careTeam: [ref(links.careTeam)] } : {}),
    ...(links.addresses.length > 0 ? { addresses: links.addresses } : {}),
    ...(links.doxorubicinEquivalent || links.supportingInfo.length > 0
      ? {
          supportingInfo: [
            ...(links.doxorubicinEquivalent ? [ref(links.doxorubicinEquivalent)] : []),
            ...links.supportingInfo
          ]
        }
      : {}),
    ...(items.length > 0 ? { activity: items.map(activity) } : {}),
    ...(plan.notes.length > 0 ? { note: plan.notes.map((n) => ({ text: n })) } : {})
  } satisfies FhirCarePlan)
}
