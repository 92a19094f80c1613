/**
 * Changing the master password, the Secret Key and the KDF cost of a local
 * vault (no sync): what opens afterwards, what no longer does, and that a
 * change interrupted halfway leaves one set of secrets working.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { initCrypto, kdfParamsFromRecord } from '../../../src-main/crypto/index.ts'
import { VaultError } from '../../../src-shared/errors.ts'
import { MemoryKeychain } from '../../support/main-fakes.ts'
import { EMAIL, makeVault, PASSWORD, type TestVault } from './support.ts'

const NEW_PASSWORD = 'harbour lantern quilted 41 meadow'
let vaults: TestVault[] = []

beforeAll(async () => {
  await initCrypto()
})
afterEach(() => {
  for (const vault of vaults) vault.cleanup()
  vaults = []
})

async function newVault(): Promise<{ vault: TestVault; secretKey: string; itemId: string }> {
  const vault = makeVault({ keychain: new MemoryKeychain() })
  vaults.push(vault)
  const { secretKey } = await vault.service.createAccount({ email: EMAIL, password: PASSWORD })
  const item = vault.service.createItem({ type: 'login', title: 'Mail', fields: { password: 'hunter2' } })
  return { vault, secretKey, itemId: item.id }
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(VaultError)
  return (error as VaultError).code
}

describe('changing the master password of a local vault', () => {
  it('opens with the new password after a restart, not with the old, and every item is intact', async () => {
    const { vault, itemId } = await newVault()
    const outcome = await vault.service.security.changeCredentials({
      changed: 'password',
      password: PASSWORD,
      newPassword: NEW_PASSWORD,
    })
    expect(outcome.record.keysetRevision).toBe(2)
    vault.restart()
    expect(await codeOf(vault.service.unlock({ password: PASSWORD }))).toBe('WRONG_PASSWORD_OR_SECRET_KEY')
    await vault.service.unlock({ password: NEW_PASSWORD })
    expect(vault.service.revealField(itemId, 'password')).toBe('hunter2')
    expect(vault.store.credentials.pending()).toBeNull()
  })

  it('refuses a wrong current password, a weak new one and the same one, changing nothing', async () => {
    const { vault } = await newVault()
    const change = (password: string, newPassword: string) =>
      vault.service.security.changeCredentials({ changed: 'password', password, newPassword })
    expect(await codeOf(change('not my password at all', NEW_PASSWORD))).toBe('WRONG_PASSWORD_OR_SECRET_KEY')
    expect(await codeOf(change(PASSWORD, 'password1'))).toBe('WEAK_PASSWORD')
    expect(await codeOf(change(PASSWORD, PASSWORD))).toBe('INVALID_REQUEST')
    vault.restart()
    await vault.service.unlock({ password: PASSWORD })
    expect(vault.store.getAccount()?.keysetRevision).toBe(1)
  })
})

describe('a new Secret Key for a local vault', () => {
  it('replaces the key in the keychain; the old key no longer opens the vault, the new one does', async () => {
    const { vault, secretKey: oldKey } = await newVault()
    const outcome = await vault.service.security.changeCredentials({ changed: 'secret-key', password: PASSWORD })
    const newKey = outcome.secretKey
    if (newKey === undefined) throw new Error('no new key')
    expect(outcome.keychain?.secretKeyInKeychain).toBe(true)
    const accountId = vault.store.getAccount()?.accountId ?? ''
    expect(newKey.accountId).toBe(accountId)
    expect(vault.service.security.kitFacts().secretKey).toBe(newKey)
    vault.restart()
    expect(await codeOf(vault.service.unlock({ password: PASSWORD, secretKey: oldKey }))).toBe(
      'WRONG_PASSWORD_OR_SECRET_KEY',
    )
    await vault.service.unlock({ password: PASSWORD })
    expect(vault.service.security.facts().kitOutdated).toBe(true)
    vault.service.security.markKitSaved()
    expect(vault.service.security.facts().kitOutdated).toBe(false)
  })
})

describe('raising the key derivation cost', () => {
  it('raises it and never lowers it', async () => {
    const { vault } = await newVault()
    const current = kdfParamsFromRecord(JSON.parse(vault.store.getAccount()?.kdf ?? ''))
    const weaker = { memlimitBytes: current.memlimitBytes, opslimit: current.opslimit - 1 }
    expect(
      await codeOf(
        vault.service.security.changeCredentials({ changed: 'kdf', password: PASSWORD, newKdfCost: weaker }),
      ),
    ).toBe('KDF_NOT_STRONGER')
    const stronger = { memlimitBytes: current.memlimitBytes, opslimit: current.opslimit + 1 }
    await vault.service.security.changeCredentials({ changed: 'kdf', password: PASSWORD, newKdfCost: stronger })
    vault.restart()
    await vault.service.unlock({ password: PASSWORD })
    expect(kdfParamsFromRecord(JSON.parse(vault.store.getAccount()?.kdf ?? '')).opslimit).toBe(current.opslimit + 1)
  })

  it('offers a stronger cost only when this device derived the current one in well under the target', async () => {
    const { vault } = await newVault()
    vault.restart()
    await vault.service.unlock({ password: PASSWORD })
    const facts = vault.service.security.facts()
    expect(facts.lastDeriveMs).toBeGreaterThan(0)
    const offer = facts.kdfUpgrade
    if (offer !== null) {
      expect(offer.memlimitBytes).toBeGreaterThanOrEqual(facts.kdf.memlimitBytes)
      expect(offer.opslimit).toBeGreaterThanOrEqual(facts.kdf.opslimit)
      expect(offer.memlimitBytes * offer.opslimit).toBeGreaterThanOrEqual(
        1.5 * facts.kdf.memlimitBytes * facts.kdf.opslimit,
      )
    } else {
      expect(facts.lastDeriveMs).toBeGreaterThanOrEqual(500)
    }
  })
})

describe('a change interrupted before it was committed', () => {
  it('leaves the old password working, and drops the half-made change (local vaults have no server to finish it)', async () => {
    const { vault } = await newVault()
    await journalOnly(vault, NEW_PASSWORD)
    vault.restart()
    const result = await vault.service.unlock({ password: PASSWORD })
    expect(result.credentialNotice).toEqual({ outcome: 'undone', changed: 'password' })
    expect(vault.store.credentials.pending()).toBeNull()
    vault.restart()
    expect(await codeOf(vault.service.unlock({ password: NEW_PASSWORD }))).toBe('WRONG_PASSWORD_OR_SECRET_KEY')
  })

  it('opens with the new password too, and then finishes the change', async () => {
    const { vault, itemId } = await newVault()
    await journalOnly(vault, NEW_PASSWORD)
    vault.restart()
    const result = await vault.service.unlock({ password: NEW_PASSWORD })
    expect(result.credentialNotice).toEqual({ outcome: 'finished', changed: 'password' })
    expect(vault.service.revealField(itemId, 'password')).toBe('hunter2')
    vault.restart()
    expect(await codeOf(vault.service.unlock({ password: PASSWORD }))).toBe('WRONG_PASSWORD_OR_SECRET_KEY')
    await vault.service.unlock({ password: NEW_PASSWORD })
  })
})

/**
 * Runs a password change up to its journal and no further, as a crash right
 * after step 2 would leave it: the commit is made to fail once.
 */
async function journalOnly(vault: TestVault, newPassword: string): Promise<void> {
  const journal = vault.store.credentials
  const commit = journal.commit.bind(journal)
  journal.commit = () => {
    throw new Error('simulated crash before the commit')
  }
  await expect(
    vault.service.security.changeCredentials({ changed: 'password', password: PASSWORD, newPassword }),
  ).rejects.toThrow('simulated crash')
  journal.commit = commit
  expect(journal.pending()).not.toBeNull()
}
