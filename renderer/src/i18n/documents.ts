/** Messages for the person's own documents: adding them, the list, and a document's page. */
export const documentsMessages = {
  kinds: {
    html: 'Web page',
    markdown: 'Markdown',
    text: 'Text',
    pdf: 'PDF'
  },

  panel: {
    title: 'Your documents',
    intro:
      'Files you add here are kept only inside your encrypted vault on this computer, and the search above looks through them with the guides.',
    choose: 'Add a document',
    chooseHint:
      'A web page saved from a browser (.html or .htm), Markdown (.md), plain text (.txt) or a PDF, up to 8 MB. Lantern keeps the words only: links, pictures and anything that could run are left behind.',
    listLabel: 'Your documents',
    none: 'No documents yet. The ones you add are listed here.',
    imported: 'Added {date}',
    loading: 'Opening your documents…',
    loadFailed: 'Lantern could not open your documents. Please try again.'
  },

  importing: {
    reading: 'Reading “{name}”…',
    saving: 'Taking the text out of “{name}” and putting it in your vault…',
    readingOf: 'File {at} of {count}: reading “{name}”…',
    savingOf: 'File {at} of {count}: taking the text out of “{name}” and putting it in your vault…',
    done: 'Added “{title}”. It is in the list below and in search.',
    doneMany: {
      one: 'Added {count} document. They are in the list below and in search.',
      other: 'Added {count} documents. They are in the list below and in search.'
    }
  },

  problems: {
    kind: 'Lantern cannot add “{name}”: it can read web pages (.html, .htm), Markdown (.md, .markdown), text (.txt) and PDF files only. Nothing was added.',
    tooLarge:
      'Lantern cannot add “{name}”: it is larger than 8 MB. Nothing was added. Try a shorter file, or save only the part you need.',
    rejected: 'Lantern could not add “{name}”: {reason} Nothing was added.',
    unreadable: 'Lantern could not read “{name}” from this computer. Nothing was added.',
    failed: 'Lantern could not add “{name}”. Nothing was added. Please try again.'
  },

  page: {
    title: 'Your document',
    loading: 'Opening the document…',
    loadFailed: 'Lantern could not open this document. Please try again.',
    missingTitle: 'This document is not in your vault',
    missingBody: 'It may have been deleted. The Guides page lists the documents you have added.',
    file: 'File',
    kind: 'Kind',
    imported: 'Added',
    keptText:
      'This is the text of the file as Lantern keeps it: links, pictures and anything that could run were left out.',
    contentLabel: 'Text of {title}',
    delete: 'Delete this document',
    confirmTitle: 'Delete “{title}” from your vault?',
    confirmBody:
      'Its text goes from Lantern and from search, and cannot be brought back. The file on your computer, if you still have it, is not touched.',
    confirmDelete: 'Delete',
    keep: 'Keep it',
    deleting: 'Deleting…',
    deleteFailed: 'Lantern could not delete this document. It is still here. Please try again.',
    deleted: 'Deleted “{title}” from your vault.'
  }
}
