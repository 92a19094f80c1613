/**
 * What the Settings → Security forms say for each failure of a change of
 * secrets: the words, which field they are about (it gets the message and
 * focus), and whether that field is cleared. As on the lock screen, a typed
 * password is cleared only when main tried it and found it wrong.
 */
import type { IpcFailure } from '@shared/ipc/result.ts'

/** current: the master password in force; next: the new one (change password only). */
export type CredentialField = 'current' | 'next'

export interface CredentialProblem {
  /** null: not about one field; shown in a banner under the form. */
  readonly field: CredentialField | null
  readonly message: string
  readonly clearField: boolean
}

/** `asksNewPassword`: the form has a new master password (the change-password form). */
export function credentialProblem(error: IpcFailure, asksNewPassword: boolean): CredentialProblem {
  switch (error.code) {
    case 'WRONG_PASSWORD_OR_SECRET_KEY':
      return {
        field: 'current',
        message: asksNewPassword
          ? 'That is not your current master password. Try again.'
          : 'That master password is not right. Try again.',
        clearField: true,
      }
    case 'PASSWORD_EMPTY':
      return missingCurrent(asksNewPassword)
    case 'WEAK_PASSWORD':
      return asksNewPassword ? { field: 'next', message: error.message, clearField: false } : inBanner(error)
    case 'INVALID_REQUEST':
      // The one request check a user can trip here: the new password is the current one.
      return asksNewPassword
        ? { field: 'next', message: 'The new master password is your current one. Choose another.', clearField: false }
        : inBanner(error)
    default:
      // CREDENTIAL_CHANGE_FAILED, KDF_NOT_STRONGER, STORE_*…: main's words say what happened and what was kept.
      return inBanner(error)
  }
}

export function missingCurrent(asksNewPassword: boolean): CredentialProblem {
  return {
    field: 'current',
    message: asksNewPassword ? 'Enter your current master password.' : 'Enter your master password.',
    clearField: false,
  }
}

function inBanner(error: IpcFailure): CredentialProblem {
  return { field: null, message: error.message, clearField: false }
}
