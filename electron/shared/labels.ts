/**
 * The words for the record's stored values: one catalogue per list of values in record.ts
 * (named as that list is: SEXES → sexes), and the care plan's groups and who is responsible.
 * Shared, so the screens (through renderer/src/i18n, with label() and options() from
 * lib/format.ts) and the core's document for doctors say a value in the same words: a value
 * reads the same in a form, in the record, on the summary and on paper.
 * tests/unit/labels.test.ts fails if another catalogue labels one of these lists again.
 */
import type { BodySystem, DueState, Responsible } from './careplan.ts'

export const labelMessages = {
  sexes: {
    female: 'Female',
    male: 'Male',
    intersex: 'Intersex',
    'not-stated': 'Prefer not to say'
  },
  conditions: {
    'b-cell-all': 'B-cell acute lymphoblastic leukemia (ALL)',
    't-cell-all': 'T-cell acute lymphoblastic leukemia (ALL)',
    'ph-positive-all': 'Philadelphia chromosome-positive ALL',
    'breast-cancer': 'Breast cancer',
    other: 'Another condition'
  },
  receptorStatuses: {
    positive: 'Positive',
    negative: 'Negative',
    low: 'Low',
    unknown: 'Not known'
  },
  findingKinds: {
    cytogenetic: 'Cytogenetic',
    molecular: 'Molecular'
  },
  lateralities: {
    left: 'Left',
    right: 'Right',
    both: 'Both sides',
    'not-applicable': 'Does not apply'
  },
  relapseSites: {
    'bone-marrow': 'Bone marrow',
    cns: 'Brain and spinal fluid (CNS)',
    testicular: 'Testicles',
    other: 'Somewhere else'
  },
  phaseKinds: {
    induction: 'Induction',
    consolidation: 'Consolidation',
    'interim-maintenance': 'Interim maintenance',
    'delayed-intensification': 'Delayed intensification',
    maintenance: 'Maintenance',
    'line-of-therapy': 'Line of therapy',
    conditioning: 'Conditioning (before transplant)',
    other: 'Other'
  },
  intents: {
    curative: 'To cure',
    'disease-control': 'To control the disease',
    palliative: 'For comfort (palliative)',
    unknown: 'Not known'
  },
  /** How a medicine was given, in full: for choosing it. */
  routes: {
    iv: 'Into a vein (IV)',
    oral: 'By mouth',
    intrathecal: 'Into the spinal fluid (intrathecal)',
    im: 'Into a muscle (IM)',
    subcutaneous: 'Under the skin (subcutaneous)'
  },
  /** The same, short, inside a line of text or a table cell ("1.5 mg/m² IV"). */
  routesShort: {
    iv: 'IV',
    oral: 'by mouth',
    intrathecal: 'intrathecal',
    im: 'IM',
    subcutaneous: 'under the skin'
  },
  drugClasses: {
    anthracycline: 'Anthracycline',
    'alkylating-agent': 'Alkylating agent',
    antimetabolite: 'Antimetabolite',
    'vinca-alkaloid': 'Vinca alkaloid',
    corticosteroid: 'Steroid (corticosteroid)',
    asparaginase: 'Asparaginase',
    epipodophyllotoxin: 'Epipodophyllotoxin',
    'tyrosine-kinase-inhibitor': 'Tyrosine kinase inhibitor',
    'monoclonal-antibody': 'Monoclonal antibody',
    'antibody-drug-conjugate': 'Antibody–drug conjugate',
    'bispecific-antibody': 'Bispecific antibody',
    'car-t-cell-therapy': 'CAR-T cell therapy',
    'endocrine-therapy': 'Hormone (endocrine) therapy',
    'cdk4-6-inhibitor': 'CDK4/6 inhibitor',
    'her2-directed': 'HER2-directed therapy',
    'parp-inhibitor': 'PARP inhibitor',
    'immune-checkpoint-inhibitor': 'Immune checkpoint inhibitor',
    'bone-modifying-agent': 'Bone-strengthening medicine',
    'pi3k-akt-mtor-inhibitor': 'PI3K/AKT/mTOR inhibitor',
    taxane: 'Taxane',
    platinum: 'Platinum chemotherapy',
    'other-chemotherapy': 'Other chemotherapy',
    other: 'Other'
  },
  radiationFields: {
    cranial: 'Head (cranial)',
    craniospinal: 'Head and spine (craniospinal)',
    neck: 'Neck (thyroid area)',
    'total-body': 'Whole body (TBI)',
    chest: 'Chest',
    'breast-or-chest-wall': 'Breast or chest wall',
    abdomen: 'Abdomen',
    'upper-abdomen': 'Upper abdomen (reaching above the diaphragm)',
    testicular: 'Testicles',
    other: 'Somewhere else'
  },
  transplantTypes: {
    allogeneic: 'Allogeneic (from a donor)',
    autologous: 'Autologous (own cells)'
  },
  cellSources: {
    'bone-marrow': 'Bone marrow',
    'peripheral-blood': 'Blood (peripheral blood stem cells)',
    'cord-blood': 'Cord blood',
    unknown: 'Not known'
  },
  gvhdKinds: {
    acute: 'Acute',
    chronic: 'Chronic'
  },
  gvhdStatuses: {
    active: 'Still active',
    resolved: 'Resolved'
  },
  gvhdOrgans: {
    skin: 'Skin',
    mouth: 'Mouth',
    eyes: 'Eyes',
    liver: 'Liver',
    gut: 'Gut (stomach and bowel)',
    lungs: 'Lungs',
    'joints-and-fascia': 'Joints and fascia (tissue around muscles)',
    genital: 'Genital area',
    other: 'Other organs'
  },
  procedureKinds: {
    surgery: 'Surgery',
    procedure: 'Procedure'
  },
  supportiveCareKinds: {
    'red-cell-transfusions': 'Red blood cell transfusions',
    'platelet-transfusions': 'Platelet transfusions',
    'central-line': 'Central line (port or Hickman line)',
    other: 'Other'
  },
  complicationStatuses: {
    ongoing: 'Ongoing',
    resolved: 'Resolved'
  }
}

/** The care plan's groups, by body system (BODY_SYSTEMS), in the plan's words. */
export const bodySystemLabels: Record<BodySystem, string> = {
  'cancer-coming-back': 'Signs the cancer may be back',
  heart: 'Heart',
  lungs: 'Lungs and breathing',
  'brain-and-learning': 'Brain, learning and nerves',
  'hormones-and-growth': 'Hormones and growth',
  'fertility-and-sexual-health': 'Fertility and sexual health',
  'bones-and-joints': 'Bones and joints',
  'eyes-and-ears': 'Eyes and ears',
  'liver-and-kidneys': 'Liver and kidneys',
  'blood-and-immunity': 'Blood and immunity',
  'new-cancers': 'New cancers',
  'metabolic-health': 'Weight, blood sugar and cholesterol',
  'emotional-health': 'Feelings and emotional health',
  'school-work-and-money': 'School, work, insurance and money',
  'healthy-living': 'Healthy living',
  other: 'Other'
}

/** Who looks after a part of follow-up (RESPONSIBLE). */
export const responsibleLabels: Record<Responsible, string> = {
  'follow-up-team': 'Follow-up team',
  'oncology-team': 'Cancer care team',
  'family-doctor': 'Family doctor',
  you: 'You or your family',
  'not-decided': 'Not decided yet'
}

/** Where a care-plan item stands, in a word or two, when there is no date to say more. */
export const dueStateLabels: Record<DueState, string> = {
  overdue: 'Overdue',
  'no-record': 'No record yet',
  'due-soon': 'Due soon',
  scheduled: 'Scheduled',
  snoozed: 'Snoozed',
  complete: 'Done',
  'needs-date': 'Needs a date',
  'no-schedule': 'No schedule'
}

/**
 * The "Next due" line of a care-plan item, with its date filled in ({date}; {due} for the date
 * a snoozed item was due).
 */
export const nextDueLabels = {
  overdue: 'Due since {date}',
  noRecord: 'No record of this being done. It was due from {date}, before Lantern listed it.',
  noRecordSince: 'No record of this being done since it was due on {date}.',
  fromUndated:
    'Counted from {date}, the day you noted it as done without a date. It may be due sooner; your care team can tell you.',
  dueSoon: 'Due by {date}',
  scheduled: '{date}',
  snoozed: 'Snoozed until {date}',
  snoozedWasDue: 'Snoozed until {date} (it was due {due})',
  complete: 'Done',
  needsDate: 'Lantern cannot work out a date yet.',
  noSchedule: 'No set date',
  askNoSchedule:
    'No schedule is shown: talk to your care team about whether and when you need this.',
  topicNoSchedule: 'No set schedule: bring it up at a follow-up visit.'
}
