/**
 * The renderer's typed way to call the main process. It wraps window.vault
 * so that every call resolves to an IpcResult, even when the bridge is
 * missing or the call itself fails, and components never need try/catch.
 */
import type { VaultApi } from '@shared/ipc/contract.ts'
import type { VaultEventListener } from '@shared/ipc/events.ts'
import { METHODS, type Method } from '@shared/ipc/methods.ts'
import type { IpcResult } from '@shared/ipc/result.ts'

export type VaultClient = VaultApi

type UntypedCall = (request: unknown) => Promise<IpcResult<unknown>>

const BRIDGE_FAILED: IpcResult<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The window lost its connection to the vault. Please restart the app.' },
}

export function createVaultClient(api: VaultApi | undefined): VaultClient {
  const client: Partial<Record<Method, UntypedCall>> = {}
  for (const method of METHODS) {
    const call = api?.[method] as UntypedCall | undefined
    client[method] = async (request) => {
      try {
        return call === undefined ? BRIDGE_FAILED : await call(request)
      } catch {
        return BRIDGE_FAILED
      }
    }
  }
  const onEvent = (listener: VaultEventListener): (() => void) => {
    if (api?.onEvent === undefined) return () => undefined
    return api.onEvent(listener)
  }
  return Object.freeze({ ...client, onEvent }) as unknown as VaultClient
}

/** The client over the preload's bridge; undefined outside Electron becomes a clear failure, not a crash. */
export function defaultVaultClient(): VaultClient {
  return createVaultClient((window as { vault?: VaultApi }).vault)
}
