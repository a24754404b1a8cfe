/**
 * The care-plan rules and dose-equivalence tables shipped in content/careplan/, as data.
 *
 * A rule says: given this exposure (and condition), this late effect can follow, and this
 * check-up is recommended, this often, from then, according to that source. Its status says
 * whether Lantern's team read the schedule in the cited source (CONFIRMED) or not
 * (UNCONFIRMED). An UNCONFIRMED rule may carry no schedule: the plan shows it as a topic to
 * raise with the care team. The schema enforces that, so a bad data file fails at load and in
 * the data tests, never in front of a family.
 */
import { z } from 'zod'
import { BODY_SYSTEMS, RESPONSIBLE } from '../../shared/careplan.ts'
import {
  CONDITIONS,
  GVHD_ORGANS,
  RADIATION_FIELDS,
  SEXES,
  TRANSPLANT_TYPES
} from '../../shared/record.ts'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const text = z.string().trim().min(1)

export const citationSchema = z.strictObject({
  organisation: text,
  document: text,
  version: text,
  url: z.string().regex(/^(https?:\/\/|github\.com\/)/, 'A citation needs a URL.'),
  /** When Lantern's team read this source for the rules that cite it. */
  checkedOn: z.string().regex(ISO_DATE)
})

const range = z
  .strictObject({
    atLeast: z.number().nonnegative().optional(),
    below: z.number().positive().optional()
  })
  .refine((r) => r.atLeast !== undefined || r.below !== undefined, 'A range needs a bound.')

/** What a rule looks for in the record. Evaluated to yes, no or unknown (see conditions.ts). */
export type Condition =
  | { always: true }
  | { anthracyclineDoxEq: z.infer<typeof range> }
  | { drugs: string[] }
  | { drugClasses: string[] }
  | { intrathecal: true }
  | { radiation: { fields: (typeof RADIATION_FIELDS)[number][]; gy?: z.infer<typeof range> } }
  | { corticosteroidDaysInARow: { atLeast: number } }
  | { transplant: (typeof TRANSPLANT_TYPES)[number][] }
  | { redCellTransfusions: { atLeast: number } }
  | { chronicGvhd: { organs?: string[] } }
  | { largestDose: { drugs: string[]; routes: string[]; perM2: z.infer<typeof range> } }
  | { not: Condition }
  | { sex: (typeof SEXES)[number][] }
  | { diagnosis: (typeof CONDITIONS)[number][] }
  | { onTreatment: boolean }
  | { all: Condition[] }
  | { any: Condition[] }

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ always: z.literal(true) }),
    z.strictObject({ anthracyclineDoxEq: range }),
    z.strictObject({ drugs: z.array(text).min(1) }),
    z.strictObject({ drugClasses: z.array(text).min(1) }),
    z.strictObject({ intrathecal: z.literal(true) }),
    z.strictObject({
      radiation: z.strictObject({
        fields: z.array(z.enum(RADIATION_FIELDS)).min(1),
        gy: range.optional()
      })
    }),
    z.strictObject({
      corticosteroidDaysInARow: z.strictObject({ atLeast: z.number().int().positive() })
    }),
    z.strictObject({ transplant: z.array(z.enum(TRANSPLANT_TYPES)).min(1) }),
    z.strictObject({
      redCellTransfusions: z.strictObject({ atLeast: z.number().int().positive() })
    }),
    /**
     * Chronic graft-versus-host disease after a transplant, in any of these organs (any organ
     * when none are named). Unknown while an allogeneic transplant has no answer either way.
     */
    z.strictObject({
      chronicGvhd: z.strictObject({ organs: z.array(z.enum(GVHD_ORGANS)).min(1).optional() })
    }),
    /** A single dose of one of these drugs, by these routes, in this range of mg per m². */
    z.strictObject({
      largestDose: z.strictObject({
        drugs: z.array(text).min(1),
        routes: z.array(text).min(1),
        perM2: range
      })
    }),
    /** For leaving a group out (breast screening after radiation given for breast cancer). */
    z.strictObject({ not: conditionSchema }),
    z.strictObject({ sex: z.array(z.enum(SEXES)).min(1) }),
    z.strictObject({ diagnosis: z.array(z.enum(CONDITIONS)).min(1) }),
    z.strictObject({ onTreatment: z.boolean() }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) })
  ])
)

/** Where a schedule starts counting: the end of treatment, the end of the exposure, or birth. */
const anchorSchema = z.strictObject({
  from: z.enum(['therapy-end', 'exposure-end', 'birth']),
  months: z.number().int().min(0).max(600)
})

export const scheduleSchema = z.strictObject({
  /** The first check is due at the latest of these dates. */
  start: z.array(anchorSchema).min(1),
  /**
   * How often after that, by age at the previous check (first band whose untilAge the person
   * has not reached). Absent: the check is done once.
   */
  every: z
    .array(
      z.strictObject({
        untilAge: z.number().int().positive().optional(),
        months: z.number().int().min(1).max(240)
      })
    )
    .min(1)
    .optional(),
  /** For a once-only check done before this age: one more at this age. */
  againAtAge: z.number().int().positive().optional(),
  /**
   * The check stops at this age (early puberty is watched for only in young children): from
   * then on the rule no longer applies to the person.
   */
  endAtAge: z.number().int().positive().optional()
})
export type RuleSchedule = z.infer<typeof scheduleSchema>

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/)

const checkedSchema = z.strictObject({
  source: text,
  section: text,
  /** Who the source says is at risk, with its numbers ("radiotherapy ≥ 30 Gy exposing the heart"). */
  threshold: text,
  /** How often and from when, in the source's terms ("every 2 years, from 2 years after"). */
  interval: text,
  on: z.string().regex(ISO_DATE)
})

/**
 * A guide section that explains a rule's topic: a guide id and a section id (the slug of the
 * section's heading) in content/guides/library.json. The data tests check that each one exists.
 */
export const guideLinkSchema = z.strictObject({ guide: slug, section: slug })
export type RuleGuideLink = z.infer<typeof guideLinkSchema>

export const ruleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** Rules with the same key describe one check-up; their done dates are shared. */
    itemKey: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,99}$/),
    kind: z.enum(['check', 'topic']),
    system: z.enum(BODY_SYSTEMS),
    /**
     * Who the source wrote for: people first treated as children, teenagers or young adults
     * (caya), people first treated at or after the caya age limit (adult), everyone, or people
     * still on treatment.
     */
    population: z.enum(['caya', 'adult', 'everyone', 'on-treatment']),
    when: conditionSchema,
    title: text,
    /** A first line for "why", when the condition itself gives no reason (e.g. everyone). */
    because: text.optional(),
    concern: text.nullable(),
    what: text,
    frequency: text.nullable(),
    schedule: scheduleSchema.nullable(),
    responsible: z.enum(RESPONSIBLE),
    status: z.enum(['CONFIRMED', 'UNCONFIRMED']),
    /** Keys of `sources`, each with the section the rule comes from. */
    citations: z.array(z.strictObject({ source: text, section: text })).min(1),
    /**
     * For a rule with a schedule: where its numbers were read (one of its citations and the
     * section), the source's own threshold and interval with their qualifiers, and the day they
     * were checked. Lets a reviewer re-check a rule against its source without guessing.
     */
    checked: checkedSchema.optional(),
    /** Why the rule is what it is, for the next reviewer; not shown. */
    reviewNote: text.optional(),
    /**
     * Guide sections that explain the topic, best first; empty when no guide covers it. The plan
     * shows one, chosen for the person (guideLink.ts), so each guide appears at most once: a
     * second section of the same guide could never be chosen.
     */
    guides: z.array(guideLinkSchema)
  })
  .superRefine((rule, ctx) => {
    if (rule.status === 'UNCONFIRMED' && (rule.schedule !== null || rule.frequency !== null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['schedule'],
        message: 'An UNCONFIRMED rule may not carry a schedule or a frequency.'
      })
    }
    if (rule.schedule !== null && rule.frequency === null) {
      ctx.addIssue({ code: 'custom', path: ['frequency'], message: 'Say the schedule in words.' })
    }
    if (rule.schedule !== null && !rule.checked) {
      ctx.addIssue({
        code: 'custom',
        path: ['checked'],
        message: 'A rule with a schedule says where its threshold and interval were checked.'
      })
    }
    if (rule.checked && !rule.citations.some((c) => c.source === rule.checked!.source)) {
      ctx.addIssue({
        code: 'custom',
        path: ['checked', 'source'],
        message: 'The checked source must be one of the rule’s citations.'
      })
    }
    if (rule.kind === 'topic' && rule.schedule !== null) {
      ctx.addIssue({ code: 'custom', path: ['schedule'], message: 'A topic has no schedule.' })
    }
    const linked = rule.guides.map((g) => g.guide)
    if (new Set(linked).size !== linked.length) {
      ctx.addIssue({ code: 'custom', path: ['guides'], message: 'Link each guide once.' })
    }
  })
export type Rule = z.output<typeof ruleSchema>

export const equivalenceTableSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: text,
  description: text,
  status: z.enum(['CONFIRMED', 'UNCONFIRMED']),
  citations: z.array(z.strictObject({ source: text, section: text })).min(1),
  /** Multiply a drug's cumulative mg/m² by its factor to get the reference drug's mg/m². */
  factors: z.record(z.string(), z.number().positive()),
  /**
   * Where each factor really comes from, which is not always the table's own source: PanCare's
   * idarubicin ×5 is the COG guideline's, because Feijen 2019 could not estimate one.
   */
  factorCitations: z.record(
    z.string(),
    z.strictObject({ source: text, section: text, note: text.optional() })
  )
})
export type EquivalenceTable = z.output<typeof equivalenceTableSchema>

export const carePlanContentSchema = z
  .strictObject({
    /** Bumped whenever a rule or table changes; stored plans compare it to show what changed. */
    version: text,
    /** The day every scheduled rule was last read against its source; shown with the plan. */
    checkedOn: z.string().regex(ISO_DATE),
    sources: z.record(z.string(), citationSchema),
    /**
     * Rules for survivors of childhood, teenage and young adult cancer apply to people first
     * treated before this age; for others their checks become questions for the care team.
     */
    caya: z.strictObject({
      ageLimit: z.number().int().positive(),
      citations: z.array(z.strictObject({ source: text, section: text })).min(1)
    }),
    /** The table the engine uses for anthracyclines; others are kept for reference. */
    anthracyclineTable: text,
    equivalenceTables: z.array(equivalenceTableSchema).min(1),
    rules: z.array(ruleSchema).min(1)
  })
  .superRefine((content, ctx) => {
    const ids = new Set<string>()
    const statusByKey = new Map<string, string>()
    content.rules.forEach((rule, i) => {
      if (ids.has(rule.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'id'],
          message: `Duplicate rule ${rule.id}.`
        })
      }
      ids.add(rule.id)
      const seen = statusByKey.get(rule.itemKey)
      if (seen && seen !== rule.status) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'itemKey'],
          message: `Rules sharing ${rule.itemKey} must share a status.`
        })
      }
      statusByKey.set(rule.itemKey, rule.status)
      for (const c of rule.citations) {
        if (!(c.source in content.sources)) {
          ctx.addIssue({
            code: 'custom',
            path: ['rules', i, 'citations'],
            message: `Unknown source ${c.source}.`
          })
        }
      }
    })
    content.equivalenceTables.forEach((t, i) => {
      for (const drug of Object.keys(t.factors)) {
        const cited = t.factorCitations[drug]
        if (!cited || !(cited.source in content.sources)) {
          ctx.addIssue({
            code: 'custom',
            path: ['equivalenceTables', i, 'factorCitations', drug],
            message: `The ${drug} factor needs a citation to a known source.`
          })
        }
      }
    })
    const table = content.equivalenceTables.find((t) => t.id === content.anthracyclineTable)
    if (!table) {
      ctx.addIssue({ code: 'custom', path: ['anthracyclineTable'], message: 'No such table.' })
    } else if (table.status !== 'CONFIRMED') {
      ctx.addIssue({
        code: 'custom',
        path: ['anthracyclineTable'],
        message: 'The table in use must be CONFIRMED.'
      })
    }
  })
export type CarePlanContent = z.output<typeof carePlanContentSchema>

/** The table the engine (and the treatment summary) convert anthracyclines with. */
export function anthracyclineTableOf(content: CarePlanContent): EquivalenceTable {
  // The schema guarantees it exists and is CONFIRMED.
  return content.equivalenceTables.find((t) => t.id === content.anthracyclineTable)!
}

/**
 * The table with each factor's source written out, for the summary and the PDF: a doctor reading
 * "idarubicin ×5" can see it is the COG guideline's factor, not a measured ratio.
 */
export function anthracyclineTableWithSources(
  content: CarePlanContent
): EquivalenceTable & { factorSources: Record<string, string> } {
  const table = anthracyclineTableOf(content)
  const factorSources: Record<string, string> = {}
  for (const [drug, cited] of Object.entries(table.factorCitations)) {
    const source = content.sources[cited.source]!
    factorSources[drug] =
      `${source.organisation}, ${source.document}: ${cited.section}.` +
      (cited.note ? ` ${cited.note}` : '')
  }
  return { ...table, factorSources }
}

export class CarePlanContentError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CarePlanContentError'
  }
}

export function parseCarePlanContent(json: unknown): CarePlanContent {
  const parsed = carePlanContentSchema.safeParse(json)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new CarePlanContentError(
      `Care plan content is invalid at ${first?.path.join('.') ?? '?'}: ${first?.message ?? ''}`
    )
  }
  return parsed.data
}
