/**
 * Opaque secrets other than the Secret Key, one per account: the sync
 * server's session (its refresh token) lives here rather than in a file.
 * Same keychain, same timeouts and error handling as the Secret Key store,
 * under its own service name; values are stored as given.
 */
import type { KeychainBackend } from './backend.ts'
import { assertAccountId, assertOptions, createCaller, DEFAULT_TIMEOUT_MS } from './store.ts'

export const SYNC_SESSION_SERVICE = 'Vault Sync Session'
/** A Supabase session (two JWTs and a few fields) is a few kB; anything far larger is a bug. */
const MAX_TOKEN_LENGTH = 64 * 1024

export interface TokenStore {
  get(accountId: string): Promise<string | null>
  set(accountId: string, token: string): Promise<void>
  delete(accountId: string): Promise<boolean>
}

export function createTokenStore(
  loadBackend: () => Promise<KeychainBackend>,
  options: { readonly service?: string; readonly timeoutMs?: number } = {},
): TokenStore {
  const service = options.service ?? SYNC_SESSION_SERVICE
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  assertOptions(service, timeoutMs)
  const call = createCaller(loadBackend, timeoutMs)
  return {
    async get(accountId) {
      assertAccountId(accountId)
      return call((backend) => backend.getPassword(service, accountId))
    },
    async set(accountId, token) {
      assertAccountId(accountId)
      if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
        throw new TypeError('A session token is a non-empty string of reasonable length.')
      }
      await call((backend) => backend.setPassword(service, accountId, token), token)
    },
    async delete(accountId) {
      assertAccountId(accountId)
      return call((backend) => backend.deletePassword(service, accountId))
    },
  }
}
