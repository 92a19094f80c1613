/**
 * The crypto module's public interface. The rest of the main process uses
 * only what is exported here; libsodium itself never leaves this folder.
 */
export { Argon2Worker } from './argon2.ts'
export {
  BACKUP_MIN_PADDED_BYTES,
  backupBodyLength,
  backupPaddedLength,
  deriveBackupKey,
  openBackupBody,
  sealBackupBody,
  sealBackupBodyWithNonce,
} from './backup-cipher.ts'
export { calibrateKdfCost } from './calibrate.ts'
export { recordDigest } from './digest.ts'
export { fromBase64, toBase64 } from './encoding.ts'
export {
  ENVELOPE_VERSION,
  type EnvelopeContext,
  envelopePurpose,
  open,
  PURPOSES,
  type Purpose,
  type PurposeKeys,
  seal,
} from './envelope.ts'
export {
  assertKdfParams,
  KDF_ALGORITHM,
  KDF_CEILING,
  KDF_DEFAULT_MEMLIMIT_BYTES,
  KDF_FLOOR,
  KDF_SALT_BYTES,
  type KdfCost,
  type KdfParams,
  type KdfParamsRecord,
  kdfParamsFromRecord,
  kdfParamsToRecord,
  newKdfParams,
  normalizeEmail,
  proposeKdfUpgrade,
  type SaltIdentity,
} from './kdf-params.ts'
export {
  type AccountKey,
  type AuthSecret,
  type BackupKey,
  type BoxPublicKey,
  type BoxSecretKey,
  generateVaultKey,
  type KeysetKey,
  type PasswordKey,
  type VaultKey,
  zeroize,
} from './keys.ts'
export { generateKeyset, type Keyset, type KeysetContext, openKeyset, sealKeyset, zeroizeKeyset } from './keyset.ts'
export { randomBytes } from './random.ts'
export {
  type AccountId,
  formatSecretKey,
  generateAccountId,
  generateSecretKey,
  isAccountId,
  parseSecretKey,
  type SecretKey,
  secretKeysEqual,
} from './secret-key.ts'
export { heapContains, initCrypto, scrubFreeHeap } from './sodium.ts'
export {
  type AccountSecrets,
  combineAccountSecrets,
  deriveAccountSecrets,
  derivePasswordKey,
  type TwoSecretInput,
} from './two-secret.ts'
