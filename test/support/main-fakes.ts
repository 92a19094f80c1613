/**
 * Stand-ins for the OS services the main process talks to, for tests and
 * benchmarks that run the real services without Electron or a keyring: a
 * clipboard, a keychain and a token store, all in memory.
 */
import type { ClipboardPort } from '../../src-main/clipboard/clipboard-guard.ts'
import type { KeychainAvailability, SecretKeyStore, TokenStore } from '../../src-main/keychain/index.ts'

export class MemoryClipboard implements ClipboardPort {
  #text = ''
  async write(text: string): Promise<void> {
    this.#text = text
  }
  async readText(): Promise<string> {
    return this.#text
  }
  async clear(): Promise<void> {
    this.#text = ''
  }
}

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
  clear(): void {
    this.#entries.clear()
  }
}

/** The sync session's token store, in memory. */
export class MemoryTokens implements TokenStore {
  readonly #entries = new Map<string, string>()
  async get(accountId: string): Promise<string | null> {
    return this.#entries.get(accountId) ?? null
  }
  async set(accountId: string, token: string): Promise<void> {
    this.#entries.set(accountId, token)
  }
  async delete(accountId: string): Promise<boolean> {
    return this.#entries.delete(accountId)
  }
}
