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
 * rest become logins. A mapping that names a column the header lacks, or a
 * file where nothing could be matched, is refused naming the header line.
 */
import { type CsvTable, cell, columnIndex, readCsv } from './csv.ts'
import { extraColumns, splitTags, splitUrls } from './csv-extra.ts'
import { ResultCollector } from './draft.ts'
import { importInvalid } from './failure.ts'
import type { GenericCsvMapping, ImportResult } from './types.ts'

type Field = keyof GenericCsvMapping
const FIELDS: readonly Field[] = ['title', 'username', 'password', 'url', 'notes', 'totp', 'tags']

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
      custom: extraColumns(table, row, known),
    }
    out.add(isLogin ? { ...common, type: 'login', urls, fields } : { ...common, type: 'note' }, { line: row.line })
  }
  return out.result('generic-csv')
}

function mappedColumns(table: CsvTable, mapping: GenericCsvMapping): Record<Field, number> {
  const columns = {} as Record<Field, number>
  for (const field of FIELDS) {
    const header = mapping[field]
    columns[field] = header === undefined || header.trim() === '' ? -1 : columnIndex(table, header)
    if (header !== undefined && header.trim() !== '' && columns[field] === -1) {
      const name = header.trim().slice(0, 100)
      throw importInvalid(
        table.file,
        { line: table.headerLine },
        `the mapping names a column "${name}" for ${field}, but the header has no such column.`,
      )
    }
  }
  return columns
}

function guessColumns(table: CsvTable): Record<Field, number> {
  const columns = {} as Record<Field, number>
  const taken = new Set<number>()
  for (const field of FIELDS) {
    const found = GUESSES[field]
      .map((name) => columnIndex(table, name))
      .find((index) => index >= 0 && !taken.has(index))
    columns[field] = found ?? -1
    if (found !== undefined) taken.add(found)
  }
  if (columns.title < 0 && columns.username < 0 && columns.password < 0 && columns.url < 0) {
    throw importInvalid(
      table.file,
      { line: table.headerLine },
      'no column could be matched to a title, username, password or URL; choose the columns to import.',
    )
  }
  return columns
}
