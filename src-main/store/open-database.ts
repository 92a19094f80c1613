/**
 * Opens (or creates) the store file. Everything that could reveal a foreign,
 * damaged or newer file runs before anything is written, so such a file is
 * reported and left byte-for-byte as it was: never reset, never "repaired".
 */
import { chmodSync, closeSync, existsSync, fchmodSync, mkdirSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { latestVersion, readUserVersion, runMigrations } from './migrate.ts'
import { MIGRATIONS } from './schema.ts'
import { storeCorrupt, storeTooNew, toStoreError } from './sqlite-errors.ts'
import type { VaultStoreOptions } from './types.ts'

export const SCHEMA_VERSION = latestVersion(MIGRATIONS)
export const DEFAULT_BUSY_TIMEOUT_MS = 5000
/**
 * The header check by default: PRAGMA quick_check reads every page, which
 * measured ~15 ms warm but ~130 ms with a cold page cache (the usual case at
 * app start) for 10,000 items, growing linearly. Truncation, foreign files and
 * a mangled schema are still caught at open; damage inside a page surfaces as
 * STORE_CORRUPT from the query that reads it, or from checkIntegrity().
 */
export const DEFAULT_INTEGRITY_CHECK: NonNullable<VaultStoreOptions['integrityCheck']> = 'header'

/** Walks every page of the file; throws STORE_CORRUPT on any finding. */
export function quickCheck(db: DatabaseSync, filePath: string): void {
  const rows = db.prepare('PRAGMA quick_check').all()
  if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') throw storeCorrupt(filePath)
}

/** Folder 0700 and file 0600 when we create them; SQLite gives its -wal and -shm files the file's mode. */
function createFileIfMissing(filePath: string): void {
  const folder = dirname(filePath)
  if (!existsSync(folder)) {
    mkdirSync(folder, { recursive: true, mode: 0o700 })
    chmodSync(folder, 0o700) // mkdir applies the umask; set the mode exactly
  }
  let fd: number
  try {
    fd = openSync(filePath, 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return
    throw error
  }
  try {
    fchmodSync(fd, 0o600)
  } finally {
    closeSync(fd)
  }
}

/** Read-only checks: a foreign or damaged file throws here, before any write. */
function checkFile(db: DatabaseSync, filePath: string, integrityCheck: VaultStoreOptions['integrityCheck']): void {
  const version = readUserVersion(db) // reads the header: a non-database fails here
  if (version > SCHEMA_VERSION) throw storeTooNew(filePath, version, SCHEMA_VERSION)
  // Reading page 1 through the b-tree layer also compares the page count in
  // the header with the file size, which catches a truncated file.
  db.prepare('SELECT count(*) FROM sqlite_schema').get() // parses the schema: a mangled one fails here
  if ((integrityCheck ?? DEFAULT_INTEGRITY_CHECK) === 'quick') quickCheck(db, filePath)
}

export function configureConnection(db: DatabaseSync): void {
  // WAL: readers never block the writer and a commit is one append.
  // synchronous=FULL: fsync the WAL at every commit, so an acknowledged save survives power loss.
  // secure_delete: overwrite deleted content, so purged ciphertext does not linger in free pages.
  db.exec('PRAGMA journal_mode = WAL')
  db.exec('PRAGMA synchronous = FULL')
  db.exec('PRAGMA foreign_keys = ON')
  db.exec('PRAGMA secure_delete = ON')
}

export function openDatabase(filePath: string, options: VaultStoreOptions = {}): DatabaseSync {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS
  if (!Number.isSafeInteger(busyTimeoutMs) || busyTimeoutMs < 0) {
    throw new TypeError('busyTimeoutMs must be an integer ≥ 0')
  }
  createFileIfMissing(filePath)
  let db: DatabaseSync | undefined
  try {
    db = new DatabaseSync(filePath)
    // Set first so that even the checks wait out another process's brief lock.
    db.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
    checkFile(db, filePath, options.integrityCheck)
    configureConnection(db)
    runMigrations(db, MIGRATIONS)
    return db
  } catch (error) {
    if (db?.isOpen) db.close()
    throw toStoreError(error, filePath)
  }
}
