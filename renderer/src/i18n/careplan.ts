import {
  bodySystemLabels,
  dueStateLabels,
  nextDueLabels,
  responsibleLabels
} from '@shared/labels.ts'

/** Messages for the Care plan tab of a person: the survivorship care plan and what is done with it. */
export const carePlanMessages = {
  title: 'Care plan',
  heading: 'Survivorship care plan',
  loading: 'Putting the care plan together…',
  disclaimerTitle: 'Please read this first',
  sampleNotice:
    'This plan belongs to a fictional sample record. It shows how Lantern works and is not about a real person.',
  print: 'Print',
  printHint: 'Prints the plan on its own, with the sources, without Lantern’s menus and buttons.',
  preparedOn: 'Survivorship care plan, prepared {date} with Lantern',
  glance: {
    noRecord: {
      one: '{count} with no record yet',
      other: '{count} with no record yet'
    },
    overdue: {
      one: '{count} overdue',
      other: '{count} overdue'
    },
    dueSoon: {
      one: '{count} due soon',
      other: '{count} due soon'
    },
    items: {
      one: '{count} item in the plan',
      other: '{count} items in the plan'
    }
  },

  about: {
    title: 'About this plan',
    anthracycline: 'Anthracycline total used for this plan: {total} mg/m², counted as doxorubicin.',
    anthracyclineTable: 'Converted with the table {table} ({version}).',
    anthracyclineIncomplete:
      'Some anthracycline doses could not be converted, because a height or weight is missing, so the real total is higher.',
    basis:
      'Worked out on {date} from the treatment record, with Lantern’s rules version {version}, checked against their sources on {checked}.'
  },

  changes: {
    title: 'What changed since you last looked',
    intro:
      'The plan is worked out again from the record and Lantern’s rules every time. These are the differences.',
    gotIt: 'Got it',
    kinds: {
      added: 'New',
      removed: 'No longer in the plan',
      changed: 'Changed',
      'rules-updated': 'Guidelines updated'
    }
  },

  empty: {
    title: 'Nothing in the plan yet',
    body: 'The plan is built from the treatment record. Add the diagnosis, medicines with their doses, radiation or a transplant, and the follow-up that guidelines suggest for them will appear here. You can also add your own items below.',
    action: 'Add to the record'
  },

  systems: bodySystemLabels,

  groupEmptied: 'Nothing left in this group: what you dismissed is in the Dismissed list.',

  kinds: {
    check: 'Check-up',
    ask: 'Ask your care team',
    topic: 'Topic',
    'needs-data': 'Needs information',
    own: 'Your own'
  },

  responsible: responsibleLabels,
  suggested: '{label} (suggested)',
  backToSuggested: 'Go back to the suggested choice',

  due: dueStateLabels,
  nextDue: nextDueLabels,

  item: {
    concern: 'Looks for',
    why: 'Why',
    what: 'What',
    frequency: 'How often',
    noFrequency: 'No set schedule',
    nextDue: 'Next due',
    who: 'Who',
    whoSuffix: 'looks after {title}',
    source: 'Source',
    sources: 'Sources',
    missingTitle: 'To complete this, Lantern needs:',
    unconfirmed:
      'Lantern’s team could not confirm the schedule in this source, so no schedule is shown. Ask your care team whether this applies.',
    guide: 'Read more in the guides:',
    guideSection: '{section}, in “{guide}”',
    doneTitle: 'Done',
    doneOn: 'Done on {date}',
    doneOnWithNote: 'Done on {date} — {note}',
    doneUndated: 'Done, date not known (noted on {date})',
    doneUndatedWithNote: 'Done, date not known (noted on {date}) — {note}',
    undoDone: 'Undo',
    undoDoneLabel: 'Undo done on {date} for {title}',
    undoUndatedLabel: 'Undo “done, date not known” for {title}',
    markDone: 'Mark done',
    snooze: 'Snooze',
    endSnooze: 'End snooze',
    dismiss: 'Dismiss',
    restore: 'Restore',
    edit: 'Edit',
    delete: 'Delete',
    dismissedOn: 'Dismissed on {date}: {reason}',
    changeFailed: 'That could not be saved. Nothing was changed.'
  },

  citation: {
    section: 'Section: {section}.',
    version: 'Version: {version}.',
    checked: 'Lantern’s team checked it on {date}.',
    address: 'Address: {url}',
    show: 'Show the sources in full',
    hide: 'Hide the full sources',
    forItem: 'for {title}'
  },

  contents: {
    title: 'In this plan',
    count: {
      one: '{count} item',
      other: '{count} items'
    },
    overdue: '{count} overdue',
    noRecord: '{count} with no record yet',
    own: 'Your own items',
    dismissed: 'Dismissed',
    reviews: 'Reviews'
  },

  markDone: {
    title: 'Mark {title} as done',
    doneOn: 'Date it was done',
    replacesUndated: 'A date on or before {date} replaces “done, date not known”.',
    note: 'Result or note',
    noteHint: 'For example: “normal”, or what the doctor said.',
    save: 'Save',
    saving: 'Saving…'
  },
  lastDone: {
    question:
      'If it has been done, when was it last done? Lantern works out the next due date from it.',
    date: 'Date it was last done',
    save: 'Save the date',
    saving: 'Saving…',
    unknown: 'Done, date not known',
    unknownHint:
      'If it was done but nobody knows when, the next one counts from today. Your care team may have the date.'
  },
  snooze: {
    title: 'Snooze {title}',
    until: 'Remind me again on',
    hint: 'The item stays in the plan; it just stops counting as due until this date.',
    save: 'Snooze',
    saving: 'Saving…',
    dateRequired: 'Choose the date to be reminded again.'
  },
  dismiss: {
    title: 'Dismiss {title}',
    reason: 'Why are you dismissing it?',
    reasonHint:
      'For example: “our doctor says this does not apply”. It moves to the Dismissed list, and you can restore it any time.',
    save: 'Dismiss',
    saving: 'Saving…'
  },

  status: {
    markedDone: 'Marked {title} as done on {date}.',
    undoneDone: 'Removed the done date {date} from {title}.',
    undoneUndated: 'Removed “done, date not known” from {title}.',
    lastDoneSaved: 'Saved: {title} was last done on {date}.',
    undatedSaved: 'Saved: {title} was done, date not known.',
    nextDue: 'Next due: {next}.',
    putBack: 'Put it back',
    snoozed: 'Snoozed {title} until {date}.',
    snoozeEnded: 'Ended the snooze of {title}.',
    dismissed: 'Dismissed {title}. It is in the Dismissed list at the end of the plan.',
    restored: 'Restored {title} to the plan.',
    responsible: 'Saved: {who} looks after {title}.',
    ownAdded: 'Added {title} to the plan.',
    ownSaved: 'Saved {title}.',
    ownDeleted: 'Deleted {title}.',
    reviewAdded: 'Added the review with {who}.',
    reviewDeleted: 'Deleted the review with {who}.',
    acknowledged: 'Thank you. New changes will show here next time.',
    undo: 'Undo',
    undoDismiss: 'Undo dismissing {title}',
    putBackLabel: 'Put it back: done on {date} for {title}',
    putBackUndatedLabel: 'Put it back: done, date not known, for {title}'
  },

  dismissed: {
    title: 'Dismissed',
    about: 'Items you dismissed, with your reason. They are not printed. Restore puts one back.',
    show: {
      one: 'Show {count} dismissed item',
      other: 'Show {count} dismissed items'
    },
    hide: 'Hide dismissed items'
  },

  own: {
    title: 'Your own items',
    about:
      'Add anything else to keep track of: a check-up your care team asked for, a test, a topic to raise.',
    add: 'Add your own item',
    newTitle: 'New item',
    editTitle: 'Edit {title}',
    itemTitle: 'What is it called?',
    itemTitleHint: 'For example: “Dental check-up” or “Ask about the flu vaccine”.',
    system: 'Group',
    systemChoose: 'Choose a group',
    what: 'What is done',
    everyMonths: 'Every how many months',
    everyMonthsHint: 'Leave empty if it happens only once or has no schedule.',
    months: 'months',
    firstDue: 'First due on',
    firstDueHint: 'Leave empty if there is no date yet.',
    who: 'Who looks after it',
    save: 'Save',
    saving: 'Saving…',
    confirmDelete: 'Delete {title}?',
    confirmDeleteBody: 'Its done dates go with it. This cannot be undone.',
    confirmDeleteButton: 'Delete',
    keep: 'Keep it',
    firstDueDoneHint:
      'It has been done already, so the next date counts from the last time it was done, not from this one.'
  },

  reviews: {
    title: 'Reviewed with your care team',
    about:
      'Going through the plan with a doctor or nurse is the best way to use it. Note here when you did, and with whom.',
    none: 'Not reviewed with anyone yet.',
    line: 'Reviewed with {who} on {date}',
    delete: 'Delete',
    deleteLabel: 'Delete the review with {who} on {date}',
    formTitle: 'Add a review',
    who: 'Reviewed with',
    whoHint: 'For example: “Dr Okafor, late effects clinic”.',
    date: 'Date',
    note: 'Note',
    save: 'Add review',
    saving: 'Saving…'
  },

  cancel: 'Cancel'
}
