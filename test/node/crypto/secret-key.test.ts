import { describe, expect, it } from 'vitest'
import {
  formatSecretKey,
  generateAccountId,
  generateSecretKey,
  parseSecretKey,
  SECRET_KEY_ALPHABET,
  SECRET_SYMBOLS,
  type SecretKey,
} from '../../../src-main/crypto/secret-key.ts'
import { expectCode } from '../support/expect-code.ts'

const SHAPE =
  /^K1-[2-9A-HJ-NP-TV-Z]{6}-[2-9A-HJ-NP-TV-Z]{6}-[2-9A-HJ-NP-TV-Z]{6}-[2-9A-HJ-NP-TV-Z]{6}-[2-9A-HJ-NP-TV-Z]{5}-[2-9A-HJ-NP-TV-Z]{5}$/

function freshKey(): { key: SecretKey; printed: string } {
  const key = generateSecretKey(generateAccountId())
  return { key, printed: formatSecretKey(key) }
}

/** The printed key without the version prefix and dashes: the 34 checked symbols. */
function bodyOf(printed: string): string {
  return printed.slice(3).replaceAll('-', '')
}

describe('Secret Key', () => {
  it('carries at least 128 bits from an alphabet without look-alikes', () => {
    expect(SECRET_KEY_ALPHABET).toHaveLength(31)
    expect(SECRET_KEY_ALPHABET).not.toMatch(/[01IOU]/)
    expect(SECRET_SYMBOLS * Math.log2(SECRET_KEY_ALPHABET.length)).toBeGreaterThanOrEqual(128)
  })

  it('prints as K1, the account id and grouped symbols, and parses back to the same key', () => {
    for (let i = 0; i < 200; i++) {
      const { key, printed } = freshKey()
      expect(printed).toMatch(SHAPE)
      expect(printed.slice(3, 9)).toBe(key.accountId)
      const parsed = parseSecretKey(printed)
      expect(parsed.accountId).toBe(key.accountId)
      expect(Array.from(parsed.secret)).toEqual(Array.from(key.secret))
      expect(formatSecretKey(parsed)).toBe(printed)
    }
  })

  it('tolerates case, spaces, missing dashes, typographic dashes and surrounding whitespace', () => {
    const { printed } = freshKey()
    const variants = [
      printed.toLowerCase(),
      printed.replaceAll('-', ''),
      printed.replaceAll('-', ' '),
      printed.replaceAll('-', ' - '),
      printed.replaceAll('-', '\u2013'),
      `  ${printed}\n`,
      bodyOf(printed)
        .replace(/(.{4})/g, '$1 ')
        .replace(/^/, 'k1 '),
    ]
    for (const variant of variants) expect(formatSecretKey(parseSecretKey(variant))).toBe(printed)
  })

  it('catches every single-character substitution, before any key derivation', () => {
    for (let round = 0; round < 3; round++) {
      const { printed } = freshKey()
      const body = bodyOf(printed)
      for (let position = 0; position < body.length; position++) {
        for (const symbol of `${SECRET_KEY_ALPHABET}01IOU!`) {
          if (symbol === body[position]) continue
          const typed = `K1${body.slice(0, position)}${symbol}${body.slice(position + 1)}`
          expectCode(() => parseSecretKey(typed), 'SECRET_KEY_TYPO')
        }
      }
    }
  })

  it('catches every swap of two neighbouring characters', () => {
    for (let round = 0; round < 20; round++) {
      const body = bodyOf(freshKey().printed)
      for (let position = 0; position + 1 < body.length; position++) {
        if (body[position] === body[position + 1]) continue
        const swapped = body.slice(0, position) + body[position + 1] + body[position] + body.slice(position + 2)
        expectCode(() => parseSecretKey(`K1${swapped}`), 'SECRET_KEY_TYPO')
      }
    }
  })

  it('explains wrong prefix, wrong length and foreign characters without echoing the key', () => {
    const { printed } = freshKey()
    const secretPart = bodyOf(printed).slice(6)
    const cases: [string, RegExp][] = [
      [`A3${printed.slice(2)}`, /starts with K1/],
      [printed.slice(0, -1), /has 34 characters.*not counting dashes.*this one has 33/],
      [`${printed}X`, /this one has 35/],
      // Positions count what the user typed, dashes included.
      [`${printed.slice(0, 12)}0${printed.slice(13)}`, /Character 13 .*never contain 0, 1, I, O or U/],
      [`  ${printed.slice(0, 12)}O${printed.slice(13)}`, /Character 15 /],
    ]
    for (const [typed, message] of cases) {
      const error = expectCode(() => parseSecretKey(typed), 'SECRET_KEY_TYPO')
      expect(error.message).toMatch(message)
      expect(error.message).not.toContain(secretPart.slice(0, 8))
    }
  })

  it('reports a Secret Key of another version as unsupported, not as a typo', () => {
    const { printed } = freshKey()
    const error = expectCode(() => parseSecretKey(`K2${printed.slice(2)}`), 'UNSUPPORTED_VERSION')
    expect(error.message).toContain('version K2')
  })

  it('draws symbols uniformly (no modulo bias)', () => {
    const counts = new Map<string, number>()
    const samples = 3000
    for (let i = 0; i < samples; i++) {
      for (const code of generateSecretKey(generateAccountId()).secret) {
        const symbol = String.fromCharCode(code)
        counts.set(symbol, (counts.get(symbol) ?? 0) + 1)
      }
    }
    const expected = (samples * SECRET_SYMBOLS) / SECRET_KEY_ALPHABET.length
    let chiSquare = 0
    for (const symbol of SECRET_KEY_ALPHABET) chiSquare += ((counts.get(symbol) ?? 0) - expected) ** 2 / expected
    // 30 degrees of freedom: P(chi² > 80) is about 2e-6 for a uniform source.
    expect(chiSquare).toBeLessThan(80)
  })
})
