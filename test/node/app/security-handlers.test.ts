/** The kit and the secrets through the real IPC dispatcher and main services, as the window calls them. */
import { statSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { formatSecretKey, generateSecretKey, parseSecretKey } from '../../../src-main/crypto/index.ts'
import { parseSetupCode } from '../../../src-main/kit/index.ts'
import { decodeQr, pdfText, renderPng, requirePoppler } from '../kit/poppler.ts'
import { EMAIL, PASSWORD, startTestMain, type TestMain } from './main-services-support.ts'

const NEW_PASSWORD = 'harbour lantern quilted 41 meadow'
let main: TestMain | undefined

afterEach(() => {
  main?.close()
  main = undefined
})

async function account(): Promise<{ main: TestMain; secretKey: string }> {
  main = startTestMain()
  const created = await main.ok<{ secretKey: string }>('createAccount', { email: EMAIL, password: PASSWORD })
  return { main, secretKey: created.secretKey }
}

describe('the Emergency Kit over IPC', () => {
  it('is saved where the dialog says, owner-readable, holding the key and email and no password', async () => {
    requirePoppler()
    const { main, secretKey } = await account()
    const saved = await main.ok<{ saved: boolean; fileName: string }>('saveEmergencyKit')
    expect(saved.saved).toBe(true)
    const [path] = main.saved
    if (path === undefined) throw new Error('nothing saved')
    expect(path.endsWith(saved.fileName)).toBe(true)
    expect(statSync(path).mode & 0o777).toBe(0o600)
    const text = pdfText(path)
    expect(text.replace(/\s/g, '')).toContain(secretKey)
    expect(text).not.toContain(PASSWORD)
    expect(parseSetupCode(decodeQr(renderPng(path, `${path}-page`)) ?? '').secretKey).toBe(secretKey)
  })

  it('is not written anywhere when the save dialog is cancelled', async () => {
    const { main } = await account()
    main.cancelSaves = true
    expect(await main.ok('saveEmergencyKit')).toEqual({ saved: false })
    expect(main.saved).toEqual([])
  })

  it('verify my kit: a match, a mismatch, a setup code, and a typo, never echoing the stored key', async () => {
    const { main, secretKey } = await account()
    expect(await main.ok('verifyEmergencyKit', { entry: secretKey.toLowerCase() })).toEqual({
      secretKeyMatches: true,
      emailMatches: null,
      serverMatches: null,
    })
    const sameAccount = parseSecretKey(secretKey).accountId
    const another = formatSecretKey(generateSecretKey(sameAccount))
    expect(await main.ok('verifyEmergencyKit', { entry: another })).toMatchObject({ secretKeyMatches: false })
    const typo = secretKey.replace(/-([A-Z2-9]{6})-/, '-ZZZZZZ-')
    const result = await main.call('verifyEmergencyKit', { entry: typo })
    // A broken checksum is a typo, and is said as such.
    expect(result.ok ? 'ok' : result.error.code).toBe('SECRET_KEY_TYPO')
    const code = `vault-setup:v1?email=${encodeURIComponent(EMAIL)}&sk=${secretKey}`
    expect(await main.ok('verifyEmergencyKit', { entry: code })).toEqual({
      secretKeyMatches: true,
      emailMatches: true,
      serverMatches: true,
    })
    expect(JSON.stringify(await main.call('verifyEmergencyKit', { entry: 'K1-nonsense' }))).not.toContain(secretKey)
  })

  it('reads a setup code for the "I have an Emergency Kit" form, and names what is wrong with a bad one', async () => {
    main = startTestMain()
    const { secretKey } = await main.ok<{ secretKey: string }>('createAccount', { email: EMAIL, password: PASSWORD })
    const code = `vault-setup:v1?url=${encodeURIComponent('https://abc.supabase.co')}&key=anon.key&email=${EMAIL}&sk=${secretKey}`
    expect(await main.ok('readSetupCode', { setupCode: code })).toEqual({
      server: { url: 'https://abc.supabase.co', anonKey: 'anon.key' },
      email: EMAIL,
      secretKey,
    })
    const bad = await main.call('readSetupCode', { setupCode: 'https://example.org' })
    expect(bad.ok ? 'ok' : bad.error.code).toBe('SETUP_CODE_INVALID')
  })
})

describe('changing the secrets over IPC', () => {
  it('a new master password works after locking, the old one no longer does', async () => {
    const { main } = await account()
    const changed = await main.ok('changePassword', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
    expect(changed).toMatchObject({ changed: 'password', keysetRevision: 2 })
    await main.ok('lock')
    const old = await main.call('unlock', { password: PASSWORD })
    expect(old.ok ? 'ok' : old.error.code).toBe('WRONG_PASSWORD_OR_SECRET_KEY')
    await main.ok('unlock', { password: NEW_PASSWORD })
  })

  it('a new Secret Key is shown once, kept in the keychain, and marks the old kit as outdated', async () => {
    const { main, secretKey } = await account()
    const changed = await main.ok<{ secretKey: string; secretKeyInKeychain: boolean }>('changeSecretKey', {
      password: PASSWORD,
    })
    expect(changed.secretKey).not.toBe(secretKey)
    expect(changed.secretKeyInKeychain).toBe(true)
    expect(await main.ok('getSecurityStatus')).toMatchObject({ kitOutdated: true, changePending: false })
    await main.ok('saveEmergencyKit')
    expect(await main.ok('getSecurityStatus')).toMatchObject({ kitOutdated: false })
    const verified = await main.ok('verifyEmergencyKit', { entry: changed.secretKey })
    expect(verified).toMatchObject({ secretKeyMatches: true })
  })

  it('a wrong current password changes nothing, and a weaker KDF is never offered', async () => {
    const { main } = await account()
    const wrong = await main.call('changePassword', { currentPassword: 'wrong one', newPassword: NEW_PASSWORD })
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('WRONG_PASSWORD_OR_SECRET_KEY')
    const status = await main.ok<{ kdf: { memlimitBytes: number; opslimit: number }; kdfUpgrade: unknown }>(
      'getSecurityStatus',
    )
    const offer = status.kdfUpgrade as { memlimitBytes: number; opslimit: number } | null
    if (offer !== null) {
      expect(offer.memlimitBytes).toBeGreaterThanOrEqual(status.kdf.memlimitBytes)
      expect(offer.opslimit).toBeGreaterThanOrEqual(status.kdf.opslimit)
    }
  })
})
