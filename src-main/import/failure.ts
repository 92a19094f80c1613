/**
 * The one way an import fails: VaultError('IMPORT_INVALID') whose message names
 * the file and the line (CSV) or entry (JSON, XML, 1PUX) and says what is wrong.
 *
 * A message never quotes the file's content. The only things from the file that
 * may appear are its name, a column header, or an index path like items[3]:
 * callers pass a `problem` written by us, never a parser's own message, since
 * those (JSON.parse's, csv-parse's) quote the text around the error.
 */
import { VaultError } from '../../src-shared/errors.ts'
import type { ImportSource } from './types.ts'

/** The name to show: the last path segment, without control characters, at most 100 characters. */
export function displayName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 100)
  return clean === '' ? 'the file' : clean
}

export function where(source: ImportSource): string {
  if (source.line !== undefined) return `line ${source.line}`
  if (source.entry !== undefined) return `entry ${source.entry}`
  return 'the file'
}

export function importInvalid(file: string, source: ImportSource, problem: string): VaultError {
  return new VaultError('IMPORT_INVALID', `Cannot import "${file}" (${where(source)}): ${problem}`)
}

/** Thrown when the file as a whole is wrong (too large, not text, no header). */
export function fileInvalid(file: string, problem: string): VaultError {
  return new VaultError('IMPORT_INVALID', `Cannot import "${file}": ${problem}`)
}

export function assertItemCount(file: string, count: number, max: number): void {
  if (count > max) {
    throw fileInvalid(file, `it holds ${count} entries; at most ${max} can be imported at once.`)
  }
}
