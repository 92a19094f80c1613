export type KeychainAvailability = { readonly available: true } | { readonly available: false; readonly reason: string }

/** Where the Secret Key of each account on this device is kept: one entry per account id. */
export interface SecretKeyStore {
  /** Never throws. `reason` is one plain sentence saying what to install or start. */
  availability(): Promise<KeychainAvailability>
  /** null when nothing is stored for the account; throws VaultError KEYCHAIN_UNAVAILABLE when the keychain cannot be reached. */
  get(accountId: string): Promise<string | null>
  /** Stores the Secret Key in its printed form, replacing any earlier one for the account. */
  set(accountId: string, secretKey: string): Promise<void>
  /** false when nothing was stored for the account. */
  delete(accountId: string): Promise<boolean>
}

export interface SecretKeyStoreOptions {
  /** The keychain's service name; entries are (service, account id). */
  readonly service?: string
  /** How long one keychain call may take before it counts as unavailable. */
  readonly timeoutMs?: number
}
