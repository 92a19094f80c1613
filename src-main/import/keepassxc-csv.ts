/**
 * KeePassXC CSV, as KeePassXC (2.7 and later; 2.6 without the last four) exports it:
 *   "Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified","Created"
 *
 * | KeePassXC column | Vault                                                              |
 * | ---------------- | ------------------------------------------------------------------ |
 * | Group            | a tag: the group path without the root group ("Root/Work/Email" → "Work/Email"; entries in the root get none) |
 * | Title / Username / Password / Notes | title / username / password / notes             |
 * | URL              | URLs (one per line, or comma-joined where each has a scheme)       |
 * | TOTP             | totp (KeePassXC writes an otpauth:// URI)                          |
 * | Icon, Last Modified, Created | not imported (display and bookkeeping, not item data)   |
 * | other columns    | custom fields named by their header (csv-extra.ts)|
 * Every row becomes a login. KeePassXC's CSV carries no custom attributes or
 * favorites; a KeePass XML export does (keepass-xml.ts).
 */
import { columnReader, readCsv, requireColumns } from './csv.ts'
import { extraColumns, splitUrls } from './csv-extra.ts'
import { ResultCollector } from './draft.ts'
import type { ImportResult } from './types.ts'

const KNOWN = [
  'group',
  'title',
  'username',
  'password',
  'url',
  'notes',
  'totp',
  'icon',
  'last modified',
  'created',
] as const

export function parseKeePassXcCsv(file: string, bytes: Uint8Array): ImportResult {
  const table = readCsv(file, bytes)
  requireColumns(table, ['group', 'title', 'username', 'password', 'url', 'notes'], 'KeePassXC CSV')
  const read = columnReader(table, KNOWN)
  const extras = extraColumns(table, KNOWN)
  const out = new ResultCollector(file)
  for (const row of table.rows) {
    const value = read(row)
    out.add(
      {
        type: 'login',
        title: value('title'),
        urls: splitUrls(value('url')),
        fields: { username: value('username'), password: value('password'), totp: value('totp') },
        tags: [groupTag(value('group'))],
        notes: value('notes'),
        custom: extras(row),
      },
      { line: row.line },
    )
  }
  return out.result('keepassxc-csv')
}

/** "Root/Work/Email" → "Work/Email": the root group's name is the database's, not a folder. */
export function groupTag(path: string): string {
  const segments = path.split('/')
  return segments.slice(1).join('/').trim()
}
