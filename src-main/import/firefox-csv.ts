/**
 * Firefox password CSV (about:logins → Export Passwords), as Firefox's own
 * export test writes it:
 *   "url","username","password","httpRealm","formActionOrigin","guid","timeCreated","timeLastUsed","timePasswordChanged"
 *
 * | Firefox column   | Vault                                                        |
 * | ---------------- | ------------------------------------------------------------ |
 * | url              | the URL; the title is its host (Firefox stores no name)      |
 * | username / password | username / password                                       |
 * | httpRealm        | custom text field "HTTP realm" (for HTTP-auth logins)        |
 * | formActionOrigin | custom URL field "Form action" when it differs from url      |
 * | guid             | sourceId                                                     |
 * | timeCreated, timeLastUsed, timePasswordChanged, timesUsed | not imported (bookkeeping) |
 * | other columns    | custom fields named by their header (csv-extra.ts)|
 * Every row becomes a login.
 */
import { columnReader, readCsv, requireColumns } from './csv.ts'
import { extraColumns } from './csv-extra.ts'
import { ResultCollector } from './draft.ts'
import type { ImportResult } from './types.ts'

const KNOWN = [
  'url',
  'username',
  'password',
  'httprealm',
  'formactionorigin',
  'guid',
  'timecreated',
  'timelastused',
  'timepasswordchanged',
  'timesused',
] as const

export function parseFirefoxCsv(file: string, bytes: Uint8Array): ImportResult {
  const table = readCsv(file, bytes)
  requireColumns(table, ['url', 'username', 'password'], 'Firefox password')
  const read = columnReader(table, KNOWN)
  const extras = extraColumns(table, KNOWN)
  const out = new ResultCollector(file)
  for (const row of table.rows) {
    const value = read(row)
    const url = value('url')
    const action = value('formactionorigin')
    out.add(
      {
        type: 'login',
        urls: [url],
        fields: { username: value('username'), password: value('password') },
        custom: [
          { label: 'HTTP realm', value: value('httprealm') },
          { label: 'Form action', value: action.trim() === url.trim() ? '' : action, kind: 'url' },
          ...extras(row),
        ],
      },
      { line: row.line },
      value('guid'),
    )
  }
  return out.result('firefox-csv')
}
