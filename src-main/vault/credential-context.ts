/**
 * What changing and settling the account's secrets work with: the store,
 * the keychain, the unlocked session and, when sync is on, the server. The
 * server side is a port the sync module implements, so this folder never
 * imports the sync transport.
 */
import type { SecretKeyStore } from '../keychain/index.ts'
import type { AccountRecord, VaultStore } from '../store/index.ts'
import type { UnlockedSession } from './session.ts'

export interface CredentialChangeRequest {
  readonly record: AccountRecord
  /** The keyset and meta revisions the server must still hold. */
  readonly expected: { readonly keysetRevision: number; readonly metaRevision: number }
  /** Proves the current secrets to the server, which checks it against its login before changing anything. */
  readonly currentLoginSecret: string
  readonly newLoginSecret: string
}

export interface CredentialServer {
  /** The account record the server holds now; throws (SYNC_UNREACHABLE, …) when it cannot say. */
  currentAccount(): Promise<AccountRecord | null>
  /** Replaces the keyset record and the login secret in one server transaction: both or neither. */
  changeCredentials(change: CredentialChangeRequest): Promise<void>
}

export interface CredentialContext {
  readonly store: VaultStore
  readonly keychain: SecretKeyStore
  readonly session: UnlockedSession
  /** null: sync is off, the change is local only. */
  readonly server: CredentialServer | null
  readonly now: () => number
}

/** Settings keys: a change made on another device, for the lock screen's words (non-secret). */
export const CHANGED_ELSEWHERE_SETTING = 'credentials.changedElsewhere'
