/** A server or a file can never push the KDF below the floor or past the ceiling. */
import { beforeAll, describe, expect, it } from 'vitest'
import { toHex } from '../../../src-main/crypto/encoding.ts'
import {
  argonSalt,
  KDF_CEILING,
  KDF_FLOOR,
  type KdfParams,
  kdfParamsFromRecord,
  kdfParamsToRecord,
  newKdfParams,
  opslimitForTarget,
} from '../../../src-main/crypto/kdf-params.ts'
import { generateAccountId, generateSecretKey } from '../../../src-main/crypto/secret-key.ts'
import { initCrypto } from '../../../src-main/crypto/sodium.ts'
import { deriveAccountSecrets } from '../../../src-main/crypto/two-secret.ts'
import { expectCode, expectCodeAsync } from '../support/expect-code.ts'

const MiB = 1024 * 1024
const identity = { accountId: 'QDNJ3T', email: 'ada@example.org' }
const cost = (opslimit: number, memlimitBytes = 256 * MiB) => ({ opslimit, memlimitBytes })
const good = () => kdfParamsToRecord(newKdfParams(cost(3), identity))

beforeAll(() => initCrypto())

describe('KDF parameters', () => {
  it('default to 256 MiB, and round-trip through their stored record', () => {
    const params = newKdfParams(cost(4), identity)
    expect(params.memlimitBytes).toBe(256 * MiB)
    const back = kdfParamsFromRecord(JSON.parse(JSON.stringify(kdfParamsToRecord(params))))
    expect(back.opslimit).toBe(4)
    expect(Array.from(back.salt)).toEqual(Array.from(params.salt))
  })

  it('refuse anything below 64 MiB or 3 passes', () => {
    const below = [
      { ...good(), memlimitBytes: 64 * MiB - 1024 },
      { ...good(), opslimit: 2 },
      { ...good(), memlimitBytes: 8 * MiB, opslimit: 1 },
    ]
    for (const record of below) {
      const error = expectCode(() => kdfParamsFromRecord(record), 'KDF_BELOW_FLOOR')
      expect(error.message).toContain('below the minimum of 64 MiB and 3 passes')
    }
    expect(kdfParamsFromRecord({ ...good(), ...KDF_FLOOR }).opslimit).toBe(3)
  })

  it('refuse anything past the ceiling, which would let a server hang the device', () => {
    expectCode(() => kdfParamsFromRecord({ ...good(), memlimitBytes: 2048 * MiB }), 'KDF_ABOVE_CEILING')
    expectCode(() => kdfParamsFromRecord({ ...good(), opslimit: KDF_CEILING.opslimit + 1 }), 'KDF_ABOVE_CEILING')
  })

  it('reject unknown versions and algorithms rather than guess', () => {
    expectCode(() => kdfParamsFromRecord({ ...good(), v: 2 }), 'UNSUPPORTED_VERSION')
    expectCode(() => kdfParamsFromRecord({ ...good(), v: 0 }), 'UNSUPPORTED_VERSION')
    expectCode(() => kdfParamsFromRecord({ ...good(), alg: 'pbkdf2-sha256' }), 'UNSUPPORTED_VERSION')
  })

  it('reject malformed records with a specific code', () => {
    const malformed: unknown[] = [
      null,
      'argon2id',
      { ...good(), memlimitBytes: '268435456' },
      { ...good(), opslimit: 3.5 },
      { ...good(), memlimitBytes: 256 * MiB + 1 },
      { ...good(), salt: 'not base64!' },
      { ...good(), salt: Buffer.alloc(8).toString('base64') },
    ]
    for (const record of malformed) expectCode(() => kdfParamsFromRecord(record), 'KDF_PARAMS_INVALID')
  })

  it('are checked before any slow derivation starts', async () => {
    const accountId = generateAccountId()
    const weak: KdfParams = { algorithm: 'argon2id13', memlimitBytes: 16 * MiB, opslimit: 1, salt: new Uint8Array(16) }
    const input = { password: 'pw', secretKey: generateSecretKey(accountId), accountId }
    await expectCodeAsync(deriveAccountSecrets({ ...input, kdf: weak }), 'KDF_BELOW_FLOOR')
  })

  it('bind the salt to the account: email (case, width, spaces ignored) and account id', () => {
    const random = new Uint8Array(16).fill(5)
    const salt = toHex(argonSalt(random, identity))
    expect(toHex(argonSalt(random, { ...identity, email: '  ADA@Example.ORG ' }))).toBe(salt)
    expect(toHex(argonSalt(random, { ...identity, email: '\uff21da@example.org' }))).toBe(salt)
    expect(toHex(argonSalt(random, { ...identity, email: 'bob@example.org' }))).not.toBe(salt)
    expect(toHex(argonSalt(random, { ...identity, accountId: 'ZZZZZZ' }))).not.toBe(salt)
    expect(toHex(argonSalt(new Uint8Array(16), identity))).not.toBe(salt)
    expect(toHex(newKdfParams(cost(3), identity).salt)).not.toBe(toHex(newKdfParams(cost(3), identity).salt))
  })

  it('calibrate passes to the target time, never below the floor or above the ceiling', () => {
    expect(opslimitForTarget(300, 3, 1000)).toBe(10)
    expect(opslimitForTarget(1500, 3, 1000)).toBe(3)
    expect(opslimitForTarget(1, 3, 1000)).toBe(KDF_CEILING.opslimit)
    expect(opslimitForTarget(0, 3, 1000)).toBe(KDF_CEILING.opslimit)
  })
})
