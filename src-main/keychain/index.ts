/**
 * The keychain module's public interface: the Secret Key of each account on
 * this device, kept in the OS keychain (macOS Keychain, Windows Credential
 * Manager, the Secret Service on Linux) through keytar. Nothing here ever
 * writes the key anywhere else; without a keychain the user types it.
 */
import { loadKeytar } from './backend.ts'
import { createSecretKeyStore } from './store.ts'
import { createTokenStore, type TokenStore } from './token-store.ts'
import type { SecretKeyStore, SecretKeyStoreOptions } from './types.ts'

export { DEFAULT_SERVICE, DEFAULT_TIMEOUT_MS } from './store.ts'
export { SYNC_SESSION_SERVICE, type TokenStore } from './token-store.ts'
export type { KeychainAvailability, SecretKeyStore, SecretKeyStoreOptions } from './types.ts'

/** The store over the OS keychain. keytar is loaded on the first call, never at import. */
export function createOsKeychain(options: SecretKeyStoreOptions = {}): SecretKeyStore {
  return createSecretKeyStore(loadKeytar, options)
}

/** Opaque per-account tokens (the sync session) in the OS keychain, under their own service name. */
export function createOsTokenStore(
  options: { readonly service?: string; readonly timeoutMs?: number } = {},
): TokenStore {
  return createTokenStore(loadKeytar, options)
}
