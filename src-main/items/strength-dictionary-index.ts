/**
 * A prefix index for zxcvbn-ts's dictionary matcher: the same matches, found
 * about five times faster.
 *
 * Why: zxcvbn-ts 4.2 looks up every substring of the password, up to the
 * longest dictionary word (23 characters), in each of its twenty dictionaries,
 * and does so again for each of up to 100 l33t readings of the password, and
 * again for word sequences. A random 20-character password took 35 ms and a
 * 32-character one 136 ms here, so password health took about a minute for
 * 1,000 logins. Capping the l33t readings (its `l33tMaxSubstitutions`) was
 * faster but changed scores and let weak passwords pass.
 *
 * How: the words of the dictionaries in play, sorted, answer "does any word
 * start with this?" by binary search. Reading substrings from position i
 * onwards, once one is the start of no word, no longer one can be a word, so
 * the matcher stops there instead of probing every dictionary up to 23
 * characters. Everything else (the order of the matches, their fields, the
 * dictionaries asked, the widths) is the library's own loop, so the scores do
 * not change: test/node/items/strength-dictionary-index.test.ts compares full
 * results with and without the index on hundreds of passwords. Levenshtein
 * matching (off in this app) needs every substring, so with it on the
 * library's own matcher runs.
 *
 * The index is installed on the library's matcher class, which its l33t,
 * reverse and word-sequence matchers extend (they call `super.match`), so
 * there is no other place to add it. The version is pinned in package.json;
 * `installDictionaryIndex` refuses a class that no longer looks like 4.2's.
 */
import { createRequire } from 'node:module'

type RankedDictionary = Readonly<Record<string, number>>

interface DictionaryMatchOptions {
  readonly password: string
  readonly userInputsOptions?: unknown
  readonly useLevenshtein?: boolean
}

/** The fields of zxcvbn-ts's MatchDictionary that the index reads (dist/matcher/dictionary/matching.cjs). */
interface MatchDictionaryInstance {
  readonly options: {
    readonly useLevenshteinDistance: boolean
    readonly rankedDictionaries: Readonly<Record<string, RankedDictionary>>
  }
  getRangedDictionaries(userInputsOptions: unknown): {
    rankedDictionaries: Record<string, RankedDictionary>
    rankedDictionariesMaxWordSize: Record<string, number>
  }
}

type MatchMethod = (this: MatchDictionaryInstance, options: DictionaryMatchOptions) => unknown[]

interface MatchDictionaryClass {
  prototype: { match: MatchMethod; getRangedDictionaries?: unknown }
}

/** Sorted words, asked whether any of them starts with a given string. */
class PrefixIndex {
  readonly #words: readonly string[]

  constructor(dictionaries: readonly RankedDictionary[]) {
    this.#words = [...new Set(dictionaries.flatMap((dictionary) => Object.keys(dictionary)))].sort()
  }

  startsAWord(prefix: string): boolean {
    let low = 0
    let high = this.#words.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((this.#words[middle] as string) < prefix) low = middle + 1
      else high = middle
    }
    return low < this.#words.length && (this.#words[low] as string).startsWith(prefix)
  }
}

/**
 * One index per set of built-in dictionaries (all of them for the dictionary,
 * l33t and reverse matchers; the word-sequence ones for word sequences), made
 * on first use and kept with the library's options object.
 */
const indexes = new WeakMap<object, Map<string, PrefixIndex>>()

function indexFor(builtIn: Readonly<Record<string, RankedDictionary>>, names: readonly string[]): PrefixIndex {
  const byNames = indexes.get(builtIn) ?? new Map<string, PrefixIndex>()
  indexes.set(builtIn, byNames)
  const key = names.join('\n')
  let index = byNames.get(key)
  if (index === undefined) {
    index = new PrefixIndex(names.map((name) => builtIn[name] as RankedDictionary))
    byNames.set(key, index)
  }
  return index
}

/** Builds the "could a word start here" test for one call: the built-in index, then the (few) per-call words. */
function prefixTest(
  builtIn: Readonly<Record<string, RankedDictionary>>,
  inPlay: Readonly<Record<string, RankedDictionary>>,
): (prefix: string) => boolean {
  const names = Object.keys(inPlay)
  const shared = names.filter((name) => inPlay[name] === builtIn[name])
  const index = indexFor(builtIn, shared)
  // User inputs are merged into a new dictionary on every call, so they are searched directly.
  const perCall = names.flatMap((name) => (inPlay[name] === builtIn[name] ? [] : Object.keys(inPlay[name] ?? {})))
  return (prefix) => index.startsAWord(prefix) || perCall.some((word) => word.startsWith(prefix))
}

function makeIndexedMatch(stock: MatchMethod): MatchMethod {
  return function indexedMatch(this: MatchDictionaryInstance, options: DictionaryMatchOptions): unknown[] {
    if (this.options.useLevenshteinDistance) return stock.call(this, options)
    const { password, userInputsOptions } = options
    const { rankedDictionaries, rankedDictionariesMaxWordSize } = this.getRangedDictionaries(userInputsOptions)
    const startsAWord = prefixTest(this.options.rankedDictionaries, rankedDictionaries)
    const names = Object.keys(rankedDictionaries)
    const maxSearchWidth = Math.max(0, ...Object.values(rankedDictionariesMaxWordSize))
    const lower = password.toLowerCase()
    const matches: unknown[] = []
    for (let i = 0; i < password.length; i += 1) {
      for (let j = i; j < password.length; j += 1) {
        const isFullPassword = i === 0 && j === password.length - 1
        if (j - i + 1 > maxSearchWidth && !isFullPassword) break
        const used = lower.slice(i, j + 1)
        if (!startsAWord(used)) break
        for (const dictionaryName of names) {
          if (j - i + 1 > (rankedDictionariesMaxWordSize[dictionaryName] as number) && !isFullPassword) continue
          const rank = (rankedDictionaries[dictionaryName] as RankedDictionary)[used]
          if (rank === undefined) continue
          const token = password.slice(i, j + 1)
          matches.push({
            pattern: 'dictionary',
            i,
            j,
            token,
            matchedWord: used,
            rank,
            dictionaryName,
            reversed: false,
            l33t: false,
          })
        }
      }
    }
    return matches
  }
}

function dictionaryMatcher(): MatchDictionaryClass['prototype'] {
  const require = createRequire(import.meta.url)
  const MatchDictionary = require('@zxcvbn-ts/core/dist/matcher/dictionary/matching.cjs') as MatchDictionaryClass
  const { prototype } = MatchDictionary
  if (typeof prototype.match !== 'function' || typeof prototype.getRangedDictionaries !== 'function') {
    throw new Error('zxcvbn-ts changed its dictionary matcher: update items/strength-dictionary-index.ts')
  }
  return prototype
}

/** The library's own match method, kept once the index replaces it. */
let stockMatch: MatchMethod | undefined

/** Installs the index on zxcvbn-ts's dictionary matcher, for every estimator in this process; again changes nothing. */
export function installDictionaryIndex(): void {
  const prototype = dictionaryMatcher()
  if (stockMatch !== undefined && prototype.match !== stockMatch) return
  stockMatch = prototype.match
  prototype.match = makeIndexedMatch(stockMatch)
}

/** Puts the library's own matcher back: for the test and benchmark that compare the two. */
export function uninstallDictionaryIndex(): void {
  if (stockMatch !== undefined) dictionaryMatcher().match = stockMatch
}
