/** Messages for making the document for doctors as a PDF file (the export dialog). */
export const exportMessages = {
  open: 'Export PDF',
  openHint: 'Makes a PDF file for a doctor: the treatment summary and the follow-up plan.',
  title: 'Export a PDF for a doctor',
  intro:
    'Lantern makes the file on this computer. Choose what goes in it; nothing is sent anywhere.',

  variantLegend: 'Document',
  variants: {
    full: 'Full summary and care plan',
    'one-page': 'One-page summary',
    card: 'Wallet card'
  },
  variantHints: {
    full: 'Everything in the record, with the follow-up plan and its sources.',
    'one-page':
      'One page for an emergency department or a new family doctor: diagnosis, alerts, medicines and doses, radiation, the next check-ups, phone numbers.',
    card: 'A card for a wallet, two sides on one sheet: print at actual size, cut out and fold.'
  },

  paperLegend: 'Paper size',
  papers: {
    A4: 'A4',
    LETTER: 'US Letter'
  },

  sectionsLegend: 'Parts to include',
  sections: {
    important: 'Important to know first',
    diagnoses: 'Diagnosis',
    treatment: 'Treatment',
    'care-team': 'Care team',
    'care-plan': 'Survivorship care plan, with its sources',
    questions: 'Questions for the care team',
    review: 'Review with a clinician, with a line to sign'
  },
  sectionsRequired: 'Tick at least one part.',

  nameInMetadata: 'Put the name in the file’s details',
  nameInMetadataHint:
    'The name is printed on every page either way. Ticked, it is also in the file’s properties, which other programs show in file lists and searches.',

  password: 'Password (optional)',
  passwordHint:
    'Anyone opening the file will need it. Lantern uses it for this file only and never keeps it, so write it down or tell it to the doctor another way. A file with a password cannot be an archival PDF (PDF/A).',
  passwordConfirm: 'Type the password again',
  passwordTooShort: 'Use at least {count} characters, or leave the password empty.',
  passwordTooLong: 'That is longer than a PDF password can be: use fewer characters.',
  passwordControl: 'Use letters, digits, spaces and punctuation.',
  passwordMismatch: 'The two passwords are not the same.',

  make: 'Make the PDF',
  making: 'Making the PDF…',
  close: 'Close',

  phases: {
    starting: 'Starting…',
    building: 'Putting the summary and the plan together…',
    'laying-out': 'Laying out the pages…',
    saving: 'Saving the file…'
  },
  downloaded: 'Made “{fileName}”. Your browser saves it with your other downloads.',
  saved: 'Saved “{fileName}”.',
  cancelled: 'Nothing was saved.',
  failed:
    'The PDF could not be made or saved, and nothing was changed. Try again, or choose another folder.'
}
