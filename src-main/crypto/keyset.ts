/**
 * The account keyset: a random AccountKey (seals vault keys) and an X25519
 * key pair (for sharing, later). It is sealed under the KeysetKey from 2SKD,
 * so changing the master password or Secret Key re-seals only this record.
 *
 * Plaintext layout (inside a 'keyset' envelope):
 *   byte 0      keyset format (1)
 *   bytes 1-32  AccountKey
 *   bytes 33-64 X25519 secret key
 * The public key is stored beside the sealed keyset; on opening, it must
 * match the one recomputed from the secret key, so a substituted public key
 * is caught.
 */
import { VaultError } from '../../src-shared/errors.ts'
import { concatBytes } from './encoding.ts'
import { open, seal } from './envelope.ts'
import {
  type AccountKey,
  type BoxPublicKey,
  type BoxSecretKey,
  generateAccountKey,
  type KeysetKey,
  SYMMETRIC_KEY_BYTES,
  zeroize,
} from './keys.ts'
import { randomBytes } from './random.ts'
import { sodium } from './sodium.ts'

const KEYSET_FORMAT = 1
const KEYSET_BYTES = 1 + SYMMETRIC_KEY_BYTES + 32

export interface Keyset {
  readonly accountKey: AccountKey
  readonly boxSecretKey: BoxSecretKey
  readonly boxPublicKey: BoxPublicKey
}

export interface KeysetContext {
  readonly accountId: string
  /** Grows by one each time the keyset is re-sealed (password or Secret Key change). */
  readonly revision: number
}

export function generateKeyset(): Keyset {
  const boxSecretKey = randomBytes(32) as BoxSecretKey
  return {
    accountKey: generateAccountKey(),
    boxSecretKey,
    boxPublicKey: sodium().crypto_scalarmult_base(boxSecretKey) as BoxPublicKey,
  }
}

export function sealKeyset(keysetKey: KeysetKey, keyset: Keyset, context: KeysetContext): Uint8Array {
  const plaintext = concatBytes(Uint8Array.of(KEYSET_FORMAT), keyset.accountKey, keyset.boxSecretKey)
  try {
    return seal(keysetKey, { purpose: 'keyset', vaultId: '', itemId: '', ...context }, plaintext)
  } finally {
    zeroize(plaintext)
  }
}

/**
 * A failed authentication here means a wrong password or Secret Key (or a
 * keyset altered on disk or by a server: AEAD cannot tell these apart).
 */
export function openKeyset(
  keysetKey: KeysetKey,
  sealed: Uint8Array,
  context: KeysetContext,
  expectedPublicKey: Uint8Array,
): Keyset {
  const plaintext = openOrWrongSecret(keysetKey, sealed, context)
  try {
    if (plaintext.length !== KEYSET_BYTES || plaintext[0] !== KEYSET_FORMAT) {
      throw new VaultError('UNSUPPORTED_VERSION', 'The account keyset is in a format this app does not know.')
    }
    const accountKey = plaintext.slice(1, 1 + SYMMETRIC_KEY_BYTES) as AccountKey
    const boxSecretKey = plaintext.slice(1 + SYMMETRIC_KEY_BYTES) as BoxSecretKey
    const boxPublicKey = sodium().crypto_scalarmult_base(boxSecretKey) as BoxPublicKey
    if (expectedPublicKey.length !== boxPublicKey.length || !sodium().memcmp(boxPublicKey, expectedPublicKey)) {
      zeroize(accountKey, boxSecretKey)
      throw new VaultError('KEYSET_MISMATCH', 'The account public key does not match the keyset; refusing to use it.')
    }
    return { accountKey, boxSecretKey, boxPublicKey }
  } finally {
    zeroize(plaintext)
  }
}

export function zeroizeKeyset(keyset: Keyset): void {
  zeroize(keyset.accountKey, keyset.boxSecretKey)
}

function openOrWrongSecret(keysetKey: KeysetKey, sealed: Uint8Array, context: KeysetContext): Uint8Array {
  try {
    return open(keysetKey, { purpose: 'keyset', vaultId: '', itemId: '', ...context }, sealed)
  } catch (error) {
    if (error instanceof VaultError && error.code === 'DECRYPTION_FAILED') {
      throw new VaultError('WRONG_PASSWORD_OR_SECRET_KEY', 'The master password or the Secret Key is wrong.', {
        cause: error,
      })
    }
    throw error
  }
}
