/**
 * The storage reference for import and restore: the same sealed rows the
 * vault wrote (item id, revision, vault id, the sealed blob, time), inserted
 * with node:sqlite into one plain table of a fresh file, one prepared
 * statement, one transaction, with the store's own connection settings (WAL,
 * synchronous=FULL: configureConnection()), in the order the vault wrote them
 * (an import's random item ids land all over the primary key's b-tree, as in
 * the vault). No current-item pointer, outbox, savepoint per row, validation,
 * sealing or index: what storing those bytes costs at the least.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { configureConnection } from '../../src-main/store/open-database.ts'

export interface SealedRow {
  readonly item_id: string
  readonly revision: number
  readonly vault_id: string
  readonly sealed: Uint8Array
  readonly saved_at: number
}

/** Every revision row of a closed vault file, in the order the vault wrote them (rowid), read with its own connection. */
export function readSealedRows(file: string): SealedRow[] {
  const db = new DatabaseSync(file, { readOnly: true })
  try {
    return db
      .prepare('SELECT item_id, revision, vault_id, sealed, saved_at FROM item_revisions ORDER BY rowid')
      .all() as unknown as SealedRow[]
  } finally {
    db.close()
  }
}

export function sealedBytes(rows: readonly SealedRow[]): number {
  return rows.reduce((sum, row) => sum + row.sealed.length, 0)
}

const SCHEMA = `CREATE TABLE item_revisions (
  item_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  vault_id TEXT NOT NULL,
  sealed BLOB NOT NULL,
  saved_at INTEGER NOT NULL,
  PRIMARY KEY (item_id, revision)
) STRICT`

/** ms for BEGIN, every insert, COMMIT; the file's creation and schema are not timed. */
export function timeSqliteInsert(rows: readonly SealedRow[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'transfer-sqlite-'))
  const db = new DatabaseSync(join(dir, 'reference.sqlite3'))
  try {
    configureConnection(db)
    db.exec(SCHEMA)
    const insert = db.prepare(
      'INSERT INTO item_revisions (item_id, revision, vault_id, sealed, saved_at) VALUES (?, ?, ?, ?, ?)',
    )
    const started = performance.now()
    db.exec('BEGIN')
    for (const row of rows) insert.run(row.item_id, row.revision, row.vault_id, row.sealed, row.saved_at)
    db.exec('COMMIT')
    const ms = performance.now() - started
    const count = (db.prepare('SELECT count(*) AS n FROM item_revisions').get() as { n: number }).n
    if (count !== rows.length) throw new Error(`sqlite reference: ${count} rows stored of ${rows.length}`)
    return ms
  } finally {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
