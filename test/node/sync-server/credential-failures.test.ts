import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { formatSecretKey, initCrypto } from '../../../src-main/crypto/index.ts'
import { expectCodeAsync } from '../support/expect-code.ts'
import { closeDevices, firstDevice, joinedDevice, PASSWORD } from './support/devices.ts'
import {
  accountIdOf,
  addItems,
  email,
  failServerStep,
  NEW_PASSWORD,
  realPort,
  revealed,
  twoMachines as twoMachinesOn,
  unreachable,
} from './support/secret-changes.ts'
import { serverKeysetRevision } from './support/server-scan.ts'
import { stackPerFile } from './support/stack-hooks.ts'

const stack = stackPerFile()

let tmp: string

beforeAll(async () => {
  await initCrypto()
  tmp = mkdtempSync(join(tmpdir(), 'vault-credentials-'))
})
afterAll(() => {
  if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true })
})
afterEach(() => {
  vi.restoreAllMocks()
  closeDevices()
})

/** A login (with a one-time password), a note and a card: every secret a recovered machine must reveal. */
const _twoMachines = () => twoMachinesOn(stack())

describe('a failure between the local and the server step', () => {
  it('the server never got it: nothing changed, the old password opens A after a restart and still joins C', async () => {
    const address = email()
    const { device: a, secretKey } = await firstDevice(stack(), address)
    addItems(a)
    await a.sync.syncNow()
    const real = realPort(a)
    const changeSent = vi.fn()
    vi.spyOn(a.sync, 'credentialServer').mockReturnValue({
      currentAccount: () => real.currentAccount(),
      changeCredentials: async () => {
        changeSent()
        // The journal is written before the server step: the change is in flight here.
        expect(a.store.credentials.pending()).not.toBeNull()
        throw unreachable()
      },
    })

    const failed = await expectCodeAsync(
      a.vault.security.changeCredentials({ changed: 'password', password: PASSWORD, newPassword: NEW_PASSWORD }),
      'CREDENTIAL_CHANGE_FAILED',
    )
    expect(changeSent).toHaveBeenCalledOnce()
    expect(failed.message).toMatch(/Nothing was changed/)
    expect(a.store.credentials.pending()).toBeNull()
    expect(a.store.getAccount()?.keysetRevision).toBe(1)
    expect(await serverKeysetRevision(stack().dbUrl, accountIdOf(a))).toBe(1)

    a.restart()
    await expectCodeAsync(a.vault.unlock({ password: NEW_PASSWORD }), 'WRONG_PASSWORD_OR_SECRET_KEY')
    const opened = await a.vault.unlock({ password: PASSWORD })
    expect(opened.credentialNotice).toBeUndefined()
    await a.sync.syncNow()

    const c = await joinedDevice(stack(), address, secretKey, PASSWORD)
    expect(revealed(c)).toEqual(revealed(a))
  })

  it('the server took it but the answer was lost: the old password settles it at the next unlock, then only the new one works', async () => {
    const address = email()
    const { device: a, secretKey } = await firstDevice(stack(), address)
    addItems(a)
    await a.sync.syncNow()
    failServerStep(a, 'answer lost, server down')

    const failed = await expectCodeAsync(
      a.vault.security.changeCredentials({ changed: 'password', password: PASSWORD, newPassword: NEW_PASSWORD }),
      'CREDENTIAL_CHANGE_FAILED',
    )
    expect(failed.message).toMatch(/finished or undone at the next sync/)
    expect(a.store.credentials.pending()).not.toBeNull()
    expect(await serverKeysetRevision(stack().dbUrl, accountIdOf(a))).toBe(2)

    vi.restoreAllMocks()
    a.vault.lock()
    const settled = await a.vault.unlock({ password: PASSWORD })
    expect(settled.credentialNotice).toEqual({ outcome: 'finished', changed: 'password' })
    expect(a.store.credentials.pending()).toBeNull()
    expect(a.store.getAccount()?.keysetRevision).toBe(2)
    await a.sync.syncNow()

    a.vault.lock()
    await expectCodeAsync(a.vault.unlock({ password: PASSWORD }), 'WRONG_PASSWORD_OR_SECRET_KEY')
    const reopened = await a.vault.unlock({ password: NEW_PASSWORD })
    expect(reopened.credentialNotice).toBeUndefined()
    a.restart()
    await expectCodeAsync(a.vault.unlock({ password: PASSWORD }), 'WRONG_PASSWORD_OR_SECRET_KEY')
    await a.vault.unlock({ password: NEW_PASSWORD })

    await expectCodeAsync(joinedDevice(stack(), address, secretKey, PASSWORD), 'SYNC_AUTH_FAILED')
    const c = await joinedDevice(stack(), address, secretKey, NEW_PASSWORD)
    expect(revealed(c)).toEqual(revealed(a))
  })

  it('the server took it and can still be asked: the change finishes at once', async () => {
    const address = email()
    const { device: a, secretKey } = await firstDevice(stack(), address)
    addItems(a)
    await a.sync.syncNow()
    failServerStep(a, 'answer lost')

    const outcome = await a.vault.security.changeCredentials({
      changed: 'password',
      password: PASSWORD,
      newPassword: NEW_PASSWORD,
    })
    expect(outcome.record.keysetRevision).toBe(2)
    expect(a.store.credentials.pending()).toBeNull()
    expect(a.store.getAccount()?.keysetRevision).toBe(2)

    vi.restoreAllMocks()
    await a.sync.syncNow()
    a.vault.lock()
    await expectCodeAsync(a.vault.unlock({ password: PASSWORD }), 'WRONG_PASSWORD_OR_SECRET_KEY')
    await a.vault.unlock({ password: NEW_PASSWORD })
    const c = await joinedDevice(stack(), address, secretKey, NEW_PASSWORD)
    expect(revealed(c)).toEqual(revealed(a))
  })
})

describe('a failure between the local and the server step of a new Secret Key', () => {
  it('the server took it and can still be asked: the new key is returned and kept', async () => {
    const address = email()
    const { device: a, secretKey: oldKey } = await firstDevice(stack(), address)
    addItems(a)
    await a.sync.syncNow()
    failServerStep(a, 'answer lost')

    const outcome = await a.vault.security.changeCredentials({ changed: 'secret-key', password: PASSWORD })
    // The user must be shown the new key: without it no new machine could join.
    if (outcome.secretKey === undefined) throw new Error('the new Secret Key was not returned')
    const newKey = formatSecretKey(outcome.secretKey)
    expect(newKey).not.toBe(oldKey)
    expect(outcome.keychain).toEqual({ secretKeyInKeychain: true })
    expect(await a.keychain.get(accountIdOf(a))).toBe(newKey)

    vi.restoreAllMocks()
    await expectCodeAsync(joinedDevice(stack(), address, oldKey), 'SYNC_AUTH_FAILED')
    const c = await joinedDevice(stack(), address, newKey)
    expect(revealed(c)).toEqual(revealed(a))
  })

  it('the answer was lost and the server is down: the next unlock finishes it and the keychain gets the new key', async () => {
    const address = email()
    const { device: a, secretKey: oldKey } = await firstDevice(stack(), address)
    addItems(a)
    await a.sync.syncNow()
    const accountId = accountIdOf(a)
    failServerStep(a, 'answer lost, server down')

    await expectCodeAsync(
      a.vault.security.changeCredentials({ changed: 'secret-key', password: PASSWORD }),
      'CREDENTIAL_CHANGE_FAILED',
    )
    expect(await a.keychain.get(accountId)).toBe(oldKey)

    vi.restoreAllMocks()
    a.vault.lock()
    const settled = await a.vault.unlock({ password: PASSWORD })
    expect(settled.credentialNotice).toEqual({ outcome: 'finished', changed: 'secret-key' })
    const newKey = await a.keychain.get(accountId)
    expect(newKey).not.toBeNull()
    expect(newKey).not.toBe(oldKey)
    // A new kit prints the key now in force.
    expect(formatSecretKey(a.vault.security.kitFacts().secretKey)).toBe(newKey)

    a.vault.lock()
    await expectCodeAsync(a.vault.unlock({ password: PASSWORD, secretKey: oldKey }), 'WRONG_PASSWORD_OR_SECRET_KEY')
    await a.vault.unlock({ password: PASSWORD })
    await expectCodeAsync(joinedDevice(stack(), address, oldKey), 'SYNC_AUTH_FAILED')
    const c = await joinedDevice(stack(), address, newKey ?? '')
    expect(revealed(c)).toEqual(revealed(a))
  })
})
