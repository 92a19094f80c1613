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

/** The custom fields of a row, from the columns not in `known`: those are worked out once per table. */
export function extraColumns(table: CsvTable, known: readonly string[]): (row: CsvRow) => CustomInput[] {
  const skip = new Set(known.map((name) => name.toLowerCase()))
  const extras = table.header.flatMap((header, index) => {
    if (skip.has(header.toLowerCase())) return []
    const kind = SECRET_HEADER.test(header) ? ('hidden' as const) : ('text' as const)
    return [{ index, label: header || `Column ${index + 1}`, kind }]
  })
  return (row) => extras.map(({ index, label, kind }) => ({ label, value: row.values[index] ?? '', kind }))
}

/**
 * URLs in one cell: one per line, or several joined by commas where each
 * starts with a scheme (a comma inside a URL's query stays).
 */
export function splitUrls(text: string): string[] {
  return text.split(/\r?\n|\r|,\s*(?=[a-z][a-z0-9+.-]*:\/\/)/i)
}
