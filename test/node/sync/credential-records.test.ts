/**
 * Account records from the server after a change of secrets, through the
 * in-memory server: a vouched change is taken in, an invented one is refused
 * at pull (KEYSET_MISMATCH, local record untouched) and ignored at unlock.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { initCrypto, kdfParamsFromRecord } from '../../../src-main/crypto/index.ts'
import type { VaultError } from '../../../src-shared/errors.ts'
import { PASSWORD, type TestVault } from '../vault/support.ts'
import { twoDevices as makeTwoDevices } from './memory-devices.ts'
import { MemoryServer } from './memory-server.ts'

const NEW_PASSWORD = 'harbour lantern quilted 41 meadow'
let vaults: TestVault[] = []

beforeAll(async () => {
  await initCrypto()
})
afterEach(() => {
  for (const vault of vaults) vault.cleanup()
  vaults = []
})

const twoDevices = () => makeTwoDevices(new MemoryServer(), vaults)

describe('account records after a change of secrets', () => {
  it('a vouched change is taken in by a device that is unlocked, which then needs the new password', async () => {
    const { a, b } = await twoDevices()
    await a.vault.service.security.changeCredentials({
      changed: 'password',
      password: PASSWORD,
      newPassword: NEW_PASSWORD,
    })
    await b.sync()
    expect(b.vault.store.getAccount()?.keysetRevision).toBe(2)
    b.restart()
    const old = await b.vault.service.unlock({ password: PASSWORD }).catch((error: unknown) => error)
    expect((old as VaultError).code).toBe('CREDENTIALS_CHANGED')
    expect((old as VaultError).message).toContain('another device')
    await b.vault.service.unlock({ password: NEW_PASSWORD })
  })

  it('a stronger KDF cost set on one device reaches the other, and the same password keeps opening both', async () => {
    const { a, b } = await twoDevices()
    const before = kdfParamsFromRecord(JSON.parse(a.vault.store.getAccount()?.kdf ?? ''))
    const stronger = { memlimitBytes: before.memlimitBytes, opslimit: before.opslimit + 1 }
    b.restart()
    await a.vault.service.security.changeCredentials({ changed: 'kdf', password: PASSWORD, newKdfCost: stronger })
    // B was locked: its unlock sees the vouched change, takes it in, and opens with the same password.
    await b.vault.service.unlock({ password: PASSWORD })
    expect(kdfParamsFromRecord(JSON.parse(b.vault.store.getAccount()?.kdf ?? '')).opslimit).toBe(before.opslimit + 1)
    b.restart()
    await b.vault.service.unlock({ password: PASSWORD })
  })

  it('a server that never answers does not stop the local copy opening', async () => {
    const { b } = await twoDevices()
    b.restart()
    b.vault.service.connectCredentialServer(() => ({
      currentAccount: () => new Promise(() => undefined),
      changeCredentials: () => new Promise(() => undefined),
    }))
    const result = await b.vault.service.unlock({ password: PASSWORD })
    expect(result.credentialNotice).toBeUndefined()
    expect(b.vault.service.status().state).toBe('unlocked')
  })

  it('a substituted public key under a newer meta revision is not taken in', async () => {
    const { server, b } = await twoDevices()
    const stored = server.account
    if (stored === null) throw new Error('no account on the server')
    const local = b.vault.store.getAccount()
    const substituted = { ...stored.record, boxPublicKey: new Uint8Array(32).fill(7), metaRevision: 99 }
    server.account = { record: substituted, seq: stored.seq + 1 }
    await b.sync()
    expect(b.vault.store.getAccount()).toEqual(local)
    b.restart()
    await b.vault.service.unlock({ password: PASSWORD })
  })

  it('an invented keyset record is refused at pull and ignored at unlock; the local account stays', async () => {
    const { server, a, b } = await twoDevices()
    const stored = server.account
    if (stored === null) throw new Error('no account on the server')
    const local = b.vault.store.getAccount()
    const forged = {
      ...stored.record,
      keysetRevision: stored.record.keysetRevision + 1,
      metaRevision: stored.record.metaRevision + 1,
      sealedKeyset: a.vault.store.getAccount()?.sealedMeta ?? new Uint8Array(300),
    }
    server.account = { record: forged, seq: stored.seq + 1 }
    const pulled = await b.sync().catch((error: unknown) => error)
    expect((pulled as VaultError).code).toBe('KEYSET_MISMATCH')
    expect(b.vault.store.getAccount()).toEqual(local)
    b.restart()
    const result = await b.vault.service.unlock({ password: PASSWORD })
    expect(result.itemCount).toBe(0)
    expect(b.vault.store.getAccount()).toEqual(local)
  })
})
