/**
 * The care-plan engine: facts from the record + shipped rules + what the person did with the
 * plan (done dates, snoozes, dismissals, their own items) → plan items. Pure, so every scenario
 * can be worked by hand and tested without a database.
 *
 * Rules that share an item key describe one check-up (the echocardiogram after anthracyclines
 * and after chest radiation): they become one item with every reason, and the earliest due
 * date among their schedules, so a stricter rule is never hidden by a looser one.
 */
import type {
  Citation,
  Completion,
  DueState,
  PlanCounts,
  PlanItem,
  PlanItemKind,
  PlanStatus,
  Responsible
} from '../../shared/careplan.ts'
import { addDays, addMonths, ageInYears } from '../record/dates.ts'
import { type Evaluation, evaluate } from './conditions.ts'
import type { CarePlanContent, Rule } from './content.ts'
import type { Facts } from './facts.ts'
import { chooseGuideLink } from './guideLink.ts'
import { nextDue, type NextDue } from './schedule.ts'

/** A check due within this many days shows as "due soon". */
export const DUE_SOON_DAYS = 90

export interface ItemState {
  snoozedUntil: string | null
  dismissed: { reason: string; on: string } | null
  responsible: Responsible | null
}

export interface OwnItem {
  id: string
  title: string
  system: PlanItem['system']
  what: string | null
  everyMonths: number | null
  firstDue: string | null
  responsible: Responsible
}

export interface UserPlanState {
  completions: Map<string, Completion[]>
  states: Map<string, ItemState>
  ownItems: OwnItem[]
  /** The day the plan first showed each item with a due date. */
  firstSeen: Map<string, string>
}

export interface EngineResult {
  items: PlanItem[]
  notes: string[]
}

function capitalise(line: string): string {
  return line.charAt(0).toUpperCase() + line.slice(1)
}

interface Match {
  rule: Rule
  evaluation: Evaluation
}

function ageAtFirstTreatment(facts: Facts): number | null {
  const firstDrug = [...facts.drugs.values()].map((d) => d.firstDate).sort()[0] ?? null
  const start = facts.firstDiagnosedOn ?? firstDrug
  return facts.dateOfBirth && start ? ageInYears(facts.dateOfBirth, start) : null
}

function citationsOf(rules: Rule[], content: CarePlanContent): Citation[] {
  const seen = new Set<string>()
  const out: Citation[] = []
  for (const rule of rules) {
    for (const c of rule.citations) {
      const key = `${c.source}\u0000${c.section}`
      if (seen.has(key)) continue
      seen.add(key)
      const source = content.sources[c.source]!
      out.push({ ...source, section: c.section })
    }
  }
  return out
}

/**
 * Past due is overdue only if it fell due on or after the day the item first appeared: before
 * that, nobody was keeping this plan, so there is simply no record of it being done.
 */
function dueState(
  next: NextDue | null,
  snoozedUntil: string | null,
  asOf: string,
  firstSeen: string
): DueState {
  if (next === null) return 'no-schedule'
  if (next.state === 'complete') return 'complete'
  if (next.state === 'needs-date') return 'needs-date'
  if (snoozedUntil && snoozedUntil > asOf && snoozedUntil > next.date) return 'snoozed'
  if (next.date < asOf) return next.date < firstSeen ? 'no-record' : 'overdue'
  return next.date <= addDays(asOf, DUE_SOON_DAYS) ? 'due-soon' : 'scheduled'
}

/**
 * The day a schedule counts from: the day it was done or, when that is not known, the day the
 * family said it had been done (it was done then or before).
 */
function countsFrom(c: Completion): string {
  return c.dateKnown ? c.doneOn : c.notedOn
}

function newestFirst(completions: Completion[] | undefined): Completion[] {
  return [...(completions ?? [])].sort((a, b) => countsFrom(b).localeCompare(countsFrom(a)))
}

function lastDone(completions: Completion[]): string | null {
  return completions.length > 0 ? countsFrom(completions[0]!) : null
}

/** When an item with a due date first appeared: as recorded, or today if this is the first time. */
function firstSeenOf(
  key: string,
  next: NextDue | null,
  user: UserPlanState,
  seenOn: string
): string | null {
  return next?.state === 'due' ? (user.firstSeen.get(key) ?? seenOn) : null
}

function shortestInterval(rule: Rule): number {
  return Math.min(...(rule.schedule?.every ?? [{ months: Infinity }]).map((b) => b.months))
}

/** The schedule that gives the earliest due date among rules sharing a key. */
function earliestDue(
  matches: Match[],
  facts: Facts,
  done: string | null
): { next: NextDue; rule: Rule } | null {
  let best: { next: NextDue; rule: Rule } | null = null
  const rank = (n: NextDue) => (n.state === 'due' ? 0 : n.state === 'needs-date' ? 1 : 2)
  for (const { rule, evaluation } of matches) {
    if (!rule.schedule) continue
    const next = nextDue(
      rule.schedule,
      {
        dateOfBirth: facts.dateOfBirth,
        therapyEnd: facts.therapyEnd,
        exposureEnd: evaluation.exposureEnd
      },
      done
    )
    const sameDate =
      next.state === 'due' && best?.next.state === 'due' && next.date === best.next.date
    if (
      !best ||
      rank(next) < rank(best.next) ||
      (next.state === 'due' && best.next.state === 'due' && next.date < best.next.date) ||
      // On the same first date the more frequent schedule leads, so its words are the ones shown.
      (sameDate && shortestInterval(rule) < shortestInterval(best.rule))
    ) {
      best = { next, rule }
    }
  }
  return best
}

function ruleItem(
  key: string,
  matches: Match[],
  facts: Facts,
  content: CarePlanContent,
  user: UserPlanState,
  asOf: string,
  seenOn: string,
  adultTreated: boolean
): PlanItem {
  const ageLimit = content.caya.ageLimit
  const rules = matches.map((m) => m.rule)
  const lead = rules[0]!
  const known = matches.every((m) => m.evaluation.value === 'yes')
  const state = user.states.get(key)
  const completions = newestFirst(user.completions.get(key))
  const unconfirmed = lead.status === 'UNCONFIRMED'
  const outsidePopulation = adultTreated && rules.every((r) => r.population === 'caya')

  let kind: PlanItemKind = !known
    ? 'needs-data'
    : unconfirmed || outsidePopulation
      ? 'ask'
      : lead.kind
  const why = [
    ...new Set([
      ...rules.flatMap((r) => (r.because ? [r.because] : [])),
      ...matches.flatMap((m) => m.evaluation.reasons).map(capitalise)
    ])
  ]
  if (outsidePopulation) {
    why.push(
      `The guideline is written for people first treated before age ${ageLimit}; ask your care team whether it applies.`
    )
  }
  const missing = [...new Set(matches.flatMap((m) => m.evaluation.missing))]

  let next: NextDue | null = null
  let frequency: string | null = null
  if (kind === 'check') {
    const best = earliestDue(matches, facts, lastDone(completions))
    if (best) {
      next = best.next
      frequency = best.rule.frequency
      if (next.state === 'needs-date') missing.push(...next.missing)
    } else {
      kind = 'topic'
    }
  }
  // A confirmed topic may say when it matters ("before a pregnancy"), without a computed date.
  if (kind === 'topic') frequency = lead.frequency
  const firstSeen = firstSeenOf(key, next, user, seenOn)

  return {
    key,
    kind,
    system: lead.system,
    title: lead.title,
    concern: lead.concern,
    what: lead.what,
    why,
    frequency,
    nextDue: next?.state === 'due' ? next.date : null,
    dueState: dueState(next, state?.snoozedUntil ?? null, asOf, firstSeen ?? seenOn),
    firstSeenOn: firstSeen,
    responsible: state?.responsible ?? lead.responsible,
    defaultResponsible: lead.responsible,
    responsibleIsDefault: !state?.responsible,
    status: lead.status,
    citations: citationsOf(rules, content),
    ruleIds: rules.map((r) => r.id),
    missing,
    guideLink: chooseGuideLink(lead.guides, facts),
    completions,
    snoozedUntil: state?.snoozedUntil ?? null,
    dismissed: state?.dismissed ?? null,
    own: null
  }
}

function ownItem(item: OwnItem, user: UserPlanState, asOf: string, seenOn: string): PlanItem {
  const key = `own.${item.id}`
  const state = user.states.get(key)
  const completions = newestFirst(user.completions.get(key))
  const done = lastDone(completions)
  let next: NextDue | null = null
  if (done && item.everyMonths) next = { state: 'due', date: addMonths(done, item.everyMonths) }
  else if (done) next = { state: 'complete' }
  else if (item.firstDue) next = { state: 'due', date: item.firstDue }
  const firstSeen = firstSeenOf(key, next, user, seenOn)
  return {
    key,
    kind: 'own',
    system: item.system,
    title: item.title,
    concern: null,
    what: item.what ?? '',
    why: [],
    frequency: item.everyMonths ? `Every ${item.everyMonths} months` : null,
    nextDue: next?.state === 'due' ? next.date : null,
    dueState: dueState(next, state?.snoozedUntil ?? null, asOf, firstSeen ?? seenOn),
    firstSeenOn: firstSeen,
    responsible: state?.responsible ?? item.responsible,
    defaultResponsible: item.responsible,
    responsibleIsDefault: !state?.responsible,
    status: 'CONFIRMED',
    citations: [],
    ruleIds: [],
    missing: [],
    guideLink: null,
    completions,
    snoozedUntil: state?.snoozedUntil ?? null,
    dismissed: state?.dismissed ?? null,
    own: { everyMonths: item.everyMonths, firstDue: item.firstDue }
  }
}

const DUE_ORDER: Record<DueState, number> = {
  overdue: 0,
  'due-soon': 1,
  'no-record': 2,
  'needs-date': 3,
  scheduled: 4,
  snoozed: 5,
  'no-schedule': 6,
  complete: 7
}

/** A check that stops at an age (early puberty) no longer applies once the person is that old. */
function endedByAge(rule: Rule, facts: Facts, asOf: string): boolean {
  const end = rule.schedule?.endAtAge
  return (
    end !== undefined && facts.dateOfBirth !== null && ageInYears(facts.dateOfBirth, asOf) >= end
  )
}

/**
 * @param seenOn the day an item shown for the first time counts as having appeared (the core
 *   passes today, whatever day the plan is worked out for)
 */
export function buildPlanItems(
  content: CarePlanContent,
  facts: Facts,
  user: UserPlanState,
  asOf: string,
  seenOn: string = asOf
): EngineResult {
  const age = ageAtFirstTreatment(facts)
  const ageLimit = content.caya.ageLimit
  const adultTreated = age !== null && age >= ageLimit
  const notes: string[] = []
  if (age === null) {
    notes.push(
      'The date of birth or of diagnosis is missing, so Lantern cannot tell whether the childhood-cancer guidelines apply; it assumes they do.'
    )
  } else if (adultTreated) {
    notes.push(
      `Most follow-up guidelines used here were written for people first treated before age ${ageLimit}. Their checks are listed as questions for your care team.`
    )
  }
  if (!facts.therapyEndRecorded && facts.therapyEnd) {
    notes.push(
      'No treatment end date is recorded, so schedules count from the last treatment in the record.'
    )
  }

  const byKey = new Map<string, Match[]>()
  for (const rule of content.rules) {
    if (rule.population === 'on-treatment' && !facts.onTreatment) continue
    if (rule.population === 'adult' && !adultTreated) continue
    if (endedByAge(rule, facts, asOf)) continue
    const evaluation = evaluate(rule.when, facts)
    if (evaluation.value === 'no') continue
    const list = byKey.get(rule.itemKey) ?? []
    list.push({ rule, evaluation })
    byKey.set(rule.itemKey, list)
  }

  const items: PlanItem[] = []
  for (const [key, all] of byKey) {
    // A key that some rule matches outright is not held back by another that needs data;
    // what that one lacks is still said, in case it would make the check more frequent.
    const sure = all.filter((m) => m.evaluation.value === 'yes')
    const matches = sure.length > 0 ? sure : all
    const item = ruleItem(key, matches, facts, content, user, asOf, seenOn, adultTreated)
    if (sure.length > 0 && sure.length < all.length) {
      item.missing.push(
        ...all.filter((m) => m.evaluation.value !== 'yes').flatMap((m) => m.evaluation.missing)
      )
      item.missing = [...new Set(item.missing)]
    }
    items.push(item)
  }
  for (const own of user.ownItems) items.push(ownItem(own, user, asOf, seenOn))

  items.sort(
    (a, b) =>
      DUE_ORDER[a.dueState] - DUE_ORDER[b.dueState] ||
      (a.nextDue ?? '9999').localeCompare(b.nextDue ?? '9999') ||
      a.title.localeCompare(b.title)
  )
  return { items, notes }
}

function countOf(items: PlanItem[]): PlanCounts {
  const counts: PlanCounts = { items: 0, noRecord: 0, overdue: 0, dueSoon: 0 }
  for (const item of items) {
    counts.items += 1
    if (item.dueState === 'no-record') counts.noRecord += 1
    else if (item.dueState === 'overdue') counts.overdue += 1
    else if (item.dueState === 'due-soon') counts.dueSoon += 1
  }
  return counts
}

/** The counts the plan shows at its top and beside each group; dismissed items are left out. */
export function planStatus(items: PlanItem[]): PlanStatus {
  const active = items.filter((i) => !i.dismissed)
  const bySystem: PlanStatus['bySystem'] = {}
  for (const system of new Set(active.map((i) => i.system))) {
    bySystem[system] = countOf(active.filter((i) => i.system === system))
  }
  return { ...countOf(active), bySystem }
}
