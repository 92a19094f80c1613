/**
 * The keychain store against a real Secret Service: the throwaway gnome-keyring
 * that `npm test` starts (scripts/with-keyring.sh). Outside it these tests
 * fail with instructions instead of touching the developer's own keyring.
 */
import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import {
  type AccountId,
  formatSecretKey,
  generateAccountId,
  generateSecretKey,
} from '../../../src-main/crypto/index.ts'
import { createOsKeychain, DEFAULT_SERVICE } from '../../../src-main/keychain/index.ts'
import { expectCodeAsync } from '../support/expect-code.ts'
import { clearKeyring, requireTestKeyring, searchKeyring } from './test-keyring.ts'

const usedServices = new Set<string>()

/** A service name of its own per test, so tests sharing the keyring cannot see each other's entries. */
function freshStore() {
  const service = `Vault keychain test ${randomUUID()}`
  usedServices.add(service)
  return { service, store: createOsKeychain({ service, timeoutMs: 10_000 }) }
}

function freshAccount(): { accountId: AccountId; secretKey: string } {
  const accountId = generateAccountId()
  return { accountId, secretKey: formatSecretKey(generateSecretKey(accountId)) }
}

describe('OS keychain (real throwaway gnome-keyring)', () => {
  beforeEach(requireTestKeyring)
  afterAll(() => {
    if (process.env.VAULT_TEST_KEYRING !== '1') return
    for (const service of usedServices) clearKeyring({ service })
  })

  it('is available', async () => {
    expect(await freshStore().store.availability()).toEqual({ available: true })
  })

  it('sets, gets, overwrites and deletes a Secret Key', async () => {
    const { store } = freshStore()
    const { accountId, secretKey } = freshAccount()
    await store.set(accountId, secretKey)
    expect(await store.get(accountId)).toBe(secretKey)

    const replacement = formatSecretKey(generateSecretKey(accountId))
    await store.set(accountId, replacement)
    expect(await store.get(accountId)).toBe(replacement)

    expect(await store.delete(accountId)).toBe(true)
    expect(await store.get(accountId)).toBeNull()
  })

  it('keeps two accounts apart', async () => {
    const { service, store } = freshStore()
    const first = freshAccount()
    const second = freshAccount()
    await store.set(first.accountId, first.secretKey)
    await store.set(second.accountId, second.secretKey)
    expect(await store.get(first.accountId)).toBe(first.secretKey)
    expect(await store.get(second.accountId)).toBe(second.secretKey)

    expect(await store.delete(first.accountId)).toBe(true)
    expect(await store.get(first.accountId)).toBeNull()
    expect(await store.get(second.accountId)).toBe(second.secretKey)
    expect(searchKeyring({ service }).map((item) => item.secret)).toEqual([second.secretKey])
  })

  it('gives null for a missing entry and false when deleting one', async () => {
    const { store } = freshStore()
    const { accountId } = freshAccount()
    expect(await store.get(accountId)).toBeNull()
    expect(await store.delete(accountId)).toBe(false)
  })

  it('stores exactly the printed Secret Key under (service, account id), and nothing else', async () => {
    const { service, store } = freshStore()
    const { accountId, secretKey } = freshAccount()
    await store.set(accountId, secretKey)
    await store.set(accountId, secretKey)

    const items = searchKeyring({ service })
    expect(items).toEqual([
      { label: `${service}/${accountId}`, secret: secretKey, attributes: { service, account: accountId } },
    ])
  })

  it('stores the printed form when given the key as typed (lower case, spaces)', async () => {
    const { service, store } = freshStore()
    const { accountId, secretKey } = freshAccount()
    await store.set(accountId, secretKey.toLowerCase().replaceAll('-', ' '))
    expect(searchKeyring({ service }).map((item) => item.secret)).toEqual([secretKey])
  })

  it('rejects an invalid account id or a key of another account, storing nothing', async () => {
    const { service, store } = freshStore()
    const { accountId, secretKey } = freshAccount()
    await expect(store.set(accountId.toLowerCase(), secretKey)).rejects.toThrow(RangeError)
    await expect(store.get('ABC23')).rejects.toThrow(RangeError)
    await expect(store.delete('ABCD0I')).rejects.toThrow(RangeError)
    const other = freshAccount()
    await expectCodeAsync(store.set(other.accountId, secretKey), 'SECRET_KEY_WRONG_ACCOUNT')
    expect(searchKeyring({ service })).toEqual([])
  })

  it('uses the service name "Vault Secret Key" by default', async () => {
    const store = createOsKeychain()
    const { accountId, secretKey } = freshAccount()
    await store.set(accountId, secretKey)
    try {
      const items = searchKeyring({ service: DEFAULT_SERVICE, account: accountId })
      expect(items.map((item) => item.secret)).toEqual([secretKey])
      expect(DEFAULT_SERVICE).toBe('Vault Secret Key')
    } finally {
      await store.delete(accountId)
    }
  })

  it('leaves no plaintext copy of the key in the keyring files', async () => {
    const { store } = freshStore()
    const { accountId, secretKey } = freshAccount()
    await store.set(accountId, secretKey)
    const dataHome = process.env.XDG_DATA_HOME
    if (!dataHome) throw new Error('XDG_DATA_HOME is not set; run through `npm test`')
    const files = filesUnder(join(dataHome, 'keyrings'))
    expect(files.length).toBeGreaterThan(0)
    const compact = secretKey.replaceAll('-', '')
    for (const file of files) {
      const content = readFileSync(file).toString('latin1')
      expect(content.includes(secretKey) || content.includes(compact), file).toBe(false)
    }
  })
})

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}
