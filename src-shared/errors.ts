/**
 * One error type for the whole app, carrying a stable string code.
 * Tests assert on codes, the renderer maps codes to words, and IPC carries
 * only { code, message }: never a stack, a payload or key material.
 */
export const ERROR_CODES = [
  // Secrets typed by the user
  'WRONG_PASSWORD_OR_SECRET_KEY',
  'SECRET_KEY_TYPO',
  'SECRET_KEY_WRONG_ACCOUNT',
  'PASSWORD_EMPTY',
  // Ciphertext and formats
  'DECRYPTION_FAILED',
  'MALFORMED_ENVELOPE',
  'UNSUPPORTED_VERSION',
  'UNKNOWN_PURPOSE',
  'PURPOSE_MISMATCH',
  'INVALID_CONTEXT',
  'INVALID_KEY',
  'KEYSET_MISMATCH',
  // Key derivation parameters
  'KDF_BELOW_FLOOR',
  'KDF_ABOVE_CEILING',
  'KDF_PARAMS_INVALID',
  'KDF_WORKER_FAILED',
  // Local store
  'STORE_CORRUPT',
  'STORE_TOO_NEW',
  'STORE_BUSY',
  'REVISION_CONFLICT',
  // OS keychain
  'KEYCHAIN_UNAVAILABLE',
  'SECRET_KEY_REQUIRED',
  // Account and vault
  'NO_ACCOUNT',
  'ACCOUNT_EXISTS',
  'VAULT_LOCKED',
  'WEAK_PASSWORD',
  // Emergency Kit and changing the secrets
  'SETUP_CODE_INVALID',
  'CREDENTIALS_CHANGED',
  'CREDENTIAL_CHANGE_FAILED',
  'KDF_NOT_STRONGER',
  // Items
  'ITEM_NOT_FOUND',
  'ITEM_AMBIGUOUS',
  'FIELD_NOT_FOUND',
  'REVISION_NOT_FOUND',
  'INVALID_ITEM',
  'INVALID_TOTP',
  'INVALID_SSH_KEY',
  'INVALID_GENERATOR_OPTIONS',
  // Import, export and backup
  /** A file to import is malformed, truncated or not the format named; the message names the file and the line or entry. */
  'IMPORT_INVALID',
  /** The import format is not one this app reads. */
  'IMPORT_UNSUPPORTED',
  /** A backup file is not one (wrong magic, unknown version, truncated, altered). */
  'BACKUP_INVALID',
  /** The backup password does not open the backup. */
  'BACKUP_WRONG_PASSWORD',
  // Sync
  'SYNC_NOT_CONFIGURED',
  'SYNC_BAD_URL',
  'SYNC_UNREACHABLE',
  'SYNC_AUTH_FAILED',
  'SYNC_SESSION_EXPIRED',
  'SYNC_DEVICE_REVOKED',
  'SYNC_CONFLICT',
  'SYNC_PROTOCOL',
  'SYNC_NO_ACCOUNT',
  /** The server was caught lying about the vault's history (sync/vault-log): syncing that vault stopped. */
  'SYNC_HALTED',
  // IPC boundary
  'FORBIDDEN_SENDER',
  'INVALID_REQUEST',
  'UNKNOWN_METHOD',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export class VaultError extends Error {
  override readonly name = 'VaultError'
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}

export function isVaultError(value: unknown, code?: ErrorCode): value is VaultError {
  return value instanceof VaultError && (code === undefined || value.code === code)
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}
