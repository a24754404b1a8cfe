/**
 * The English message catalogue. Every word the user reads comes from here, so a Spanish
 * edition is one more file of the same shape (see `Messages` in index.ts).
 *
 * Write the way a kind nurse would talk: short sentences, plain words, no blame.
 * `{name}` is filled in by t(); an object with `one` and `other` is chosen by `{count}`.
 */
import { carePlanMessages } from './careplan.ts'
import { documentsMessages } from './documents.ts'
import { exportMessages } from './export.ts'
import { labelMessages } from './labels.ts'
import { libraryMessages } from './library.ts'
import { personMessages } from './person.ts'
import { recordMessages } from './record.ts'

export const en = {
  record: recordMessages,
  person: personMessages,
  careplan: carePlanMessages,
  library: libraryMessages,
  documents: documentsMessages,
  exportPdf: exportMessages,
  labels: labelMessages,
  /** The words around dates; electron/shared/format.ts writes the same in English for paper. */
  format: {
    dateRange: '{from} to {to}',
    dateFrom: 'from {date}',
    dateUntil: 'until {date}'
  },
  app: {
    name: 'Lantern',
    starting: 'Opening Lantern…',
    unavailableTitle: 'Lantern could not open its secure store',
    unavailableBody:
      'Nothing has been changed or deleted. Try again, and if this keeps happening, close Lantern and open it again.',
    tryAgain: 'Try again'
  },
  nav: {
    label: 'Main',
    skip: 'Skip to the main content',
    people: 'People',
    guides: 'Guides',
    settings: 'Settings',
    lock: 'Lock'
  },
  common: {
    show: 'Show',
    hide: 'Hide',
    toggleFor: ' ({field})',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    dismiss: 'Dismiss',
    table: 'Table',
    tableAbout: 'Table: {title}',
    minutes: 'minutes',
    capsLockOn: 'Caps Lock is on.',
    saveStatus: {
      idle: 'Changes save by themselves.',
      newEntry: 'Press Save to add this entry.',
      pending: 'Changes not saved yet…',
      saving: 'Saving…',
      saved: 'Saved',
      notSaved: 'Not saved: {reason}',
      checkFields: 'fix the field marked with a message.',
      checkDose: 'check the dose, then confirm it if it is right.',
      heldBack: {
        one: 'Saved, except {fields}: see the message beside it.',
        other: 'Saved, except {fields}: see the messages beside them.'
      }
    },
    discard: {
      question: 'Close this form without saving what you typed?',
      keep: 'Keep typing',
      discard: 'Close without saving'
    }
  },
  passphrase: {
    newLabel: 'Passphrase',
    newHint:
      'Use at least {min} characters. A short sentence or a few unrelated words is easy to remember and hard to guess.',
    confirmLabel: 'Type the passphrase again',
    tooShort: 'Use at least {min} characters. This one has {length}.',
    tooLong: 'Use at most {max} characters.',
    required: 'Choose a passphrase.',
    confirmRequired: 'Type the passphrase a second time, to be sure it is the one you meant.',
    mismatch: 'The two passphrases are not the same. Type them again carefully.',
    strength: {
      label: 'Passphrase strength:',
      empty: 'Not entered yet',
      tooShort: 'Too short',
      checking: 'Checking…',
      weak: 'Weak',
      fair: 'Fair',
      strong: 'Strong',
      adviceLonger: 'Longer is stronger: try four or more words that do not belong together.',
      adviceStrong: 'Good choice. Make sure you will remember it.'
    },
    /** What the strength check found; the keys are those of zxcvbn, the words are ours. */
    feedback: {
      warnings: {
        straightRow: 'A straight row of keys on the keyboard is easy to guess.',
        keyPattern: 'Short shapes traced on the keyboard are easy to guess.',
        simpleRepeat: 'One character again and again, like “aaa”, is easy to guess.',
        extendedRepeat:
          'A group of characters said over and over, like “abcabc”, is easy to guess.',
        sequences: 'Runs like “abc” or “1234” are easy to guess.',
        recentYears: 'Recent years are easy to guess.',
        dates: 'Dates are easy to guess.',
        topTen: 'This is among the ten passphrases people choose most.',
        topHundred: 'This is among the hundred passphrases people choose most.',
        common: 'This is one of the passphrases people use most.',
        similarToCommon: 'This is close to one of the passphrases people use most.',
        wordByItself: 'A single word on its own is easy to guess.',
        namesByThemselves: 'A name on its own is easy to guess.',
        commonNames: 'Common first names and family names are easy to guess.',
        userInputs: 'Words to do with Lantern or illness are among the first anyone would try.',
        pwned: 'This passphrase is known from a leak of stolen passwords.'
      },
      suggestions: {
        l33t: 'Swapping letters for look-alikes, like “@” for “a”, fools nobody.',
        reverseWords: 'A word spelled backwards is still easy to guess.',
        allUppercase: 'All capitals add little; a few in unexpected places help more.',
        capitalization: 'A capital only at the start adds little.',
        dates: 'Leave out dates and years that have to do with you.',
        recentYears: 'Leave out recent years.',
        associatedYears: 'Leave out years that mean something to you, like a birth year.',
        sequences: 'Leave out runs like “abc” or “1234”.',
        repeated: 'Leave out repeated words and characters.',
        longerKeyboardPattern:
          'A pattern on the keyboard helps only if it is long and turns often.',
        anotherWord: 'Add a word or two more that do not belong together.',
        useWords: 'Try several words that do not belong together, not a well-known saying.',
        noNeed: 'Symbols, digits and capitals are not needed: length does the most.',
        pwned: 'If you use it anywhere else, change it there too.'
      }
    }
  },
  firstRun: {
    title: 'Welcome to Lantern',
    introWhat:
      'Lantern keeps guides about cancer and a private record of treatment on this computer, and works without the internet.',
    introPrivate:
      'Everything you write in it stays encrypted on this computer, locked with a passphrase that only you know.',
    chooseTitle: 'Choose a passphrase',
    warningTitle: 'Lantern cannot recover a forgotten passphrase',
    warningBody:
      'Nobody, not even the people who make Lantern, can tell you your passphrase. After this step you will get a recovery code: it is the only other way back into your vault.',
    create: 'Create my vault',
    creating: 'Creating your vault…',
    restoreTitle: 'Moving from another computer?',
    restoreIntro:
      'If you made a Lantern backup file on another computer, you can open it here instead of starting a new vault.',
    restoreOpen: 'Restore from a backup file'
  },
  recoveryCode: {
    title: 'Your recovery code',
    intro:
      'If you ever forget your passphrase, this code is the only way back into your vault. Lantern will not show it again.',
    keepSafe:
      'Write it down or print it, and keep it somewhere safe away from this computer, with your important papers.',
    codeLabel: 'Recovery code',
    copy: 'Copy',
    copied: 'Copied. Paste it somewhere safe, then remember to write it down too.',
    copyFailed: 'Lantern could not copy the code. Please write it down or print it instead.',
    print: 'Print',
    printHeading: 'Lantern recovery code',
    printInstructions:
      'Keep this page somewhere safe. If you forget your Lantern passphrase, choose “Forgot your passphrase?” and type this code.',
    replaces:
      'This is a new recovery code. The one you had before no longer opens anything: put this one in its place.',
    confirm: 'I have written down or printed my recovery code',
    continue: 'Continue'
  },
  unlock: {
    title: 'Lantern is locked',
    intro: 'Enter your passphrase to open your vault.',
    passphraseLabel: 'Passphrase',
    submit: 'Unlock',
    busy: 'Unlocking…',
    forgot: 'Forgot your passphrase? Use your recovery code',
    lockedAfter: {
      one: 'Locked after {count} minute without activity. Your information is safe.',
      other: 'Locked after {count} minutes without activity. Your information is safe.'
    },
    lockedElsewhere: 'Lantern was locked. Your information is safe.',
    required: 'Enter your passphrase.',
    wrongPassphrase: 'That passphrase is not right. Check that Caps Lock is off, and try again.',
    damagedTitle: 'The vault file is damaged',
    damagedBody:
      'Your passphrase is right, but Lantern cannot read the vault file. Nothing has been changed or deleted.',
    damagedRestore:
      'You can restore it from a backup. Lantern keeps its backups in the “backups” folder beside the vault file.',
    backupFailed:
      'Your vault is open and your record is unchanged, but Lantern could not make today’s backup. The computer may be short of free space. Lantern will try again the next time you unlock.',
    newerTitle: 'This vault was made by a newer Lantern',
    newerBody:
      'Please update Lantern to the latest version, then open your vault again. Nothing has been changed.'
  },
  recover: {
    title: 'Use your recovery code',
    intro:
      'Type the recovery code you wrote down or printed when you made your vault, then choose a new passphrase.',
    codeLabel: 'Recovery code',
    codeHint: 'Capital or small letters, with or without spaces or dashes, all work.',
    codeRequired: 'Enter your recovery code.',
    wrongCode:
      'That recovery code is not right. Check each group of letters and numbers, and try again.',
    newLabel: 'New passphrase',
    submit: 'Unlock and set new passphrase',
    busy: 'Unlocking…',
    back: 'Back to the passphrase',
    done: 'Your new passphrase is set. Your recovery code still works: keep it safe.'
  },
  importFhir: {
    title: 'Import a FHIR file',
    intro:
      'Bring in a record as a new person: a FHIR file Lantern made on another computer, or one downloaded from a clinic’s patient portal. Lantern shows what it would add before anything is saved.',
    fileLabel: 'FHIR file',
    fileHint: 'A .json file. Nothing is sent anywhere.',
    fileRequired: 'Choose the FHIR file.',
    tooLarge:
      'This file is {size} MB. Lantern imports FHIR files of at most {max} MB: one person’s record is far smaller.',
    read: 'Read the file',
    reading: 'Reading the file…',
    previewTitle: 'What the file would add: {name}',
    fromLantern: 'Made by Lantern: the record comes back as it was, with its care plan.',
    fromOther:
      'Made by another system: Lantern brings in what fits its record. Check it against the original afterwards.',
    willImport: 'Will be imported',
    notImported: 'Will not be imported',
    import: 'Import as a new person',
    importing: 'Importing…',
    cancel: 'Cancel',
    ended: 'That import has ended, for example because Lantern was locked. Read the file again.'
  },
  /** What the core is doing while a file other than the PDF is made (export.progress). */
  fileExport: {
    phases: {
      starting: 'Starting…',
      building: 'Putting the file together…',
      'laying-out': 'Laying out the pages…',
      saving: 'Saving the file…'
    }
  },
  recordFiles: {
    title: 'Files to take with you',
    intro:
      'Save the medicines given or the height and weight measurements as a CSV file, which spreadsheet programs open, or the whole record as a FHIR file, the standard format that clinics’ health record systems can read. Lantern makes the file on this computer; nothing is sent anywhere.',
    administrations: 'Medicines given (CSV)',
    measurements: 'Height and weight (CSV)',
    fhir: 'Whole record (FHIR)',
    making: 'Making the file…',
    saved: 'Saved as “{fileName}”.',
    downloaded: '“{fileName}” is downloading.'
  },
  calendarExport: {
    title: 'Due dates in your calendar',
    intro:
      'Save the next due date of each check-up as a calendar file, to open in your calendar app. Each date becomes an all-day event with a reminder a week before. Your calendar shows them in {timeZone}.',
    includeName: 'Put {name} in each event',
    includeNameHint:
      'Leave this off if your calendar is shared or kept online: the events then say only what is due.',
    make: 'Make a calendar file',
    making: 'Making the calendar file…',
    saved: 'Saved as “{fileName}”.',
    downloaded: '“{fileName}” is downloading.'
  },
  backupFile: {
    title: 'Backup file',
    intro:
      'A backup file holds your whole vault, still encrypted. Keep a copy somewhere other than this computer, such as a USB stick, so you can restore your record on a new computer with your passphrase or your recovery code.',
    lastMade: 'Last backup file made {when}.',
    never:
      'You have not made a backup file yet. Lantern keeps daily backups on this computer, but they are lost with it.',
    reminder:
      'Your last backup file is {days} days old. Make a new one so that what you added since is safe too.',
    make: 'Make a backup file',
    making: 'Making the backup file…',
    made: {
      saved: 'The backup file is saved. Keep a copy away from this computer.',
      downloaded: 'The backup file is downloading. Keep a copy away from this computer.'
    },
    restored: 'Your vault was restored from the backup file.',
    restore: {
      open: 'Restore a backup file…',
      title: 'Restore a backup file',
      overIntro:
        'This replaces the vault on this computer with the one in the file. The vault here now is moved aside in Lantern’s data folder, not deleted.',
      fileLabel: 'Backup file',
      fileHint: 'The file Lantern made, ending in .{extension}.',
      fileRequired: 'Choose the backup file.',
      opensWithLegend: 'Open it with',
      withPassphrase: 'The passphrase it was made with',
      withCode: 'Its recovery code',
      passphraseLabel: 'Passphrase of the backup file',
      passphraseHint: 'The passphrase of the vault when the backup file was made.',
      passphraseRequired: 'Enter the passphrase.',
      wrongPassphrase:
        'That passphrase does not open this backup file. It needs the passphrase the vault had when the file was made.',
      codeLabel: 'Recovery code',
      codeRequired: 'Enter the recovery code.',
      wrongCode: 'That recovery code does not open this backup file.',
      newPassphraseLabel: 'New passphrase for the restored vault',
      replaceLabel: 'Replace the vault on this computer',
      replaceHint: 'The vault here now is kept aside, not deleted.',
      replaceRequired: 'Tick this to replace the vault here, or close this form.',
      vaultHere:
        'There is already a vault on this computer. Open Settings in it to replace it with the backup file.',
      submit: 'Restore',
      busy: 'Restoring…',
      sending: 'Reading the backup file: {percent}%'
    }
  },
  restore: {
    title: 'Restore from a backup',
    looking: 'Looking for backups…',
    none: 'There is no backup of this vault yet: Lantern makes one on each day the vault is opened. If you copied the vault folder somewhere yourself, ask someone you trust with computers to help put that copy back.',
    listFailed: 'Lantern could not look for backups. Please try again later.',
    intro:
      'Restoring puts a backup in place of the damaged file. The damaged file is kept aside, not deleted. Anything added after the backup was made will not be in it.',
    choose: 'Choose a backup',
    newest: 'newest',
    reasons: {
      rolling: 'daily backup',
      'pre-migration': 'made before an update',
      manual: 'made by hand',
      reencrypted: 'made after re-encrypting'
    },
    secretLabel: 'Passphrase or recovery code',
    secretHint: 'Your passphrase, or your recovery code.',
    secretRequired: 'Enter your passphrase or your recovery code.',
    wrongSecret:
      'That is neither your passphrase nor your recovery code. Check that Caps Lock is off, and try again.',
    backupDamaged: 'That backup cannot be read either. Please choose an older one.',
    gone: 'That backup is no longer there. The list has been brought up to date.',
    submit: 'Restore this backup',
    busy: 'Restoring…',
    done: 'Your vault was restored from the backup of {when}. The damaged file was kept aside.'
  },
  people: {
    title: 'People',
    intro: 'Each person in this vault has their own record.',
    emptyTitle: 'No one here yet',
    emptyBody:
      'Start by adding the person whose treatment you want to keep track of: your child, yourself, or someone you care for.',
    listLabel: 'People in this vault',
    addTitle: 'Add a person',
    addFirstTitle: 'Add the first person',
    nameLabel: 'Name',
    nameHint: 'A first name or a nickname is enough.',
    add: 'Add person',
    adding: 'Adding…',
    added: '{name} has been added.',
    nameRequired: 'Enter a name.',
    nameTooLong: 'Use at most {max} characters.',
    rename: 'Rename',
    renameLabel: 'New name for {name}',
    renamed: 'Renamed to {name}.',
    addedOn: 'Added {date}'
  },
  settings: {
    title: 'Settings',
    autoLock: {
      title: 'Automatic lock',
      intro:
        'Lantern locks itself when no one has used it for a while, so your record stays private if you step away.',
      label: 'Lock after this many minutes without activity',
      invalid: 'Choose a whole number of minutes, from {min} to {max}.',
      saved: {
        one: 'Saved. Lantern will lock after {count} minute without activity.',
        other: 'Saved. Lantern will lock after {count} minutes without activity.'
      }
    },
    passphrase: {
      title: 'Change passphrase',
      intro:
        'Choose a new passphrase for unlocking Lantern. Your recovery code keeps working, unless you tick the box below.',
      currentLabel: 'Current passphrase',
      currentRequired: 'Enter your current passphrase.',
      wrongCurrent: 'That is not your current passphrase. Check that Caps Lock is off.',
      newLabel: 'New passphrase',
      submit: 'Change passphrase',
      busy: 'Changing…',
      done: 'Your passphrase has been changed. Use the new one next time you unlock Lantern.',
      reencryptLabel: 'Someone else may know my current passphrase',
      reencryptHint:
        'Lantern then also encrypts your record and its backups again under a brand-new key, so the old passphrase and the old recovery code stop opening anything. You get a new recovery code to write down. Files set aside as damaged keep their old key.',
      reencryptBusy: 'Re-encrypting…',
      progressLabel: 'Re-encrypting your vault',
      progressStarting: 'Getting ready…',
      progressStep: 'Step {current} of {total}: {step}',
      progressHint:
        'A large record takes longer. If this is interrupted nothing is lost: your vault then opens with the old passphrase or the new one.',
      steps: {
        checking: 'Checking your current passphrase',
        'new-keys': 'Making a new key and a new recovery code',
        copying: 'Copying your record',
        're-encrypting': 'Encrypting the copy with the new key',
        verifying: 'Checking that nothing is missing from the copy',
        switching: 'Putting the new copy in place',
        'backing-up': 'Making a backup with the new key',
        'removing-old-backups': 'Removing the backups made with the old key',
        done: 'Finished'
      },
      reencryptDone:
        'Your vault and its backups now use a new key. From now on, unlock with your new passphrase, and keep your new recovery code safe.'
    }
  },
  errors: {
    INVALID_INPUT: 'Some of what was entered needs another look.',
    UNKNOWN_METHOD: 'Lantern could not do that. Please try again.',
    FORBIDDEN_SENDER: 'Lantern refused a request it did not recognise.',
    NO_VAULT: 'There is no vault on this computer yet.',
    VAULT_EXISTS: 'A vault already exists on this computer.',
    VAULT_LOCKED: 'Lantern is locked.',
    WRONG_PASSPHRASE: 'That passphrase is not right.',
    WRONG_RECOVERY_CODE: 'That recovery code is not right.',
    VAULT_DAMAGED: 'The vault file is damaged. Nothing has been changed or deleted.',
    VAULT_FROM_NEWER_VERSION: 'This vault was made by a newer Lantern. Please update Lantern.',
    BACKUP_FILE_DAMAGED:
      'That backup file is damaged: it has changed since Lantern made it. Nothing was restored. Try another copy of it.',
    NOT_A_BACKUP_FILE:
      'That file is not a Lantern backup file. Nothing was restored. Choose the file that ends in .lantern-backup.',
    NOT_FOUND: 'Lantern could not find that. It may have been changed elsewhere.',
    DOSE_NEEDS_CONFIRMATION: 'A dose needs checking before it is saved. Nothing was saved yet.',
    INTERNAL: 'Something went wrong inside Lantern. Nothing was changed. Please try again.'
  },
  title: {
    firstRun: 'Welcome',
    recoveryCode: 'Recovery code',
    locked: 'Locked'
  }
}
