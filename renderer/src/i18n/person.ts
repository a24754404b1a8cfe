/** Messages for a person's pages: summary, details, and deleting with undo. */
export const personMessages = {
  summaryTitle: 'Treatment summary',
  detailsTitle: 'Details',
  sampleBadge: 'Sample (fictional)',
  navLabel: 'Pages for {name}',
  navSummary: 'Summary',
  navCarePlan: 'Care plan',
  navRecord: 'Record',
  navDetails: 'Details',
  loading: 'Opening the record…',
  missingTitle: 'This person is not in the vault',
  missingBody:
    'They may have been deleted, or the link is out of date. Everyone who is in the vault is listed on the People page.',
  backToPeople: 'Back to People',
  born: 'Born {date}',
  age: {
    one: 'age {count}',
    other: 'age {count}'
  },
  bornWithAge: 'Born {date} ({age})',

  undo: {
    deletedOne: '{name} was deleted.',
    deletedMany: {
      one: '{count} person was deleted.',
      other: '{count} people were deleted.'
    },
    until: 'You can undo this until {time}.',
    button: 'Undo',
    undoButtonFor: 'Undo deleting {name}',
    restored: '{name} is back, with their whole record.',
    restoredMany: 'Everyone has been brought back, with their records.',
    expired: 'The time to undo has passed.',
    failed: 'Lantern could not bring them back. The time to undo may have passed.'
  },

  deleteButton: 'Delete',
  confirmDeleteTitle: 'Delete {name}?',
  confirmDeleteBody:
    'This removes {name} and everything in their record. You can undo it for a minute afterwards.',
  confirmDelete: 'Delete {name}',
  deleting: 'Deleting…',

  details: {
    intro:
      'These details appear at the top of the treatment summary. Fill in what you know; every field can be left empty. Changes save by themselves.',
    dateOfBirth: 'Date of birth',
    sex: 'Sex',
    sexNone: 'Not recorded',
    phone: 'Phone',
    phoneHint: 'Their own phone number and email, to appear on a printed summary.',
    email: 'Email',
    treatmentCompletedOn: 'Treatment completed on',
    treatmentCompletedHint: 'The day the last treatment ended, if it has.',
    ongoingTherapy: 'Ongoing therapy',
    ongoingTherapyHint: 'For example: hormone therapy, or a medicine taken every day.',
    incompleteDate: 'Enter a whole date: day, month and year.',
    leaveUnsaved:
      'A detail you typed is not saved, because it needs another look (see the message beside it). Leave this page anyway?',
    contactTitle: 'Contact',
    aboutTitle: 'About {name}',
    treatmentTitle: 'Treatment'
  },

  important: {
    title: 'Important to know in an emergency',
    intro:
      'What a doctor seeing {name} for the first time needs to know before anything else. It goes at the top of the summary and on the wallet card. Leave anything you are not sure of unanswered.',
    notAnswered: 'Not answered',
    allergiesTitle: 'Allergies',
    allergiesHint:
      'Medicines, foods or anything else that caused a reaction, with what happened if you know.',
    substance: 'Substance',
    reaction: 'Reaction',
    reactionOptional: 'Reaction (optional)',
    allergyItem: 'Allergy {number}',
    addAllergy: 'Add an allergy',
    removeAllergy: 'Remove allergy {number}',
    noKnownAllergies: 'No known allergies',
    noKnownAllergiesHint:
      'Tick only if the care team knows of none. With nothing listed and this unticked, the summary says allergies are not recorded.',
    centralLine: 'Central line',
    centralLineHint: 'A port, tunnelled line or PICC line that is in the body now.',
    centralLineNotes: 'Type and place',
    centralLineNotesHint: 'For example: Port-a-cath, right chest.',
    centralLinePlacedOn: 'Date placed',
    shunt: 'Shunt',
    shuntHint: 'For example a shunt that drains fluid from the brain.',
    shuntNotes: 'About the shunt',
    spleen: 'Spleen',
    spleenHint:
      'Without a working spleen, a fever can be an emergency. Ask the care team if you are not sure.',
    walletTitle: 'For the wallet card',
    walletHint:
      'Ask your care team for these two and copy them exactly. Lantern does not suggest a number.',
    teamPhone24h: 'Care team’s 24-hour number',
    feverThreshold: 'Fever threshold the care team gave you',
    feverUnit: 'Unit',
    feverUnitChoose: 'Choose',
    feverNotANumber: 'Enter the temperature as a number, like 38.5.',
    feverNeedsUnit: 'Choose °C or °F.'
  },

  summary: {
    importantEdit: 'Change in Details',
    print: 'Print',
    printHint: 'Prints this summary on its own, without Lantern’s menus.',
    preparedOn: 'Treatment summary, prepared {date} with Lantern',
    sampleNotice:
      'This is a fictional sample record, made up to show what Lantern can do. It is not about a real person and not medical advice.',
    loading: 'Putting the summary together…',
    emptyTitle: 'Nothing in the record yet',
    emptyBody:
      'The summary is built from the record. Add a diagnosis, treatment phases, medicines, radiation or a transplant, and they will appear here, with doses added up for you.',
    emptyAction: 'Add to the record',
    detailsAction: 'Add date of birth and other details'
  },

  sample: {
    title: 'Sample record',
    intro:
      'The sample is the record of Alex, a fictional child treated for leukemia. Load it to explore Lantern: open its summary, look through the record, and delete it when you are done. Nothing in it is about a real person.',
    load: 'Load the sample',
    loading: 'Loading the sample…',
    loaded: 'The sample record is ready.',
    open: 'Open the sample record',
    openNamed: 'Open {name}',
    present: {
      one: 'The sample record is loaded.',
      other: '{count} sample records are loaded.'
    },
    delete: 'Delete the sample',
    deleting: 'Deleting…',
    deleted: 'The sample was deleted.'
  }
}
