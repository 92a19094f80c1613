/**
 * Reading a file the user picked (an export to import): the system open
 * dialog chooses it, and main reads it, refusing anything bigger than the
 * caller's limit before reading a byte of it.
 */
import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron'
import { VaultError } from '../../src-shared/errors.ts'

export interface OpenedFile {
  /** The file's name without its folder. */
  readonly name: string
  readonly bytes: Uint8Array
}

/** The picked file, or null when the user cancelled. */
export type OpenFile = (maxBytes: number) => Promise<OpenedFile | null>

export function openWithDialog(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  window: () => BrowserWindow | undefined,
  documentsDir: string,
): OpenFile {
  return async (maxBytes) => {
    const options: OpenDialogOptions = {
      defaultPath: documentsDir,
      properties: ['openFile'],
      filters: [
        { name: 'Password manager exports', extensions: ['csv', 'json', 'xml', '1pux'] },
        { name: 'All files', extensions: ['*'] },
      ],
    }
    const parent = window()
    const chosen =
      parent === undefined ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options)
    const [path] = chosen.filePaths
    if (chosen.canceled || path === undefined || path === '') return null
    return readSmallFile(path, maxBytes)
  }
}

/** For tests: answers the open dialog with the next file of a queue the test fills, or Cancel when it is empty. */
export function openFromQueue(queue: string[]): OpenFile {
  return async (maxBytes) => {
    const path = queue.shift()
    return path === undefined ? null : readSmallFile(path, maxBytes)
  }
}

/** Reads a file of at most maxBytes (checked on the open handle before reading). */
export async function readSmallFile(path: string, maxBytes: number): Promise<OpenedFile> {
  const name = basename(path)
  const handle = await open(path, 'r').catch(() => {
    throw new VaultError('IMPORT_INVALID', `Cannot read "${name}".`)
  })
  try {
    const { size, isFile } = await handle.stat().then((stat) => ({ size: stat.size, isFile: stat.isFile() }))
    if (!isFile) throw new VaultError('IMPORT_INVALID', `Cannot import "${name}": it is not a file.`)
    if (size > maxBytes) throw tooLarge(name, maxBytes)
    // One byte more than the size: a file that grew while being read is noticed, not cut short.
    const buffer = new Uint8Array(size + 1)
    let length = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null)
      if (bytesRead === 0) break
      length += bytesRead
      if (length === buffer.length) throw new VaultError('IMPORT_INVALID', `"${name}" changed while it was read.`)
    }
    return { name, bytes: buffer.slice(0, length) }
  } finally {
    await handle.close()
  }
}

function tooLarge(name: string, maxBytes: number): VaultError {
  return new VaultError(
    'IMPORT_INVALID',
    `Cannot import "${name}": it is larger than ${maxBytes / 1024 / 1024} MiB; no export is that big.`,
  )
}
