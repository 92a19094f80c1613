/** The setup code: round trips, canonical Secret Keys, and a clear, key-free error for every malformed code. */
import { describe, expect, it } from 'vitest'
import { formatSecretKey, generateAccountId, generateSecretKey } from '../../../src-main/crypto/index.ts'
import { formatSetupCode, parseSetupCode, type SetupCode } from '../../../src-main/kit/index.ts'
import type { ErrorCode } from '../../../src-shared/errors.ts'
import { expectCode } from '../support/expect-code.ts'

const SECRET_KEY = formatSecretKey(generateSecretKey(generateAccountId()))
// The well-known Supabase demo anon key: a JWT, with dots, dashes and underscores.
const ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0'
const SYNCED: SetupCode = {
  server: { url: 'https://abcdefghijklmnopqrst.supabase.co', anonKey: ANON_KEY },
  email: 'ada+vault@example.org',
  secretKey: SECRET_KEY,
}
const LOCAL: SetupCode = { server: null, email: 'ada@example.org', secretKey: SECRET_KEY }
const SK_PARAM = `sk=${SECRET_KEY}`

/** The error thrown for text, checked for its code and for never repeating the Secret Key. */
function rejection(text: string, code: ErrorCode): string {
  const error = expectCode(() => parseSetupCode(text), code)
  const compact = SECRET_KEY.replaceAll('-', '')
  expect(error.message).not.toContain(SECRET_KEY)
  expect(error.message.replaceAll('-', '')).not.toContain(compact.slice(9))
  return error.message
}

describe('setup code round trip', () => {
  it('keeps a synced account: address, public key, email with a plus sign, Secret Key', () => {
    const text = formatSetupCode(SYNCED)
    expect(text.startsWith('vault-setup:v1?url=https%3A%2F%2Fabcdefghijklmnopqrst.supabase.co&key=')).toBe(true)
    expect(text).toContain('email=ada%2Bvault%40example.org')
    expect(text.endsWith(SK_PARAM)).toBe(true)
    expect(text).not.toMatch(/password/i)
    expect(parseSetupCode(text)).toEqual(SYNCED)
  })

  it('keeps a local-only account, with neither address nor key', () => {
    const text = formatSetupCode(LOCAL)
    expect(text).toBe(`vault-setup:v1?email=ada%40example.org&${SK_PARAM}`)
    expect(parseSetupCode(text)).toEqual(LOCAL)
  })

  it('keeps a non-Latin email exactly, as plain ASCII in the code', () => {
    const code: SetupCode = { ...SYNCED, email: 'Zoë.ユーザー+test@例え.jp' }
    const text = formatSetupCode(code)
    expect(text).toMatch(/^[\x21-\x7e]+$/)
    expect(parseSetupCode(text)).toEqual(code)
  })

  it('keeps a local Supabase address over plain http', () => {
    for (const url of ['http://127.0.0.1:54321', 'http://localhost:54321', 'https://[::1]:8443']) {
      const code: SetupCode = { ...SYNCED, server: { url, anonKey: 'sb_publishable_abc-DEF_123' } }
      expect(parseSetupCode(formatSetupCode(code))).toEqual(code)
    }
  })

  it('canonicalises a pasted Secret Key and a trailing slash on the address', () => {
    const typed = `  ${SECRET_KEY.toLowerCase().replaceAll('-', ' ')} `
    const code = { ...SYNCED, server: { url: `${SYNCED.server?.url}/`, anonKey: ANON_KEY }, secretKey: typed }
    expect(parseSetupCode(formatSetupCode(code))).toEqual(SYNCED)
    const pasted = `vault-setup:v1?email=ada%40example.org&sk=${encodeURIComponent(typed)}`
    expect(parseSetupCode(pasted).secretKey).toBe(SECRET_KEY)
  })

  it('tolerates surrounding whitespace and an upper-case scheme', () => {
    const text = formatSetupCode(LOCAL).replace('vault-setup:v1', 'VAULT-SETUP:V1')
    expect(parseSetupCode(`\n  ${text}\t\n`)).toEqual(LOCAL)
  })
})

describe('setup code rejections', () => {
  const local = formatSetupCode(LOCAL)
  const synced = formatSetupCode(SYNCED)

  it('refuses text that is not a setup code', () => {
    for (const text of ['', 'hello', SECRET_KEY, `https://example.org/?${SK_PARAM}`, `otpauth:v1?${SK_PARAM}`]) {
      expect(rejection(text, 'SETUP_CODE_INVALID')).toBe('This is not a setup code: it should start with vault-setup:')
    }
  })

  it('refuses a well-formed unknown version with UNSUPPORTED_VERSION and says to update', () => {
    const message = rejection(local.replace(':v1?', ':v7?'), 'UNSUPPORTED_VERSION')
    expect(message).toBe('This setup code is version v7; this app reads v1 codes. Update the app.')
  })

  it('refuses a missing or malformed version and a code cut short', () => {
    expect(rejection(local.replace(':v1?', ':?'), 'SETUP_CODE_INVALID')).toMatch(/no version/)
    expect(rejection(local.replace(':v1?', ':version1?'), 'SETUP_CODE_INVALID')).toMatch(/no version/)
    expect(rejection('vault-setup:v1', 'SETUP_CODE_INVALID')).toMatch(/cut short/)
  })

  it('refuses a code without email, with an empty email or with a malformed one', () => {
    expect(rejection(`vault-setup:v1?${SK_PARAM}`, 'SETUP_CODE_INVALID')).toBe('The setup code has no email address.')
    expect(rejection(`vault-setup:v1?email=&${SK_PARAM}`, 'SETUP_CODE_INVALID')).toBe(
      'The setup code has no email address.',
    )
    expect(rejection(`vault-setup:v1?email=ada&${SK_PARAM}`, 'SETUP_CODE_INVALID')).toMatch(
      /email address .* not valid/,
    )
    expect(rejection(`vault-setup:v1?email=a+b%40c&${SK_PARAM}`, 'SETUP_CODE_INVALID')).toMatch(/not valid/)
  })

  it('refuses a code without a Secret Key', () => {
    expect(rejection('vault-setup:v1?email=ada%40example.org', 'SETUP_CODE_INVALID')).toBe(
      'The setup code has no Secret Key.',
    )
  })

  it('refuses only one of url and key', () => {
    const withoutKey = synced.replace(/&key=[^&]*/, '')
    const withoutUrl = synced.replace(/url=[^&]*&/, '')
    expect(rejection(withoutKey, 'SETUP_CODE_INVALID')).toMatch(/only one of url and key/)
    expect(rejection(withoutUrl, 'SETUP_CODE_INVALID')).toMatch(/only one of url and key/)
  })

  it('refuses an address that is not https, has a path, or is not a URL', () => {
    const withUrl = (url: string) => synced.replace(/url=[^&]*/, `url=${encodeURIComponent(url)}`)
    for (const url of ['http://abc.supabase.co', 'http://192.168.1.10:54321', 'ftp://abc.supabase.co']) {
      expect(rejection(withUrl(url), 'SETUP_CODE_INVALID')).toMatch(/must start with https/)
    }
    for (const url of ['https://abc.supabase.co/rest/v1', 'https://user:pw@abc.supabase.co', 'https://a.co/?x=1']) {
      expect(rejection(withUrl(url), 'SETUP_CODE_INVALID')).toMatch(/without a path/)
    }
    expect(rejection(withUrl('abc.supabase.co'), 'SETUP_CODE_INVALID')).toMatch(/not a URL/)
  })

  it('refuses an empty or malformed project key', () => {
    expect(rejection(synced.replace(/key=[^&]*/, 'key='), 'SETUP_CODE_INVALID')).toMatch(/empty sync project key/)
    expect(rejection(synced.replace(/key=[^&]*/, 'key=a%20b'), 'SETUP_CODE_INVALID')).toMatch(/not valid/)
  })

  it('refuses unknown and repeated parameters', () => {
    expect(rejection(`${local}&password=hunter2`, 'SETUP_CODE_INVALID')).toMatch(/does not know \(password\)/)
    expect(rejection(`${local}&${encodeURIComponent(SECRET_KEY)}=1`, 'SETUP_CODE_INVALID')).toMatch(/does not know;/)
    expect(rejection(`${local}&email=eve%40example.org`, 'SETUP_CODE_INVALID')).toMatch(/email twice/)
    expect(rejection(`${local}&${SK_PARAM}`, 'SETUP_CODE_INVALID')).toMatch(/sk twice/)
  })

  it('refuses a code longer than any real one, when parsing and when formatting', () => {
    expect(rejection(`${local}${' '.repeat(10)}&x=${'a'.repeat(2000)}`, 'SETUP_CODE_INVALID')).toMatch(/too long/)
    const huge = { ...SYNCED, server: { url: SYNCED.server?.url ?? '', anonKey: 'a'.repeat(999) } }
    expect(parseSetupCode(formatSetupCode(huge))).toEqual(huge)
    const tooLong = { ...huge, email: `${'ü'.repeat(200)}@example.org` }
    expectCode(() => formatSetupCode(tooLong), 'SETUP_CODE_INVALID')
  })

  it("passes on the Secret Key's own errors without repeating the key", () => {
    const wrongSymbol = SECRET_KEY.slice(0, -1) + (SECRET_KEY.endsWith('Z') ? 'Y' : 'Z')
    expect(rejection(local.replace(SK_PARAM, `sk=${wrongSymbol}`), 'SECRET_KEY_TYPO')).toMatch(/does not check out/)
    expect(rejection(local.replace(SK_PARAM, `sk=${SECRET_KEY.slice(0, -2)}`), 'SECRET_KEY_TYPO')).toMatch(/characters/)
    expect(rejection(local.replace(SK_PARAM, `sk=${SECRET_KEY.replace(/.$/, 'O')}`), 'SECRET_KEY_TYPO')).toMatch(
      /never contain 0, 1, I, O or U/,
    )
    expect(rejection(local.replace(SK_PARAM, `sk=K2${SECRET_KEY.slice(2)}`), 'UNSUPPORTED_VERSION')).toMatch(/K2/)
    expect(rejection(local.replace(SK_PARAM, 'sk='), 'SECRET_KEY_TYPO')).toMatch(/starts with K1/)
  })

  it('validates when formatting too, so a kit never carries an unreadable code', () => {
    expectCode(() => formatSetupCode({ ...LOCAL, email: '' }), 'SETUP_CODE_INVALID')
    expectCode(
      () => formatSetupCode({ ...SYNCED, server: { url: 'http://abc.supabase.co', anonKey: 'k' } }),
      'SETUP_CODE_INVALID',
    )
    expectCode(() => formatSetupCode({ ...LOCAL, secretKey: SECRET_KEY.slice(0, -1) }), 'SECRET_KEY_TYPO')
  })
})
