/**
 * The survivorship care plan as the core computes it and the renderer (and later the PDF
 * export) shows it. The plan is never stored: the core recomputes it from the record and the
 * shipped rules every time. Only what the person does with it is stored: done dates, snoozes,
 * dismissals, who is responsible, their own items and reviews.
 */
import { z } from 'zod'
import { NOTE_MAX_LENGTH, TEXT_MAX_LENGTH } from './limits.ts'
import { isoDate, todayIso } from './record.ts'

/** Said plainly on the plan screen, on its printout and in every export of it. */
export const CARE_PLAN_DISCLAIMER =
  'This plan lists topics from published follow-up guidelines, matched to the treatment in ' +
  'this record, to discuss with your care team. It is not medical advice: your care team ' +
  'decides which checks you need and when.'

/** How the plan is grouped on screen, in this order. */
export const BODY_SYSTEMS = [
  'cancer-coming-back',
  'heart',
  'lungs',
  'brain-and-learning',
  'hormones-and-growth',
  'fertility-and-sexual-health',
  'bones-and-joints',
  'eyes-and-ears',
  'liver-and-kidneys',
  'blood-and-immunity',
  'new-cancers',
  'metabolic-health',
  'emotional-health',
  'school-work-and-money',
  'healthy-living',
  'other'
] as const
export type BodySystem = (typeof BODY_SYSTEMS)[number]

/** Who looks after a part of follow-up. The rules give a default; the person can change it. */
export const RESPONSIBLE = [
  'follow-up-team',
  'oncology-team',
  'family-doctor',
  'you',
  'not-decided'
] as const
export type Responsible = (typeof RESPONSIBLE)[number]

export type RuleStatus = 'CONFIRMED' | 'UNCONFIRMED'

export interface Citation {
  organisation: string
  document: string
  version: string
  section: string | null
  url: string
  /** When Lantern's team last read the rule against this source. */
  checkedOn: string
}

/**
 * - check: a check-up from a confirmed rule, with how often and when next due;
 * - ask: a topic to raise with the care team (an unconfirmed rule): source, no schedule;
 * - topic: a confirmed subject to cover (ASCO, IOM), with no computed schedule;
 * - needs-data: a rule that may apply but needs something the record lacks;
 * - own: added by the person.
 */
export type PlanItemKind = 'check' | 'ask' | 'topic' | 'needs-data' | 'own'

/**
 * - overdue: fell due while the plan was kept (on or after the day it first appeared) and has
 *   not been done since;
 * - no-record: was already past due the day the plan first showed it (a record typed in after
 *   the fact), and nothing recorded since says it was done. Not a missed check: a question.
 */
export type DueState =
  | 'overdue'
  | 'no-record'
  | 'due-soon'
  | 'scheduled'
  | 'snoozed'
  | 'complete'
  | 'needs-date'
  | 'no-schedule'

/**
 * A time a check was done. When the family knows it was done but not when, `doneOn` is null and
 * `notedOn` is the day they said so: it was done on or before that day, and the next due date
 * counts from it.
 */
export type Completion =
  | { id: string; doneOn: string; note: string | null; dateKnown: true }
  | { id: string; doneOn: null; notedOn: string; note: string | null; dateKnown: false }

/** A section of a shipped guide; the route `guide` opens it (#/library/<guide>/<section>). */
export interface GuideLink {
  guideId: string
  sectionId: string
}

export interface PlanItem {
  /** Stable across re-evaluations, so done dates follow the check-up, not the rule. */
  key: string
  kind: PlanItemKind
  system: BodySystem
  title: string
  /** The late effect or concern this check looks for, if any. */
  concern: string | null
  what: string
  /** Why it is in this person's plan, with their own numbers. */
  why: string[]
  /** How often, as the source puts it; null when no schedule may be shown. */
  frequency: string | null
  nextDue: string | null
  dueState: DueState
  /**
   * The day the plan first showed this item with a due date; null while it has none. A due
   * date before it was already past when the item appeared: 'no-record', never 'overdue'.
   */
  firstSeenOn: string | null
  responsible: Responsible
  /** What the rule (or, for the person's own items, the item) suggests. */
  defaultResponsible: Responsible
  responsibleIsDefault: boolean
  status: RuleStatus
  citations: Citation[]
  ruleIds: string[]
  /** What the record lacks for this item to be complete, in words. */
  missing: string[]
  /** The guide section that explains it, from the guide that fits the person; null if none. */
  guideLink: GuideLink | null
  /** Newest first, by the day done (or, when that is not known, the day it was noted). */
  completions: Completion[]
  snoozedUntil: string | null
  dismissed: { reason: string; on: string } | null
  /** For the person's own items: the schedule as they entered it, for editing. */
  own: { everyMonths: number | null; firstDue: string | null } | null
}

export type PlanChangeKind = 'added' | 'removed' | 'changed' | 'rules-updated'

export interface PlanChange {
  kind: PlanChangeKind
  key: string | null
  title: string
  detail: string
}

export interface PlanReview {
  id: string
  reviewedWith: string
  reviewedOn: string
  note: string | null
}

/** The anthracycline total the engine used, with the table that produced it. */
export interface AnthracyclineTotal {
  doxorubicinEquivalentMgM2: number
  /** Some doses could not be converted (no height or weight), so the real total is higher. */
  incomplete: boolean
  table: { id: string; version: string }
}

/** How many items are in the plan and where they stand; dismissed items are not counted. */
export interface PlanCounts {
  items: number
  noRecord: number
  overdue: number
  dueSoon: number
}

/** The numbers at the top of the plan, for the whole plan and for each group. */
export interface PlanStatus extends PlanCounts {
  bySystem: Partial<Record<BodySystem, PlanCounts>>
}

export interface CarePlan {
  profileId: string
  asOf: string
  rulesVersion: string
  /** The day the rules with schedules were last read against their sources. */
  rulesCheckedOn: string
  anthracycline: AnthracyclineTotal | null
  /** Plan-wide remarks: whom the guidelines were written for, what the record lacks. */
  notes: string[]
  items: PlanItem[]
  status: PlanStatus
  /** What changed since the plan was last acknowledged; null the first time. */
  changes: PlanChange[] | null
  reviews: PlanReview[]
  disclaimer: string
}

// ---- Inputs ----

const id = z.string().uuid('Not a valid identifier.')
/** Rule keys are ours ("heart.echocardiogram"); the person's own are "own.<uuid>". */
export const itemKey = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,99}$/, 'Not a care plan item.')
const shortText = (message: string) =>
  z
    .string()
    .trim()
    .min(1, message)
    .max(TEXT_MAX_LENGTH, `Use at most ${TEXT_MAX_LENGTH} characters.`)
const note = z
  .string()
  .trim()
  .max(NOTE_MAX_LENGTH, `Use at most ${NOTE_MAX_LENGTH} characters.`)
  .nullable()
  .optional()
  .transform((v) => (v ? v : null))

const notInFuture = isoDate.refine((d) => d <= todayIso(), 'That date is in the future.')

export const carePlanInputs = {
  get: z.strictObject({ profileId: id, asOf: isoDate.optional() }),
  /** `doneOn: null`: done, on a date nobody knows. */
  markDone: z.strictObject({
    profileId: id,
    itemKey,
    doneOn: notInFuture.nullable(),
    note
  }),
  undoDone: z.strictObject({ profileId: id, completionId: id }),
  snooze: z.strictObject({
    profileId: id,
    itemKey,
    until: isoDate.refine((d) => d > todayIso(), 'Choose a date after today.').nullable()
  }),
  dismiss: z.strictObject({
    profileId: id,
    itemKey,
    reason: shortText('Say why, so you remember later.')
  }),
  restore: z.strictObject({ profileId: id, itemKey }),
  setResponsible: z.strictObject({
    profileId: id,
    itemKey,
    responsible: z.enum(RESPONSIBLE, 'Choose who is responsible.').nullable()
  }),
  saveOwnItem: z.strictObject({
    profileId: id,
    id: id.optional(),
    title: shortText('Name the check-up or topic.'),
    system: z.enum(BODY_SYSTEMS, 'Choose a group.'),
    what: note,
    everyMonths: z
      .number('Enter a number of months.')
      .int('Use whole months.')
      .min(1, 'At least every month.')
      .max(240, 'At most every 20 years.')
      .nullable(),
    firstDue: isoDate.nullable(),
    responsible: z.enum(RESPONSIBLE, 'Choose who is responsible.')
  }),
  deleteOwnItem: z.strictObject({ profileId: id, id }),
  addReview: z.strictObject({
    profileId: id,
    reviewedWith: shortText('Enter who you reviewed the plan with.'),
    reviewedOn: notInFuture,
    note
  }),
  deleteReview: z.strictObject({ profileId: id, id }),
  acknowledgeChanges: z.strictObject({ profileId: id })
} as const
