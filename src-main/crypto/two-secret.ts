/**
 * Two-secret key derivation (2SKD), after 1Password's design, with Argon2id
 * and BLAKE2b in place of PBKDF2 and HKDF:
 *
 *   argonSalt     = BLAKE2b-128(key = random salt, "vault.argon2-salt.v1" ‖ email ‖ account id)
 *                   (computed once at account creation and stored as the KDF salt: kdf-params.ts)
 *   passwordKey   = Argon2id(NFKD(password), argonSalt, t, m, p = 1)          [worker thread]
 *   secretKeyKey  = BLAKE2b-256(key = 26 Secret Key symbols, "vault.secret-key.v1" ‖ version ‖ account id)
 *   root          = BLAKE2b-256(key = passwordKey, "vault.2skd.v1" ‖ secretKeyKey)
 *   KeysetKey     = KDF(root, id 1, "VKEYSET1")     seals the account keyset
 *   AuthSecret    = KDF(root, id 2, "VAUTHSC1")     the sync server's login secret
 *
 * (all fields length-prefixed; KDF = crypto_kdf_derive_from_key, BLAKE2b).
 * Without the Secret Key's 128.8 bits, a stolen server database gives nothing
 * to guess passwords against; without the password, a stolen Secret Key gives
 * nothing either. The two outputs are independent PRF outputs of the root, so
 * the AuthSecret the server sees reveals neither the KeysetKey nor the root.
 */
import { VaultError } from '../../src-shared/errors.ts'
import { type Argon2Worker, argon2id } from './argon2.ts'
import { encodeFields, utf8 } from './encoding.ts'
import { assertKdfParams, type KdfParams } from './kdf-params.ts'
import { type AuthSecret, type KeysetKey, type PasswordKey, SYMMETRIC_KEY_BYTES, zeroize } from './keys.ts'
import type { AccountId, SecretKey } from './secret-key.ts'
import { sodium } from './sodium.ts'

export interface TwoSecretInput {
  readonly password: string
  readonly secretKey: SecretKey
  readonly accountId: AccountId
  /** Its salt already binds the account's email and id (kdf-params.ts). */
  readonly kdf: KdfParams
}

export interface AccountSecrets {
  readonly keysetKey: KeysetKey
  readonly authSecret: AuthSecret
}

const KDF_CONTEXT_KEYSET = 'VKEYSET1'
const KDF_CONTEXT_AUTH = 'VAUTHSC1'

/** NFKD, as 1Password does: the same password typed on any keyboard gives the same bytes. */
export function normalizePassword(password: string): Uint8Array {
  return utf8(password.normalize('NFKD'))
}

/**
 * Checks everything cheap (password present, Secret Key for this account, KDF
 * parameters within floor and ceiling) before the slow Argon2id step.
 */
export async function deriveAccountSecrets(input: TwoSecretInput, worker?: Argon2Worker): Promise<AccountSecrets> {
  const { password, secretKey, accountId, kdf } = input
  assertSecretKeyAccount(secretKey, accountId)
  const passwordKey = await derivePasswordKey(password, kdf, worker)
  try {
    return combineAccountSecrets(passwordKey, secretKey)
  } finally {
    zeroize(passwordKey)
  }
}

/**
 * The slow half alone: Argon2id of the password under the account's KDF
 * record. It does not depend on the Secret Key, so one run can be combined
 * with several candidate keys (a change of Secret Key in flight, or a key
 * from the keychain and one typed), each combination costing microseconds.
 */
export async function derivePasswordKey(password: string, kdf: KdfParams, worker?: Argon2Worker): Promise<PasswordKey> {
  return (await stretchPassword(password, kdf, 'Enter your master password.', worker)) as PasswordKey
}

/**
 * Argon2id of the NFKD password at checked parameters: the one path every
 * password takes (the master password here, a backup password in
 * backup-cipher.ts), so the KDF floor and ceiling are enforced in one place.
 * Throws PASSWORD_EMPTY (with emptyMessage), or the KDF codes, before deriving.
 */
export async function stretchPassword(
  password: string,
  kdf: KdfParams,
  emptyMessage: string,
  worker?: Argon2Worker,
): Promise<Uint8Array> {
  if (password.length === 0) throw new VaultError('PASSWORD_EMPTY', emptyMessage)
  assertKdfParams(kdf)
  const { salt, opslimit, memlimitBytes } = kdf
  return argon2id({ password: normalizePassword(password), salt, opslimit, memlimitBytes }, worker)
}

/** The fast half: the password key and the Secret Key into the KeysetKey and AuthSecret. */
export function combineAccountSecrets(passwordKey: PasswordKey, secretKey: SecretKey): AccountSecrets {
  const secretKeyKey = deriveSecretKeyKey(secretKey)
  const root = combineSecrets(passwordKey, secretKeyKey)
  try {
    return splitRoot(root)
  } finally {
    zeroize(secretKeyKey, root)
  }
}

function assertSecretKeyAccount(secretKey: SecretKey, accountId: AccountId): void {
  if (secretKey.accountId !== accountId) {
    throw new VaultError('SECRET_KEY_WRONG_ACCOUNT', 'This Secret Key belongs to a different account.')
  }
}

function deriveSecretKeyKey(secretKey: SecretKey): Uint8Array {
  const message = encodeFields(['vault.secret-key.v1', secretKey.version, secretKey.accountId])
  return sodium().crypto_generichash(SYMMETRIC_KEY_BYTES, message, secretKey.secret)
}

function combineSecrets(passwordKey: Uint8Array, secretKeyKey: Uint8Array): Uint8Array {
  const message = encodeFields(['vault.2skd.v1', secretKeyKey])
  try {
    return sodium().crypto_generichash(SYMMETRIC_KEY_BYTES, message, passwordKey)
  } finally {
    zeroize(message)
  }
}

function splitRoot(root: Uint8Array): AccountSecrets {
  const s = sodium()
  return {
    keysetKey: s.crypto_kdf_derive_from_key(SYMMETRIC_KEY_BYTES, 1, KDF_CONTEXT_KEYSET, root) as KeysetKey,
    authSecret: s.crypto_kdf_derive_from_key(SYMMETRIC_KEY_BYTES, 2, KDF_CONTEXT_AUTH, root) as AuthSecret,
  }
}
