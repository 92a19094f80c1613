/**
 * What the sync forms (turn on, sign in again, join) say for each failure:
 * the words, which field they are about (it gets the message and focus), and
 * whether the typed master password is cleared. Main's messages already name
 * the cause precisely (which part of a URL is wrong, which account is
 * missing), so they are kept; a title says what kind of problem it is.
 */
import type { IpcFailure } from '@shared/ipc/result.ts'

export type SyncField = 'url' | 'anonKey' | 'email' | 'secretKey' | 'password'

export interface SyncProblem {
  /** null: not about one field; shown in a banner under the form. */
  readonly field: SyncField | null
  readonly title?: string
  readonly message: string
  readonly clearPassword: boolean
}

interface Rule {
  readonly field?: SyncField
  readonly title?: string
  /** Replaces main's message (when the form knows better words). */
  readonly message?: string
  /** Added after main's message: what to do about it. */
  readonly advice?: string
  readonly clearPassword?: boolean
}

const RULES: Partial<Record<string, Rule>> = {
  SYNC_BAD_URL: { field: 'url' },
  SYNC_UNREACHABLE: { title: 'Cannot reach the sync server' },
  SYNC_AUTH_FAILED: { title: 'The sync server refused the sign-in' },
  SYNC_NO_ACCOUNT: {
    title: 'No account on this server',
    advice: 'It must be the project your other devices sync with.',
  },
  SYNC_PROTOCOL: {
    title: 'Unexpected answer from the server',
    advice: "Check that this Supabase project has Vault's sync schema installed.",
  },
  SYNC_SESSION_EXPIRED: { title: 'Signed out of sync' },
  SYNC_DEVICE_REVOKED: { title: 'This device was signed out' },
  SYNC_HALTED: {
    title: 'Syncing stopped to protect your vault',
    advice:
      'Your items on this device were left as they were. Settings → Sync explains what happened and lets you check again.',
  },
  WRONG_PASSWORD_OR_SECRET_KEY: {
    field: 'password',
    message: 'That master password is not right. Try again.',
    clearPassword: true,
  },
  PASSWORD_EMPTY: { field: 'password', message: 'Enter your master password.' },
  SECRET_KEY_TYPO: { field: 'secretKey' },
  SECRET_KEY_WRONG_ACCOUNT: { field: 'secretKey' },
  SECRET_KEY_REQUIRED: { field: 'secretKey' },
  UNSUPPORTED_VERSION: { field: 'secretKey' },
}

/** `fields` are those the form shows: a problem about a field it lacks goes in the banner. */
export function syncProblem(error: IpcFailure, fields: readonly SyncField[]): SyncProblem {
  const rule = RULES[error.code] ?? {}
  const field = rule.field !== undefined && fields.includes(rule.field) ? rule.field : null
  const message = rule.message ?? (rule.advice ? `${error.message} ${rule.advice}` : error.message)
  return {
    field,
    ...(rule.title === undefined ? {} : { title: rule.title }),
    message,
    clearPassword: rule.clearPassword ?? false,
  }
}
