/**
 * Password strength, by zxcvbn-ts with the common and English dictionaries.
 *
 * The dictionaries are large (building their ranked indexes is most of the
 * cost), so they are required and indexed on the first estimate, not when the
 * main process starts; later estimates reuse the same instance. The
 * dictionary matcher gets a prefix index (strength-dictionary-index.ts): the
 * same scores, about five times sooner.
 */
import { createRequire } from 'node:module'
import type { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { VaultError } from '../../src-shared/errors.ts'
import { installDictionaryIndex } from './strength-dictionary-index.ts'

export type StrengthScore = 0 | 1 | 2 | 3 | 4

export interface StrengthEstimate {
  readonly score: StrengthScore
  readonly guessesLog10: number
  /** Time to guess at 10,000 guesses per second: an offline attack on a slow hash. */
  readonly crackTime: string
  /** '' when zxcvbn has no warning. */
  readonly warning: string
  readonly suggestions: readonly string[]
}

export const MIN_MASTER_PASSWORD_SCORE = 3
export const MIN_MASTER_PASSWORD_LENGTH = 10

let estimator: ZxcvbnFactory | undefined

function loadEstimator(): ZxcvbnFactory {
  const require = createRequire(import.meta.url)
  const core = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core')
  const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common')
  const english = require('@zxcvbn-ts/language-en') as typeof import('@zxcvbn-ts/language-en')
  installDictionaryIndex()
  return new core.ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
    // Levenshtein matching stays off: it compares the whole password with every
    // dictionary word and took 120–900 ms per estimate here, too slow for a meter
    // that runs as the user types. The l33t and dictionary matchers still run.
    useLevenshteinDistance: false,
  })
}

export function estimateStrength(password: string, userInputs: readonly string[] = []): StrengthEstimate {
  estimator ??= loadEstimator()
  const result = estimator.check(password, [...userInputs])
  return {
    score: result.score,
    guessesLog10: result.guessesLog10,
    crackTime: result.crackTimes.offlineSlowHashingXPerSecond.display,
    warning: result.feedback.warning ?? '',
    suggestions: result.feedback.suggestions,
  }
}

/**
 * Refuses a master password shorter than 10 characters or scored below 3.
 * The message carries zxcvbn's advice, never the password.
 */
export function assertStrongMasterPassword(password: string, userInputs: readonly string[] = []): void {
  if ([...password].length < MIN_MASTER_PASSWORD_LENGTH) {
    throw new VaultError(
      'WEAK_PASSWORD',
      `The master password must be at least ${MIN_MASTER_PASSWORD_LENGTH} characters long.`,
    )
  }
  const estimate = estimateStrength(password, userInputs)
  if (estimate.score >= MIN_MASTER_PASSWORD_SCORE) return
  const advice = [estimate.warning, ...estimate.suggestions].filter((line) => line !== '')
  const detail = advice.length > 0 ? ` ${advice.join(' ')}` : ' Add more words or characters that are hard to guess.'
  throw new VaultError('WEAK_PASSWORD', `The master password is too easy to guess.${detail}`)
}
