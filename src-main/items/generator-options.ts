/**
 * Validation of generator options. They arrive from the renderer over IPC, so
 * every field is checked at run time, unknown fields are refused, and each
 * error names the option at fault.
 */
import { VaultError } from '../../src-shared/errors.ts'
import { PASSPHRASE_WORDS, PASSWORD_LENGTH, SEPARATOR_MAX_LENGTH } from '../../src-shared/ipc/limits.ts'
import { CHARACTER_CLASS_NAMES, type CharacterClassName } from './char-classes.ts'

export { PASSPHRASE_WORDS, PASSWORD_LENGTH, SEPARATOR_MAX_LENGTH }

export interface PasswordOptions {
  readonly length?: number | undefined
  readonly lowercase?: boolean | undefined
  readonly uppercase?: boolean | undefined
  readonly digits?: boolean | undefined
  readonly symbols?: boolean | undefined
  readonly excludeLookalikes?: boolean | undefined
}

export interface PassphraseOptions {
  readonly words?: number | undefined
  readonly separator?: string | undefined
  readonly capitalize?: boolean | undefined
  readonly includeNumber?: boolean | undefined
}

export interface ResolvedPasswordOptions {
  readonly length: number
  readonly classes: readonly CharacterClassName[]
  readonly excludeLookalikes: boolean
}

export interface ResolvedPassphraseOptions {
  readonly words: number
  readonly separator: string
  readonly capitalize: boolean
  readonly includeNumber: boolean
}

type Fields = Readonly<Record<string, unknown>>

function invalid(message: string): VaultError {
  return new VaultError('INVALID_GENERATOR_OPTIONS', message)
}

function asFields(options: unknown, known: readonly string[]): Fields {
  if (options === undefined) return {}
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw invalid('Generator options must be an object.')
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw invalid(`Unknown generator option "${key.slice(0, 40)}".`)
  }
  return options as Fields
}

function readBoolean(fields: Fields, name: string, fallback: boolean): boolean {
  const value = fields[name]
  if (value === undefined) return fallback
  if (typeof value !== 'boolean') throw invalid(`The option ${name} must be true or false.`)
  return value
}

function readInteger(fields: Fields, name: string, range: { min: number; max: number; default: number }): number {
  const value = fields[name]
  if (value === undefined) return range.default
  if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
    throw invalid(`The option ${name} must be a whole number from ${range.min} to ${range.max}.`)
  }
  return value
}

export function resolvePasswordOptions(options: unknown): ResolvedPasswordOptions {
  const fields = asFields(options, ['length', ...CHARACTER_CLASS_NAMES, 'excludeLookalikes'])
  const classes = CHARACTER_CLASS_NAMES.filter((name) => readBoolean(fields, name, true))
  if (classes.length === 0) {
    throw invalid('Choose at least one of the options lowercase, uppercase, digits or symbols.')
  }
  return {
    length: readInteger(fields, 'length', PASSWORD_LENGTH),
    classes,
    excludeLookalikes: readBoolean(fields, 'excludeLookalikes', false),
  }
}

function readSeparator(fields: Fields): string {
  const value = fields.separator
  if (value === undefined) return '-'
  // Letters or digits in the separator would blur word and number boundaries,
  // so the stated entropy would overcount; control characters do not paste.
  if (typeof value !== 'string' || value.length > SEPARATOR_MAX_LENGTH || /[\p{L}\p{N}\p{C}]/u.test(value)) {
    throw invalid(
      `The option separator must be at most ${SEPARATOR_MAX_LENGTH} characters, with no letters, digits or control characters.`,
    )
  }
  return value
}

export function resolvePassphraseOptions(options: unknown): ResolvedPassphraseOptions {
  const fields = asFields(options, ['words', 'separator', 'capitalize', 'includeNumber'])
  return {
    words: readInteger(fields, 'words', PASSPHRASE_WORDS),
    separator: readSeparator(fields),
    capitalize: readBoolean(fields, 'capitalize', false),
    includeNumber: readBoolean(fields, 'includeNumber', false),
  }
}
