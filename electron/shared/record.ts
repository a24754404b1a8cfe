/**
 * The treatment record's entries as the contract accepts them. Each kind of entry has one
 * strict schema; the rules a person can break by typing (a date of birth in the future, an end
 * before its start, an absurd dose) are checked here, at the boundary, with a message meant to
 * be shown beside the field.
 */
import { z } from 'zod'
import { calendarParts } from './calendarDate.ts'
import { formatNumber, formatUnit } from './format.ts'
import { DOSE_UNITS, MAX_SINGLE_DOSE, NOTE_MAX_LENGTH, TEXT_MAX_LENGTH } from './limits.ts'

// ---- Building blocks ----

function isCalendarDate(text: string): boolean {
  return calendarParts(text) !== null
}

/** Today as the person's computer sees it, for "not in the future" checks. */
export function todayIso(): string {
  const now = new Date()
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 10)
}

export const isoDate = z
  .string()
  .refine(isCalendarDate, 'Enter a real date (year-month-day).')
  .refine((d) => d >= '1900-01-01' && d <= '2100-12-31', 'Enter a date between 1900 and 2100.')

const optionalDate = isoDate.nullable().optional()

/**
 * The record keeps what happened, so its dates are today or earlier: a dose "given" next week
 * would be counted in the totals and the care plan as if it had been. The message names what
 * the date is for, beside its field.
 */
const pastDate = (message: string) => isoDate.refine((d) => d <= todayIso(), message)
const optionalPastDate = (message: string) => pastDate(message).nullable().optional()
/** An end date: something still going on has none yet. */
const pastEnd = optionalPastDate(
  'An end date cannot be in the future. Leave it empty until it has ended.'
)

const text = (max = TEXT_MAX_LENGTH) => z.string().trim().max(max, `Use at most ${max} characters.`)
const optionalText = (max = TEXT_MAX_LENGTH) =>
  text(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v))
const requiredText = (message: string, max = TEXT_MAX_LENGTH) => text(max).min(1, message)

const id = z.string().uuid('Not a valid identifier.')

const optionalEmail = z
  .union([z.literal(''), z.email('Enter an email address like name@example.org.')])
  .nullable()
  .optional()
  .transform((v) => (v === '' ? null : v))

const textList = (maxItems: number) =>
  z.array(text().min(1, 'Leave no item empty.')).max(maxItems, `Use at most ${maxItems} items.`)

/** Where an entry came from, and whether a clinician checked it. */
export const SOURCES = ['typed', 'clinic-letter', 'computed'] as const
const provenance = {
  source: z.enum(SOURCES).default('typed'),
  checkedBy: optionalText(),
  checkedOn: optionalPastDate('A check cannot be dated in the future.'),
  notes: optionalText(NOTE_MAX_LENGTH)
}

/** Fields every entry has: which entry (absent when new) and whose record it belongs to. */
const owned = { id: id.optional(), profileId: id, ...provenance }

/** In zod 4 a refinement keeps the schema's own type, so the result still works in unions. */
function endNotBeforeStart<T extends z.ZodType>(schema: T, start: string, end: string): T {
  return schema.superRefine((value, ctx) => {
    const v = value as Record<string, unknown>
    const from = v[start]
    const to = v[end]
    if (typeof from === 'string' && typeof to === 'string' && to < from) {
      ctx.addIssue({ code: 'custom', path: [end], message: 'The end is before the start.' })
    }
  }) as T
}

// ---- The person ----

export const SEXES = ['female', 'male', 'intersex', 'not-stated'] as const

// What a doctor in an emergency must know first (the summary's top, the wallet card). Each
// has an explicit "not answered" (null, or no allergies and no "none known"): an empty field
// never reads as "none".

/** A central venous line (port, tunnelled line, PICC): in place now, or not. */
export const CENTRAL_LINE_STATES = ['none', 'in-place'] as const
/** A shunt, such as a CSF shunt: in place now, or not. */
export const SHUNT_STATES = ['none', 'in-place'] as const
/** 'not-working': functional asplenia, as the care team said (after radiation, a transplant…). */
export const SPLEEN_STATES = ['working', 'removed', 'not-working'] as const
export const BLOOD_GROUPS = ['O+', 'O-', 'A+', 'A-', 'B+', 'B-', 'AB+', 'AB-'] as const
export const TEMPERATURE_UNITS = ['C', 'F'] as const
export const MAX_ALLERGIES = 30

/**
 * The fever threshold the family's care team gave them. Lantern never supplies one; the range
 * only catches a slip (a Fahrenheit number with °C, a missing digit), not a clinical choice.
 */
export const FEVER_THRESHOLD_RANGE = {
  C: { min: 35, max: 42 },
  F: { min: 95, max: 107.6 }
} as const

export const allergySchema = z.strictObject({
  substance: requiredText('Name the medicine, food or other substance.'),
  reaction: optionalText()
})

const feverThresholdSchema = z
  .strictObject({
    value: z.number('Enter the temperature as a number.'),
    unit: z.enum(TEMPERATURE_UNITS, 'Choose °C or °F.')
  })
  .superRefine((f, ctx) => {
    const { min, max } = FEVER_THRESHOLD_RANGE[f.unit]
    if (f.value < min || f.value > max) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `A fever threshold is between ${formatNumber(min)} and ${formatNumber(max)} °${f.unit}. Check the number and the unit your care team gave you.`
      })
    }
  })

/** The care team's 24-hour number, as the family would dial it. */
const teamPhone = text(50)
  .refine(
    (v) => v === '' || (/^[0-9 +()-]+$/.test(v) && /[0-9]/.test(v)),
    'Use only digits, spaces and + ( ) - in a phone number.'
  )
  .nullable()
  .optional()
  .transform((v) => (v === '' ? null : v))

export const NO_KNOWN_ALLERGIES_CONFLICT =
  'Allergies are listed. Untick “No known allergies”, or remove the allergies listed.'

export const personSchema = z
  .strictObject({
    profileId: id,
    dateOfBirth: isoDate
      .refine((d) => d <= todayIso(), 'A date of birth cannot be in the future.')
      .nullable()
      .optional(),
    sex: z.enum(SEXES).nullable().optional(),
    phone: optionalText(50),
    email: optionalEmail,
    treatmentCompletedOn: optionalPastDate(
      'Treatment cannot be recorded as completed on a date still to come.'
    ),
    ongoingTherapy: optionalText(),
    allergies: z
      .array(allergySchema)
      .max(MAX_ALLERGIES, `List at most ${MAX_ALLERGIES} allergies.`)
      .optional(),
    /** The family's explicit "no known allergies". False is "not answered", never "none". */
    noKnownAllergies: z.boolean().optional(),
    centralLine: z.enum(CENTRAL_LINE_STATES).nullable().optional(),
    /** For example "Port-a-cath, right chest". */
    centralLineNotes: optionalText(),
    centralLinePlacedOn: optionalPastDate('A line cannot be placed on a date still to come.'),
    shunt: z.enum(SHUNT_STATES).nullable().optional(),
    shuntNotes: optionalText(),
    spleen: z.enum(SPLEEN_STATES).nullable().optional(),
    /** The care team's 24-hour number, for the wallet card. */
    teamPhone24h: teamPhone,
    feverThreshold: feverThresholdSchema.nullable().optional()
  })
  .superRefine((p, ctx) => {
    if (p.noKnownAllergies === true && (p.allergies?.length ?? 0) > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['noKnownAllergies'],
        message: NO_KNOWN_ALLERGIES_CONFLICT
      })
    }
  })

// ---- Entries ----

export const measurementSchema = z
  .strictObject({
    ...owned,
    measuredOn: pastDate('A measurement cannot be dated in the future.'),
    heightCm: z
      .number('Enter the height in centimetres.')
      .min(30, 'Enter the height in centimetres (at least 30).')
      .max(250, 'Enter the height in centimetres (at most 250).')
      .nullable()
      .optional(),
    weightKg: z
      .number('Enter the weight in kilograms.')
      .min(0.5, 'Enter the weight in kilograms (at least 0.5).')
      .max(400, 'Enter the weight in kilograms (at most 400).')
      .nullable()
      .optional()
  })
  .refine((m) => m.heightCm != null || m.weightKg != null, {
    message: 'Enter a height, a weight, or both.',
    path: ['heightCm']
  })

export const CONDITIONS = [
  'b-cell-all',
  't-cell-all',
  'ph-positive-all',
  'breast-cancer',
  'other'
] as const
export const RECEPTOR_STATUSES = ['positive', 'negative', 'low', 'unknown'] as const
export const FINDING_KINDS = ['cytogenetic', 'molecular'] as const

export const LATERALITIES = ['left', 'right', 'both', 'not-applicable'] as const

export const diagnosisSchema = z
  .strictObject({
    ...owned,
    condition: z.enum(CONDITIONS, 'Choose a condition from the list.'),
    conditionOther: optionalText(),
    diagnosedOn: optionalPastDate('A diagnosis cannot be dated in the future.'),
    /** Where the diagnosis was made. */
    institution: optionalText(),
    laterality: z.enum(LATERALITIES).nullable().optional(),
    riskGroup: optionalText(),
    immunophenotype: optionalText(),
    findings: z
      .array(
        z.strictObject({
          kind: z.enum(FINDING_KINDS),
          finding: requiredText('Describe the finding.')
        })
      )
      .max(50, 'Use at most 50 findings.')
      .default([]),
    cnsStatus: optionalText(),
    erStatus: z.enum(RECEPTOR_STATUSES).nullable().optional(),
    prStatus: z.enum(RECEPTOR_STATUSES).nullable().optional(),
    her2Status: z.enum(RECEPTOR_STATUSES).nullable().optional(),
    stage: optionalText(),
    metastasisSites: textList(20).default([])
  })
  .refine((d) => d.condition !== 'other' || !!d.conditionOther, {
    message: 'Name the condition.',
    path: ['conditionOther']
  })

export const RELAPSE_SITES = ['bone-marrow', 'cns', 'testicular', 'other'] as const

export const relapseSchema = z.strictObject({
  ...owned,
  diagnosisId: id,
  relapsedOn: optionalPastDate('A relapse cannot be dated in the future.'),
  sites: z.array(z.enum(RELAPSE_SITES)).max(4).default([]),
  siteOther: optionalText(),
  treatmentAfter: optionalText(NOTE_MAX_LENGTH)
})

export const careTeamMemberSchema = z.strictObject({
  ...owned,
  name: requiredText('Enter a name.'),
  role: optionalText(),
  institution: optionalText(),
  phone: optionalText(50),
  email: optionalEmail,
  coordinatesFollowUp: z.boolean().default(false)
})

export const PHASE_KINDS = [
  'induction',
  'consolidation',
  'interim-maintenance',
  'delayed-intensification',
  'maintenance',
  'line-of-therapy',
  'conditioning',
  'other'
] as const
export const INTENTS = ['curative', 'disease-control', 'palliative', 'unknown'] as const

export const phaseSchema = endNotBeforeStart(
  z.strictObject({
    ...owned,
    kind: z.enum(PHASE_KINDS, 'Choose a phase from the list.'),
    name: optionalText(),
    startedOn: optionalPastDate('A phase cannot start in the future.'),
    /** May be in the future: the planned end of a phase still going on (e.g. maintenance). */
    endedOn: optionalDate,
    /** Protocol name or clinical-trial identifier. */
    protocol: optionalText(),
    institution: optionalText(),
    intent: z.enum(INTENTS).nullable().optional()
  }),
  'startedOn',
  'endedOn'
)

export const ROUTES = ['iv', 'oral', 'intrathecal', 'im', 'subcutaneous'] as const

const DOSE_NOT_IN_FUTURE = 'A dose cannot be dated in the future.'

/** The date of the last dose of `count`, `intervalDays` apart, from a valid `start`. */
function lastDoseOn(start: string, intervalDays: number, count: number): string {
  const day = 24 * 60 * 60 * 1000
  return new Date(Date.parse(`${start}T00:00:00Z`) + (count - 1) * intervalDays * day)
    .toISOString()
    .slice(0, 10)
}

/** The kinds of medicine in the drug catalog (content/drugs/catalog.json), as the screens name them. */
export const DRUG_CLASSES = [
  'anthracycline',
  'alkylating-agent',
  'antimetabolite',
  'vinca-alkaloid',
  'corticosteroid',
  'asparaginase',
  'epipodophyllotoxin',
  'tyrosine-kinase-inhibitor',
  'monoclonal-antibody',
  'antibody-drug-conjugate',
  'bispecific-antibody',
  'car-t-cell-therapy',
  'endocrine-therapy',
  'cdk4-6-inhibitor',
  'her2-directed',
  'parp-inhibitor',
  'immune-checkpoint-inhibitor',
  'bone-modifying-agent',
  'pi3k-akt-mtor-inhibitor',
  'taxane',
  'platinum',
  'other-chemotherapy',
  'other'
] as const

export const scheduleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('once'), date: pastDate(DOSE_NOT_IN_FUTURE) }),
  endNotBeforeStart(
    z
      .strictObject({
        kind: z.literal('repeat'),
        start: pastDate(DOSE_NOT_IN_FUTURE),
        intervalDays: z
          .number()
          .int('Use whole days.')
          .min(1, 'Repeat at least a day apart.')
          .max(365, 'Repeat at most a year apart.'),
        count: z
          .number()
          .int('Use a whole number of doses.')
          .min(1, 'At least one dose.')
          .max(2000, 'At most 2000 doses in one entry.')
          .optional(),
        end: pastDate('The last dose cannot be dated in the future.').optional()
      })
      .refine((s) => (s.count === undefined) !== (s.end === undefined), {
        message: 'Give either the number of doses or the last date, not both.',
        path: ['count']
      })
      .superRefine((s, ctx) => {
        // "Weekly × 4 from last Monday" would count doses not given yet.
        if (s.count === undefined || !isCalendarDate(s.start) || s.start > todayIso()) return
        if (lastDoseOn(s.start, s.intervalDays, s.count) > todayIso()) {
          ctx.addIssue({
            code: 'custom',
            path: ['count'],
            message:
              'Some of these doses would fall after today. Count only the doses given so far.'
          })
        }
      }),
    'start',
    'end'
  )
])

export const administrationSchema = z
  .strictObject({
    ...owned,
    phaseId: id.nullable().optional(),
    transplantId: id.nullable().optional(),
    drugId: z.string().min(1, 'Choose a drug.').max(100),
    route: z.enum(ROUTES, 'Choose how it was given.'),
    dose: z.number('Enter the dose as a number.').positive('A dose is more than zero.'),
    unit: z.enum(DOSE_UNITS, 'Choose a unit from the list.'),
    schedule: scheduleSchema,
    estimated: z.boolean().default(false),
    /**
     * The person's answer to "check the number and the unit": true when they confirmed a dose
     * the core found unusual. The core stores it only while the dose is still unusual, so an
     * edit back to a usual dose drops it.
     */
    confirmedUnusual: z.boolean().default(false)
  })
  .superRefine((a, ctx) => {
    const max = MAX_SINGLE_DOSE[a.unit]
    if (max !== undefined && a.dose > max) {
      ctx.addIssue({
        code: 'custom',
        path: ['dose'],
        message: `That is more than any single dose in ${formatUnit(a.unit)} (at most ${formatNumber(max)}). Check the number and the unit.`
      })
    }
  })

export const RADIATION_FIELDS = [
  'cranial',
  'craniospinal',
  'neck',
  'total-body',
  'chest',
  'breast-or-chest-wall',
  'abdomen',
  'upper-abdomen',
  'testicular',
  'other'
] as const

export const radiationSchema = endNotBeforeStart(
  z
    .strictObject({
      ...owned,
      transplantId: id.nullable().optional(),
      field: z.enum(RADIATION_FIELDS, 'Choose the area treated.'),
      fieldOther: optionalText(),
      totalDoseGy: z
        .number('Enter the total dose in Gy.')
        .positive('A dose is more than zero.')
        .max(100, 'Enter the total dose in Gy (at most 100).')
        .nullable()
        .optional(),
      fractions: z
        .number()
        .int('Use a whole number of fractions.')
        .min(1, 'At least one fraction.')
        .max(100, 'At most 100 fractions.')
        .nullable()
        .optional(),
      startedOn: optionalPastDate('Radiation cannot be dated in the future.'),
      endedOn: pastEnd,
      institution: optionalText()
    })
    .refine((r) => r.field !== 'other' || !!r.fieldOther, {
      message: 'Name the area treated.',
      path: ['fieldOther']
    }),
  'startedOn',
  'endedOn'
)

export const TRANSPLANT_TYPES = ['allogeneic', 'autologous'] as const
export const CELL_SOURCES = ['bone-marrow', 'peripheral-blood', 'cord-blood', 'unknown'] as const
export const GVHD_KINDS = ['acute', 'chronic'] as const
export const GVHD_STATUSES = ['active', 'resolved'] as const
/** Where GVHD showed itself; the care plan's checks depend on which organs it touched. */
export const GVHD_ORGANS = [
  'skin',
  'mouth',
  'eyes',
  'liver',
  'gut',
  'lungs',
  'joints-and-fascia',
  'genital',
  'other'
] as const

const gvhdEpisodeSchema = z
  .strictObject({
    kind: z.enum(GVHD_KINDS),
    organs: z
      .array(z.enum(GVHD_ORGANS, 'Choose the organs from the list.'))
      .max(GVHD_ORGANS.length)
      .default([])
      .refine((organs) => new Set(organs).size === organs.length, {
        message: 'Each organ can be ticked only once.'
      }),
    /** What "other" stands for: the family's own words, also kept from older free-text organs. */
    organsOther: optionalText(),
    grade: optionalText(20),
    startedOn: optionalPastDate('GVHD cannot be dated in the future.'),
    status: z.enum(GVHD_STATUSES).default('active')
  })
  .refine((g) => !g.organs.includes('other') || !!g.organsOther, {
    message: 'Name the other organs affected.',
    path: ['organsOther']
  })

export const transplantSchema = z
  .strictObject({
    ...owned,
    type: z.enum(TRANSPLANT_TYPES, 'Choose allogeneic or autologous.'),
    donor: optionalText(),
    cellSource: z.enum(CELL_SOURCES).nullable().optional(),
    transplantedOn: optionalPastDate('A transplant cannot be dated in the future.'),
    institution: optionalText(),
    conditioning: optionalText(NOTE_MAX_LENGTH),
    gvhd: z.array(gvhdEpisodeSchema).max(20).default([]),
    /**
     * The family's explicit "no chronic GVHD after this transplant". False is "not answered",
     * never "no": the care plan tells the two apart.
     */
    noChronicGvhd: z.boolean().default(false),
    /** ABO and Rh before the transplant and after it (a donor's group can replace the person's). */
    bloodGroupBefore: z
      .enum(BLOOD_GROUPS, 'Choose a blood group from the list.')
      .nullable()
      .optional(),
    bloodGroupAfter: z
      .enum(BLOOD_GROUPS, 'Choose a blood group from the list.')
      .nullable()
      .optional()
  })
  .superRefine((t, ctx) => {
    if (!t.noChronicGvhd) return
    if (t.type === 'autologous') {
      ctx.addIssue({
        code: 'custom',
        path: ['noChronicGvhd'],
        message:
          'GVHD comes from a donor’s cells, so it does not follow a transplant of the person’s own cells. Leave this box unticked.'
      })
    } else if (t.gvhd.some((g) => g.kind === 'chronic')) {
      ctx.addIssue({
        code: 'custom',
        path: ['noChronicGvhd'],
        message:
          'A chronic GVHD episode is recorded for this transplant. Untick this box, or remove that episode.'
      })
    }
  })

export const PROCEDURE_KINDS = ['surgery', 'procedure'] as const

export const procedureSchema = z.strictObject({
  ...owned,
  kind: z.enum(PROCEDURE_KINDS),
  name: requiredText('Name the surgery or procedure.'),
  performedOn: optionalPastDate('A surgery or procedure cannot be dated in the future.')
})

export const SUPPORTIVE_CARE_KINDS = [
  'red-cell-transfusions',
  'platelet-transfusions',
  'central-line',
  'other'
] as const

export const supportiveCareSchema = endNotBeforeStart(
  z.strictObject({
    ...owned,
    kind: z.enum(SUPPORTIVE_CARE_KINDS),
    count: z
      .number()
      .int('Use a whole number.')
      .min(0, 'A count cannot be negative.')
      .max(10_000)
      .nullable()
      .optional(),
    startedOn: optionalPastDate('Supportive care cannot start in the future.'),
    endedOn: pastEnd,
    details: optionalText(NOTE_MAX_LENGTH)
  }),
  'startedOn',
  'endedOn'
)

export const COMPLICATION_STATUSES = ['ongoing', 'resolved'] as const

export const complicationSchema = endNotBeforeStart(
  z.strictObject({
    ...owned,
    name: requiredText('Name the complication or side effect.'),
    grade: z
      .number()
      .int('Grades are whole numbers from 1 to 5.')
      .min(1, 'Grades are whole numbers from 1 to 5.')
      .max(5, 'Grades are whole numbers from 1 to 5.')
      .nullable()
      .optional(),
    startedOn: optionalPastDate('A complication cannot be dated in the future.'),
    endedOn: pastEnd,
    status: z.enum(COMPLICATION_STATUSES).default('ongoing')
  }),
  'startedOn',
  'endedOn'
)

/** Every kind of record entry, by the name the contract uses for it. */
export const ENTRY_SCHEMAS = {
  measurement: measurementSchema,
  diagnosis: diagnosisSchema,
  relapse: relapseSchema,
  careTeamMember: careTeamMemberSchema,
  phase: phaseSchema,
  administration: administrationSchema,
  radiation: radiationSchema,
  transplant: transplantSchema,
  procedure: procedureSchema,
  supportiveCare: supportiveCareSchema,
  complication: complicationSchema
} as const

export type EntryKind = keyof typeof ENTRY_SCHEMAS
export const ENTRY_KINDS = Object.keys(ENTRY_SCHEMAS) as EntryKind[]

/** An entry as saved: with its id and timestamps. */
export type Entry<K extends EntryKind> = z.output<(typeof ENTRY_SCHEMAS)[K]> & {
  id: string
  createdAt: string
  updatedAt: string
}
export type EntryInput<K extends EntryKind> = z.input<(typeof ENTRY_SCHEMAS)[K]>
export type Person = z.output<typeof personSchema>
export type Allergy = z.output<typeof allergySchema>
export type FeverThreshold = z.output<typeof feverThresholdSchema>

/** A person's whole record: every kind of entry, each list in the record's own order. */
export type RecordEntries = { [K in EntryKind]: Entry<K>[] }

/** True when `value` is input the kind's own schema accepts, exactly as the core will check it. */
export function isEntryInput<K extends EntryKind>(kind: K, value: unknown): value is EntryInput<K> {
  return ENTRY_SCHEMAS[kind].safeParse(value).success
}

/**
 * A form's values as an entry of `kind`. A form holds whatever was typed, so its values are an
 * entry only once the kind's schema accepts them; forms check with that schema first and show
 * its problems beside their fields, so this throws only if they were skipped.
 */
export function asEntryInput<K extends EntryKind>(kind: K, value: unknown): EntryInput<K> {
  if (isEntryInput(kind, value)) return value
  throw new Error(`The form's values are not a valid ${kind} entry.`)
}
