/**
 * Bitwarden CSV, as in Bitwarden's "Condition a Bitwarden .csv or .json":
 *   personal:     folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp
 *   organization: collections,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp
 * (older exports lack reprompt). Bitwarden's CSV holds only logins and secure notes.
 *
 * | Bitwarden column | Vault                                                             |
 * | ---------------- | ----------------------------------------------------------------- |
 * | type             | 'login' → login, 'note' → note; any other type is skipped         |
 * | name / notes     | title / notes                                                     |
 * | favorite         | favorite when "1" or "true"                                       |
 * | folder           | one tag ("Work/Email" stays one tag)                              |
 * | collections      | one tag per comma-separated collection                            |
 * | fields           | one custom text field per line "name: value" (split at the first ": "; a line without one is a value with the label "Field") |
 * | login_uri        | URLs: Bitwarden joins several with commas, so commas and line breaks separate them |
 * | login_username / login_password / login_totp | username / password / totp        |
 * | reprompt         | not imported                                                      |
 * | other columns    | custom fields named by their header (csv-extra.ts)|
 */
import { columnReader, readCsv, requireColumns } from './csv.ts'
import { extraColumns } from './csv-extra.ts'
import { type CustomInput, ResultCollector } from './draft.ts'
import type { ImportResult } from './types.ts'

/** A personal vault's header, in the order Bitwarden writes it. */
export const BITWARDEN_CSV_COLUMNS = [
  'folder',
  'favorite',
  'type',
  'name',
  'notes',
  'fields',
  'reprompt',
  'login_uri',
  'login_username',
  'login_password',
  'login_totp',
] as const

/** An organization's export has collections where a personal one has folder and favorite. */
const KNOWN = [...BITWARDEN_CSV_COLUMNS, 'collections'] as const

export function parseBitwardenCsv(file: string, bytes: Uint8Array): ImportResult {
  const table = readCsv(file, bytes)
  requireColumns(table, ['type', 'name', 'login_uri'], 'Bitwarden CSV')
  const read = columnReader(table, KNOWN)
  const extras = extraColumns(table, KNOWN)
  const out = new ResultCollector(file)
  for (const row of table.rows) {
    const value = read(row)
    const type = value('type').trim().toLowerCase()
    if (type !== 'login' && type !== 'note') {
      out.skip(
        { line: row.line },
        'only Bitwarden logins and secure notes can be in a CSV export; this row is neither.',
      )
      continue
    }
    const common = {
      title: value('name'),
      favorite: ['1', 'true'].includes(value('favorite').trim().toLowerCase()),
      notes: value('notes'),
      tags: [value('folder'), ...value('collections').split(',')],
      custom: [...fieldLines(value('fields')), ...extras(row)],
    }
    out.add(type === 'note' ? { ...common, type: 'note' } : { ...common, ...loginParts(value) }, {
      line: row.line,
    })
  }
  return out.result('bitwarden-csv')
}

function loginParts(value: (name: (typeof KNOWN)[number]) => string) {
  return {
    type: 'login' as const,
    urls: value('login_uri').split(/[,\r\n]+/),
    fields: { username: value('login_username'), password: value('login_password'), totp: value('login_totp') },
  }
}

/** Bitwarden writes custom fields as lines of "name: value". */
function fieldLines(text: string): CustomInput[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const split = line.indexOf(': ')
      return split === -1
        ? { label: 'Field', value: line }
        : { label: line.slice(0, split), value: line.slice(split + 2) }
    })
}
