/**
 * The one ciphertext format (v1), used for every sealed record:
 *
 *   offset  size  field
 *   0       2     magic "VE"
 *   2       1     format version (1)
 *   3       1     purpose code (PURPOSES below)
 *   4       24    XChaCha20-Poly1305 nonce (random, from node:crypto)
 *   28      n+16  ciphertext of the padded plaintext, with the Poly1305 tag
 *
 * Associated data, never stored in the envelope (the opener rebuilds it from
 * what it trusts, such as the row's own ids, so a moved ciphertext fails):
 *   "vault.aad" ‖ version ‖ purpose ‖ account id ‖ vault id ‖ item id ‖ revision
 * (strings length-prefixed, version and purpose one byte, revision u64 big-endian).
 */
import { VaultError } from '../../src-shared/errors.ts'
import { concatBytes } from './encoding.ts'
import { type AccountKey, type KeysetKey, SYMMETRIC_KEY_BYTES, type VaultKey } from './keys.ts'
import { pad, unpad } from './padding.ts'
import { randomBytes } from './random.ts'
import { sodium } from './sodium.ts'

export const ENVELOPE_VERSION = 1
const MAGIC = [0x56, 0x45] as const
const HEADER_BYTES = 4
const NONCE_BYTES = 24
const TAG_BYTES = 16

/** Purpose codes are part of the format: never renumber, only add. */
export const PURPOSES = {
  keyset: 1,
  'vault-key': 2,
  'vault-meta': 3,
  item: 4,
  'account-meta': 5,
  'secret-key': 6,
  tombstone: 7,
  'vault-history': 8,
} as const

export type Purpose = keyof typeof PURPOSES

/** Which key may seal which purpose: enforced by the compiler through the branded key types. */
export interface PurposeKeys {
  keyset: KeysetKey
  'vault-key': AccountKey
  'vault-meta': VaultKey
  item: VaultKey
  'account-meta': AccountKey
  /** A new Secret Key waiting, on this device only, for its change to finish (vault/credential-journal.ts). */
  'secret-key': AccountKey
  /** A deletion as the server keeps it: proof that this account deleted the item at this revision. */
  tombstone: VaultKey
  /** One entry of a vault's history: which item revisions its devices wrote (vault/history-codec.ts). */
  'vault-history': VaultKey
}

/**
 * Rejects a context whose purpose is a union (say, a plain EnvelopeContext),
 * which would otherwise let PurposeKeys[P] accept any of the keys.
 */
type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never
export type OnePurpose<P extends Purpose> = true extends IsUnion<P> ? { readonly purpose: never } : unknown

export interface EnvelopeContext<P extends Purpose = Purpose> {
  readonly purpose: P
  readonly accountId: string
  /** Empty where the record belongs to no vault (the keyset). */
  readonly vaultId: string
  /** Empty where the record is not an item. */
  readonly itemId: string
  readonly revision: number
}

export function seal<P extends Purpose>(
  key: PurposeKeys[NoInfer<P>],
  context: EnvelopeContext<P> & OnePurpose<P>,
  plaintext: Uint8Array,
): Uint8Array {
  return sealWithNonce(key, context, plaintext, randomBytes(NONCE_BYTES))
}

/** Only for known-answer tests: a reused nonce breaks XChaCha20-Poly1305. Use seal(). */
export function sealWithNonce<P extends Purpose>(
  key: PurposeKeys[NoInfer<P>],
  context: EnvelopeContext<P> & OnePurpose<P>,
  plaintext: Uint8Array,
  nonce: Uint8Array,
): Uint8Array {
  assertKeyLength(key)
  const header = Uint8Array.of(...MAGIC, ENVELOPE_VERSION, PURPOSES[context.purpose])
  const additionalData = associatedData(context)
  const padded = pad(plaintext)
  try {
    const ciphertext = sodium().crypto_aead_xchacha20poly1305_ietf_encrypt(padded, additionalData, null, nonce, key)
    return concatBytes(header, nonce, ciphertext)
  } finally {
    padded.fill(0)
  }
}

/**
 * Opens an envelope sealed for exactly this context. Throws MALFORMED_ENVELOPE,
 * UNSUPPORTED_VERSION, UNKNOWN_PURPOSE, PURPOSE_MISMATCH or DECRYPTION_FAILED.
 */
export function open<P extends Purpose>(
  key: PurposeKeys[NoInfer<P>],
  context: EnvelopeContext<P> & OnePurpose<P>,
  envelope: Uint8Array,
): Uint8Array {
  // Programming errors (bad key, bad context) are raised before decryption,
  // so they can never be mistaken for tampering or a wrong password.
  assertKeyLength(key)
  const additionalData = associatedData(context)
  readHeader(envelope, context.purpose)
  const nonce = envelope.subarray(HEADER_BYTES, HEADER_BYTES + NONCE_BYTES)
  const ciphertext = envelope.subarray(HEADER_BYTES + NONCE_BYTES)
  let padded: Uint8Array
  try {
    padded = sodium().crypto_aead_xchacha20poly1305_ietf_decrypt(null, ciphertext, additionalData, nonce, key)
  } catch {
    throw new VaultError(
      'DECRYPTION_FAILED',
      `A sealed ${context.purpose} record failed authentication: it was altered, moved, or sealed with another key.`,
    )
  }
  try {
    return unpad(padded)
  } catch (error) {
    padded.fill(0)
    throw error
  }
}

function assertKeyLength(key: Uint8Array): void {
  if (key.length !== SYMMETRIC_KEY_BYTES) {
    throw new VaultError('INVALID_KEY', `A sealing key must be ${SYMMETRIC_KEY_BYTES} bytes.`)
  }
}

/** The purpose an envelope claims, for routing; it is authenticated only by open(). */
export function envelopePurpose(envelope: Uint8Array): Purpose {
  return readHeader(envelope)
}

function readHeader(envelope: Uint8Array, expected?: Purpose): Purpose {
  if (
    envelope.length < HEADER_BYTES + NONCE_BYTES + TAG_BYTES ||
    envelope[0] !== MAGIC[0] ||
    envelope[1] !== MAGIC[1]
  ) {
    throw new VaultError('MALFORMED_ENVELOPE', 'This is not a sealed record, or it is truncated.')
  }
  const version = envelope[2] as number
  if (version !== ENVELOPE_VERSION) {
    throw new VaultError(
      'UNSUPPORTED_VERSION',
      `Sealed record format ${version} is not supported (this app reads format ${ENVELOPE_VERSION} only).`,
    )
  }
  const purpose = purposeOf(envelope[3] as number)
  if (expected !== undefined && purpose !== expected) {
    throw new VaultError('PURPOSE_MISMATCH', `Expected a sealed ${expected} record but found a ${purpose} record.`)
  }
  return purpose
}

function purposeOf(code: number): Purpose {
  for (const [name, value] of Object.entries(PURPOSES)) {
    if (value === code) return name as Purpose
  }
  throw new VaultError('UNKNOWN_PURPOSE', `Sealed record purpose ${code} is unknown to this app.`)
}

const AAD_TAG = new TextEncoder().encode('vault.aad')
const aadEncoder = new TextEncoder()

/**
 * Written straight into one buffer: this runs for every record opened at
 * unlock, and building it from many small arrays cost as much as the
 * decryption itself. The bytes are exactly encodeFields(['vault.aad',
 * [version, purpose], accountId, vaultId, itemId]) ‖ u64be(revision),
 * pinned by the known-answer vectors.
 */
export function associatedData(context: EnvelopeContext): Uint8Array {
  const { purpose, accountId, vaultId, itemId, revision } = context
  if (!Number.isSafeInteger(revision) || revision < 0 || accountId.length === 0) {
    throw new VaultError('INVALID_CONTEXT', 'A sealed record needs an account id and a non-negative revision.')
  }
  const ids = [accountId, vaultId, itemId]
  const idBytesMax = 3 * (accountId.length + vaultId.length + itemId.length)
  const out = new Uint8Array(4 + AAD_TAG.length + 4 + 2 + 3 * 4 + idBytesMax + 8)
  const view = new DataView(out.buffer)
  view.setUint32(0, AAD_TAG.length)
  out.set(AAD_TAG, 4)
  let offset = 4 + AAD_TAG.length
  view.setUint32(offset, 2)
  out[offset + 4] = ENVELOPE_VERSION
  out[offset + 5] = PURPOSES[purpose]
  offset += 6
  for (const id of ids) {
    const { written } = aadEncoder.encodeInto(id, out.subarray(offset + 4))
    view.setUint32(offset, written)
    offset += 4 + written
  }
  view.setBigUint64(offset, BigInt(revision))
  return out.subarray(0, offset + 8)
}
