import { describe, expect, it } from 'vitest'
import {
  CHARACTER_CLASS_NAMES,
  type CharacterClassName,
  classCharacters,
} from '../../../src-main/items/char-classes.ts'
import { countStringsCoveringClasses, log2BigInt } from '../../../src-main/items/entropy.ts'
import { CHARACTER_CLASSES, generatePassword, LOOKALIKES, type PasswordOptions } from '../../../src-main/items/index.ts'
import { expectCode } from '../support/expect-code.ts'
import { chiSquare, generousLimit, tally } from './chi-square.ts'

function onlyClasses(chosen: readonly CharacterClassName[]): PasswordOptions {
  return Object.fromEntries(CHARACTER_CLASS_NAMES.map((name) => [name, chosen.includes(name)]))
}

/** Every non-empty subset of the four classes. */
const CLASS_SUBSETS = Array.from({ length: 15 }, (_, mask) =>
  CHARACTER_CLASS_NAMES.filter((_, i) => ((mask + 1) >> i) & 1),
)

describe('counting strings that cover every class', () => {
  it('matches brute-force enumeration on small alphabets', () => {
    for (const [length, sizes] of [
      [5, [2, 3, 1]],
      [3, [2, 2, 2]],
      [4, [1, 1]],
      [2, [3, 1, 1]],
      [6, [4]],
    ] as const) {
      const alphabetSize = sizes.reduce((a, b) => a + b, 0)
      const classOf = sizes.flatMap((size, c) => Array.from({ length: size }, () => c))
      let brute = 0
      for (let n = 0; n < alphabetSize ** length; n++) {
        const seen = new Set<number>()
        for (let i = 0, rest = n; i < length; i++, rest = Math.floor(rest / alphabetSize)) {
          seen.add(classOf[rest % alphabetSize] as number)
        }
        if (seen.size === sizes.length) brute++
      }
      expect(countStringsCoveringClasses(length, sizes, alphabetSize)).toBe(BigInt(brute))
    }
  })

  it('takes log2 of huge counts to double precision', () => {
    expect(log2BigInt(1n)).toBe(0)
    expect(log2BigInt(2n ** 900n)).toBe(900)
    expect(log2BigInt(3n ** 500n)).toBeCloseTo(500 * Math.log2(3), 10)
  })
})

describe('generatePassword', () => {
  it('defaults to 20 characters from all four classes', () => {
    const { value, entropyBits } = generatePassword()
    expect([...value]).toHaveLength(20)
    for (const name of CHARACTER_CLASS_NAMES)
      expect([...value].some((c) => CHARACTER_CLASSES[name].includes(c))).toBe(true)
    // Σ_S (−1)^|S| (90 − Σ_S)^20 over the classes 26, 26, 10, 28, computed by hand with Python's integers.
    expect(entropyBits).toBeCloseTo(129.68905033853216, 9)
  })

  it.each([
    [{ length: 4, ...onlyClasses(['digits']) }, 13.287712379549449], // 10^4
    [{ length: 4, ...onlyClasses(['lowercase', 'digits']) }, 20.20971988622895], // 36^4 − 26^4 − 10^4
    [{ length: 4 }, 22.115124953948307], // 4! · 26 · 26 · 10 · 28
    [{ length: 4, excludeLookalikes: true }, 20.639058021271904], // 4! · 24 · 21 · 5 · 27
    [{ excludeLookalikes: true }, 124.89504797160313],
    [{ length: 16, symbols: false }, 95.1774412390046],
    [{ length: 128 }, 830.9571959212658],
  ])('states the exact entropy for %o', (options, bits) => {
    expect(generatePassword(options).entropyBits).toBeCloseTo(bits, 9)
  })

  it('uses only the chosen classes and every one of them, at every length', () => {
    for (const classes of CLASS_SUBSETS) {
      const allowed = classes.map((name) => CHARACTER_CLASSES[name]).join('')
      for (const length of [4, 5, 37, 128]) {
        const { value } = generatePassword({ length, ...onlyClasses(classes) })
        expect(value).toHaveLength(length)
        expect([...value].every((c) => allowed.includes(c))).toBe(true)
        for (const name of classes) expect([...value].some((c) => CHARACTER_CLASSES[name].includes(c))).toBe(true)
      }
    }
  })

  it('leaves out look-alikes when asked, and only them', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 300; i++) for (const c of generatePassword({ excludeLookalikes: true }).value) seen.add(c)
    for (const c of LOOKALIKES) expect(seen.has(c)).toBe(false)
    const expected = CHARACTER_CLASS_NAMES.map((name) => classCharacters(name, true)).join('')
    expect([...seen].sort().join('')).toBe([...expected].sort().join(''))
    expect(expected).toHaveLength(24 + 21 + 5 + 27)
  })

  it('draws each character of a class uniformly, and each class as often as the constraint implies', () => {
    const length = 20
    const passwords = Array.from({ length: 3000 }, () => generatePassword({ length }).value)
    const chars = passwords.join('')
    for (const name of CHARACTER_CLASS_NAMES) {
      const members = [...CHARACTER_CLASSES[name]]
      const counts = tally(
        [...chars].filter((c) => members.includes(c)),
        members,
      )
      const total = counts.reduce((a, b) => a + b, 0)
      const statistic = chiSquare(
        counts,
        members.map(() => total / members.length),
      )
      expect(statistic, `${name}: chi-square ${statistic.toFixed(1)}`).toBeLessThan(generousLimit(members.length - 1))
    }
    // P(a given position holds class j) = size_j · #(length−1 strings covering the other classes) / #(valid strings).
    const sizes = CHARACTER_CLASS_NAMES.map((name) => CHARACTER_CLASSES[name].length)
    const valid = countStringsCoveringClasses(length, sizes, 90)
    const expected = sizes.map((size, j) => {
      const others = sizes.filter((_, k) => k !== j)
      const ratio = Number((BigInt(size) * countStringsCoveringClasses(length - 1, others, 90) * 1_000_000n) / valid)
      return (ratio / 1_000_000) * chars.length
    })
    const classCounts = tally(
      [...chars].map((c) => CHARACTER_CLASS_NAMES.find((name) => CHARACTER_CLASSES[name].includes(c))),
      CHARACTER_CLASS_NAMES,
    )
    expect(chiSquare(classCounts, expected)).toBeLessThan(generousLimit(3))
  })

  it.each([
    [{ length: 3 }, /length must be a whole number from 4 to 128/],
    [{ length: 129 }, /length/],
    [{ length: 12.5 }, /length/],
    [{ length: '20' }, /length/],
    [{ length: Number.NaN }, /length/],
    [onlyClasses([]), /at least one of the options lowercase, uppercase, digits or symbols/],
    [{ digits: 'yes' }, /digits must be true or false/],
    [{ excludeLookalikes: 1 }, /excludeLookalikes/],
    [{ lenght: 20 }, /Unknown generator option "lenght"/],
    [null, /must be an object/],
  ])('rejects %o with INVALID_GENERATOR_OPTIONS naming the option', (options, message) => {
    const error = expectCode(() => generatePassword(options as PasswordOptions), 'INVALID_GENERATOR_OPTIONS')
    expect(error.message).toMatch(message)
  })

  it('is fast enough to run on every click', () => {
    const start = performance.now()
    for (let i = 0; i < 1000; i++) generatePassword()
    const perCall = (performance.now() - start) / 1000
    const longStart = performance.now()
    for (let i = 0; i < 100; i++) generatePassword({ length: 128, excludeLookalikes: true })
    const longPerCall = (performance.now() - longStart) / 100
    console.log(`generatePassword: ${perCall.toFixed(3)} ms (20 chars), ${longPerCall.toFixed(3)} ms (128 chars)`)
    expect(perCall).toBeLessThan(20)
  })
})
