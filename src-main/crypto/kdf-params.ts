/**
 * Argon2id parameters, stored with the account and checked on every load.
 * Nothing read from disk or from a server can take them below the floor, and
 * nothing can push them past the ceiling (which would let a hostile server
 * hang or exhaust the device). Parallelism is always 1: libsodium computes
 * p=1 only, and p=1 output is identical in every implementation, so a native
 * Argon2 can replace it later without re-keying.
 */
import { VaultError } from '../../src-shared/errors.ts'
import { encodeFields, fromBase64, toBase64 } from './encoding.ts'
import { randomBytes } from './random.ts'
import { sodium } from './sodium.ts'

const MiB = 1024 * 1024

export const KDF_ALGORITHM = 'argon2id13'
export const KDF_SALT_BYTES = 16
export const KDF_FLOOR = { memlimitBytes: 64 * MiB, opslimit: 3 } as const
export const KDF_CEILING = { memlimitBytes: 1024 * MiB, opslimit: 32 } as const
export const KDF_DEFAULT_MEMLIMIT_BYTES = 256 * MiB
export const KDF_TARGET_MS = 1000

/** Memory and passes: what calibration chooses. */
export interface KdfCost {
  readonly memlimitBytes: number
  readonly opslimit: number
}

export interface KdfParams extends KdfCost {
  readonly algorithm: typeof KDF_ALGORITHM
  /**
   * The Argon2id salt, derived once at account creation from 16 random bytes
   * and the account identity (argonSalt below). Storing the derived salt
   * rather than its inputs keeps the email off the disk.
   */
  readonly salt: Uint8Array
}

export interface SaltIdentity {
  readonly accountId: string
  readonly email: string
}

/** The stored and transmitted form. `v` versions the record, so a new KDF is a new `v`. */
export interface KdfParamsRecord {
  readonly v: 1
  readonly alg: typeof KDF_ALGORITHM
  readonly memlimitBytes: number
  readonly opslimit: number
  readonly salt: string
}

/** Parameters for a new account: a fresh salt bound to its identity. */
export function newKdfParams(cost: KdfCost, identity: SaltIdentity): KdfParams {
  const params: KdfParams = {
    algorithm: KDF_ALGORITHM,
    memlimitBytes: cost.memlimitBytes,
    opslimit: cost.opslimit,
    salt: argonSalt(randomBytes(KDF_SALT_BYTES), identity),
  }
  assertKdfParams(params)
  return params
}

/** Emails are compared case-insensitively everywhere, so they are bound that way too. */
export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase()
}

/** BLAKE2b-128(key = random salt, "vault.argon2-salt.v1" ‖ email ‖ account id). */
export function argonSalt(randomSalt: Uint8Array, identity: SaltIdentity): Uint8Array {
  const message = encodeFields(['vault.argon2-salt.v1', normalizeEmail(identity.email), identity.accountId])
  return sodium().crypto_generichash(KDF_SALT_BYTES, message, randomSalt)
}

/** Throws KDF_BELOW_FLOOR, KDF_ABOVE_CEILING or KDF_PARAMS_INVALID. */
export function assertKdfParams(params: KdfParams): void {
  const { memlimitBytes, opslimit, salt } = params
  if (params.algorithm !== KDF_ALGORITHM) {
    throw new VaultError('UNSUPPORTED_VERSION', 'The account uses a key derivation this app does not know.')
  }
  if (!Number.isSafeInteger(memlimitBytes) || !Number.isSafeInteger(opslimit) || memlimitBytes % 1024 !== 0) {
    throw new VaultError('KDF_PARAMS_INVALID', 'Key derivation parameters are not whole numbers of KiB and passes.')
  }
  if (!(salt instanceof Uint8Array) || salt.length !== KDF_SALT_BYTES) {
    throw new VaultError('KDF_PARAMS_INVALID', `The key derivation salt must be ${KDF_SALT_BYTES} bytes.`)
  }
  if (memlimitBytes < KDF_FLOOR.memlimitBytes || opslimit < KDF_FLOOR.opslimit) {
    throw new VaultError(
      'KDF_BELOW_FLOOR',
      `Key derivation parameters (${memlimitBytes / MiB} MiB, ${opslimit} passes) are below the minimum ` +
        `of ${KDF_FLOOR.memlimitBytes / MiB} MiB and ${KDF_FLOOR.opslimit} passes; refusing to use them.`,
    )
  }
  if (memlimitBytes > KDF_CEILING.memlimitBytes || opslimit > KDF_CEILING.opslimit) {
    throw new VaultError(
      'KDF_ABOVE_CEILING',
      `Key derivation parameters (${memlimitBytes / MiB} MiB, ${opslimit} passes) exceed the maximum ` +
        `of ${KDF_CEILING.memlimitBytes / MiB} MiB and ${KDF_CEILING.opslimit} passes; refusing to use them.`,
    )
  }
}

export function kdfParamsToRecord(params: KdfParams): KdfParamsRecord {
  assertKdfParams(params)
  return {
    v: 1,
    alg: KDF_ALGORITHM,
    memlimitBytes: params.memlimitBytes,
    opslimit: params.opslimit,
    salt: toBase64(params.salt),
  }
}

/** Validates a record from disk or a server. Unknown versions are rejected, never guessed at. */
export function kdfParamsFromRecord(record: unknown): KdfParams {
  if (typeof record !== 'object' || record === null) {
    throw new VaultError('KDF_PARAMS_INVALID', 'Key derivation parameters are missing.')
  }
  const fields = record as Record<string, unknown>
  if (fields.v !== 1 || fields.alg !== KDF_ALGORITHM) {
    throw new VaultError('UNSUPPORTED_VERSION', 'The account uses a key derivation format this app does not know.')
  }
  const { memlimitBytes, opslimit, salt } = fields
  if (typeof memlimitBytes !== 'number' || typeof opslimit !== 'number' || typeof salt !== 'string') {
    throw new VaultError('KDF_PARAMS_INVALID', 'Key derivation parameters are malformed.')
  }
  const params: KdfParams = { algorithm: KDF_ALGORITHM, memlimitBytes, opslimit, salt: decodeSalt(salt) }
  assertKdfParams(params)
  return params
}

function decodeSalt(text: string): Uint8Array {
  try {
    return fromBase64(text)
  } catch {
    throw new VaultError('KDF_PARAMS_INVALID', 'The key derivation salt is not valid base64.')
  }
}

/**
 * The number of passes that takes about targetMs at the given memory on this
 * device, from one measured run at the floor's pass count (Argon2 time is
 * linear in passes). Never below the floor, never above the ceiling.
 */
export function opslimitForTarget(measuredMs: number, measuredOpslimit: number, targetMs = KDF_TARGET_MS): number {
  const perPass = measuredMs / measuredOpslimit
  const passes = perPass > 0 ? Math.round(targetMs / perPass) : KDF_CEILING.opslimit
  return Math.min(KDF_CEILING.opslimit, Math.max(KDF_FLOOR.opslimit, passes))
}

/**
 * A stronger cost to offer when this device derived the current one in less
 * than half the target time: the default memory (or the current, if more)
 * and as many passes as fill about the target. Never lower in either
 * dimension, and null unless it is clearly stronger (at least 1.5 times the
 * work of the current cost).
 */
export function proposeKdfUpgrade(
  current: KdfCost,
  measuredMs: number,
  targetMs = KDF_TARGET_MS,
): (KdfCost & { estimatedMs: number }) | null {
  if (!(measuredMs > 0) || measuredMs >= targetMs / 2) return null
  const memlimitBytes = Math.min(KDF_CEILING.memlimitBytes, Math.max(current.memlimitBytes, KDF_DEFAULT_MEMLIMIT_BYTES))
  // Argon2id time grows linearly with both memory and passes.
  const perPass = (measuredMs / current.opslimit) * (memlimitBytes / current.memlimitBytes)
  const opslimit = Math.max(
    current.opslimit,
    opslimitForTarget(perPass * KDF_FLOOR.opslimit, KDF_FLOOR.opslimit, targetMs),
  )
  const work = (cost: KdfCost) => cost.memlimitBytes * cost.opslimit
  if (work({ memlimitBytes, opslimit }) < 1.5 * work(current)) return null
  return { memlimitBytes, opslimit, estimatedMs: Math.round(perPass * opslimit) }
}
