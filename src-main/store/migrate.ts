/**
 * Applies numbered migrations, each in its own BEGIN IMMEDIATE transaction
 * together with the user_version bump, so a crash or error leaves the file
 * at the last complete version and never half-migrated.
 */
import type { DatabaseSync } from 'node:sqlite'
import type { Migration } from './schema.ts'

export function readUserVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get()
  return Number(row?.user_version ?? 0)
}

/** The version the list leads to; the list must be numbered 1…n without gaps. */
export function latestVersion(migrations: readonly Migration[]): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`migration ${index + 1} is numbered ${migration.version}`)
  })
  return migrations.length
}

/** Brings the file up to the latest version. The caller has already refused files newer than that. */
export function runMigrations(db: DatabaseSync, migrations: readonly Migration[]): void {
  latestVersion(migrations)
  for (const migration of migrations) {
    if (readUserVersion(db) >= migration.version) continue
    db.exec('BEGIN IMMEDIATE')
    try {
      // Re-read under the write lock: another process may have migrated meanwhile.
      if (readUserVersion(db) < migration.version) {
        migration.up(db)
        db.exec(`PRAGMA user_version = ${migration.version}`)
      }
      db.exec('COMMIT')
    } catch (error) {
      rollbackQuietly(db)
      throw error
    }
  }
}

/** ROLLBACK after a failure, keeping the original error: a failed ROLLBACK (none active) adds nothing. */
export function rollbackQuietly(db: DatabaseSync, statement = 'ROLLBACK'): void {
  try {
    db.exec(statement)
  } catch {
    // The first error is what the caller needs to see.
  }
}
