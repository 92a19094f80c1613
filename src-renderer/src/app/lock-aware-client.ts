/**
 * Wraps the vault client so that any call answered with VAULT_LOCKED (main
 * locked, say on idle, while the window was busy) sends the app to the lock
 * screen, wherever the call was made. Feature code needs no special handling.
 */
import { METHODS, type Method } from '@shared/ipc/methods.ts'
import type { IpcResult } from '@shared/ipc/result.ts'
import type { VaultClient } from '../api/vault-client.ts'

type UntypedCall = (request: unknown) => Promise<IpcResult<unknown>>

export function lockAwareClient(client: VaultClient, onLocked: () => void): VaultClient {
  const wrapped: Partial<Record<Method, UntypedCall>> = {}
  for (const method of METHODS) {
    const call = client[method] as UntypedCall
    wrapped[method] = async (request) => {
      const result = await call(request)
      if (!result.ok && result.error.code === 'VAULT_LOCKED') onLocked()
      return result
    }
  }
  return Object.freeze({ ...wrapped, onEvent: client.onEvent }) as unknown as VaultClient
}
