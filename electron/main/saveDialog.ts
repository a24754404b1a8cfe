/**
 * Where an exported PDF goes, asked with the system's own save dialog. Main only asks: the core
 * makes the file and writes it there (atomically, private), so no page ever names a path.
 */
import { extname, join } from 'node:path'
import { app, BrowserWindow, dialog } from 'electron'

/** The chosen path, ending in .pdf; null when the person closes the dialog. */
export async function chooseExportPath(suggestedFileName: string): Promise<string | null> {
  const options: Electron.SaveDialogOptions = {
    title: 'Save the summary as a PDF',
    defaultPath: join(app.getPath('documents'), suggestedFileName),
    buttonLabel: 'Save',
    filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation']
  }
  // Attached to Lantern's window, so it stays in front of it and blocks only it.
  const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
  const { canceled, filePath } = parent
    ? await dialog.showSaveDialog(parent, options)
    : await dialog.showSaveDialog(options)
  if (canceled || !filePath) return null
  return extname(filePath).toLowerCase() === '.pdf' ? filePath : `${filePath}.pdf`
}
