/**
 * Any other CSV with a header row: the caller maps our fields to its columns,
 * GenericCsvMapping { title, username, password, url, notes, totp, tags } →
 * header names (matched ignoring case and surrounding spaces). Without a
 * mapping, columns are matched by common names (title/name, username/login/
 * email, password, url/website, notes/comments, totp/otp, tags/folder/group).
 *
 * | Column            | Vault                                                       |
 * | ----------------- | ----------------------------------------------------------- |
 * | mapped title      | title (else the URL's host, else "Untitled")                |
 * | mapped username / password / totp | username / password / totp                  |
 * | mapped url        | URLs (one per line, or comma-joined where each has a scheme) |
 * | mapped notes      | notes                                                       |
 * | mapped tags       | tags, separated by commas or semicolons                     |
 * | every other column | a custom field named by its header: text, or hidden when the header names a secret (PIN, token, …) |
 * A row with no username, password, URL or TOTP becomes a secure note; the
 * rest become logins. A mapping that names a column the header lacks, or one
 * column for two fields, or a file where nothing could be guessed, is refused
 * naming the header line.
 *
 * genericCsvColumns gives the app's mapping step the header's column names
 * and the guess, so the user sees (and can change) what would go where.
 */
import { CSV_COLUMN_NAME_MAX_LENGTH, CSV_COLUMNS_MAX, GENERIC_CSV_FIELDS } from '../../src-shared/ipc/transfer.ts'
import { type CsvTable, cell, columnIndex, readCsv } from './csv.ts'
import { extraColumns, splitUrls } from './csv-extra.ts'
import { ResultCollector } from './draft.ts'
import { importInvalid } from './failure.ts'
import { splitTags } from './text.ts'
import type { GenericCsvMapping, ImportResult } from './types.ts'

type Field = keyof GenericCsvMapping
const FIELDS: readonly Field[] = GENERIC_CSV_FIELDS

const GUESSES: Record<Field, readonly string[]> = {
  title: ['title', 'name', 'site name', 'account', 'account name', 'service', 'entry', 'item'],
  username: ['username', 'user name', 'login', 'login name', 'user', 'email', 'e-mail'],
  password: ['password', 'pass', 'passwd', 'pwd', 'secret'],
  url: ['url', 'website', 'web site', 'uri', 'site', 'login url'],
  notes: ['notes', 'note', 'comments', 'comment', 'extra', 'description'],
  totp: ['totp', 'otp', 'otpauth', 'one-time password', '2fa'],
  tags: ['tags', 'tag', 'folder', 'group', 'category', 'grouping'],
}

export function parseGenericCsv(file: string, bytes: Uint8Array, mapping?: GenericCsvMapping): ImportResult {
  const table = readCsv(file, bytes)
  const columns = mapping === undefined ? guessColumns(table) : mappedColumns(table, mapping)
  const known = FIELDS.flatMap((field) => (columns[field] < 0 ? [] : [table.header[columns[field]] ?? '']))
  const extras = extraColumns(table, known)
  const out = new ResultCollector(file)
  for (const row of table.rows) {
    const value = (field: Field) => cell(row, columns[field])
    const fields = { username: value('username'), password: value('password'), totp: value('totp') }
    const urls = splitUrls(value('url'))
    const isLogin = [fields.username, fields.password, fields.totp, ...urls].some((part) => part.trim() !== '')
    const common = {
      title: value('title'),
      notes: value('notes'),
      tags: splitTags(value('tags')),
      custom: extras(row),
    }
    out.add(isLogin ? { ...common, type: 'login', urls, fields } : { ...common, type: 'note' }, { line: row.line })
  }
  return out.result('generic-csv')
}

/** What the mapping step offers: the header's distinct, non-empty column names and the guessed mapping. */
export interface GenericCsvColumns {
  /** In header order; a name repeated (in any case) is listed once, as the first such column is the one mapped. */
  readonly columns: readonly string[]
  /** Our fields the guess found a column for, by that column's header name; the rest are absent. */
  readonly guessed: GenericCsvMapping
}

/**
 * Reads only the header (and checks the file is valid CSV). Never refuses a
 * file for having no guessable column: the user is about to choose them.
 */
export function genericCsvColumns(file: string, bytes: Uint8Array): GenericCsvColumns {
  const table = readCsv(file, bytes)
  assertMappableHeader(table)
  const seen = new Set<string>()
  const columns = table.header.filter((name) => {
    const key = name.toLowerCase()
    if (name === '' || seen.has(key)) return false
    seen.add(key)
    return true
  })
  const indexes = guessedColumns(table)
  const guessed: Record<string, string> = {}
  for (const field of FIELDS) {
    const name = table.header[indexes[field]]
    if (name !== undefined) guessed[field] = name
  }
  return { columns, guessed }
}

/** The window lists every column, so a header too wide or too long to show is refused, naming the limit. */
function assertMappableHeader(table: CsvTable): void {
  const where = { line: table.headerLine }
  if (table.header.length > CSV_COLUMNS_MAX) {
    throw importInvalid(table.file, where, `the header has more than ${CSV_COLUMNS_MAX} columns to choose from.`)
  }
  if (table.header.some((name) => name.length > CSV_COLUMN_NAME_MAX_LENGTH)) {
    throw importInvalid(table.file, where, `a column name is longer than ${CSV_COLUMN_NAME_MAX_LENGTH} characters.`)
  }
}

function mappedColumns(table: CsvTable, mapping: GenericCsvMapping): Record<Field, number> {
  const columns = {} as Record<Field, number>
  const fieldOfColumn = new Map<number, Field>()
  for (const field of FIELDS) {
    const header = mapping[field]?.trim() ?? ''
    columns[field] = header === '' ? -1 : columnIndex(table, header)
    if (header === '') continue
    const name = header.slice(0, 100)
    const problem = (text: string) => importInvalid(table.file, { line: table.headerLine }, text)
    if (columns[field] === -1) {
      throw problem(`the mapping names a column "${name}" for ${field}, but the header has no such column.`)
    }
    const other = fieldOfColumn.get(columns[field])
    // One cell cannot be both, say, the username and the password: that is a slip, not a wish.
    if (other !== undefined) throw problem(`the mapping names the column "${name}" for both ${other} and ${field}.`)
    fieldOfColumn.set(columns[field], field)
  }
  return columns
}

/** Each field's first common name the header has, a column going to one field only; -1 where none matched. */
function guessedColumns(table: CsvTable): Record<Field, number> {
  const columns = {} as Record<Field, number>
  const taken = new Set<number>()
  for (const field of FIELDS) {
    const found = GUESSES[field]
      .map((name) => columnIndex(table, name))
      .find((index) => index >= 0 && !taken.has(index))
    columns[field] = found ?? -1
    if (found !== undefined) taken.add(found)
  }
  return columns
}

function guessColumns(table: CsvTable): Record<Field, number> {
  const columns = guessedColumns(table)
  if (columns.title < 0 && columns.username < 0 && columns.password < 0 && columns.url < 0) {
    throw importInvalid(
      table.file,
      { line: table.headerLine },
      'no column could be matched to a title, username, password or URL; choose the columns to import.',
    )
  }
  return columns
}
