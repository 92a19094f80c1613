/**
 * supabase-js keeps its session (access and refresh tokens) through a
 * storage adapter; this one puts it in the OS keychain under the account id,
 * so no token is ever written to a file. supabase-js uses one storage key
 * per client; the adapter ignores it, since each account has one session.
 */
import type { TokenStore } from '../keychain/index.ts'
import type { SessionStorage } from './supabase-server.ts'

export function keychainSessionStorage(tokens: TokenStore, accountId: string): SessionStorage {
  return {
    getItem: (_key) => tokens.get(accountId),
    setItem: (_key, value) => tokens.set(accountId, value),
    removeItem: async (_key) => {
      await tokens.delete(accountId)
    },
  }
}

/** The pre-login client needs no session at all. */
export function memoryStorage(): SessionStorage {
  const values = new Map<string, string>()
  return {
    getItem: async (key) => values.get(key) ?? null,
    setItem: async (key, value) => void values.set(key, value),
    removeItem: async (key) => void values.delete(key),
  }
}
