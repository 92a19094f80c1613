/**
 * Known-answer vectors (test/vectors/crypto-v1.json): fixed password, Secret
 * Key, salt and parameters must give these exact keys and sealed bytes. If
 * this fails after a refactor, the refactor changed the format.
 */
import argon2 from 'argon2'
import { beforeAll, describe, expect, it } from 'vitest'
import { argon2id } from '../../../src-main/crypto/argon2.ts'
import { fromHex, toHex } from '../../../src-main/crypto/encoding.ts'
import { open, type PurposeKeys, sealWithNonce } from '../../../src-main/crypto/envelope.ts'
import { argonSalt } from '../../../src-main/crypto/kdf-params.ts'
import type { KeysetKey } from '../../../src-main/crypto/keys.ts'
import { openKeyset } from '../../../src-main/crypto/keyset.ts'
import { type AccountId, parseSecretKey } from '../../../src-main/crypto/secret-key.ts'
import { initCrypto } from '../../../src-main/crypto/sodium.ts'
import { deriveAccountSecrets, normalizePassword } from '../../../src-main/crypto/two-secret.ts'
import vectors from '../../vectors/crypto-v1.json' with { type: 'json' }
import { vectorKdf } from '../../vectors/generate.ts'

const { inputs, expected } = vectors
const secretKey = () => parseSecretKey(inputs.secretKey)
const identity = () => ({ accountId: expected.accountId as AccountId, email: inputs.email })

beforeAll(() => initCrypto())

describe('known-answer vectors, format v1', () => {
  it('parses the fixed Secret Key to the fixed account id', () => {
    expect(secretKey().accountId).toBe(expected.accountId)
  })

  it('binds the Argon2id salt to the account salt, email and account id', () => {
    expect(toHex(argonSalt(fromHex(inputs.accountSaltHex), identity()))).toBe(expected.argonSaltHex)
    expect(toHex(vectorKdf(identity()).salt)).toBe(expected.argonSaltHex)
  })

  it('derives the fixed password key, which equals native Argon2id (p=1) on the same input', async () => {
    const password = normalizePassword(inputs.password)
    const salt = fromHex(expected.argonSaltHex)
    const native = await argon2.hash(Buffer.from(password), {
      type: argon2.argon2id,
      memoryCost: inputs.kdf.memlimitBytes / 1024,
      timeCost: inputs.kdf.opslimit,
      parallelism: 1,
      hashLength: 32,
      salt: Buffer.from(salt),
      raw: true,
    })
    const ours = await argon2id({ password, salt, ...inputs.kdf })
    expect(toHex(ours)).toBe(expected.passwordKeyHex)
    expect(native.toString('hex')).toBe(expected.passwordKeyHex)
  })

  it('derives the fixed KeysetKey and AuthSecret from both secrets', async () => {
    const secrets = await deriveAccountSecrets({
      password: inputs.password,
      secretKey: secretKey(),
      accountId: identity().accountId,
      kdf: vectorKdf(identity()),
    })
    expect(toHex(secrets.keysetKey)).toBe(expected.keysetKeyHex)
    expect(toHex(secrets.authSecret)).toBe(expected.authSecretHex)
  })

  it.each(vectors.envelopes)('seals $context.purpose to the fixed bytes and opens them back', (vector) => {
    const key = fromHex(vector.keyHex) as PurposeKeys[keyof PurposeKeys]
    // Data-driven, so the purpose is only known at run time: the cast opts out of the
    // compile-time purpose/key pairing that ordinary callers get.
    const context = vector.context as never
    const sealed = sealWithNonce(key as never, context, fromHex(vector.plaintextHex), fromHex(inputs.nonceHex))
    expect(toHex(sealed)).toBe(vector.sealedHex)
    expect(toHex(open(key as never, context, fromHex(vector.sealedHex)))).toBe(vector.plaintextHex)
  })

  it('opens the fixed sealed keyset to the fixed keys', () => {
    const [keysetVector] = vectors.envelopes
    if (keysetVector === undefined) throw new Error('vector file has no keyset envelope')
    const keyset = openKeyset(
      fromHex(expected.keysetKeyHex) as KeysetKey,
      fromHex(keysetVector.sealedHex),
      { accountId: expected.accountId, revision: 1 },
      fromHex(expected.boxPublicKeyHex),
    )
    expect(toHex(keyset.accountKey)).toBe(inputs.accountKeyHex)
    expect(toHex(keyset.boxSecretKey)).toBe(inputs.boxSecretKeyHex)
  })
})
