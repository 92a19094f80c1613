import { beforeAll, describe, expect, it } from 'vitest'
import { toHex } from '../../../src-main/crypto/encoding.ts'
import { open } from '../../../src-main/crypto/envelope.ts'
import type { KeysetKey } from '../../../src-main/crypto/keys.ts'
import { generateKeyset, openKeyset, sealKeyset, zeroizeKeyset } from '../../../src-main/crypto/keyset.ts'
import { randomBytes } from '../../../src-main/crypto/random.ts'
import { initCrypto } from '../../../src-main/crypto/sodium.ts'
import { expectCode } from '../support/expect-code.ts'

const context = { accountId: 'QDNJ3T', revision: 2 }
let keysetKey: KeysetKey

beforeAll(async () => {
  await initCrypto()
  keysetKey = randomBytes(32) as KeysetKey
})

describe('keyset', () => {
  it('holds a random account key and an X25519 pair, and round-trips', () => {
    const keyset = generateKeyset()
    expect(toHex(keyset.accountKey)).not.toBe(toHex(generateKeyset().accountKey))
    const opened = openKeyset(keysetKey, sealKeyset(keysetKey, keyset, context), context, keyset.boxPublicKey)
    expect(toHex(opened.accountKey)).toBe(toHex(keyset.accountKey))
    expect(toHex(opened.boxSecretKey)).toBe(toHex(keyset.boxSecretKey))
    expect(toHex(opened.boxPublicKey)).toBe(toHex(keyset.boxPublicKey))
  })

  it('refuses a substituted public key', () => {
    const keyset = generateKeyset()
    const sealed = sealKeyset(keysetKey, keyset, context)
    expectCode(() => openKeyset(keysetKey, sealed, context, generateKeyset().boxPublicKey), 'KEYSET_MISMATCH')
    expectCode(() => openKeyset(keysetKey, sealed, context, new Uint8Array(5)), 'KEYSET_MISMATCH')
  })

  it('binds the keyset to its account and revision (no rollback to an older keyset)', () => {
    const keyset = generateKeyset()
    const sealed = sealKeyset(keysetKey, keyset, context)
    for (const other of [
      { ...context, revision: 1 },
      { ...context, accountId: 'ZZZZZZ' },
    ]) {
      expectCode(() => openKeyset(keysetKey, sealed, other, keyset.boxPublicKey), 'WRONG_PASSWORD_OR_SECRET_KEY')
    }
  })

  it('rejects a keyset plaintext of an unknown layout', async () => {
    const { seal } = await import('../../../src-main/crypto/envelope.ts')
    const sealed = seal(keysetKey, { purpose: 'keyset', vaultId: '', itemId: '', ...context }, new Uint8Array(65))
    const keyset = generateKeyset()
    expectCode(() => openKeyset(keysetKey, sealed, context, keyset.boxPublicKey), 'UNSUPPORTED_VERSION')
    expect(open(keysetKey, { purpose: 'keyset', vaultId: '', itemId: '', ...context }, sealed)).toHaveLength(65)
  })

  it('zeroizes its secret keys on request', () => {
    const keyset = generateKeyset()
    zeroizeKeyset(keyset)
    expect(keyset.accountKey.every((byte) => byte === 0)).toBe(true)
    expect(keyset.boxSecretKey.every((byte) => byte === 0)).toBe(true)
  })
})
