/**
 * Exit codes: one per kind of failure a script may want to react to
 * differently (ask again for the password, create the vault, fix its input).
 * docs/cli.md documents this table; change both together.
 */
import type { ErrorCode } from '../../src-shared/errors.ts'

export const EXIT = {
  ok: 0,
  error: 1,
  usage: 2,
  auth: 3,
  notFound: 4,
  vault: 5,
  invalid: 6,
  /** 128 + SIGINT, as shells report a command stopped by Ctrl-C. */
  interrupted: 130,
} as const

export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

const BY_ERROR_CODE: Partial<Record<ErrorCode, ExitCode>> = {
  WRONG_PASSWORD_OR_SECRET_KEY: EXIT.auth,
  SECRET_KEY_TYPO: EXIT.auth,
  SECRET_KEY_WRONG_ACCOUNT: EXIT.auth,
  SECRET_KEY_REQUIRED: EXIT.auth,
  PASSWORD_EMPTY: EXIT.auth,
  CREDENTIALS_CHANGED: EXIT.auth,
  SETUP_CODE_INVALID: EXIT.invalid,
  ITEM_NOT_FOUND: EXIT.notFound,
  ITEM_AMBIGUOUS: EXIT.notFound,
  FIELD_NOT_FOUND: EXIT.notFound,
  REVISION_NOT_FOUND: EXIT.notFound,
  NO_ACCOUNT: EXIT.vault,
  ACCOUNT_EXISTS: EXIT.vault,
  VAULT_LOCKED: EXIT.vault,
  STORE_CORRUPT: EXIT.vault,
  STORE_TOO_NEW: EXIT.vault,
  STORE_BUSY: EXIT.vault,
  INVALID_ITEM: EXIT.invalid,
  INVALID_TOTP: EXIT.invalid,
  INVALID_SSH_KEY: EXIT.invalid,
  INVALID_REQUEST: EXIT.invalid,
  WEAK_PASSWORD: EXIT.invalid,
  KDF_BELOW_FLOOR: EXIT.invalid,
  KDF_ABOVE_CEILING: EXIT.invalid,
  KDF_PARAMS_INVALID: EXIT.invalid,
  // A backup password that does not open the file is like a wrong master password.
  BACKUP_WRONG_PASSWORD: EXIT.auth,
  BACKUP_INVALID: EXIT.invalid,
  IMPORT_INVALID: EXIT.invalid,
  IMPORT_UNSUPPORTED: EXIT.invalid,
  // Generator options only ever come from command-line flags here.
  INVALID_GENERATOR_OPTIONS: EXIT.usage,
}

export function exitCodeFor(code: ErrorCode): ExitCode {
  return BY_ERROR_CODE[code] ?? EXIT.error
}
