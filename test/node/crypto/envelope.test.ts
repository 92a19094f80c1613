/** Tamper tests: any change to a sealed record, or to the context it is opened in, is caught with its own code. */
import { beforeAll, describe, expect, it } from 'vitest'
import { utf8 } from '../../../src-main/crypto/encoding.ts'
import { type EnvelopeContext, envelopePurpose, open, PURPOSES, seal } from '../../../src-main/crypto/envelope.ts'
import { generateVaultKey, type KeysetKey, type VaultKey } from '../../../src-main/crypto/keys.ts'
import { initCrypto } from '../../../src-main/crypto/sodium.ts'
import { expectCode } from '../support/expect-code.ts'

const HEADER_AND_NONCE = 4 + 24
const context: EnvelopeContext<'item'> = {
  purpose: 'item',
  accountId: 'QDNJ3T',
  vaultId: 'vault-1',
  itemId: 'item-1',
  revision: 3,
}
let key: VaultKey
let sealed: Uint8Array
const plaintext = utf8('{"title":"Bank","password":"hunter2"}')

beforeAll(async () => {
  await initCrypto()
  key = generateVaultKey()
  sealed = seal(key, context, plaintext)
})

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = Uint8Array.from(bytes)
  copy[bit >> 3] = (copy[bit >> 3] as number) ^ (1 << (bit & 7))
  return copy
}

/** Never called: `npm run typecheck` fails if any of the marked lines compiles. */
function keysAreBoundToPurposesAtCompileTime(keysetKey: KeysetKey, loose: EnvelopeContext): void {
  const keysetContext = { purpose: 'keyset', accountId: 'A', vaultId: '', itemId: '', revision: 0 } as const
  seal(keysetKey, keysetContext, plaintext)
  // @ts-expect-error a VaultKey cannot seal a keyset
  seal(key, keysetContext, plaintext)
  // @ts-expect-error a KeysetKey cannot seal an item
  seal(keysetKey, context, plaintext)
  // @ts-expect-error a context whose purpose is not one literal could pair any key with any purpose
  seal(key, loose, plaintext)
}

describe('envelope v1', () => {
  it('pairs each key type with its purposes at compile time (checked by npm run typecheck)', () => {
    expect(keysAreBoundToPurposesAtCompileTime).toBeTypeOf('function')
  })

  it('round-trips and never returns the plaintext in the clear', () => {
    expect(Array.from(open(key, context, sealed))).toEqual(Array.from(plaintext))
    expect(Buffer.from(sealed).includes(Buffer.from('hunter2'))).toBe(false)
    expect(envelopePurpose(sealed)).toBe('item')
  })

  it('catches a flipped bit anywhere, with a code that says where', () => {
    for (let bit = 0; bit < sealed.length * 8; bit++) {
      const byte = bit >> 3
      const code =
        byte < 2
          ? 'MALFORMED_ENVELOPE'
          : byte === 2
            ? 'UNSUPPORTED_VERSION'
            : byte === 3
              ? 'PURPOSE'
              : 'DECRYPTION_FAILED'
      const tampered = flipBit(sealed, bit)
      if (code === 'PURPOSE') {
        const flipped = tampered[3] as number
        const known = Object.values(PURPOSES).includes(flipped as never)
        expectCode(() => open(key, context, tampered), known ? 'PURPOSE_MISMATCH' : 'UNKNOWN_PURPOSE')
      } else {
        expectCode(() => open(key, context, tampered), code)
      }
    }
  })

  it('fails when any part of the context differs: wrong associated data must fail', () => {
    const variants: EnvelopeContext<'item'>[] = [
      { ...context, itemId: 'item-2' },
      { ...context, revision: 2 },
      { ...context, revision: 4 },
      { ...context, vaultId: 'vault-2' },
      { ...context, accountId: 'ZZZZZZ' },
      { ...context, itemId: '' },
    ]
    for (const other of variants) expectCode(() => open(key, other, sealed), 'DECRYPTION_FAILED')
  })

  it('catches two records whose ciphertexts were swapped', () => {
    const otherContext = { ...context, itemId: 'item-2' }
    const other = seal(key, otherContext, utf8('{"title":"Mail"}'))
    expectCode(() => open(key, context, other), 'DECRYPTION_FAILED')
    expectCode(() => open(key, otherContext, sealed), 'DECRYPTION_FAILED')
  })

  it('refuses a record of another purpose before trying to decrypt it', () => {
    const meta = seal(key, { ...context, purpose: 'vault-meta', itemId: '' }, utf8('{}'))
    expectCode(() => open(key, context, meta), 'PURPOSE_MISMATCH')
  })

  it('fails with the wrong key', () => {
    expectCode(() => open(generateVaultKey(), context, sealed), 'DECRYPTION_FAILED')
  })

  it('reports truncation at every length', () => {
    for (let length = 0; length < sealed.length; length++) {
      const truncated = sealed.subarray(0, length)
      const code = length < HEADER_AND_NONCE + 16 ? 'MALFORMED_ENVELOPE' : 'DECRYPTION_FAILED'
      expectCode(() => open(key, context, truncated), code)
    }
  })

  it('rejects older and newer format versions, and unknown purposes', () => {
    for (const version of [0, 2, 255]) {
      const other = Uint8Array.from(sealed)
      other[2] = version
      const error = expectCode(() => open(key, context, other), 'UNSUPPORTED_VERSION')
      expect(error.message).toContain(`format ${version}`)
    }
    const unknown = Uint8Array.from(sealed)
    unknown[3] = 200
    expectCode(() => open(key, context, unknown), 'UNKNOWN_PURPOSE')
  })

  it('refuses to seal without an account or with a bad revision', () => {
    for (const bad of [
      { ...context, accountId: '' },
      { ...context, revision: -1 },
      { ...context, revision: 1.5 },
    ]) {
      expectCode(() => seal(key, bad, plaintext), 'INVALID_CONTEXT')
    }
  })

  it('raises programming errors (bad key or context) before decrypting, never as tampering', () => {
    expectCode(() => open(new Uint8Array(16) as VaultKey, context, sealed), 'INVALID_KEY')
    expectCode(() => seal(new Uint8Array(31) as VaultKey, context, plaintext), 'INVALID_KEY')
    expectCode(() => open(key, { ...context, revision: -1 }, sealed), 'INVALID_CONTEXT')
  })

  it('uses a fresh nonce for every seal', () => {
    const nonces = new Set<string>()
    for (let i = 0; i < 2000; i++) {
      nonces.add(Buffer.from(seal(key, context, plaintext).subarray(4, HEADER_AND_NONCE)).toString('hex'))
    }
    expect(nonces.size).toBe(2000)
  })

  it('hides exact lengths: every plaintext up to 255 bytes seals to the same size', () => {
    const sizes = new Set<number>()
    for (let length = 0; length < 256; length++) sizes.add(seal(key, context, new Uint8Array(length)).length)
    expect([...sizes]).toEqual([HEADER_AND_NONCE + 256 + 16])
  })
})
