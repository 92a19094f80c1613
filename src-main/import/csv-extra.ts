/**
 * Columns a CSV format does not know (a newer export, a spreadsheet someone
 * added to) are kept: each non-empty one becomes a custom field named by its
 * header, so nothing in the file is silently dropped. It is a text field,
 * except that a header that names a secret (password, passphrase, secret, PIN,
 * token, OTP, CVV, private or API key) makes it a hidden one.
 */
import type { CsvRow, CsvTable } from './csv.ts'
import type { CustomInput } from './draft.ts'

const SECRET_HEADER = /pass(word|phrase|code)?|secret|\bpin\b|token|\botp\b|cvv|cvc|private.?key|api.?key/i

export function extraColumns(table: CsvTable, row: CsvRow, known: readonly string[]): CustomInput[] {
  const skip = new Set(known.map((name) => name.toLowerCase()))
  return table.header.flatMap((header, index) => {
    if (skip.has(header.toLowerCase())) return []
    const kind = SECRET_HEADER.test(header) ? 'hidden' : 'text'
    return [{ label: header || `Column ${index + 1}`, value: row.values[index] ?? '', kind }]
  })
}

/** A tag list as exports write it: separated by commas or semicolons. */
export function splitTags(text: string): string[] {
  return text.split(/[,;]/)
}

/**
 * URLs in one cell: one per line, or several joined by commas where each
 * starts with a scheme (a comma inside a URL's query stays).
 */
export function splitUrls(text: string): string[] {
  return text.split(/\r?\n|\r|,\s*(?=[a-z][a-z0-9+.-]*:\/\/)/i)
}
