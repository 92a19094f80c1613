/**
 * Saving a file the user asked for (the Emergency Kit, an export, a backup): the system save
 * dialog chooses the place, and the bytes are written there, readable by
 * the user only, and nowhere else: no temporary copy, no recent-files entry.
 */
import { basename, extname, join } from 'node:path'
import type { BrowserWindow, Dialog, FileFilter, SaveDialogOptions } from 'electron'
import { writeOwnerOnly } from '../system/owner-only-file.ts'

export type SaveFile = (suggestedName: string, bytes: Uint8Array) => Promise<string | null>

export function saveWithDialog(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  window: () => BrowserWindow | undefined,
  documentsDir: string,
): SaveFile {
  return async (suggestedName, bytes) => {
    const options: SaveDialogOptions = {
      defaultPath: join(documentsDir, suggestedName),
      filters: filtersFor(suggestedName),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    }
    const parent = window()
    const chosen =
      parent === undefined ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(parent, options)
    if (chosen.canceled || chosen.filePath === undefined || chosen.filePath === '') return null
    // The dialog asked before overwriting; the new file is owner-only even where the old one was not.
    await writeOwnerOnly(chosen.filePath, bytes, { replace: true })
    return basename(chosen.filePath)
  }
}

/** For end-to-end runs: files go to one test folder, as if the user had chosen it, and are listed for the test. */
export function saveToFolder(folder: string, saved: string[]): SaveFile {
  return async (suggestedName, bytes) => {
    const path = join(folder, basename(suggestedName))
    await writeOwnerOnly(path, bytes, { replace: true })
    saved.push(path)
    return basename(path)
  }
}

/** The dialog's file type: the suggested name's extension (pdf, json, csv, vaultbak). */
function filtersFor(suggestedName: string): FileFilter[] {
  const extension = extname(suggestedName).slice(1).toLowerCase()
  return extension === '' ? [] : [{ name: extension.toUpperCase(), extensions: [extension] }]
}
