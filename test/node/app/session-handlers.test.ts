import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  formatSecretKey,
  generateAccountId,
  generateSecretKey,
  initCrypto,
  KDF_FLOOR,
} from '../../../src-main/crypto/index.ts'
import { EMAIL, PASSWORD, startTestMain, type TestMain } from './main-services-support.ts'

let main: TestMain

beforeAll(async () => {
  await initCrypto()
})
beforeEach(() => {
  main = startTestMain()
})
afterEach(() => main.close())

describe('account and lock state over IPC', () => {
  it('getAppInfo reports the build and the crypto floor', async () => {
    expect(await main.ok('getAppInfo')).toEqual({
      name: 'Vault',
      version: '0.1.0',
      cryptoFormatVersion: 1,
      kdfFloor: { memlimitBytes: KDF_FLOOR.memlimitBytes, opslimit: KDF_FLOOR.opslimit },
    })
  })

  it('checkSecretKey returns the account id of a valid key typed loosely, and names a typo without echoing it', async () => {
    const accountId = generateAccountId()
    const formatted = formatSecretKey(generateSecretKey(accountId))
    expect(await main.ok('checkSecretKey', { secretKey: formatted.toLowerCase().replaceAll('-', ' ') })).toEqual({
      accountId,
    })
    const mistyped = formatted.slice(0, -1) + (formatted.endsWith('A') ? 'B' : 'A')
    const result = await main.call('checkSecretKey', { secretKey: mistyped })
    expect(result).toMatchObject({ ok: false, error: { code: 'SECRET_KEY_TYPO' } })
    expect(JSON.stringify(result)).not.toContain(mistyped.slice(10, 16))
  })

  it('goes from no account, to created and unlocked, to locked with a reason', async () => {
    expect(await main.ok('getStatus')).toEqual({ state: 'no-account' })
    const created = await main.ok<{ secretKey: string; secretKeyInKeychain: boolean }>('createAccount', {
      email: EMAIL,
      password: PASSWORD,
    })
    expect(created.secretKey).toMatch(/^K1-/)
    expect(created.secretKeyInKeychain).toBe(true)
    expect(await main.ok('getStatus')).toMatchObject({ state: 'unlocked', email: EMAIL, itemCount: 0 })
    expect(await main.ok('lock')).toBeNull()
    expect(await main.ok('getStatus')).toMatchObject({ state: 'locked', secretKeyNeeded: false })
    expect(main.events).toEqual([{ type: 'locked', reason: 'user' }])
  })

  it('refuses a weak master password with WEAK_PASSWORD and a bad email as INVALID_REQUEST', async () => {
    expect(await main.call('createAccount', { email: EMAIL, password: 'password123' })).toMatchObject({
      ok: false,
      error: { code: 'WEAK_PASSWORD' },
    })
    expect(await main.call('createAccount', { email: 'not an email', password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    })
  })

  it('estimateStrength says whether a master password would be accepted', async () => {
    const weak = await main.ok<{ acceptable: boolean; score: number }>('estimateStrength', { password: 'letmein' })
    const strong = await main.ok<{ acceptable: boolean }>('estimateStrength', { password: PASSWORD, email: EMAIL })
    expect(weak.acceptable).toBe(false)
    expect(strong.acceptable).toBe(true)
  })

  it('unlock reports each failure with its own code, and asks for the Secret Key the keychain lost', async () => {
    const { secretKey } = await main.ok<{ secretKey: string }>('createAccount', { email: EMAIL, password: PASSWORD })
    await main.ok('lock')
    expect(await main.call('unlock', { password: 'wrong password here' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD_OR_SECRET_KEY' },
    })
    main.keychain.clear()
    expect(await main.ok('getStatus')).toMatchObject({ state: 'locked', secretKeyNeeded: true })
    expect(await main.call('unlock', { password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'SECRET_KEY_REQUIRED' },
    })
    expect(await main.ok('unlock', { password: PASSWORD, secretKey })).toEqual({ itemCount: 0, damagedCount: 0 })
    // A typed key that works is remembered again.
    await main.ok('lock')
    expect(await main.ok('getStatus')).toMatchObject({ secretKeyNeeded: false })
  })

  it('locks on a system trigger with that reason, and item calls then fail with VAULT_LOCKED', async () => {
    await main.ok('createAccount', { email: EMAIL, password: PASSWORD })
    main.services.vault.lock('suspend')
    expect(main.events).toEqual([{ type: 'locked', reason: 'suspend' }])
    expect(await main.call('listItems', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } })
  })

  it('settings: defaults, only the offered choices, and persisted', async () => {
    await main.ok('createAccount', { email: EMAIL, password: PASSWORD })
    expect(await main.ok('getSettings')).toEqual({ autoLockMs: 600_000, clipboardClearMs: 30_000 })
    expect(await main.ok('updateSettings', { autoLockMs: 60_000, clipboardClearMs: 0 })).toEqual({
      autoLockMs: 60_000,
      clipboardClearMs: 0,
    })
    expect(await main.call('updateSettings', { autoLockMs: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    })
    expect(await main.ok('getSettings')).toEqual({ autoLockMs: 60_000, clipboardClearMs: 0 })
  })
})
