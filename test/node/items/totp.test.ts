import { describe, expect, it } from 'vitest'
import { normalizeTotp, totpCode } from '../../../src-main/items/index.ts'
import { expectCode } from '../support/expect-code.ts'

/** RFC 4648 base32 without padding, written out here so the tests do not trust the code under test. */
function base32(text: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const byte of new TextEncoder().encode(text)) bits += byte.toString(2).padStart(8, '0')
  let out = ''
  for (let i = 0; i < bits.length; i += 5) out += alphabet[Number.parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)]
  return out
}

/** RFC 6238 appendix B: the seeds are ASCII digits, 20, 32 and 64 bytes long. */
const SEEDS = {
  SHA1: '12345678901234567890',
  SHA256: '12345678901234567890123456789012',
  SHA512: '1234567890123456789012345678901234567890123456789012345678901234',
} as const

const RFC6238_VECTORS: readonly [number, keyof typeof SEEDS, string][] = [
  [59, 'SHA1', '94287082'],
  [59, 'SHA256', '46119246'],
  [59, 'SHA512', '90693936'],
  [1111111109, 'SHA1', '07081804'],
  [1111111109, 'SHA256', '68084774'],
  [1111111109, 'SHA512', '25091201'],
  [1111111111, 'SHA1', '14050471'],
  [1111111111, 'SHA256', '67062674'],
  [1111111111, 'SHA512', '99943326'],
  [1234567890, 'SHA1', '89005924'],
  [1234567890, 'SHA256', '91819424'],
  [1234567890, 'SHA512', '93441116'],
  [2000000000, 'SHA1', '69279037'],
  [2000000000, 'SHA256', '90698825'],
  [2000000000, 'SHA512', '38618901'],
  [20000000000, 'SHA1', '65353130'],
  [20000000000, 'SHA256', '77737706'],
  [20000000000, 'SHA512', '47863826'],
]

const GOOGLE_EXAMPLE = 'otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example'

describe('totpCode', () => {
  it('the test encoder matches RFC 4648', () => {
    expect(base32(SEEDS.SHA1)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')
  })

  it.each(RFC6238_VECTORS)('RFC 6238 appendix B: T=%i %s → %s', (seconds, algorithm, expected) => {
    const uri = `otpauth://totp/RFC6238?secret=${base32(SEEDS[algorithm])}&algorithm=${algorithm}&digits=8&period=30`
    const result = totpCode(uri, seconds * 1000)
    expect(result.code).toBe(expected)
    expect(result.digits).toBe(8)
    expect(result.period).toBe(30)
    expect(result.secondsLeft).toBe(30 - (seconds % 30))
  })

  it('gives the same codes from a bare seed, in lower case with spaces, as from the URI', () => {
    const spaced = base32(SEEDS.SHA1)
      .toLowerCase()
      .replace(/(.{4})/g, '$1 ')
    expect(totpCode(spaced, 59_000).code).toBe('287082') // the last 6 of 94287082
    expect(totpCode(` ${spaced}\n`, 1111111109_000).code).toBe('081804')
  })

  it('counts the seconds left in the current period', () => {
    expect(totpCode(GOOGLE_EXAMPLE, 0).secondsLeft).toBe(30)
    expect(totpCode(GOOGLE_EXAMPLE, 29_999).secondsLeft).toBe(1)
    expect(totpCode(GOOGLE_EXAMPLE, 30_000).secondsLeft).toBe(30)
    expect(totpCode(`${GOOGLE_EXAMPLE}&period=60`, 45_500).secondsLeft).toBe(15)
    expect(totpCode(GOOGLE_EXAMPLE, 0).code).not.toBe(totpCode(GOOGLE_EXAMPLE, 30_000).code)
  })

  it('defaults to now and returns a zero-padded code of the right length', () => {
    const result = totpCode(`${GOOGLE_EXAMPLE}&digits=7`)
    expect(result.code).toMatch(/^\d{7}$/)
    expect(result.secondsLeft).toBeGreaterThanOrEqual(1)
    expect(result.secondsLeft).toBeLessThanOrEqual(30)
  })

  it('refuses a time before 1970 or not a number', () => {
    expect(() => totpCode(GOOGLE_EXAMPLE, -1)).toThrow(RangeError)
    expect(() => totpCode(GOOGLE_EXAMPLE, Number.NaN)).toThrow(RangeError)
  })
})

describe('normalizeTotp', () => {
  it('canonicalizes a Google Authenticator URI', () => {
    expect(normalizeTotp(GOOGLE_EXAMPLE)).toBe(
      'otpauth://totp/Example:alice%40google.com?issuer=Example&secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30',
    )
  })

  it('takes the issuer from the label prefix when the parameter is missing, and the parameter when both differ', () => {
    expect(normalizeTotp('otpauth://totp/ACME%20Co:john.doe@email.com?secret=JBSWY3DPEHPK3PXP')).toBe(
      'otpauth://totp/ACME%20Co:john.doe%40email.com?issuer=ACME%20Co&secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30',
    )
    expect(normalizeTotp('otpauth://totp/Old:bob?secret=JBSWY3DPEHPK3PXP&issuer=New')).toContain(
      'totp/New:bob?issuer=New&',
    )
    expect(normalizeTotp('otpauth://totp/bob?issuer=GitHub&secret=JBSWY3DPEHPK3PXP')).toContain('totp/GitHub:bob?')
  })

  it('keeps the algorithm, digits and period, whatever their case', () => {
    const uri = 'OTPAUTH://TOTP/x:y?SECRET=jbswy3dpehpk3pxp&Algorithm=sha512&Digits=8&Period=60'
    expect(normalizeTotp(uri)).toBe(
      'otpauth://totp/x:y?issuer=x&secret=JBSWY3DPEHPK3PXP&algorithm=SHA512&digits=8&period=60',
    )
    expect(normalizeTotp('otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&algorithm=SHA-256')).toContain('algorithm=SHA256')
  })

  it('turns a bare seed into a URI, tolerating spaces, lower case and padding', () => {
    const expected = 'otpauth://totp/TOTP?secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30'
    expect(normalizeTotp('JBSWY3DPEHPK3PXP')).toBe(expected)
    expect(normalizeTotp('  jbsw y3dp ehpk 3pxp ')).toBe(expected)
    expect(normalizeTotp('JBSWY3DPEHPK3PXP======')).toBe(expected)
  })

  it('is idempotent', () => {
    for (const input of [
      GOOGLE_EXAMPLE,
      'jbsw y3dp ehpk 3pxp',
      'otpauth://totp/A%3Ab?secret=JBSWY3DPEHPK3PXP&digits=8',
    ]) {
      const once = normalizeTotp(input)
      expect(normalizeTotp(once)).toBe(once)
    }
  })

  it.each([
    ['JBSWY3DPEHPK3PX0', /not valid base32/],
    ['JBSWY3DP-EHPK3PXP', /not valid base32/],
    ['', /empty/],
    ['JBSWY3DP', /too short/],
    ['otpauth://totp/x?secret=JBSW1', /not valid base32/],
    ['otpauth://totp/x?issuer=y', /no secret/],
    ['otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&counter=1', /HOTP .* not supported/],
    ['otpauth://yotp/x?secret=JBSWY3DPEHPK3PXP', /otpauth:\/\/totp/],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=MD5', /Unsupported TOTP algorithm "MD5"/],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=SHA384', /Unsupported TOTP algorithm/],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=5', /digits must be a whole number from 6 to 8/],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=9', /digits/],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=six', /digits/],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=0', /period must be a whole number from 1 to 3600/],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=3601', /period/],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=-30', /period/],
    ['otpauth://totp/%E0%A4%A?secret=JBSWY3DPEHPK3PXP', /percent-encoding/],
    ['otpauth-migration://offline?data=CjEKCkhlbGxv', /Google Authenticator export/],
    ['https://example.com/?secret=JBSWY3DPEHPK3PXP', /Expected an otpauth/],
  ])('rejects %s with INVALID_TOTP', (input, message) => {
    const error = expectCode(() => normalizeTotp(input), 'INVALID_TOTP')
    expect(error.message).toMatch(message)
    expectCode(() => totpCode(input, 0), 'INVALID_TOTP')
  })

  it('never puts the secret in an error message', () => {
    const secret = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43UOV3HO6DZPJ'
    for (const input of [`${secret}1`, `otpauth://totp/x?secret=${secret}&digits=12`]) {
      const error = expectCode(() => normalizeTotp(input), 'INVALID_TOTP')
      expect(error.message.toUpperCase()).not.toContain(secret.slice(0, 8))
    }
  })
})
