/** Two-secret key derivation: both secrets matter, each fails cleanly, and the outputs are separated. */
import { beforeAll, describe, expect, it } from 'vitest'
import { toHex } from '../../../src-main/crypto/encoding.ts'
import { type KdfParams, newKdfParams } from '../../../src-main/crypto/kdf-params.ts'
import { generateKeyset, openKeyset, sealKeyset } from '../../../src-main/crypto/keyset.ts'
import {
  type AccountId,
  generateAccountId,
  generateSecretKey,
  type SecretKey,
} from '../../../src-main/crypto/secret-key.ts'
import { initCrypto } from '../../../src-main/crypto/sodium.ts'
import { type AccountSecrets, deriveAccountSecrets } from '../../../src-main/crypto/two-secret.ts'
import { expectCode, expectCodeAsync } from '../support/expect-code.ts'

const FLOOR_MEMLIMIT = 64 * 1024 * 1024
let accountId: AccountId
let secretKey: SecretKey
let kdf: KdfParams
let reference: AccountSecrets

function derive(overrides: { password?: string; secretKey?: SecretKey; kdf?: KdfParams } = {}) {
  return deriveAccountSecrets({
    password: overrides.password ?? 'correct horse battery staple',
    secretKey: overrides.secretKey ?? secretKey,
    accountId,
    kdf: overrides.kdf ?? kdf,
  })
}

function newKdf(email = 'ada@example.org'): KdfParams {
  return newKdfParams({ opslimit: 3, memlimitBytes: FLOOR_MEMLIMIT }, { accountId, email })
}

beforeAll(async () => {
  await initCrypto()
  accountId = generateAccountId()
  secretKey = generateSecretKey(accountId)
  kdf = newKdf()
  reference = await derive()
})

describe('two-secret key derivation', () => {
  it('is deterministic and separates the keyset key from the server secret', async () => {
    const again = await derive()
    expect(toHex(again.keysetKey)).toBe(toHex(reference.keysetKey))
    expect(toHex(again.authSecret)).toBe(toHex(reference.authSecret))
    expect(toHex(reference.keysetKey)).not.toBe(toHex(reference.authSecret))
  })

  it('changes completely with either secret or the account salt', async () => {
    const others = await Promise.all([
      derive({ password: 'correct horse battery stapl' }),
      derive({ secretKey: generateSecretKey(accountId) }),
      derive({ kdf: newKdf('bob@example.org') }),
      derive({ kdf: newKdf() }),
    ])
    const seen = new Set([toHex(reference.keysetKey), toHex(reference.authSecret)])
    for (const other of others) {
      expect(seen.has(toHex(other.keysetKey))).toBe(false)
      expect(seen.has(toHex(other.authSecret))).toBe(false)
    }
  })

  it('normalises the password (NFKD)', async () => {
    const composed = await derive({ password: 'caf\u00e9 \uff21' })
    const decomposed = await derive({ password: 'cafe\u0301 A' })
    expect(toHex(decomposed.keysetKey)).toBe(toHex(composed.keysetKey))
  })

  it('reports a wrong password or Secret Key when the keyset will not open', async () => {
    const keyset = generateKeyset()
    const context = { accountId, revision: 1 }
    const sealed = sealKeyset(reference.keysetKey, keyset, context)
    for (const wrong of [
      await derive({ password: 'Correct horse battery staple' }),
      await derive({ secretKey: generateSecretKey(accountId) }),
    ]) {
      expectCode(
        () => openKeyset(wrong.keysetKey, sealed, context, keyset.boxPublicKey),
        'WRONG_PASSWORD_OR_SECRET_KEY',
      )
    }
  })

  it('rejects a Secret Key of another account and an empty password before deriving', async () => {
    await expectCodeAsync(derive({ secretKey: generateSecretKey(generateAccountId()) }), 'SECRET_KEY_WRONG_ACCOUNT')
    await expectCodeAsync(derive({ password: '' }), 'PASSWORD_EMPTY')
  })
})
