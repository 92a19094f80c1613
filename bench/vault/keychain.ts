/**
 * An in-memory SecretKeyStore, so the benchmark needs no OS keychain (no
 * D-Bus, no Secret Service): unlock finds the Secret Key here as the app
 * would find it in the keychain, at the cost of a Map lookup.
 */
import type { KeychainAvailability, SecretKeyStore } from '../../src-main/keychain/index.ts'

export class MemoryKeychain implements SecretKeyStore {
  readonly #entries = new Map<string, string>()

  constructor(entries: Iterable<readonly [string, string]> = []) {
    for (const [accountId, secretKey] of entries) this.#entries.set(accountId, secretKey)
  }

  async availability(): Promise<KeychainAvailability> {
    return { available: true }
  }

  async get(accountId: string): Promise<string | null> {
    return this.#entries.get(accountId) ?? null
  }

  async set(accountId: string, secretKey: string): Promise<void> {
    this.#entries.set(accountId, secretKey)
  }

  async delete(accountId: string): Promise<boolean> {
    return this.#entries.delete(accountId)
  }
}
