/**
 * Command-line parsing on node:util's parseArgs: the command name is the
 * first word that is neither an option nor an option's value, so global
 * options may come before or after it; every error is a usage error
 * (exit 2) that points at the command's --help.
 */
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util'
import { usageError } from './cli-error.ts'

export const GLOBAL_OPTIONS = {
  'data-dir': { type: 'string' },
  'password-stdin': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig

type Value = string | boolean | (string | boolean)[] | undefined

export interface Parsed {
  readonly command: string
  readonly values: Readonly<Record<string, Value>>
  readonly positionals: readonly string[]
}

/** Options of the global set that take a value, so their value is not taken for the command name. */
const VALUE_OPTIONS = new Set(['--data-dir'])

export function splitCommand(argv: readonly string[]): { command: string | undefined; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string
    if (token === '--') break
    if (VALUE_OPTIONS.has(token)) i++
    else if (!token.startsWith('-')) return { command: token, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] }
  }
  return { command: undefined, rest: [...argv] }
}

export function parseCommandArgs(command: string, options: ParseArgsOptionsConfig, args: readonly string[]): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { ...GLOBAL_OPTIONS, ...options },
      allowPositionals: true,
      allowNegative: true,
      strict: true,
    })
    return { command, values, positionals }
  } catch (error) {
    throw usageError(parseErrorMessage(error), command)
  }
}

/** Options someone might try for a secret, to point them at the ways that keep it out of argv. */
const SECRET_OPTION =
  /^Unknown option '--(password|master-?password|secret-?key|totp|number|security-?code|pin|private-?key|passphrase|credential|notes)'/i

function parseErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  // parseArgs adds advice on positionals that start with '-', which is beside the point here.
  const short = message.replace(/ To specify a positional argument.*$/s, '')
  if (!SECRET_OPTION.test(short)) return short
  return `${short} Secrets are never taken as arguments (other users can read those): use --prompt FIELD, --generate-password, --json with a document on stdin, or --password-stdin.`
}

export function stringOption(parsed: Parsed, name: string): string | undefined {
  const value = parsed.values[name]
  return typeof value === 'string' ? value : undefined
}

export function stringList(parsed: Parsed, name: string): string[] {
  const value = parsed.values[name]
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string')
  return typeof value === 'string' ? [value] : []
}

/** true, false (--no-NAME) or undefined when absent. */
export function booleanOption(parsed: Parsed, name: string): boolean | undefined {
  const value = parsed.values[name]
  return typeof value === 'boolean' ? value : undefined
}

export function flag(parsed: Parsed, name: string): boolean {
  return booleanOption(parsed, name) === true
}

export function integerOption(parsed: Parsed, name: string, range: { min: number; max: number }): number | undefined {
  const raw = stringOption(parsed, name)
  if (raw === undefined) return undefined
  const value = /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN
  if (!(value >= range.min && value <= range.max)) {
    throw usageError(`--${name} must be a whole number from ${range.min} to ${range.max}.`, parsed.command)
  }
  return value
}

/** Checks the count of positional arguments and returns them, named in the usage message. */
export function positionals(parsed: Parsed, required: readonly string[], optional: readonly string[] = []): string[] {
  const given = parsed.positionals
  if (given.length < required.length) {
    throw usageError(`Missing ${required.slice(given.length).join(' and ')}.`, parsed.command)
  }
  if (given.length > required.length + optional.length) {
    throw usageError(
      `Too many arguments (${given.length}); expected ${[...required, ...optional].join(' ')}.`,
      parsed.command,
    )
  }
  return [...given]
}
