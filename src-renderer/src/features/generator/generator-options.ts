/**
 * The generator's options as the panel holds them, and the request main gets.
 * The ranges come from src-shared, the same ones main checks every request against.
 */
import type { Req } from '@shared/ipc/contract.ts'
import { PASSPHRASE_WORDS, PASSWORD_LENGTH } from '@shared/ipc/limits.ts'

export { PASSPHRASE_WORDS, PASSWORD_LENGTH }

export type GeneratorMode = 'password' | 'passphrase'
export type CharacterClass = 'uppercase' | 'lowercase' | 'digits' | 'symbols'
export const CHARACTER_CLASSES: readonly CharacterClass[] = ['uppercase', 'lowercase', 'digits', 'symbols']

export interface PasswordSettings {
  readonly length: number
  readonly uppercase: boolean
  readonly lowercase: boolean
  readonly digits: boolean
  readonly symbols: boolean
  readonly excludeLookalikes: boolean
}

export interface PassphraseSettings {
  readonly words: number
  readonly separator: string
  readonly capitalize: boolean
  readonly includeNumber: boolean
}

export interface GeneratorSettings {
  readonly mode: GeneratorMode
  readonly password: PasswordSettings
  readonly passphrase: PassphraseSettings
}

export const DEFAULT_GENERATOR_SETTINGS: GeneratorSettings = {
  mode: 'password',
  password: {
    length: PASSWORD_LENGTH.default,
    uppercase: true,
    lowercase: true,
    digits: true,
    symbols: true,
    excludeLookalikes: false,
  },
  passphrase: { words: PASSPHRASE_WORDS.default, separator: '-', capitalize: false, includeNumber: false },
}

/** Separators offered for passphrases: none contains a letter or digit, as main requires. */
export const SEPARATORS = [
  { value: '-', label: 'Hyphen ( - )' },
  { value: ' ', label: 'Space' },
  { value: '.', label: 'Period ( . )' },
  { value: '_', label: 'Underscore ( _ )' },
  { value: ',', label: 'Comma ( , )' },
] as const

export function generateRequest(settings: GeneratorSettings): Req<'generate'> {
  return settings.mode === 'password'
    ? { kind: 'password', ...settings.password }
    : { kind: 'passphrase', ...settings.passphrase }
}

export function enabledClassCount(password: PasswordSettings): number {
  return CHARACTER_CLASSES.filter((name) => password[name]).length
}

/**
 * The options the user last chose, kept while the window is open so the next
 * time the generator opens it starts where they left it. Options only, never a value.
 */
let remembered: GeneratorSettings = DEFAULT_GENERATOR_SETTINGS

export function rememberedSettings(): GeneratorSettings {
  return remembered
}

export function rememberSettings(settings: GeneratorSettings): void {
  remembered = settings
}
