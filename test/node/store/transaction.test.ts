/** transaction(): all or nothing, nesting, and refusing asynchronous work. */
import { describe, expect, it } from 'vitest'
import { VaultError } from '../../../src-shared/errors.ts'
import { expectCode } from '../support/expect-code.ts'
import { item, tempStoreSandbox, vault } from './support.ts'

const box = tempStoreSandbox()

describe('transaction', () => {
  it("returns the work's result and commits every change together", () => {
    const store = box.open()
    const result = store.transaction(() => {
      store.saveVault(vault('v1'))
      store.appendItemRevision(item('a', 1))
      store.appendItemRevision(item('b', 1))
      return 'done'
    })
    expect(result).toBe('done')
    expect(store.listCurrentItems()).toHaveLength(2)
    expect(store.listOutbox()).toHaveLength(3)
  })

  it('rolls everything back when the work throws, and rethrows the same error', () => {
    const store = box.open()
    store.appendItemRevision(item('a', 1))
    const boom = new Error('boom')
    expect(() =>
      store.transaction(() => {
        store.saveVault(vault('v1'))
        store.appendItemRevision(item('a', 2))
        store.purgeItem('a')
        store.putSetting('k', 1)
        throw boom
      }),
    ).toThrow(boom)
    expect(store.listVaults()).toEqual([])
    expect(store.listItemRevisions('a')).toEqual([item('a', 1)])
    expect(store.getSetting('k')).toBeUndefined()
    expect(store.listOutbox()).toHaveLength(1)
  })

  it('rolls back earlier writes when a later append conflicts', () => {
    const store = box.open()
    expectCode(
      () =>
        store.transaction(() => {
          store.appendItemRevision(item('a', 1))
          store.appendItemRevision(item('a', 3))
        }),
      'REVISION_CONFLICT',
    )
    expect(store.getCurrentItem('a')).toBeNull()
    expect(store.listOutbox()).toEqual([])
  })

  it('joins a nested call to the outer transaction', () => {
    const store = box.open()
    expect(() =>
      store.transaction(() => {
        store.transaction(() => store.appendItemRevision(item('a', 1)))
        throw new Error('outer fails')
      }),
    ).toThrow('outer fails')
    expect(store.getCurrentItem('a')).toBeNull()
  })

  it('undoes only the inner part when the outer work catches a nested failure', () => {
    const store = box.open()
    store.transaction(() => {
      store.appendItemRevision(item('a', 1))
      try {
        store.transaction(() => {
          store.appendItemRevision(item('b', 1))
          store.appendItemRevision(item('a', 5))
        })
      } catch (error) {
        expect(error).toBeInstanceOf(VaultError)
      }
      store.appendItemRevision(item('c', 1))
    })
    expect(store.listCurrentItems().map((record) => record.itemId)).toEqual(['a', 'c'])
    expect(store.listOutbox().map((entry) => entry.recordId)).toEqual(['a', 'c'])
  })

  it('refuses asynchronous work and rolls it back', () => {
    const store = box.open()
    expect(() =>
      store.transaction(() => {
        store.appendItemRevision(item('a', 1))
        return Promise.resolve()
      }),
    ).toThrow(/synchronous/)
    expect(store.getCurrentItem('a')).toBeNull()
    store.appendItemRevision(item('a', 1))
    expect(store.getCurrentItem('a')).toEqual(item('a', 1))
  })
})
