/**
 * Files the store must refuse without changing a byte: newer formats, files
 * that are not databases, truncated or damaged databases; and STORE_BUSY
 * when another connection holds the write lock.
 */
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { VaultStore } from '../../../src-main/store/index.ts'
import { expectCode } from '../support/expect-code.ts'
import { fingerprint, item, tempStoreSandbox } from './support.ts'

const box = tempStoreSandbox()
const CHECKS = ['header', 'quick'] as const

function storeWithItems(count: number): string {
  const store = box.open('filled.db')
  store.transaction(() => {
    for (let i = 0; i < count; i++)
      store.appendItemRevision({ ...item(`item-${i}`, 1), sealed: new Uint8Array(600).fill(i) })
  })
  store.close() // the last connection checkpoints the WAL into the file and deletes it
  expect(existsSync(`${box.file('filled.db')}-wal`)).toBe(false)
  return box.file('filled.db')
}

describe('STORE_TOO_NEW', () => {
  it.each(CHECKS)('refuses a file from a newer app (%s check), asks for an update, leaves it untouched', (check) => {
    const raw = new DatabaseSync(box.file())
    raw.exec(`CREATE TABLE future (x); PRAGMA user_version = ${VaultStore.SCHEMA_VERSION + 1}`)
    raw.close()
    const before = fingerprint(box.file())
    const error = expectCode(() => VaultStore.open(box.file(), { integrityCheck: check }), 'STORE_TOO_NEW')
    expect(error.message).toMatch(/update the app/i)
    expect(fingerprint(box.file())).toBe(before)
    expect(existsSync(`${box.file()}-wal`)).toBe(false) // still in its own journal mode
  })
})

describe('STORE_CORRUPT', () => {
  const garbage = {
    'random bytes': () => Uint8Array.from({ length: 8192 }, () => Math.floor(Math.random() * 256)),
    'a short non-empty garbage header': () => new TextEncoder().encode('definitely not sqlite'),
    'the SQLite magic followed by garbage': () => new TextEncoder().encode('SQLite format 3\0garbage garbage garbage'),
    'a page of zeros': () => new Uint8Array(4096),
  }

  const cases = Object.entries(garbage).flatMap(([name, make]) => CHECKS.map((check) => [name, check, make] as const))

  it.each(cases)('refuses %s at open (%s check), naming the file, and leaves it untouched', (_name, check, make) => {
    writeFileSync(box.file(), make())
    const before = fingerprint(box.file())
    const error = expectCode(() => VaultStore.open(box.file(), { integrityCheck: check }), 'STORE_CORRUPT')
    expect(error.message).toContain(box.file())
    expect(fingerprint(box.file())).toBe(before)
  })

  it.each(CHECKS)('refuses a database truncated to half its size at open (%s check), leaving it untouched', (check) => {
    const file = storeWithItems(300)
    truncateSync(file, Math.floor(readFileSync(file).length / 2))
    const before = fingerprint(file)
    const error = expectCode(() => VaultStore.open(file, { integrityCheck: check }), 'STORE_CORRUPT')
    expect(error.message).toContain(file)
    expect(fingerprint(file)).toBe(before)
  })

  it('finds a damaged page at open with quick_check, else with checkIntegrity() or the first query that meets it', () => {
    const file = storeWithItems(300)
    const raw = new DatabaseSync(file)
    const root = Number(raw.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'item_revisions'").get()?.rootpage)
    const pageSize = Number(raw.prepare('PRAGMA page_size').get()?.page_size)
    raw.close()
    const bytes = readFileSync(file)
    bytes.fill(0xff, (root - 1) * pageSize, root * pageSize)
    writeFileSync(file, bytes)
    const before = fingerprint(file)

    expectCode(() => VaultStore.open(file, { integrityCheck: 'quick' }), 'STORE_CORRUPT')
    const store = box.open('filled.db') // the default header check does not read that page
    expectCode(() => store.checkIntegrity(), 'STORE_CORRUPT')
    expectCode(() => store.listCurrentItems(), 'STORE_CORRUPT')
    expectCode(() => store.appendItemRevision(item('item-1', 2)), 'STORE_CORRUPT')
    store.close()
    expect(fingerprint(file)).toBe(before)
  })
})

describe('STORE_BUSY', () => {
  it('reports another connection holding the write lock past the busy timeout; reads still work', () => {
    const store = box.open('vault.db', { busyTimeoutMs: 150 })
    store.appendItemRevision(item('a', 1))
    const other = new DatabaseSync(box.file())
    other.exec('BEGIN IMMEDIATE')
    try {
      const started = performance.now()
      const error = expectCode(() => store.appendItemRevision(item('a', 2)), 'STORE_BUSY')
      expect(performance.now() - started).toBeGreaterThanOrEqual(140)
      expect(error.message).toContain(box.file())
      expectCode(() => store.transaction(() => 1), 'STORE_BUSY')
      expectCode(() => store.putSetting('k', 1), 'STORE_BUSY')
      expect(store.getCurrentItem('a')).toEqual(item('a', 1))
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
    store.appendItemRevision(item('a', 2))
    expect(store.getCurrentItem('a')?.revision).toBe(2)
  })

  it('reports a file that cannot be set up because another connection holds it', () => {
    const other = new DatabaseSync(box.file())
    other.exec('BEGIN IMMEDIATE')
    try {
      expectCode(() => VaultStore.open(box.file(), { busyTimeoutMs: 50 }), 'STORE_BUSY')
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
    box.open().close()
  })
})
