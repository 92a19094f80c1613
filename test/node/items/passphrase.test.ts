import { describe, expect, it } from 'vitest'
import { generatePassphrase, type PassphraseOptions } from '../../../src-main/items/index.ts'
import { EFF_WORD_COUNT, effWordList } from '../../../src-main/items/wordlist.ts'
import { expectCode } from '../support/expect-code.ts'
import { chiSquare, generousLimit, tally } from './chi-square.ts'

const BITS_PER_WORD = Math.log2(7776)

describe('the EFF large word list', () => {
  it('holds 7776 distinct lower-case words in dice order', () => {
    const list = effWordList()
    expect(EFF_WORD_COUNT).toBe(7776)
    expect(list).toHaveLength(7776)
    expect(new Set(list).size).toBe(7776)
    expect(list[0]).toBe('abacus') // 11111
    expect(list[7775]).toBe('zoom') // 66666
    expect(list.every((word) => /^[a-z]+(-[a-z]+)?$/.test(word))).toBe(true)
    expect(effWordList()).toBe(list) // loaded once
  })
})

describe('generatePassphrase', () => {
  it('defaults to six lower-case words joined by "-": 77.5 bits', () => {
    const { value, entropyBits } = generatePassphrase()
    expect(entropyBits).toBeCloseTo(77.548875, 5)
    expect(entropyBits.toFixed(1)).toBe('77.5')
    expect(value).toMatch(/^[a-z-]+$/)
    expect(value.split('-').length).toBeGreaterThanOrEqual(6) // four EFF words hold a hyphen themselves
  })

  it('draws every word from the list', () => {
    const list = new Set(effWordList())
    for (const words of [3, 7, 20]) {
      const parts = generatePassphrase({ words, separator: ' ' }).value.split(' ')
      expect(parts).toHaveLength(words)
      for (const part of parts) expect(list.has(part)).toBe(true)
    }
  })

  it('capitalizes each word without changing the entropy', () => {
    const { value, entropyBits } = generatePassphrase({ words: 5, separator: '.', capitalize: true })
    const parts = value.split('.')
    for (const part of parts) expect(part).toMatch(/^[A-Z][a-z-]*$/)
    expect(entropyBits).toBeCloseTo(5 * BITS_PER_WORD, 9)
  })

  it('adds one digit to one word, and log2(10 · words) bits', () => {
    const list = new Set(effWordList())
    const places = new Set<number>()
    for (let i = 0; i < 200; i++) {
      const { value, entropyBits } = generatePassphrase({ includeNumber: true, separator: ' ' })
      expect(entropyBits).toBeCloseTo(6 * BITS_PER_WORD + Math.log2(60), 9)
      expect(value.replace(/\D/g, '')).toHaveLength(1)
      const parts = value.split(' ')
      const place = parts.findIndex((part) => /\d$/.test(part))
      places.add(place)
      expect(list.has((parts[place] as string).slice(0, -1))).toBe(true)
    }
    expect(places.size).toBe(6)
    expect(generatePassphrase({ includeNumber: true }).entropyBits).toBeCloseTo(83.4557656172432, 9)
  })

  it('accepts any separator without letters or digits, including none', () => {
    expect(generatePassphrase({ separator: '' }).value).toMatch(/^[a-z-]+$/)
    expect(generatePassphrase({ separator: ' · ' }).value.split(' · ')).toHaveLength(6)
    expect(generatePassphrase({ words: 3, separator: '_' }).entropyBits).toBeCloseTo(3 * BITS_PER_WORD, 9)
  })

  it('draws words uniformly (chi-square over the whole list)', () => {
    const list = effWordList()
    const drawn: string[] = []
    for (let i = 0; i < 6000; i++) drawn.push(...generatePassphrase({ words: 20, separator: ' ' }).value.split(' '))
    const counts = tally(drawn, list)
    const statistic = chiSquare(
      counts,
      list.map(() => drawn.length / list.length),
    )
    expect(statistic).toBeLessThan(generousLimit(list.length - 1))
  })

  it('draws the added digit uniformly', () => {
    const digits = Array.from({ length: 5000 }, () =>
      generatePassphrase({ words: 3, includeNumber: true }).value.replace(/\D/g, ''),
    )
    const keys = '0123456789'.split('')
    expect(
      chiSquare(
        tally(digits, keys),
        keys.map(() => 500),
      ),
    ).toBeLessThan(generousLimit(9))
  })

  it.each([
    [{ words: 2 }, /words must be a whole number from 3 to 20/],
    [{ words: 21 }, /words/],
    [{ words: 6.5 }, /words/],
    [{ separator: 'and' }, /separator must be at most 5 characters, with no letters, digits/],
    [{ separator: '1' }, /separator/],
    [{ separator: '------' }, /separator/],
    [{ separator: '\n' }, /separator/],
    [{ separator: 3 }, /separator/],
    [{ capitalize: 'true' }, /capitalize must be true or false/],
    [{ includeNumber: 1 }, /includeNumber/],
    [{ length: 20 }, /Unknown generator option "length"/],
  ])('rejects %o with INVALID_GENERATOR_OPTIONS naming the option', (options, message) => {
    const error = expectCode(() => generatePassphrase(options as PassphraseOptions), 'INVALID_GENERATOR_OPTIONS')
    expect(error.message).toMatch(message)
  })

  it('is fast enough to run on every click', () => {
    generatePassphrase()
    const start = performance.now()
    for (let i = 0; i < 1000; i++) generatePassphrase({ includeNumber: true, capitalize: true })
    const perCall = (performance.now() - start) / 1000
    console.log(`generatePassphrase: ${perCall.toFixed(3)} ms (6 words)`)
    expect(perCall).toBeLessThan(20)
  })
})
