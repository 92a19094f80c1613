/**
 * Turns SQLite's failures into the app's error codes. node:sqlite throws an
 * Error with code 'ERR_SQLITE_ERROR' and the (possibly extended) SQLite
 * result code in `errcode`; the low byte is the primary code.
 * Messages name the file but never a value that was bound to a query.
 */
import { VaultError } from '../../src-shared/errors.ts'

const SQLITE_BUSY = 5
const SQLITE_LOCKED = 6
const SQLITE_CORRUPT = 11
const SQLITE_NOTADB = 26

function sqliteCode(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined
  const { code, errcode } = error as Error & { code?: unknown; errcode?: unknown }
  if (code !== 'ERR_SQLITE_ERROR' || typeof errcode !== 'number') return undefined
  return errcode & 0xff
}

export function storeCorrupt(filePath: string, cause?: unknown): VaultError {
  return new VaultError(
    'STORE_CORRUPT',
    `The vault file ${filePath} is damaged or is not a vault file. It has been left as it is; restore it from a backup or sync.`,
    { cause },
  )
}

export function storeTooNew(filePath: string, fileVersion: number, appVersion: number): VaultError {
  return new VaultError(
    'STORE_TOO_NEW',
    `The vault file ${filePath} was written by a newer version of the app (format ${fileVersion}, this app reads up to ${appVersion}). Update the app to open it; the file has not been changed.`,
  )
}

export function storeBusy(filePath: string, cause?: unknown): VaultError {
  return new VaultError(
    'STORE_BUSY',
    `The vault file ${filePath} is in use by another program or window. Close it and try again.`,
    { cause },
  )
}

/** Maps a SQLite error to a VaultError where one applies; anything else (and any VaultError) is returned unchanged. */
export function toStoreError(error: unknown, filePath: string): unknown {
  if (error instanceof VaultError) return error
  const code = sqliteCode(error)
  if (code === SQLITE_CORRUPT || code === SQLITE_NOTADB) return storeCorrupt(filePath, error)
  if (code === SQLITE_BUSY || code === SQLITE_LOCKED) return storeBusy(filePath, error)
  return error
}

/** Runs fn, rethrowing SQLite errors as VaultErrors. */
export function guard<T>(filePath: string, fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    throw toStoreError(error, filePath)
  }
}
