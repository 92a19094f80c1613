import type { VaultApi } from '@shared/ipc/contract.ts'
import { METHODS, ON_EVENT } from '@shared/ipc/methods.ts'
import { describe, expect, it } from 'vitest'
import { createVaultClient } from '../../src-renderer/src/api/vault-client.ts'

const BRIDGE_FAILED = { ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('connection') } }

describe('createVaultClient', () => {
  it('has one function per method, and onEvent', () => {
    const client = createVaultClient(undefined)
    expect(Object.keys(client).sort()).toEqual([...METHODS, ON_EVENT].sort())
    expect(Object.isFrozen(client)).toBe(true)
  })

  it('passes results from window.vault through unchanged', async () => {
    const api = {
      getAppInfo: async () => ({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'no' } }),
      checkSecretKey: async (request: { secretKey: string }) => ({ ok: true, data: { accountId: request.secretKey } }),
    } as unknown as VaultApi
    const client = createVaultClient(api)
    expect(await client.checkSecretKey({ secretKey: 'ABC234' })).toEqual({ ok: true, data: { accountId: 'ABC234' } })
    expect(await client.getAppInfo()).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'no' } })
  })

  it('turns a missing bridge or a failed call into an INTERNAL result instead of a throw', async () => {
    expect(await createVaultClient(undefined).getAppInfo()).toEqual(BRIDGE_FAILED)
    const broken = {
      getAppInfo: () => Promise.reject(new Error("No handler registered for 'vault:getAppInfo'")),
      checkSecretKey: () => {
        throw new Error('bridge gone')
      },
    } as unknown as VaultApi
    expect(await createVaultClient(broken).getAppInfo()).toEqual(BRIDGE_FAILED)
    expect(await createVaultClient(broken).checkSecretKey({ secretKey: 'x' })).toEqual(BRIDGE_FAILED)
  })

  it("passes main's events through, and listens to nothing without a bridge", () => {
    const listeners: ((event: unknown) => void)[] = []
    const api = { onEvent: (listener: (event: unknown) => void) => listeners.push(listener) && (() => undefined) }
    const heard: unknown[] = []
    createVaultClient(api as unknown as VaultApi).onEvent((event) => heard.push(event))
    for (const listener of listeners) listener({ type: 'locked', reason: 'idle' })
    expect(heard).toEqual([{ type: 'locked', reason: 'idle' }])
    expect(createVaultClient(undefined).onEvent(() => undefined)()).toBeUndefined()
  })
})
