/**
 * Recovering a local-only vault on another machine: its data file copied
 * over opens there with the master password and the Secret Key from the
 * Emergency Kit's setup code, and the key is then kept in that machine's
 * keychain (README, "Moving a local vault").
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { formatSecretKey, initCrypto } from '../../../src-main/crypto/index.ts'
import { accountKit, formatSetupCode, parseSetupCode } from '../../../src-main/kit/index.ts'
import { VaultStore } from '../../../src-main/store/index.ts'
import { VAULT_FILE_NAME } from '../../../src-main/vault/index.ts'
import { VaultService } from '../../../src-main/vault/vault-service.ts'
import type { VaultError } from '../../../src-shared/errors.ts'
import { MemoryKeychain } from '../../support/main-fakes.ts'
import { EMAIL, makeVault, PASSWORD, TEST_KDF_COST, type TestVault } from './support.ts'

const cleanups: (() => void)[] = []
beforeAll(async () => {
  await initCrypto()
})
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

describe('a local vault moved to another machine', () => {
  it('opens there with the Secret Key from the kit and the master password, with every item', async () => {
    const machineA: TestVault = makeVault({ keychain: new MemoryKeychain() })
    cleanups.push(() => machineA.cleanup())
    await machineA.service.createAccount({ email: EMAIL, password: PASSWORD })
    const login = machineA.service.createItem({ type: 'login', title: 'Bank', fields: { password: 'v3ry-s3cret' } })
    machineA.service.createItem({ type: 'note', title: 'Recovery codes', notes: 'one\ntwo' })
    const kit = machineA.service.security.kitFacts()
    const setupCode = formatSetupCode({ server: null, email: kit.email, secretKey: formatSecretKey(kit.secretKey) })
    await accountKit({ ...kit, productName: 'Vault', server: null, now: Date.now() })
    // Quitting the app closes the file: what the user copies is the one file.
    machineA.service.lock()
    machineA.store.close()

    const folderB = mkdtempSync(join(tmpdir(), 'vault-machine-b-'))
    cleanups.push(() => rmSync(folderB, { recursive: true, force: true }))
    copyFileSync(machineA.file, join(folderB, VAULT_FILE_NAME))
    const keychainB = new MemoryKeychain()
    const storeB = VaultStore.open(join(folderB, VAULT_FILE_NAME))
    cleanups.push(() => storeB.close())
    const machineB = new VaultService({ store: storeB, keychain: keychainB, kdfCost: TEST_KDF_COST })
    cleanups.push(() => machineB.lock())
    expect(machineB.status().state).toBe('locked')
    expect((await machineB.secretKeyAvailability()).inKeychain).toBe(false)
    const withoutKey = await machineB.unlock({ password: PASSWORD }).catch((error: unknown) => error)
    expect((withoutKey as VaultError).code).toBe('SECRET_KEY_REQUIRED')

    const fromKit = parseSetupCode(setupCode)
    expect(fromKit.server).toBeNull()
    const result = await machineB.unlock({ password: PASSWORD, secretKey: fromKit.secretKey })
    expect(result.itemCount).toBe(2)
    expect(machineB.revealField(login.id, 'password')).toBe('v3ry-s3cret')
    expect(await keychainB.get(storeB.getAccount()?.accountId ?? '')).toBe(fromKit.secretKey)
  })
})
