/** libsodium keeps unwiped copies of its arguments in its heap; scrubFreeHeap() removes them. */
import { beforeAll, describe, expect, it } from 'vitest'
import { open, seal } from '../../../src-main/crypto/envelope.ts'
import type { VaultKey } from '../../../src-main/crypto/keys.ts'
import { heapContains, initCrypto, scrubFreeHeap } from '../../../src-main/crypto/sodium.ts'

beforeAll(() => initCrypto())

describe('scrubFreeHeap', () => {
  it('wipes the copies of a key and a plaintext that sealing and opening leave behind', () => {
    const key = new Uint8Array(32).fill(0x5a) as VaultKey
    key.set([0x13, 0x37, 0xc0, 0xde], 0)
    const plaintext = new TextEncoder().encode('canary-plaintext-3f9a7c')
    const context = { purpose: 'item', accountId: 'QDNJ3T', vaultId: 'v', itemId: 'i', revision: 1 } as const
    open(key, context, seal(key, context, plaintext))
    expect(heapContains(key)).toBe(true)
    expect(heapContains(plaintext)).toBe(true)
    scrubFreeHeap()
    expect(heapContains(key)).toBe(false)
    expect(heapContains(plaintext)).toBe(false)
  })
})
