import type { VaultApi } from '@shared/ipc/contract.ts'
import { METHODS } from '@shared/ipc/methods.ts'
import { describe, expect, it } from 'vitest'
import { createVaultClient } from '../../src-renderer/src/api/vault-client.ts'

const BRIDGE_FAILED = { ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('connection') } }

describe('createVaultClient', () => {
  it('has one function per method', () => {
    const client = createVaultClient(undefined)
    expect(Object.keys(client).sort()).toEqual([...METHODS].sort())
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
})
