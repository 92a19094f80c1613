/** Opening: creation with private modes, connection settings, migrations from an empty file. */
import { closeSync, existsSync, openSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { VaultStore } from '../../../src-main/store/index.ts'
import { configureConnection, DEFAULT_BUSY_TIMEOUT_MS } from '../../../src-main/store/open-database.ts'
import { item, tempStoreSandbox } from './support.ts'

const box = tempStoreSandbox()
const TABLES = ['account', 'current_items', 'item_revisions', 'outbox', 'settings', 'vaults']

function mode(path: string): number {
  return statSync(path).mode & 0o777
}

function inspect(path: string): { version: number; tables: string[]; journal: string } {
  const db = new DatabaseSync(path)
  try {
    const version = Number(db.prepare('PRAGMA user_version').get()?.user_version)
    const rows = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all()
    const journal = String(db.prepare('PRAGMA journal_mode').get()?.journal_mode)
    return { version, tables: rows.map((row) => String(row.name)), journal }
  } finally {
    db.close()
  }
}

describe.skipIf(process.platform === 'win32')('file and folder modes', () => {
  it('creates a missing folder 0700 and the file 0600; the WAL and shared-memory files follow the file', () => {
    const folder = join(box.dir(), 'nested', 'profile')
    const store = VaultStore.open(join(folder, 'vault.db'))
    try {
      store.appendItemRevision(item('a', 1))
      expect(mode(folder)).toBe(0o700)
      expect(mode(store.path)).toBe(0o600)
      expect(mode(`${store.path}-wal`)).toBe(0o600)
      expect(mode(`${store.path}-shm`)).toBe(0o600)
    } finally {
      store.close()
    }
  })
})

describe('connection settings', () => {
  it('uses WAL, synchronous=FULL, foreign keys and secure_delete', () => {
    const db = new DatabaseSync(box.file('raw.db'))
    try {
      configureConnection(db)
      const pragma = (name: string) => db.prepare(`PRAGMA ${name}`).get()?.[name]
      expect(pragma('journal_mode')).toBe('wal')
      expect(pragma('synchronous')).toBe(2) // FULL
      expect(pragma('foreign_keys')).toBe(1)
      expect(pragma('secure_delete')).toBe(1)
    } finally {
      db.close()
    }
    expect(DEFAULT_BUSY_TIMEOUT_MS).toBe(5000)
  })

  it('leaves a store file in WAL mode', () => {
    box.open().close()
    expect(inspect(box.file()).journal).toBe('wal')
  })
})

describe('migrations', () => {
  it('creates the schema in a new file', () => {
    box.open().close()
    expect(inspect(box.file())).toMatchObject({
      version: VaultStore.SCHEMA_VERSION,
      tables: expect.arrayContaining(TABLES),
    })
  })

  it('migrates an existing empty (zero-byte) file', () => {
    closeSync(openSync(box.file(), 'w'))
    box.open().close()
    expect(inspect(box.file()).version).toBe(VaultStore.SCHEMA_VERSION)
  })

  it('leaves a current file and its records as they are when reopened', () => {
    const first = box.open()
    first.appendItemRevision(item('a', 1))
    first.close()
    const second = box.open()
    expect(second.getCurrentItem('a')).toEqual(item('a', 1))
    expect(inspect(box.file()).version).toBe(VaultStore.SCHEMA_VERSION)
  })

  it('does not create anything when the folder is missing and creation fails', () => {
    const blocker = box.file('not-a-folder')
    closeSync(openSync(blocker, 'w'))
    expect(() => VaultStore.open(join(blocker, 'vault.db'))).toThrow()
    expect(existsSync(join(blocker, 'vault.db'))).toBe(false)
  })
})
