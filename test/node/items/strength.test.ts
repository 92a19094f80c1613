import { describe, expect, it } from 'vitest'
import {
  assertStrongMasterPassword,
  estimateStrength,
  generatePassphrase,
  MIN_MASTER_PASSWORD_SCORE,
} from '../../../src-main/items/index.ts'
import { expectCode } from '../support/expect-code.ts'

describe('estimateStrength', () => {
  // Runs first: it measures the one-time dictionary load.
  it('loads the dictionaries once, on the first estimate, then answers quickly', () => {
    let start = performance.now()
    estimateStrength('warm-up password')
    const first = performance.now() - start
    const samples = ['correct horse battery staple', 'P@ssw0rd2024', 'xk3$9Lq!vB7#mZ2p', 'alice1990', 'a'.repeat(100)]
    const times: number[] = []
    for (let round = 0; round < 3; round++) {
      for (const password of samples) {
        start = performance.now()
        estimateStrength(password, ['alice'])
        times.push(performance.now() - start)
      }
    }
    times.sort((a, b) => a - b)
    const median = times[Math.floor(times.length / 2)] as number
    const worst = times.at(-1) as number
    console.log(
      `estimateStrength: first call ${first.toFixed(0)} ms, then median ${median.toFixed(1)} ms, worst ${worst.toFixed(1)} ms`,
    )
    expect(median).toBeLessThan(first)
  })

  it.each([
    ['password', 0],
    ['123456', 0],
    ['qwertyuiop', 0],
    ['P@ssw0rd', 0],
  ])('scores the common password %s as %i', (password, score) => {
    const estimate = estimateStrength(password)
    expect(estimate.score).toBe(score)
    expect(estimate.warning).not.toBe('')
    expect(estimate.crackTime).toBe('less than a second')
  })

  it('scores a random 16-character password and a six-word passphrase 4', () => {
    for (const password of ['xk3$9Lq!vB7#mZ2p', generatePassphrase().value]) {
      const estimate = estimateStrength(password)
      expect(estimate.score).toBe(4)
      expect(estimate.guessesLog10).toBeGreaterThan(12)
      expect(estimate.crackTime).toBe('centuries')
      expect(estimate.warning).toBe('')
      expect(estimate.suggestions).toEqual([])
    }
  })

  it('counts the user inputs as known words', () => {
    expect(estimateStrength('acmecorp-vault').score).toBe(4)
    const known = estimateStrength('acmecorp-vault', ['acmecorp-vault', 'ops@acmecorp.example'])
    expect(known.score).toBe(0)
    expect(known.warning).toMatch(/personal/)
  })

  it('returns English feedback in the documented shape', () => {
    const estimate = estimateStrength('aaaaaaaaaa')
    expect([0, 1, 2, 3, 4]).toContain(estimate.score)
    expect(typeof estimate.guessesLog10).toBe('number')
    expect(estimate.warning).toMatch(/Repeated characters/)
    expect(estimate.suggestions.length).toBeGreaterThan(0)
    for (const line of estimate.suggestions) expect(line).toMatch(/^[A-Z].*\.$/)
  })
})

describe('assertStrongMasterPassword', () => {
  it('demands score 3', () => {
    expect(MIN_MASTER_PASSWORD_SCORE).toBe(3)
  })

  it('accepts a long random passphrase', () => {
    expect(() =>
      assertStrongMasterPassword(generatePassphrase({ words: 5 }).value, ['alice@example.com']),
    ).not.toThrow()
  })

  it('refuses fewer than 10 characters even when zxcvbn would score them well', () => {
    expect(estimateStrength('Zq8#vL2!x').score).toBeGreaterThanOrEqual(3)
    const error = expectCode(() => assertStrongMasterPassword('Zq8#vL2!x'), 'WEAK_PASSWORD')
    expect(error.message).toMatch(/at least 10 characters/)
    expect(error.message).not.toContain('Zq8#vL2!x')
  })

  it('refuses a guessable password with zxcvbn advice, never echoing the password', () => {
    for (const [password, inputs] of [
      ['password1234', []],
      ['qwertyuiop123', []],
      ['margueriteholloway', ['marguerite.holloway@example.com', 'Marguerite', 'Holloway']],
    ] as const) {
      const error = expectCode(() => assertStrongMasterPassword(password, inputs), 'WEAK_PASSWORD')
      expect(error.message).toMatch(/too easy to guess\. \S/)
      expect(error.message.toLowerCase()).not.toContain(password.toLowerCase())
      for (const input of inputs) expect(error.message.toLowerCase()).not.toContain(input.toLowerCase())
    }
  })
})
