/**
 * What the restore screens say about each failure, and whether it is about
 * the backup password (shown under that field, which is cleared when the
 * password was tried and found wrong) or about the file or the vault (shown
 * above the form, with a heading).
 */
import type { IpcFailure } from '@shared/ipc/result.ts'

export interface RestoreProblem {
  readonly message: string
  readonly title?: string
  readonly field: 'password' | 'none'
  readonly clearPassword: boolean
}

export function restoreProblem(error: IpcFailure): RestoreProblem {
  switch (error.code) {
    case 'BACKUP_WRONG_PASSWORD':
      return {
        // Main cannot tell a wrong password from an altered first chunk; the password is by far the likelier.
        message:
          'That backup password does not open this file. It is the password chosen when the backup was saved, not a master password.',
        field: 'password',
        clearPassword: true,
      }
    case 'PASSWORD_EMPTY':
      return backupPasswordMissing()
    case 'BACKUP_INVALID':
      return { title: 'This file cannot be restored', message: error.message, field: 'none', clearPassword: false }
    case 'ACCOUNT_EXISTS':
      return {
        title: 'There is already a vault here',
        message: 'A backup is restored only into a new vault. Quit and start the app again to open the vault.',
        field: 'none',
        clearPassword: false,
      }
    default:
      // KDF_*, STORE_*, INTERNAL …: main's own words.
      return { message: error.message, field: 'none', clearPassword: false }
  }
}

export function backupPasswordMissing(): RestoreProblem {
  return { message: 'Enter the backup password.', field: 'password', clearPassword: false }
}
