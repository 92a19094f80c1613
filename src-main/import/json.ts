/**
 * JSON for the Bitwarden and 1Password formats: JSON.parse, with its errors
 * turned into a line and column (never its message, which quotes the text
 * around the error), and small readers that check the shape of what was
 * parsed, naming the entry path (items[3].login) of anything that is wrong.
 *
 * The readers are lenient where exports are: null or a missing value reads as
 * '' / [] / false, and a number where text is expected reads as its digits.
 * Anything else of the wrong kind (an object where text belongs) is an error.
 */
import type { VaultError } from '../../src-shared/errors.ts'
import { importInvalid } from './failure.ts'
import { lineAt } from './text.ts'
import type { ImportSource } from './types.ts'

export type JsonObject = Record<string, unknown>

export function parseJson(file: string, text: string, entry?: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const { line, column } = locate(error instanceof Error ? error.message : '', text)
    const at = column === undefined ? `line ${line}` : `line ${line}, column ${column}`
    const source: ImportSource = entry === undefined ? { line } : { entry: `${entry}, ${at}` }
    const cutShort = endsEarly(error instanceof Error ? error.message : '', text)
    throw importInvalid(
      file,
      source,
      cutShort
        ? 'the JSON ends too early (is the file cut short?).'
        : `the JSON is malformed${entry === undefined && column !== undefined ? ` at column ${column}` : ''}.`,
    )
  }
}

/** Whether JSON.parse ran out of text rather than met a wrong character. */
function endsEarly(message: string, text: string): boolean {
  if (/end of JSON input|Unterminated string/.test(message)) return true
  const position = /at position (\d+)/.exec(message)
  return position !== null && Number(position[1]) >= text.trimEnd().length
}

/**
 * Where JSON.parse stopped. V8 says "(line L column C)" for most errors and
 * "Unexpected end of JSON input" at the end; for an unexpected token it quotes
 * a snippet instead, which is used here only to find its position.
 */
function locate(message: string, text: string): { line: number; column?: number } {
  const exact = /\(line (\d+) column (\d+)\)/.exec(message)
  if (exact !== null) return { line: Number(exact[1]), column: Number(exact[2]) }
  if (/end of JSON input/.test(message)) return { line: lineAt(text, text.length) }
  // V8: Unexpected token 'x', ..."ten chars x ten chars"... is not valid JSON (the dots only where it cut).
  const token = /^Unexpected token '(.+?)', (\.\.\.)?"(.*)"(?:\.\.\.)? is not valid JSON$/s.exec(message)
  if (token !== null) {
    const [, char = '', cut, snippet = ''] = token
    const found = text.indexOf(snippet)
    if (found !== -1) {
      const offset = found + (cut === undefined ? Math.max(0, snippet.indexOf(char)) : 10)
      return { line: lineAt(text, offset) }
    }
  }
  return { line: 1 }
}

/** Shape checks that name the entry path of what is wrong. */
export class JsonReader {
  private readonly file: string

  constructor(file: string) {
    this.file = file
  }

  fail(path: string, problem: string): VaultError {
    return importInvalid(this.file, { entry: path }, problem)
  }

  object(value: unknown, path: string): JsonObject {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw this.fail(path, 'expected an object here.')
    }
    return value as JsonObject
  }

  /** An object, or undefined for null or a missing value. */
  optionalObject(value: unknown, path: string): JsonObject | undefined {
    return value === undefined || value === null ? undefined : this.object(value, path)
  }

  array(value: unknown, path: string): readonly unknown[] {
    if (value === undefined || value === null) return []
    if (!Array.isArray(value)) throw this.fail(path, 'expected a list here.')
    return value
  }

  text(value: unknown, path: string): string {
    if (value === undefined || value === null) return ''
    if (typeof value === 'string') return value
    if (typeof value === 'number' || typeof value === 'boolean') return String(value)
    throw this.fail(path, 'expected text here.')
  }

  flag(value: unknown): boolean {
    return value === true || value === 1 || value === 'true' || value === '1'
  }
}
