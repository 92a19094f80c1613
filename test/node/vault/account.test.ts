/** Creating an account, unlocking, locking: every failure has its own code and loses nothing. */
import { DatabaseSync } from 'node:sqlite'
import { afterEach, describe, expect, it } from 'vitest'
import {
  formatSecretKey,
  generateAccountId,
  generateSecretKey,
  heapContains,
  parseSecretKey,
} from '../../../src-main/crypto/index.ts'
import { UNLOCK_MEASURES } from '../../../src-main/vault/index.ts'
import { expectCodeAsync } from '../support/expect-code.ts'
import { absentKeychain, EMAIL, makeVault, PASSWORD, type TestVault } from './support.ts'

let vault: TestVault | undefined
afterEach(() => vault?.cleanup())

async function createdVault(options: Parameters<typeof makeVault>[0] = {}) {
  vault = makeVault(options)
  const created = await vault.service.createAccount({ email: EMAIL, password: PASSWORD })
  return { vault, created }
}

/** Rewrites the account's KDF record on disk, as a tampering process or a bad sync could. */
function setStoredKdfCost(vault: TestVault, memlimitBytes: number, opslimit: number): void {
  vault.store.close()
  const db = new DatabaseSync(vault.file)
  const row = db.prepare('SELECT kdf FROM account').get() as { kdf: string }
  db.prepare('UPDATE account SET kdf = ?').run(JSON.stringify({ ...JSON.parse(row.kdf), memlimitBytes, opslimit }))
  db.close()
  vault.restart()
}

/** The Secret Key with one symbol changed so that it still checks out is impossible; so change the secret part and re-checksum. */
function otherKeyOfSameAccount(printed: string): string {
  return formatSecretKey(generateSecretKey(parseSecretKey(printed).accountId))
}

describe('account', () => {
  it('is created unlocked, with a Secret Key shown once and kept in the OS keychain', async () => {
    const { vault, created } = await createdVault()
    expect(created.secretKey).toMatch(/^K1-[A-Z2-9]{6}(-[A-Z2-9]{5,6}){5}$/)
    expect(created.secretKeyInKeychain).toBe(true)
    expect(await vault.keychain.get(created.accountId)).toBe(created.secretKey)
    expect(vault.service.status()).toEqual({
      state: 'unlocked',
      accountId: created.accountId,
      email: EMAIL,
      itemCount: 0,
    })
  })

  it('refuses a weak master password and a second account', async () => {
    vault = makeVault()
    await expectCodeAsync(vault.service.createAccount({ email: EMAIL, password: 'password123' }), 'WEAK_PASSWORD')
    expect(vault.service.status().state).toBe('no-account')
    await vault.service.createAccount({ email: EMAIL, password: PASSWORD })
    await expectCodeAsync(vault.service.createAccount({ email: EMAIL, password: PASSWORD }), 'ACCOUNT_EXISTS')
  })

  it('locks, and unlocks again after a restart with the password and the keychain', async () => {
    const { vault } = await createdVault()
    vault.service.createItem({ type: 'note', title: 'Survives restarts' })
    vault.service.lock()
    expect(() => vault.service.listItems()).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }))
    vault.restart()
    expect(vault.service.status().state).toBe('locked')
    expect(await vault.service.unlock({ password: PASSWORD })).toEqual({ itemCount: 1, damagedCount: 0 })
    expect(vault.service.listItems().map((item) => item.title)).toEqual(['Survives restarts'])
    // Benchmarks read the unlock phases from these measures.
    for (const name of Object.values(UNLOCK_MEASURES))
      expect(performance.getEntriesByName(name).length).toBeGreaterThan(0)
  })

  it('reports a wrong password, and the vault still opens with the right one', async () => {
    const { vault } = await createdVault()
    vault.service.lock()
    await expectCodeAsync(vault.service.unlock({ password: `${PASSWORD}!` }), 'WRONG_PASSWORD_OR_SECRET_KEY')
    expect(vault.service.status().state).toBe('locked')
    await vault.service.unlock({ password: PASSWORD })
    expect(vault.service.status().state).toBe('unlocked')
  })

  it('catches a mistyped Secret Key at once, before any key derivation', async () => {
    const { vault, created } = await createdVault()
    vault.service.lock()
    // At the ceiling cost a derivation takes about a minute, past the test's timeout:
    // these checks can only pass if they come before any derivation.
    setStoredKdfCost(vault, 1024 * 1024 * 1024, 32)
    const typo = created.secretKey.slice(0, -1) + (created.secretKey.endsWith('Z') ? 'Y' : 'Z')
    await expectCodeAsync(vault.service.unlock({ password: PASSWORD, secretKey: typo }), 'SECRET_KEY_TYPO')
    const foreign = formatSecretKey(generateSecretKey(generateAccountId()))
    await expectCodeAsync(vault.service.unlock({ password: PASSWORD, secretKey: foreign }), 'SECRET_KEY_WRONG_ACCOUNT')
  })

  it('reports a well-formed but wrong Secret Key like a wrong password', async () => {
    const { vault, created } = await createdVault()
    vault.service.lock()
    const wrong = otherKeyOfSameAccount(created.secretKey)
    await expectCodeAsync(
      vault.service.unlock({ password: PASSWORD, secretKey: wrong }),
      'WRONG_PASSWORD_OR_SECRET_KEY',
    )
  })

  it('asks for the Secret Key when the keychain lacks it, then remembers a typed key that works', async () => {
    const { vault, created } = await createdVault()
    vault.service.lock()
    await vault.keychain.delete(created.accountId)
    const error = await expectCodeAsync(vault.service.unlock({ password: PASSWORD }), 'SECRET_KEY_REQUIRED')
    expect(error.message).toContain('Emergency Kit')
    await vault.service.unlock({ password: PASSWORD, secretKey: created.secretKey.toLowerCase().replaceAll('-', ' ') })
    expect(await vault.keychain.get(created.accountId)).toBe(created.secretKey)
  })

  it('works without any OS keychain: says so at creation and asks for the Secret Key at unlock', async () => {
    const { vault, created } = await createdVault({ keychain: absentKeychain })
    expect(created.secretKeyInKeychain).toBe(false)
    expect(created.keychainProblem).toContain('Secret Service')
    vault.service.lock()
    const error = await expectCodeAsync(vault.service.unlock({ password: PASSWORD }), 'SECRET_KEY_REQUIRED')
    expect(error.message).toMatch(/No OS keychain is available/)
    await vault.service.unlock({ password: PASSWORD, secretKey: created.secretKey })
    expect(vault.service.status().state).toBe('unlocked')
  })

  it('refuses KDF parameters lowered on disk, before deriving anything', async () => {
    const { vault } = await createdVault()
    vault.service.lock()
    setStoredKdfCost(vault, 8 * 1024 * 1024, 1)
    await expectCodeAsync(vault.service.unlock({ password: PASSWORD }), 'KDF_BELOW_FLOOR')
  })

  it('locks itself after the idle delay, and any use or noted activity restarts the delay', async () => {
    const { vault } = await createdVault()
    vault.service.setAutoLockMs(150)
    const locks: string[] = []
    vault.service.onLock((reason) => locks.push(reason))
    await new Promise((resolve) => setTimeout(resolve, 100))
    vault.service.listItems()
    await new Promise((resolve) => setTimeout(resolve, 100))
    vault.service.noteActivity()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(vault.service.status().state).toBe('unlocked')
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect(vault.service.status().state).toBe('locked')
    expect(locks).toEqual(['idle'])
    expect(vault.service.autoLockMs).toBe(150)
  })

  it('names items for status answers without counting as use: no title while locked, none for a missing item', async () => {
    const { vault } = await createdVault()
    const item = vault.service.createItem({ type: 'note', title: 'Recovery codes', notes: '' })
    const missing = '0b6f9d52-6a43-4f7e-9a57-1f0c3c1f1a99'
    expect(vault.service.itemTitles([item.id, missing])).toEqual({ [item.id]: 'Recovery codes', [missing]: '' })
    vault.service.setAutoLockMs(150)
    for (let step = 0; step < 4; step += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      vault.service.itemTitles([item.id])
    }
    expect(vault.service.status().state).toBe('locked')
    expect(vault.service.itemTitles([item.id])).toEqual({ [item.id]: '' })
  })

  it("leaves no item plaintext in libsodium's heap once locked", async () => {
    const { vault } = await createdVault()
    const canary = new TextEncoder().encode('heap-canary-71c2e9')
    const item = vault.service.createItem({ type: 'login', title: 'Heap', fields: { password: 'heap-canary-71c2e9' } })
    vault.service.getItem(item.id)
    expect(heapContains(canary)).toBe(true)
    vault.service.lock()
    expect(heapContains(canary)).toBe(false)
  })

  it('reports NO_ACCOUNT on an empty vault', async () => {
    vault = makeVault()
    await expectCodeAsync(vault.service.unlock({ password: PASSWORD }), 'NO_ACCOUNT')
  })
})
