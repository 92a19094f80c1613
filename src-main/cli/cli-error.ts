/**
 * Failures the command line itself detects (bad flags, no terminal to ask
 * on, a declined confirmation). Like VaultError they carry a stable code,
 * printed with the message, and never a secret.
 */
import { EXIT, type ExitCode } from './exit-codes.ts'

export type CliErrorCode =
  | 'USAGE'
  | 'NO_TERMINAL'
  | 'INTERRUPTED'
  | 'CANCELLED'
  | 'PASSWORD_MISMATCH'
  | 'INVALID_JSON'
  | 'STDIN_TOO_LARGE'
  | 'FILE_EXISTS'
  | 'FILE_NOT_FOUND'
  | 'KIT_MISMATCH'

const EXIT_BY_CODE: Record<CliErrorCode, ExitCode> = {
  USAGE: EXIT.usage,
  NO_TERMINAL: EXIT.usage,
  INTERRUPTED: EXIT.interrupted,
  CANCELLED: EXIT.error,
  PASSWORD_MISMATCH: EXIT.invalid,
  INVALID_JSON: EXIT.invalid,
  STDIN_TOO_LARGE: EXIT.invalid,
  FILE_EXISTS: EXIT.invalid,
  FILE_NOT_FOUND: EXIT.invalid,
  // Like a wrong Secret Key: the kit's key is not this account's.
  KIT_MISMATCH: EXIT.auth,
}

export class CliError extends Error {
  override readonly name = 'CliError'
  readonly code: CliErrorCode
  /** The command whose --help to point at, for usage errors. */
  readonly command: string | undefined

  constructor(code: CliErrorCode, message: string, command?: string) {
    super(message)
    this.code = code
    this.command = command
  }

  get exitCode(): ExitCode {
    return EXIT_BY_CODE[this.code]
  }
}

export function usageError(message: string, command?: string): CliError {
  return new CliError('USAGE', message, command)
}
