/** The migration runner: numbered steps, one transaction each, never half applied. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { latestVersion, readUserVersion, runMigrations } from '../../../src-main/store/migrate.ts'
import { MIGRATIONS, type Migration } from '../../../src-main/store/schema.ts'

let dir: string
let db: DatabaseSync

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vault-migrate-test-'))
  db = new DatabaseSync(join(dir, 'm.db'))
})
afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

const tables = () =>
  db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 't%' ORDER BY name")
    .all()
    .map((row) => row.name)

const step = (version: number, sql: string): Migration => ({ version, up: (target) => target.exec(sql) })

describe('runMigrations', () => {
  it('applies every step in order from an empty file', () => {
    runMigrations(db, [step(1, 'CREATE TABLE t1 (x)'), step(2, 'CREATE TABLE t2 (x)')])
    expect(readUserVersion(db)).toBe(2)
    expect(tables()).toEqual(['t1', 't2'])
  })

  it('applies only the steps a file has not had', () => {
    runMigrations(db, [step(1, 'CREATE TABLE t1 (x)')])
    runMigrations(db, [step(1, 'CREATE TABLE t1 (x)'), step(2, 'CREATE TABLE t2 (x)')])
    expect(readUserVersion(db)).toBe(2)
    expect(tables()).toEqual(['t1', 't2'])
  })

  it('rolls a failing step back completely and keeps the version of the last good one', () => {
    const failing = step(2, 'CREATE TABLE t2 (x); CREATE TABLE t3 (x); INSERT INTO nowhere VALUES (1)')
    expect(() => runMigrations(db, [step(1, 'CREATE TABLE t1 (x)'), failing])).toThrow(/nowhere/)
    expect(readUserVersion(db)).toBe(1)
    expect(tables()).toEqual(['t1'])
    expect(db.isTransaction).toBe(false)
  })

  it('refuses a list with gaps or out of order', () => {
    expect(() => latestVersion([step(1, ''), step(3, '')])).toThrow()
    expect(() => runMigrations(db, [step(2, 'CREATE TABLE t2 (x)')])).toThrow()
    expect(readUserVersion(db)).toBe(0)
  })

  it('numbers the shipped migrations 1…n', () => {
    expect(latestVersion(MIGRATIONS)).toBe(MIGRATIONS.length)
  })
})
