/**
 * The prefix index (items/strength-dictionary-index.ts) must not change a
 * single estimate: every field of estimateStrength, including guessesLog10,
 * which reflects the whole chosen match sequence, is compared with the
 * library's own matcher on the same passwords.
 */
import { createRequire } from 'node:module'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { estimateStrength } from '../../../src-main/items/strength.ts'
import { installDictionaryIndex, uninstallDictionaryIndex } from '../../../src-main/items/strength-dictionary-index.ts'

const USER_INPUTS = ['ada.lovelace', 'github', 'acmecorp']

const chosen = [
  'password',
  'P@ssw0rd2024!',
  'Tr0ub4dor&3',
  'correct horse battery staple',
  'correct-horse-battery-staple',
  'onetwothreefourfive',
  'Monday-January-2019',
  'sdrowssap',
  '1q2w3e4r5t6y',
  'qwertyuiop[]',
  'j0hn$m1th1985',
  'l0v3ly-sunsh1n3-2024',
  'P4$$w0rd!P4$$w0rd!',
  'ada.lovelace-github',
  'gith@b-Ada-1815',
  'ACMECORP2024vault',
  '4cm3c0rp!',
  'zxcvbnm,./',
  '11/12/1987',
  'aaaaaaaaaaaaaaaa',
  'abcdefghijklmnopqrstuvwxyz',
  'xk3$9Lq!vB7#mZ2p',
  'N7#qLp2$Vw9!rT4@kX6&',
  'пароль123',
  'pässwörd-ünïcödé',
  '密码password123',
  '🔑secret🔑',
  '',
]

/** Characters zxcvbn reads as l33t letters, letters, digits and others: the cases the index prunes most. */
const alphabet = 'aeiostlbgz4310$5@7!|+(<[{8692eaEASTLOmonkeydragonpass'.split('')
const generated = fc.sample(fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 24 }), {
  numRuns: 80,
  seed: 20261122,
})
const passwords = [...chosen, ...generated]

function estimateAll(): string[] {
  return passwords.map((password) => JSON.stringify(estimateStrength(password, USER_INPUTS)))
}

describe('the prefix index on zxcvbn-ts dictionary matching', () => {
  afterAll(() => installDictionaryIndex())

  it('installs once: a second install changes nothing, and uninstalling restores the library', () => {
    const matcher = createRequire(import.meta.url)('@zxcvbn-ts/core/dist/matcher/dictionary/matching.cjs')
    estimateStrength('loads the estimator, which installs the index')
    const installed = matcher.prototype.match
    installDictionaryIndex()
    expect(matcher.prototype.match).toBe(installed)
    uninstallDictionaryIndex()
    expect(matcher.prototype.match).not.toBe(installed)
    installDictionaryIndex()
    expect(matcher.prototype.match).not.toBe(installed)
    expect(matcher.prototype.match.name).toBe('indexedMatch')
  })

  it('gives every field of every estimate exactly as the library alone does', () => {
    installDictionaryIndex()
    const indexed = estimateAll()
    uninstallDictionaryIndex()
    const stock = estimateAll()
    installDictionaryIndex()
    expect(passwords.length).toBeGreaterThan(100)
    for (const [position, password] of passwords.entries()) {
      expect({ password, estimate: indexed[position] }).toEqual({ password, estimate: stock[position] })
    }
  }, 120_000)
})
