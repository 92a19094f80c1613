/** Items: full history, the current pointer, revision conflicts and purging. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { expectCode } from '../support/expect-code.ts'
import { blob, item, tempStoreSandbox } from './support.ts'

const box = tempStoreSandbox()

describe('appendItemRevision and reads', () => {
  it('starts a new item at revision 1 and keeps every revision, oldest first', () => {
    const store = box.open()
    expect(store.getCurrentItem('a')).toBeNull()
    expect(store.listItemRevisions('a')).toEqual([])
    store.appendItemRevision(item('a', 1))
    store.appendItemRevision(item('a', 2))
    store.appendItemRevision(item('a', 3))
    expect(store.getCurrentItem('a')).toEqual(item('a', 3))
    expect(store.listItemRevisions('a')).toEqual([item('a', 1), item('a', 2), item('a', 3)])
    expect(store.getItemRevision('a', 1)).toEqual(item('a', 1))
    expect(store.getItemRevision('a', 2)?.sealed).toEqual(blob('a@2'))
    expect(store.getItemRevision('a', 4)).toBeNull()
    expect(store.getItemRevision('nope', 1)).toBeNull()
  })

  it('lists the newest revision of every item, ordered by itemId', () => {
    const store = box.open()
    for (const id of ['m', 'b', 'z', 'a']) store.appendItemRevision(item(id, 1))
    store.appendItemRevision(item('m', 2))
    store.appendItemRevision(item('b', 2))
    store.appendItemRevision(item('b', 3))
    expect(store.listCurrentItems()).toEqual([item('a', 1), item('b', 3), item('m', 2), item('z', 1)])
  })

  it('pages through the same current items, in the same order', () => {
    const store = box.open()
    for (const id of ['m', 'b', 'z', 'a', 'q']) store.appendItemRevision(item(id, 1))
    store.appendItemRevision(item('m', 2))
    expect(store.listCurrentItemsPage('', 2)).toEqual([item('a', 1), item('b', 1)])
    expect(store.listCurrentItemsPage('b', 2)).toEqual([item('m', 2), item('q', 1)])
    expect(store.listCurrentItemsPage('q', 2)).toEqual([item('z', 1)])
    expect(store.listCurrentItemsPage('z', 2)).toEqual([])
  })

  it('records the vault per revision, so an item can move to another vault', () => {
    const store = box.open()
    store.appendItemRevision(item('a', 1, 'vault-1'))
    store.appendItemRevision(item('a', 2, 'vault-2'))
    expect(store.getCurrentItem('a')?.vaultId).toBe('vault-2')
    expect(store.getItemRevision('a', 1)?.vaultId).toBe('vault-1')
  })

  it('returns copies: changing a returned blob does not change the store', () => {
    const store = box.open()
    store.appendItemRevision(item('a', 1))
    const read = store.getCurrentItem('a')
    read?.sealed.fill(0)
    expect(store.getCurrentItem('a')?.sealed).toEqual(blob('a@1'))
  })

  it('keeps what it stored across close and reopen', () => {
    const first = box.open()
    first.appendItemRevision(item('a', 1))
    first.appendItemRevision(item('a', 2))
    first.close()
    const second = box.open()
    expect(second.listItemRevisions('a')).toEqual([item('a', 1), item('a', 2)])
  })
})

describe('REVISION_CONFLICT', () => {
  it.each([
    ['a new item that does not start at 1', [], 2],
    ['a new item at revision 0', [], 0],
    ['a stale revision (already stored)', [1, 2], 2],
    ['an older revision', [1, 2], 1],
    ['a skipped revision', [1, 2], 4],
  ])('refuses %s and writes nothing', (_name, existing, offered) => {
    const store = box.open()
    for (const revision of existing) store.appendItemRevision(item('a', revision))
    const outboxBefore = store.listOutbox()
    const error = expectCode(() => store.appendItemRevision(item('a', offered)), 'REVISION_CONFLICT')
    expect(error.message).not.toContain('a@')
    expect(store.listItemRevisions('a').map((r) => r.revision)).toEqual(existing)
    expect(store.listOutbox()).toEqual(outboxBefore)
  })
})

describe('purgeItem', () => {
  it('removes the item and all its revisions and queues a tombstone with the last revision', () => {
    const store = box.open()
    for (const revision of [1, 2, 3]) store.appendItemRevision(item('a', revision))
    store.appendItemRevision(item('b', 1))
    store.purgeItem('a')
    expect(store.getCurrentItem('a')).toBeNull()
    expect(store.listItemRevisions('a')).toEqual([])
    expect(store.getItemRevision('a', 2)).toBeNull()
    expect(store.listCurrentItems()).toEqual([item('b', 1)])
    const last = store.listOutbox().at(-1)
    expect(last).toMatchObject({ kind: 'item-purge', recordId: 'a', revision: 3 })
  })

  it('does nothing for an unknown item', () => {
    const store = box.open()
    store.purgeItem('ghost')
    expect(store.listOutbox()).toEqual([])
  })

  it('lets a purged id start again at revision 1', () => {
    const store = box.open()
    store.appendItemRevision(item('a', 1))
    store.purgeItem('a')
    expectCode(() => store.appendItemRevision(item('a', 2)), 'REVISION_CONFLICT')
    store.appendItemRevision(item('a', 1))
    expect(store.listItemRevisions('a')).toEqual([item('a', 1)])
  })

  it('leaves no copy of the purged ciphertext in the file or its WAL (secure_delete, WAL scrub)', () => {
    const store = box.open()
    const marker = 'PURGE-ME-0123456789'
    for (let revision = 1; revision <= 3; revision++) {
      store.appendItemRevision({ ...item('secret', revision), sealed: blob(`${marker}#${revision}|`, 2000) })
    }
    for (let i = 0; i < 50; i++) store.appendItemRevision(item(`keep-${i}`, 1))
    const onDisk = () => Buffer.concat([readFileSync(box.file()), readFileSync(`${box.file()}-wal`)])
    expect(onDisk().includes(marker)).toBe(true)
    store.purgeItem('secret')
    expect(onDisk().includes(marker)).toBe(false)
    store.close()
    expect(readFileSync(box.file()).includes(marker)).toBe(false)
  })
})

describe('argument checks', () => {
  it('rejects malformed records as programming errors, naming the field but not the value', () => {
    const store = box.open()
    expect(() => store.appendItemRevision({ ...item('a', 1), itemId: '' })).toThrow(/itemId/)
    expect(() => store.appendItemRevision({ ...item('a', 1), revision: 1.5 })).toThrow(/revision/)
    expect(() => store.appendItemRevision({ ...item('a', 1), sealed: 'x' as unknown as Uint8Array })).toThrow(/sealed/)
    expect(() => store.getItemRevision('a', -1)).toThrow(TypeError)
    expect(store.listOutbox()).toEqual([])
  })
})
