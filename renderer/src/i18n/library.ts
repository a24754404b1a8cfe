/** Messages for the guide library: the guides, search, the reader, the glossary and bookmarks. */
export const libraryMessages = {
  title: 'Guides',
  intro:
    'Guides you can read anywhere, even with no internet. They are written in plain words from trusted sources. They are general information, not advice about one person: talk about what you read with your care team.',
  loading: 'Opening the guides…',
  loadFailed: 'Lantern could not open the guides. Please try again.',

  search: {
    label: 'Search the guides, the glossary and your documents',
    hint: 'Results appear as you type. Press Enter to open the first one.',
    heading: 'Search results',
    count: {
      one: '{count} result for “{query}”',
      other: '{count} results for “{query}”'
    },
    none: 'Nothing found for “{query}”. Try another word, or check the spelling.',
    failed: 'Lantern could not search just now. Please try again.',
    glossary: 'Glossary',
    document: 'One of your own documents'
  },

  guides: {
    heading: 'The guides',
    audience: 'Written for',
    reviewed: 'Last reviewed {date}',
    sections: {
      one: '{count} section',
      other: '{count} sections'
    }
  },

  glossaryCard: {
    title: 'Glossary',
    body: {
      one: '{count} word from the guides, explained in plain language.',
      other: '{count} words from the guides, explained in plain language.'
    },
    open: 'Open the glossary'
  },

  bookmarks: {
    title: 'Bookmarks',
    listLabel: 'Your bookmarks',
    none: 'No bookmarks yet. In a guide, press “Bookmark” beside a heading to keep that part here.',
    inGuide: 'In {guide}',
    remove: 'Remove',
    removeLabel: 'Remove the bookmark {label}',
    removed: 'Removed the bookmark {label}.',
    undo: 'Undo',
    undoLabel: 'Undo removing the bookmark {label}',
    restored: 'The bookmark {label} is back.',
    failed: 'Lantern could not change the bookmarks. Nothing was changed. Please try again.'
  },

  reader: {
    title: 'Guide',
    loading: 'Opening the guide…',
    back: 'All guides',
    missingTitle: 'This guide is not in the library',
    missingBody:
      'It may have been renamed in a newer version of Lantern. The guides page lists them all.',
    audience: 'Written for: {audience}',
    reviewed: 'Last reviewed {date}',
    contents: 'Contents',
    contentsLabel: 'Contents of this guide',
    bookmark: 'Bookmark',
    bookmarked: 'Bookmarked “{title}”. You will find it on the Guides page.',
    unbookmarked: 'Removed the bookmark for “{title}”.',
    bookmarkFailed: 'Lantern could not change the bookmark. Please try again.',
    print: 'Print this section',
    printLabel: 'Print this section: {title}',
    resumed: 'Opened where you stopped reading last time: “{section}”.',
    toStart: 'Go to the start of the guide',
    about: 'About this guide',
    sources: 'Where the facts come from',
    updated: 'updated {date}',
    taken: 'facts taken on {date}',
    address: 'Address: {url}',
    addressNote:
      'Addresses are shown as text: Lantern never opens the internet. Type one into a web browser to read the original.',
    lastReviewed: 'Lantern last reviewed this guide on {date}.',
    notAdvice:
      'This guide is general information, not medical advice. Please talk about it with your care team.',
    printedFrom: 'From the Lantern guide “{guide}”, last reviewed {date}.'
  },

  controls: {
    title: 'Reading and colours',
    intro:
      'Choose how large the guides’ text is, and light or dark colours for all of Lantern. Your choice is kept in your vault.',
    textSize: 'Text size',
    sizes: {
      normal: 'A',
      large: 'A+',
      larger: 'A++'
    },
    sizeNames: {
      normal: '(normal)',
      large: '(large)',
      larger: '(larger)'
    },
    theme: 'Colours',
    themes: {
      system: 'System',
      light: 'Light',
      dark: 'Dark'
    },
    themeHint: 'System follows the light or dark setting of this computer.',
    failed: 'Lantern could not save that choice. Please try again.'
  },

  addQuestions: {
    title: 'Keep these questions',
    intro:
      'Add them to a person’s own list. They appear on that person’s Care plan page, ready to take to an appointment. Questions already on the list are not added twice.',
    person: 'Add these questions to',
    add: {
      one: 'Add {count} question',
      other: 'Add {count} questions'
    },
    adding: 'Adding…',
    added: {
      one: 'Added {count} question to the list of {name}.',
      other: 'Added {count} questions to the list of {name}.'
    },
    skipped: {
      one: '{count} was on it already.',
      other: '{count} were on it already.'
    },
    allThere: 'All these questions were on the list of {name} already.',
    see: 'See the questions of {name}',
    noPeople: 'To keep these questions, first add a person on the People page.',
    goPeople: 'Go to People',
    failed: 'Lantern could not add the questions. Nothing was changed. Please try again.'
  },

  questions: {
    title: 'Questions for the care team',
    about:
      'Questions to take to the next appointment. Write your own, or add them from the part “Questions to ask the care team” of any guide.',
    none: 'No questions yet.',
    listLabel: 'Questions for the care team',
    from: 'From the guide “{guide}”',
    remove: 'Remove',
    removeLabel: 'Remove the question: {text}',
    removed: 'Removed the question “{text}”.',
    undo: 'Undo',
    undoLabel: 'Undo removing the question: {text}',
    restored: 'The question is back on the list.',
    ownLabel: 'Your own question',
    add: 'Add question',
    adding: 'Adding…',
    added: 'Added your question to the list.',
    already: 'That question is on the list already.',
    openGuides: 'Open the guides',
    failed: 'Lantern could not change the questions. Nothing was changed. Please try again.'
  },

  glossary: {
    title: 'Glossary',
    intro:
      'Words you may hear from the care team or read in the guides, explained in plain language. In the guides, words from this list are underlined with dots: point at one or move to it with the Tab key to see what it means.',
    loading: 'Opening the glossary…',
    empty: 'The glossary is not in this version of Lantern yet.',
    filterLabel: 'Find a word',
    count: {
      one: '{count} word',
      other: '{count} words'
    },
    showing: 'Showing {shown} of {count} words.',
    none: 'No word in the glossary matches “{query}”. The search on the Guides page looks through the guides too.',
    letters: 'Words by first letter',
    also: 'Also called: {names}',
    sources: 'Sources: {sources}'
  }
}
