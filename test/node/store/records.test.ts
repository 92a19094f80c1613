/** Account and vault records, the outbox and settings. */
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { VaultStore } from '../../../src-main/store/index.ts'
import { expectCode } from '../support/expect-code.ts'
import { account, item, tempStoreSandbox, vault } from './support.ts'

const box = tempStoreSandbox()

describe('account', () => {
  it('is null until saved, then round-trips and is replaced by a later save', () => {
    const store = box.open()
    expect(store.getAccount()).toBeNull()
    store.saveAccount(account('ABC234', 0, 0))
    expect(store.getAccount()).toEqual(account('ABC234', 0, 0))
    store.saveAccount(account('ABC234', 1, 0))
    expect(store.getAccount()).toEqual(account('ABC234', 1, 0))
    expect(store.listOutbox().map(({ kind, recordId, revision }) => ({ kind, recordId, revision }))).toEqual([
      { kind: 'account', recordId: 'ABC234', revision: 0 },
      { kind: 'account', recordId: 'ABC234', revision: 1 },
    ])
  })

  it('holds one account per file: another account id is ACCOUNT_EXISTS and changes nothing', () => {
    const store = box.open()
    store.saveAccount(account('ABC234'))
    expectCode(() => store.saveAccount(account('XYZ789')), 'ACCOUNT_EXISTS')
    expect(store.getAccount()?.accountId).toBe('ABC234')
    expect(store.listOutbox()).toHaveLength(1)
  })
})

describe('vaults', () => {
  it('lists saved vaults by id and upserts', () => {
    const store = box.open()
    expect(store.listVaults()).toEqual([])
    store.saveVault(vault('v2'))
    store.saveVault(vault('v1'))
    store.saveVault(vault('v2', 2))
    expect(store.listVaults()).toEqual([vault('v1'), vault('v2', 2)])
    expect(store.listOutbox().map((entry) => [entry.kind, entry.recordId, entry.revision])).toEqual([
      ['vault', 'v2', 1],
      ['vault', 'v1', 1],
      ['vault', 'v2', 2],
    ])
  })
})

describe('outbox', () => {
  it('keeps changes in order with increasing sequence numbers and honours a limit', () => {
    const store = box.open()
    const before = Date.now()
    store.saveAccount(account())
    store.saveVault(vault('v1'))
    store.appendItemRevision(item('a', 1))
    store.appendItemRevision(item('a', 2))
    store.purgeItem('a')
    const entries = store.listOutbox()
    expect(entries.map((entry) => [entry.kind, entry.recordId, entry.revision])).toEqual([
      ['account', 'ABC234', 0],
      ['vault', 'v1', 1],
      ['item', 'a', 1],
      ['item', 'a', 2],
      ['item-purge', 'a', 2],
    ])
    const seqs = entries.map((entry) => entry.seq)
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y))
    expect(new Set(seqs).size).toBe(seqs.length)
    for (const entry of entries) expect(entry.queuedAt).toBeGreaterThanOrEqual(before)
    expect(store.listOutbox(2)).toEqual(entries.slice(0, 2))
    expect(store.listOutbox(0)).toEqual([])
  })

  it('acknowledges up to a sequence number and never reuses one', () => {
    const store = box.open()
    for (const revision of [1, 2, 3]) store.appendItemRevision(item('a', revision))
    const [first, second, third] = store.listOutbox()
    store.acknowledgeOutbox(second?.seq ?? -1)
    expect(store.listOutbox()).toEqual([third])
    store.acknowledgeOutbox(third?.seq ?? -1)
    expect(store.listOutbox()).toEqual([])
    store.appendItemRevision(item('a', 4))
    const [next] = store.listOutbox()
    expect(next?.seq).toBeGreaterThan(third?.seq ?? Number.POSITIVE_INFINITY)
    expect(first?.seq).toBeLessThan(second?.seq ?? 0)
  })

  it('survives reopening', () => {
    const first = box.open()
    first.appendItemRevision(item('a', 1))
    const entries = first.listOutbox()
    first.close()
    expect(box.open().listOutbox()).toEqual(entries)
  })
})

describe('settings', () => {
  it('round-trips JSON values, is undefined when unset, and undefined removes a value', () => {
    const store = box.open()
    expect(store.getSetting('theme')).toBeUndefined()
    const values: unknown[] = ['dark', 42, true, null, [1, 'two'], { autoLockMinutes: 5, nested: { a: [] } }]
    for (const value of values) {
      store.putSetting('theme', value)
      expect(store.getSetting('theme')).toEqual(value)
    }
    store.putSetting('theme', undefined)
    expect(store.getSetting('theme')).toBeUndefined()
  })

  it('persists across reopening and writes no outbox entry', () => {
    const first = box.open()
    first.putSetting('autoLockMinutes', 10)
    first.close()
    const second = box.open()
    expect(second.getSetting('autoLockMinutes')).toBe(10)
    expect(second.listOutbox()).toEqual([])
  })

  it('reports a value that is not JSON (altered outside the app) as STORE_CORRUPT', () => {
    box.open().close()
    const raw = new DatabaseSync(box.file())
    raw.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('theme', '{not json')
    raw.close()
    expectCode(() => box.open().getSetting('theme'), 'STORE_CORRUPT')
  })

  it('refuses values JSON cannot represent', () => {
    const store = box.open()
    expect(() => store.putSetting('bad', () => 1)).toThrow(TypeError)
    expect(() => store.putSetting('bad', 1n)).toThrow(TypeError)
    expect(store.getSetting('bad')).toBeUndefined()
  })
})

describe('handle', () => {
  it('exposes the absolute path and schema version; close is idempotent', () => {
    const store = box.open('vault.db', { integrityCheck: 'quick' })
    store.appendItemRevision(item('a', 1))
    store.checkIntegrity()
    expect(store.path).toBe(box.file())
    expect(VaultStore.SCHEMA_VERSION).toBeGreaterThanOrEqual(1)
    store.close()
    store.close()
  })
})
