/**
 * What the unlock screen does with each failure: the words to show, which
 * field they are about (it gets focus), and whether the typed password is
 * cleared. The password is cleared only when it was tried and found wrong;
 * a Secret Key problem is found before the password is ever used, so the
 * password stays and focus goes to the Secret Key.
 */
import type { IpcFailure } from '@shared/ipc/result.ts'

export type UnlockField = 'password' | 'secretKey' | 'none'

export interface UnlockProblem {
  readonly message: string
  readonly field: UnlockField
  readonly clearPassword: boolean
  /** The keychain has no Secret Key: show the field for it. */
  readonly askSecretKey: boolean
  /** A heading for a problem that is news, not a slip (the secrets changed elsewhere): shown above the form. */
  readonly title?: string
  /** What main knows about this device changed (it may now need the Secret Key typed): ask for the status again. */
  readonly refreshStatus?: boolean
}

const SECRET_KEY_CODES = new Set(['SECRET_KEY_TYPO', 'SECRET_KEY_WRONG_ACCOUNT', 'UNSUPPORTED_VERSION'])

export function unlockProblem(error: IpcFailure, secretKeyTyped: boolean): UnlockProblem {
  if (error.code === 'WRONG_PASSWORD_OR_SECRET_KEY') {
    const message = secretKeyTyped
      ? 'The master password or the Secret Key is wrong. Check both and try again.'
      : 'That master password is not right. Try again.'
    return { message, field: 'password', clearPassword: true, askSecretKey: false }
  }
  if (error.code === 'PASSWORD_EMPTY') return passwordMissing()
  if (error.code === 'CREDENTIALS_CHANGED') {
    // Main's words say which secret changed and what to type now; the typed password is the old one.
    return {
      message: error.message,
      field: 'none',
      clearPassword: true,
      askSecretKey: false,
      title: 'Changed on another device',
      refreshStatus: true,
    }
  }
  if (error.code === 'SECRET_KEY_REQUIRED') {
    return { message: error.message, field: 'secretKey', clearPassword: false, askSecretKey: true }
  }
  if (SECRET_KEY_CODES.has(error.code)) {
    return { message: error.message, field: 'secretKey', clearPassword: false, askSecretKey: false }
  }
  // KDF_*, STORE_*, INTERNAL …: main's own words; the typed secrets were not judged, so they stay.
  return { message: error.message, field: 'none', clearPassword: false, askSecretKey: false }
}

export function passwordMissing(): UnlockProblem {
  return { message: 'Enter your master password.', field: 'password', clearPassword: false, askSecretKey: false }
}

export function secretKeyMissing(): UnlockProblem {
  return {
    message: 'Enter your Secret Key. It is on your Emergency Kit and starts with K1.',
    field: 'secretKey',
    clearPassword: false,
    askSecretKey: true,
  }
}
