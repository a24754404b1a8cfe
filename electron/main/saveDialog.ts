/**
 * Where an exported file goes, asked with the system's own save dialog. Main only asks: the core
 * makes the file and writes it there (atomically, private), so no page ever names a path.
 */
import { extname, join } from 'node:path'
import { app, BrowserWindow, dialog } from 'electron'
import { EXPORT_FILE_EXTENSIONS, type ExportFileKind } from '../shared/export.ts'

const DIALOGS: Record<ExportFileKind, { title: string; filter: string }> = {
  pdf: { title: 'Save the summary as a PDF', filter: 'PDF document' },
  backup: { title: 'Save a backup file of the vault', filter: 'Lantern backup file' },
  fhir: { title: 'Save the record as a FHIR file', filter: 'FHIR document (JSON)' },
  csv: { title: 'Save as a spreadsheet (CSV)', filter: 'CSV spreadsheet' },
  calendar: { title: 'Save the follow-up dates as a calendar file', filter: 'Calendar file' }
}

/** The chosen path, ending in the kind's extension; null when the person closes the dialog. */
export async function chooseExportPath(
  suggestedFileName: string,
  kind: ExportFileKind
): Promise<string | null> {
  const extension = EXPORT_FILE_EXTENSIONS[kind]
  const options: Electron.SaveDialogOptions = {
    title: DIALOGS[kind].title,
    defaultPath: join(app.getPath('documents'), suggestedFileName),
    buttonLabel: 'Save',
    filters: [{ name: DIALOGS[kind].filter, extensions: [extension] }],
    properties: ['createDirectory', 'showOverwriteConfirmation']
  }
  // Attached to Lantern's window, so it stays in front of it and blocks only it.
  const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
  const { canceled, filePath } = parent
    ? await dialog.showSaveDialog(parent, options)
    : await dialog.showSaveDialog(options)
  if (canceled || !filePath) return null
  return extname(filePath).toLowerCase() === `.${extension}` ? filePath : `${filePath}.${extension}`
}
