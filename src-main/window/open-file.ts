/**
 * Reading a file the user picked (an export to import, or a backup to
 * restore): the system open dialog chooses it, and main reads it, refusing
 * anything bigger than the caller's limit before reading a byte of it.
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

/** What the file is for: it picks the dialog's filters and how a refusal is worded (and its error code). */
export type OpenFileKind = 'import' | 'backup'

/** The picked file, or null when the user cancelled. */
export type OpenFile = (maxBytes: number, kind?: OpenFileKind) => Promise<OpenedFile | null>

interface KindFacts {
  readonly filter: { readonly name: string; readonly extensions: string[] }
  readonly code: 'IMPORT_INVALID' | 'BACKUP_INVALID'
  readonly verb: string
  readonly noun: string
}

const KINDS: Readonly<Record<OpenFileKind, KindFacts>> = {
  import: {
    filter: { name: 'Password manager exports', extensions: ['csv', 'json', 'xml', '1pux'] },
    code: 'IMPORT_INVALID',
    verb: 'import',
    noun: 'export',
  },
  backup: {
    filter: { name: 'Vault backups', extensions: ['vaultbak'] },
    code: 'BACKUP_INVALID',
    verb: 'restore',
    noun: 'backup',
  },
}

export function openWithDialog(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  window: () => BrowserWindow | undefined,
  documentsDir: string,
): OpenFile {
  return async (maxBytes, kind = 'import') => {
    const options: OpenDialogOptions = {
      defaultPath: documentsDir,
      properties: ['openFile'],
      filters: [{ ...KINDS[kind].filter }, { name: 'All files', extensions: ['*'] }],
    }
    const parent = window()
    const chosen =
      parent === undefined ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options)
    const [path] = chosen.filePaths
    if (chosen.canceled || path === undefined || path === '') return null
    return readSmallFile(path, maxBytes, kind)
  }
}

/** For tests: answers the open dialog with the next file of a queue the test fills, or Cancel when it is empty. */
export function openFromQueue(queue: string[]): OpenFile {
  return async (maxBytes, kind = 'import') => {
    const path = queue.shift()
    return path === undefined ? null : readSmallFile(path, maxBytes, kind)
  }
}

/** Reads a file of at most maxBytes (checked on the open handle before reading). */
export async function readSmallFile(
  path: string,
  maxBytes: number,
  kind: OpenFileKind = 'import',
): Promise<OpenedFile> {
  const name = basename(path)
  const { code, verb } = KINDS[kind]
  const handle = await open(path, 'r').catch(() => {
    throw new VaultError(code, `Cannot read "${name}".`)
  })
  try {
    const { size, isFile } = await handle.stat().then((stat) => ({ size: stat.size, isFile: stat.isFile() }))
    if (!isFile) throw new VaultError(code, `Cannot ${verb} "${name}": it is not a file.`)
    if (size > maxBytes) throw tooLarge(name, maxBytes, KINDS[kind])
    // One byte more than the size: a file that grew while being read is noticed, not cut short.
    const buffer = new Uint8Array(size + 1)
    let length = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null)
      if (bytesRead === 0) break
      length += bytesRead
      if (length === buffer.length) throw new VaultError(code, `"${name}" changed while it was read.`)
    }
    // A view, not a copy: a backup may be up to 1 GiB.
    return { name, bytes: buffer.subarray(0, length) }
  } finally {
    await handle.close()
  }
}

function tooLarge(name: string, maxBytes: number, { code, verb, noun }: KindFacts): VaultError {
  return new VaultError(
    code,
    `Cannot ${verb} "${name}": it is larger than ${maxBytes / 1024 / 1024} MiB; no ${noun} is that big.`,
  )
}
