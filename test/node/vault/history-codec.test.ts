/**
 * A vault history entry's envelope (vault/history-codec.ts): it opens only
 * at its own place (account, vault, counter) under its own vault key, and an
 * entry in a layout this app does not know is refused by name.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { generateVaultKey, initCrypto, seal } from '../../../src-main/crypto/index.ts'
import { openHistoryEntry, sealHistoryEntry } from '../../../src-main/vault/history-codec.ts'
import { expectCode } from '../support/expect-code.ts'

beforeAll(async () => {
  await initCrypto()
})

const address = { accountId: 'ABCDEF', vaultId: 'v-1', counter: 7 }
const entry = {
  prev: new Uint8Array(32).fill(9),
  changes: [
    { itemId: 'item-1', revision: 3, digest: new Uint8Array(32).fill(1), deleted: false },
    { itemId: 'item-2', revision: 5, digest: new Uint8Array(32).fill(2), deleted: true },
  ],
}

describe('history entries', () => {
  it('round trips: the previous digest and every change, deletions included', () => {
    const key = generateVaultKey()
    expect(openHistoryEntry(key, address, sealHistoryEntry(key, address, entry))).toEqual(entry)
  })

  it.each([
    ['another counter', { ...address, counter: 8 }],
    ['another vault', { ...address, vaultId: 'v-2' }],
    ['another account', { ...address, accountId: 'ZZZZZZ' }],
  ])('does not open at %s (wrong associated data)', (_, elsewhere) => {
    const key = generateVaultKey()
    expectCode(() => openHistoryEntry(key, elsewhere, sealHistoryEntry(key, address, entry)), 'DECRYPTION_FAILED')
  })

  it('does not open under another vault key', () => {
    const sealed = sealHistoryEntry(generateVaultKey(), address, entry)
    expectCode(() => openHistoryEntry(generateVaultKey(), address, sealed), 'DECRYPTION_FAILED')
  })

  it('an item envelope presented as an entry is refused on its purpose', () => {
    const key = generateVaultKey()
    const item = seal(key, { purpose: 'item', ...address, itemId: '', revision: address.counter }, new Uint8Array(4))
    expectCode(() => openHistoryEntry(key, address, item), 'PURPOSE_MISMATCH')
  })

  it.each([
    ['another format', { v: 2, prev: Buffer.alloc(32).toString('base64'), changes: [] }],
    ['a short digest', { v: 1, prev: Buffer.alloc(31).toString('base64'), changes: [] }],
    [
      'a zero revision',
      { v: 1, prev: Buffer.alloc(32).toString('base64'), changes: [['i', 0, Buffer.alloc(32).toString('base64'), 0]] },
    ],
    ['an extra field', { v: 1, prev: Buffer.alloc(32).toString('base64'), changes: [], note: 'x' }],
  ])('an entry with %s is refused as SYNC_PROTOCOL', (_, plaintext) => {
    const key = generateVaultKey()
    const context = { purpose: 'vault-history' as const, ...address, itemId: '', revision: address.counter }
    const sealed = seal(key, context, new TextEncoder().encode(JSON.stringify(plaintext)))
    expectCode(() => openHistoryEntry(key, address, sealed), 'SYNC_PROTOCOL')
  })
})
