/**
 * A best guess at a file's format, for preselecting it in the import dialog;
 * the user confirms, and parseImport then checks the file properly. It looks
 * only at the start of the file (64 KiB) and never throws:
 *
 * - a zip archive (PK\3\4)                           → 1password-1pux
 * - XML with a <KeePassFile> element                 → keepass-xml
 * - JSON with "format": "vault-export" (this app's own export)  → vault-json
 * - JSON with Bitwarden's "encrypted" flag, or its "items" with "folders"/"collections" → bitwarden-json
 * - CSV, by the header row (case-insensitive):
 *   type + name + login_uri                          → bitwarden-csv
 *   group, title, username, password, url, notes     → keepassxc-csv
 *   url, username, password, httpRealm, formActionOrigin → firefox-csv
 *   title, url, username, password + otpauth/favorite/archived → 1password-csv
 *   name, url, username, password                    → chrome-csv
 *   any other header of two or more columns in a .csv file → generic-csv
 * - anything else                                    → null
 */
import { parse } from 'csv-parse/sync'
import type { ImportFormat } from './types.ts'
import { isZip } from './zip.ts'

const HEAD_BYTES = 64 * 1024

export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat | null {
  if (isZip(bytes)) return '1password-1pux'
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, HEAD_BYTES)).trimStart()
  if (head.startsWith('<')) return /<KeePassFile[\s>]/.test(head) ? 'keepass-xml' : null
  if (head.startsWith('{')) {
    if (/"format"\s*:\s*"vault-export"/.test(head)) return 'vault-json'
    const bitwarden =
      /"encrypted"\s*:/.test(head) || (/"items"\s*:/.test(head) && /"(folders|collections)"\s*:/.test(head))
    return bitwarden ? 'bitwarden-json' : null
  }
  const header = headerOf(head)
  if (header === null) return null
  return csvFormat(new Set(header), header.length, fileName)
}

function headerOf(head: string): string[] | null {
  const line = head.split(/\r?\n|\r/, 1)[0] ?? ''
  try {
    const [record] = parse(line, { relax_column_count: true }) as string[][]
    return record === undefined ? null : record.map((name) => name.trim().toLowerCase())
  } catch {
    return null
  }
}

function csvFormat(has: ReadonlySet<string>, width: number, fileName: string): ImportFormat | null {
  const all = (...names: string[]) => names.every((name) => has.has(name))
  if (all('type', 'name', 'login_uri')) return 'bitwarden-csv'
  if (all('group', 'title', 'username', 'password', 'url', 'notes')) return 'keepassxc-csv'
  if (all('url', 'username', 'password', 'httprealm', 'formactionorigin')) return 'firefox-csv'
  if (
    all('title', 'url', 'username', 'password') &&
    ['otpauth', 'favorite', 'archived'].some((name) => has.has(name))
  ) {
    return '1password-csv'
  }
  if (all('name', 'url', 'username', 'password')) return 'chrome-csv'
  return width >= 2 && /\.csv$/i.test(fileName) ? 'generic-csv' : null
}
