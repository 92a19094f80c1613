/**
 * 1Password CSV, as 1Password 8 exports it (logins and passwords only):
 *   Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes
 * Columns are found by name, in any order and any case.
 *
 * | 1Password column | Vault                                                         |
 * | ---------------- | ------------------------------------------------------------- |
 * | Title            | title                                                         |
 * | Url              | URLs: one per line, or comma-joined where each has a scheme   |
 * | Username / Password | username / password                                        |
 * | OTPAuth          | totp (an otpauth:// URI)                                      |
 * | Favorite         | favorite when "true" or "1"                                   |
 * | Archived         | "true" or "1" adds the tag "Archived" (the item is still imported) |
 * | Tags             | tags, separated by commas or semicolons                       |
 * | Notes            | notes                                                         |
 * | other columns    | custom fields named by their header (csv-extra.ts)|
 * Every row becomes a login.
 */
import { columnReader, readCsv, requireColumns } from './csv.ts'
import { extraColumns, splitUrls } from './csv-extra.ts'
import { ResultCollector } from './draft.ts'
import { splitTags } from './text.ts'
import type { ImportResult } from './types.ts'

const KNOWN = ['title', 'url', 'username', 'password', 'otpauth', 'favorite', 'archived', 'tags', 'notes'] as const

export function parseOnePasswordCsv(file: string, bytes: Uint8Array): ImportResult {
  const table = readCsv(file, bytes)
  requireColumns(table, ['title', 'url', 'username', 'password'], '1Password CSV')
  const read = columnReader(table, KNOWN)
  const extras = extraColumns(table, KNOWN)
  const out = new ResultCollector(file)
  for (const row of table.rows) {
    const value = read(row)
    const yes = (name: (typeof KNOWN)[number]) => ['true', '1'].includes(value(name).trim().toLowerCase())
    out.add(
      {
        type: 'login',
        title: value('title'),
        urls: splitUrls(value('url')),
        fields: { username: value('username'), password: value('password'), totp: value('otpauth') },
        favorite: yes('favorite'),
        tags: [...splitTags(value('tags')), yes('archived') ? 'Archived' : ''],
        notes: value('notes'),
        custom: extras(row),
      },
      { line: row.line },
    )
  }
  return out.result('1password-csv')
}
