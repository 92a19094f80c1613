/**
 * Chrome and Edge password CSV (Settings → Passwords → Export passwords;
 * Google Password Manager writes the same):
 *   name,url,username,password,note
 * (older exports lack note). Columns are found by name.
 *
 * | Chrome column | Vault                                                  |
 * | ------------- | ------------------------------------------------------ |
 * | name          | title (Chrome fills it with the site's host)           |
 * | url           | the URL                                                |
 * | username / password | username / password                              |
 * | note          | notes                                                  |
 * | other columns | custom fields named by their header (csv-extra.ts)|
 * Every row becomes a login.
 */
import { columnReader, readCsv, requireColumns } from './csv.ts'
import { extraColumns } from './csv-extra.ts'
import { ResultCollector } from './draft.ts'
import type { ImportResult } from './types.ts'

const KNOWN = ['name', 'url', 'username', 'password', 'note'] as const

export function parseChromeCsv(file: string, bytes: Uint8Array): ImportResult {
  const table = readCsv(file, bytes)
  requireColumns(table, ['name', 'url', 'username', 'password'], 'Chrome or Edge password')
  const read = columnReader(table, KNOWN)
  const extras = extraColumns(table, KNOWN)
  const out = new ResultCollector(file)
  for (const row of table.rows) {
    const value = read(row)
    out.add(
      {
        type: 'login',
        title: value('name'),
        urls: [value('url')],
        fields: { username: value('username'), password: value('password') },
        notes: value('note'),
        custom: extras(row),
      },
      { line: row.line },
    )
  }
  return out.result('chrome-csv')
}
