/**
 * The password generator's flags, shared by `generate` and by add/edit
 * (--generate-password). --words, --passphrase or another passphrase flag
 * choose an EFF-word passphrase; otherwise a random password.
 */
import type { ParseArgsOptionsConfig } from 'node:util'
import {
  type GeneratedSecret,
  generatePassphrase,
  generatePassword,
  PASSPHRASE_WORDS,
  PASSWORD_LENGTH,
  type PassphraseOptions,
  type PasswordOptions,
} from '../items/index.ts'
import { booleanOption, flag, integerOption, type Parsed, stringOption } from './args.ts'
import { usageError } from './cli-error.ts'

export const GENERATOR_OPTIONS = {
  length: { type: 'string' },
  lower: { type: 'boolean' },
  upper: { type: 'boolean' },
  digits: { type: 'boolean' },
  symbols: { type: 'boolean' },
  'exclude-lookalikes': { type: 'boolean' },
  passphrase: { type: 'boolean' },
  words: { type: 'string' },
  separator: { type: 'string' },
  capitalize: { type: 'boolean' },
  'include-number': { type: 'boolean' },
} as const satisfies ParseArgsOptionsConfig

const PASSWORD_FLAGS = ['length', 'lower', 'upper', 'digits', 'symbols', 'exclude-lookalikes']
const PASSPHRASE_FLAGS = ['passphrase', 'words', 'separator', 'capitalize', 'include-number']

export const GENERATOR_HELP = `Generator options:
  --length N               password length, ${PASSWORD_LENGTH.min}–${PASSWORD_LENGTH.max} (default ${PASSWORD_LENGTH.default})
  --no-lower, --no-upper, --no-digits, --no-symbols
                           leave out a character class (all four are used by default)
  --exclude-lookalikes     leave out characters that look alike (0 O o 1 l I …)
  --passphrase             words from the EFF list instead of characters
  --words N                passphrase of N words, ${PASSPHRASE_WORDS.min}–${PASSPHRASE_WORDS.max} (default ${PASSPHRASE_WORDS.default})
  --separator S            between the words (default "-")
  --capitalize             capitalize each word
  --include-number         add a digit to one word`

export type GeneratorRequest =
  | { readonly kind: 'password'; readonly options: PasswordOptions }
  | { readonly kind: 'passphrase'; readonly options: PassphraseOptions }

function given(parsed: Parsed, names: readonly string[]): string[] {
  return names.filter((name) => parsed.values[name] !== undefined)
}

export function hasGeneratorFlags(parsed: Parsed): boolean {
  return given(parsed, [...PASSWORD_FLAGS, ...PASSPHRASE_FLAGS]).length > 0
}

export function generatorRequest(parsed: Parsed): GeneratorRequest {
  const passwordFlags = given(parsed, PASSWORD_FLAGS)
  const passphraseFlags = given(parsed, PASSPHRASE_FLAGS)
  if (passwordFlags.length > 0 && passphraseFlags.length > 0) {
    throw usageError(
      `--${passwordFlags[0]} is for passwords and --${passphraseFlags[0]} for passphrases; use one kind.`,
      parsed.command,
    )
  }
  if (passphraseFlags.length > 0) return { kind: 'passphrase', options: passphraseOptions(parsed) }
  return { kind: 'password', options: passwordOptions(parsed) }
}

function passwordOptions(parsed: Parsed): PasswordOptions {
  const length = integerOption(parsed, 'length', PASSWORD_LENGTH)
  const classes = { lowercase: 'lower', uppercase: 'upper', digits: 'digits', symbols: 'symbols' } as const
  const options: Record<string, number | boolean> = {}
  if (length !== undefined) options.length = length
  for (const [option, name] of Object.entries(classes)) {
    const value = booleanOption(parsed, name)
    if (value !== undefined) options[option] = value
  }
  if (flag(parsed, 'exclude-lookalikes')) options.excludeLookalikes = true
  return options as PasswordOptions
}

function passphraseOptions(parsed: Parsed): PassphraseOptions {
  const words = integerOption(parsed, 'words', PASSPHRASE_WORDS)
  const separator = stringOption(parsed, 'separator')
  return {
    ...(words !== undefined ? { words } : {}),
    ...(separator !== undefined ? { separator } : {}),
    capitalize: flag(parsed, 'capitalize'),
    includeNumber: flag(parsed, 'include-number'),
  }
}

export function generateSecret(request: GeneratorRequest): GeneratedSecret {
  return request.kind === 'password' ? generatePassword(request.options) : generatePassphrase(request.options)
}
