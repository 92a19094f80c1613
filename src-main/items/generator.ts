/**
 * Random passwords and passphrases, with their entropy.
 *
 * A password is drawn uniformly from all strings of the chosen length over the
 * chosen classes that contain at least one character of every class: uniform
 * strings are drawn until one qualifies (rejection sampling), which keeps every
 * qualifying string equally likely, so entropyBits is exactly log2 of their count.
 * Prepending one character per class and shuffling, as many generators do,
 * is not uniform and makes the stated figure wrong.
 *
 * All randomness comes from node:crypto.randomInt, which is unbiased.
 */
import { randomInt } from 'node:crypto'
import { type CharacterClassName, classCharacters } from './char-classes.ts'
import { countStringsCoveringClasses, log2BigInt } from './entropy.ts'
import {
  type PassphraseOptions,
  type PasswordOptions,
  resolvePassphraseOptions,
  resolvePasswordOptions,
} from './generator-options.ts'
import { effWordList } from './wordlist.ts'

export interface GeneratedSecret {
  readonly value: string
  readonly entropyBits: number
}

/**
 * Acceptance is lowest at length 4 with all four look-alike-free classes
 * (about 1 in 22 draws), so this bound is never reached in practice;
 * it only turns an impossible constraint into an error instead of a hang.
 */
const MAX_DRAWS = 100_000

interface Alphabet {
  readonly characters: string
  readonly classSizes: readonly number[]
  /** For each character, the index of its class. */
  readonly classOf: ReadonlyMap<string, number>
}

function buildAlphabet(classes: readonly CharacterClassName[], excludeLookalikes: boolean): Alphabet {
  const parts = classes.map((name) => classCharacters(name, excludeLookalikes))
  const classOf = new Map<string, number>()
  parts.forEach((part, index) => {
    for (const char of part) classOf.set(char, index)
  })
  return { characters: parts.join(''), classSizes: parts.map((part) => part.length), classOf }
}

function drawUniform(characters: string, length: number): string {
  let value = ''
  for (let i = 0; i < length; i++) value += characters[randomInt(characters.length)]
  return value
}

function coversEveryClass(value: string, alphabet: Alphabet): boolean {
  const seen = new Set<number>()
  for (const char of value) seen.add(alphabet.classOf.get(char) as number)
  return seen.size === alphabet.classSizes.length
}

export function generatePassword(options: PasswordOptions = {}): GeneratedSecret {
  const { length, classes, excludeLookalikes } = resolvePasswordOptions(options)
  const alphabet = buildAlphabet(classes, excludeLookalikes)
  const count = countStringsCoveringClasses(length, alphabet.classSizes, alphabet.characters.length)
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const value = drawUniform(alphabet.characters, length)
    if (coversEveryClass(value, alphabet)) return { value, entropyBits: log2BigInt(count) }
  }
  throw new Error('generatePassword could not satisfy its constraints')
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/**
 * Words drawn independently and uniformly from the EFF large list: log2(7776) ≈ 12.925
 * bits each. includeNumber appends one uniform digit to one uniformly chosen word,
 * adding log2(10 · words) bits: the separator holds no digit and no word does, so the
 * digit's value and place can both be read back. Capitalizing adds nothing.
 * With an empty separator the figure is an upper bound, since word boundaries can blur.
 */
export function generatePassphrase(options: PassphraseOptions = {}): GeneratedSecret {
  const { words, separator, capitalize, includeNumber } = resolvePassphraseOptions(options)
  const list = effWordList()
  const chosen = Array.from({ length: words }, () => list[randomInt(list.length)] as string)
  const shown = capitalize ? chosen.map(capitalized) : chosen
  let entropyBits = words * Math.log2(list.length)
  if (includeNumber) {
    const index = randomInt(words)
    shown[index] = `${shown[index]}${randomInt(10)}`
    entropyBits += Math.log2(10 * words)
  }
  return { value: shown.join(separator), entropyBits }
}
