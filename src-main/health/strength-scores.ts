/**
 * Strength scores remembered for one unlocked session, so that opening the
 * health view again, or after editing one login, estimates only the
 * passwords not seen yet: zxcvbn still costs a few milliseconds a password
 * (docs/performance.md), which is seconds for a large vault.
 *
 * Entries are keyed by an HMAC-SHA-256 of the password and the user inputs
 * found in it, under a random key made for this session: no map is keyed by
 * a password, and a key from one session says nothing in another. clear()
 * (at lock) wipes the key and forgets every score. Memory only, never
 * stored.
 */
import type { StrengthScore } from '../items/strength.ts'
import { KeyedDigest } from './keyed-digest.ts'

/** Far above any real vault; past it the oldest scores are forgotten first, so memory stays bounded. */
const MAX_ENTRIES = 100_000

export class StrengthScores {
  readonly #digest = new KeyedDigest()
  readonly #scores = new Map<string, StrengthScore>()
  readonly #maxEntries: number

  constructor(maxEntries = MAX_ENTRIES) {
    this.#maxEntries = maxEntries
  }

  /** The score remembered for this password and these inputs, or one estimated now and remembered. */
  scoreOf(password: string, userInputs: readonly string[], estimate: () => StrengthScore): StrengthScore {
    const entry = this.#digest.of(password, ...userInputs)
    const known = this.#scores.get(entry)
    if (known !== undefined) return known
    const score = estimate()
    if (this.#scores.size >= this.#maxEntries) this.#scores.delete(this.#scores.keys().next().value as string)
    this.#scores.set(entry, score)
    return score
  }

  get size(): number {
    return this.#scores.size
  }

  clear(): void {
    this.#scores.clear()
    this.#digest.wipe()
  }
}
