/** Messages for entering the treatment record (the Record tab of a person). */
export const recordMessages = {
  title: 'Treatment record',
  intro:
    'Write down what happened, a little at a time. Changes to an entry save by themselves; a new entry is kept when you press Save.',
  loading: 'Opening the record…',
  loadFailed: 'The record could not be opened.',
  edit: 'Edit',
  editLabel: 'Edit {what}',
  delete: 'Delete',
  deleteLabel: 'Delete {what}',
  done: 'Done',
  added: 'Added {what}.',
  deleted: 'Deleted {what}.',
  undo: 'Undo',
  undone: 'Brought back {what}.',
  deleteFailed: 'That could not be deleted. Nothing was changed.',
  deleteAlso: {
    one: 'Its {count} relapse will be deleted with it.',
    other: 'Its {count} relapses will be deleted with it.'
  },
  confirmDelete: 'Delete {what}?',
  confirmDeleteBody: 'You can bring it back with Undo straight afterwards.',
  keep: 'Keep it',
  empty: 'Nothing here yet.',
  newTitle: 'New entry',
  editTitle: 'Editing',
  leaveUnsaved: 'Something you typed is not saved yet. Leave this page anyway?',
  keptDraft: 'Kept from before Lantern locked or closed. Check it and save.',
  optional: '(optional)',
  none: 'Not set',
  notLinked: 'Not linked',
  listSeparator: ', ',
  unknownDate: 'date not known',
  provenance: {
    title: 'Where did this come from?',
    summary: 'Source, clinician check and notes',
    source: 'Source',
    typed: 'I typed it in myself',
    'clinic-letter': 'From a clinic letter or report',
    computed: 'Worked out by Lantern',
    checkedBy: 'Checked by a clinician (name)',
    checkedOn: 'Date it was checked',
    notes: 'Notes',
    checked: 'Checked by {name}',
    fromLetter: 'From a clinic letter'
  },
  sections: {
    diagnosis: {
      title: 'Diagnoses',
      about: 'The illness the doctors found, when, and what the tests showed about it.',
      add: 'Add a diagnosis',
      item: 'diagnosis'
    },
    relapse: {
      title: 'Relapses',
      about: 'If the illness came back: when, and where in the body.',
      add: 'Add a relapse',
      item: 'relapse',
      needsDiagnosis: 'Add the diagnosis first, then its relapses.'
    },
    measurement: {
      title: 'Height and weight',
      about:
        'Measured heights and weights. Lantern uses the one nearest each dose to add up doses given per body size (mg/m²).',
      add: 'Add a height and weight',
      item: 'measurement'
    },
    phase: {
      title: 'Treatment phases',
      about: 'The blocks of treatment, such as induction or maintenance, with their dates.',
      add: 'Add a phase',
      item: 'phase'
    },
    administration: {
      title: 'Medicines given',
      about:
        'Each cancer medicine, how it was given, the dose, and when. A run of repeated doses can be one entry.',
      add: 'Add a medicine',
      item: 'medicine',
      filterLabel: 'Show medicines from',
      allPhases: 'All phases',
      noPhase: 'Not linked to a phase'
    },
    radiation: {
      title: 'Radiation',
      about: 'Each course of radiotherapy: the area treated, the total dose and the dates.',
      add: 'Add a radiation course',
      item: 'radiation course'
    },
    transplant: {
      title: 'Stem cell transplant',
      about:
        'A bone marrow or stem cell transplant, and any graft-versus-host disease (GVHD) after it.',
      add: 'Add a transplant',
      item: 'transplant'
    },
    procedure: {
      title: 'Surgery and procedures',
      about: 'Operations and procedures, such as a biopsy or having a line put in.',
      add: 'Add a surgery or procedure',
      item: 'procedure'
    },
    supportiveCare: {
      title: 'Supportive care',
      about: 'Blood and platelet transfusions, central lines, and other care that helped.',
      add: 'Add supportive care',
      item: 'supportive care'
    },
    complication: {
      title: 'Complications and side effects',
      about:
        'Problems during or after treatment, how serious they were, and whether they are over.',
      add: 'Add a complication',
      item: 'complication'
    },
    careTeamMember: {
      title: 'Care team',
      about: 'The people looking after treatment and follow-up, and how to reach them.',
      add: 'Add someone',
      item: 'care team member'
    }
  },
  measurement: {
    measuredOn: 'Date measured',
    heightCm: 'Height',
    weightKg: 'Weight',
    cm: 'cm',
    kg: 'kg',
    summary: '{what} on {date}'
  },
  diagnosis: {
    condition: 'Condition',
    conditionOther: 'Name of the condition',
    diagnosedOn: 'Date of diagnosis',
    institution: 'Hospital or clinic',
    riskGroup: 'Risk group',
    riskGroupHint: 'For example standard, high or very high risk.',
    immunophenotype: 'Immunophenotype',
    cytogenetic: 'Cytogenetic findings',
    molecular: 'Molecular findings',
    findingsHint: 'One per line, for example “Philadelphia chromosome” or “BCR::ABL1”.',
    cnsStatus: 'CNS status',
    cnsStatusHint: 'For example CNS1, CNS2 or CNS3.',
    laterality: 'Side',
    stage: 'Stage',
    erStatus: 'Oestrogen receptor (ER)',
    prStatus: 'Progesterone receptor (PR)',
    her2Status: 'HER2',
    metastasisSites: 'Where it has spread',
    metastasisHint: 'One place per line.',
    diagnosedOnShort: 'diagnosed {date}'
  },
  relapse: {
    diagnosisId: 'Which diagnosis came back',
    relapsedOn: 'Date of relapse',
    sites: 'Where it came back',
    siteOther: 'Other place',
    treatmentAfter: 'Treatment after the relapse',
    summary: 'Relapse {date}'
  },
  phase: {
    kind: 'Phase',
    name: 'Name (if it has one)',
    startedOn: 'Start date',
    endedOn: 'End date',
    protocol: 'Protocol or trial',
    protocolHint: 'For example AALL0932 or a clinical-trial number.',
    institution: 'Hospital or clinic',
    intent: 'Aim of the treatment'
  },
  administration: {
    drug: 'Medicine',
    drugHint: 'Type part of any name: generic, brand or short name (like “MTX”).',
    drugPlaceholder: 'Start typing a name',
    drugClass: 'Kind of medicine: {class}',
    alsoKnownAs: 'also {names}',
    noMatch: 'No medicine in Lantern’s list matches “{query}”.',
    matches: {
      one: '{count} medicine matches.',
      other: '{count} medicines match.'
    },
    noMatches: 'No medicine matches.',
    clear: 'Choose another medicine',
    route: 'How it was given',
    chooseDrugFirst: 'Choose the medicine first.',
    dose: 'Dose (each time)',
    unit: 'Unit',
    schedule: 'When',
    once: 'One date',
    repeat: 'Repeating',
    date: 'Date given',
    start: 'First dose',
    intervalDays: 'Every',
    days: 'days',
    repeatUntil: 'How long',
    byCount: 'A number of times',
    byEnd: 'Until a date',
    count: 'Number of doses',
    end: 'Last date',
    preview: {
      one: '{count} dose: {dates}',
      other: '{count} doses: {dates}'
    },
    previewEmpty: 'The dates will show here.',
    estimated: 'This dose is estimated',
    estimatedHint: 'Tick this if you are not sure of the exact dose.',
    estimatedShort: 'estimated',
    confirmUnusual: 'Yes, this dose is right',
    confirmUnusualHint: 'Lantern saves it marked as an unusual dose you confirmed.',
    confirmedUnusual: 'You confirmed this unusual dose as right.',
    confirmedUnusualShort: 'unusual dose, confirmed',
    phaseId: 'Treatment phase',
    transplantId: 'Part of a transplant',
    needsBodySize:
      'Lantern adds up doses per body size using a height and weight. There is none in this record yet; add one under “Height and weight” and the totals will follow.'
  },
  every: {
    daily: 'daily',
    weekly: 'weekly',
    weeks: 'every {count} weeks',
    days: 'every {count} days'
  },
  dose: {
    once: '{dose} {unit} {route}, on {date}',
    times: '{dose} {unit} {route}, {every} × {count} from {date}',
    until: '{dose} {unit} {route}, {every} from {from} to {to}'
  },
  radiation: {
    field: 'Area treated',
    fieldOther: 'Name of the area',
    totalDoseGy: 'Total dose',
    gy: 'Gy',
    fractions: 'Number of treatments (fractions)',
    startedOn: 'Start date',
    endedOn: 'End date',
    institution: 'Hospital or clinic',
    transplantId: 'Part of a transplant',
    summary: '{dose} Gy in {fractions} fractions'
  },
  transplant: {
    type: 'Type of transplant',
    donor: 'Donor',
    donorHint: 'For example “matched sibling” or “unrelated donor”.',
    cellSource: 'Where the cells came from',
    transplantedOn: 'Date of transplant',
    institution: 'Hospital',
    conditioning: 'Conditioning treatment',
    conditioningHint: 'The chemotherapy or radiation given just before the transplant.',
    gvhd: 'Graft-versus-host disease (GVHD)',
    gvhdNone: 'No GVHD recorded.',
    addGvhd: 'Add a GVHD episode',
    removeGvhd: 'Remove this GVHD episode',
    gvhdItem: 'GVHD episode {number}',
    gvhdKind: 'Kind',
    gvhdOrgans: 'Parts of the body affected',
    gvhdOrgansOther: 'Which other parts of the body',
    noChronicGvhd: 'No chronic GVHD after this transplant',
    noChronicGvhdHint:
      'Tick this if chronic GVHD did not develop at any point after this transplant. Left unticked, it reads as not answered yet.',
    noChronicGvhdShort: 'no chronic GVHD',
    bloodGroupBefore: 'Blood group before the transplant',
    bloodGroupAfter: 'Blood group after the transplant',
    bloodGroupHint: 'ABO and Rh, as on the transplant team’s letter.',
    gvhdGrade: 'Grade',
    gvhdStartedOn: 'Start date',
    gvhdStatus: 'Now',
    gvhdCount: {
      one: '{count} GVHD episode',
      other: '{count} GVHD episodes'
    },
    gvhdCountOrgans: {
      one: '{count} GVHD episode: {organs}',
      other: '{count} GVHD episodes: {organs}'
    }
  },
  procedure: {
    kind: 'Kind',
    name: 'What was done',
    performedOn: 'Date'
  },
  supportiveCare: {
    kind: 'Kind',
    count: 'How many',
    startedOn: 'Start date',
    endedOn: 'End date',
    details: 'Details',
    countShort: {
      one: '{count} time',
      other: '{count} times'
    }
  },
  complication: {
    name: 'What happened',
    grade: 'Grade (1 to 5, if known)',
    gradeHint: 'Doctors grade side effects from 1 (mild) to 5. Leave it empty if you do not know.',
    startedOn: 'Start date',
    endedOn: 'End date',
    status: 'Now',
    gradeShort: 'grade {grade}'
  },
  careTeam: {
    name: 'Name',
    role: 'Role',
    roleHint: 'For example “Oncologist” or “Specialist nurse”.',
    institution: 'Hospital or practice',
    phone: 'Phone',
    email: 'Email',
    coordinatesFollowUp: 'This person coordinates follow-up care',
    coordinator: 'coordinates follow-up'
  }
}
