/**
 * This app's own plain exports (issue 8), written by `vault export` and read
 * back by the 'vault-json' import:
 *
 *   JSON  {"format":"vault-export","version":1,"exportedAt":<ms>,"items":[{"id",…ItemContent}]}
 *         every field of every item, so export then import loses nothing;
 *   CSV   one row per item, for spreadsheets and other managers: type, title,
 *         username, password, urls (one per line), totp, notes, tags (comma
 *         separated), favorite, and the remaining fields and custom fields as
 *         JSON. csv-stringify writes it (RFC 4180 quoting of commas, quotes and
 *         line breaks), as csv-parse reads the imports.
 */
import { stringify } from 'csv-stringify/sync'
import type { ItemContent } from '../../src-shared/domain/item.ts'
import { ResultCollector } from './draft.ts'
import { assertItemCount, fileInvalid } from './failure.ts'
import { type JsonObject, JsonReader, parseJson } from './json.ts'
import { decodeUtf8 } from './text.ts'
import { type ImportResult, MAX_IMPORT_ITEMS } from './types.ts'

export const VAULT_EXPORT_FORMAT = 'vault-export'
const VERSION = 1

/** What the vault hands out for an export: its id and its plaintext content. */
export interface ItemToExport {
  readonly id: string
  readonly content: ItemContent
}

export function exportJson(items: readonly ItemToExport[], exportedAt: number): string {
  const body = items.map(({ id, content }) => ({ id, ...content }))
  return `${JSON.stringify({ format: VAULT_EXPORT_FORMAT, version: VERSION, exportedAt, items: body }, null, 2)}\n`
}

const CSV_COLUMNS = [
  'type',
  'title',
  'username',
  'password',
  'urls',
  'totp',
  'notes',
  'tags',
  'favorite',
  'fields',
  'custom_fields',
]

export function exportCsv(items: readonly ItemToExport[]): string {
  const rows = items.map(({ content }) => {
    const { username = '', password = '', urls = [], totp = '', ...other } = content.fields as Record<string, unknown>
    return [
      content.type,
      content.title,
      String(username),
      String(password),
      (urls as string[]).join('\n'),
      String(totp),
      content.notes,
      content.tags.join(', '),
      content.favorite ? '1' : '0',
      Object.keys(other).length > 0 ? JSON.stringify(other) : '',
      content.customFields.length > 0 ? JSON.stringify(content.customFields) : '',
    ]
  })
  return stringify([CSV_COLUMNS, ...rows], { record_delimiter: 'unix' })
}

/** Reads a JSON export of this app back into drafts; an entry that is not an item is named by its index. */
export function parseVaultJson(file: string, bytes: Uint8Array): ImportResult {
  const document = parseJson(file, decodeUtf8(file, bytes))
  const json = new JsonReader(file)
  const isExport = (value: unknown): value is JsonObject =>
    typeof value === 'object' && value !== null && (value as JsonObject).format === VAULT_EXPORT_FORMAT
  if (!isExport(document) || !Array.isArray(document.items)) {
    throw fileInvalid(file, 'it is not an export of this app (no "format": "vault-export" with "items").')
  }
  // Never the version itself: an error message holds nothing from the file (failure.ts).
  if (document.version !== VERSION) throw fileInvalid(file, 'it is an unknown version of the export format.')
  assertItemCount(file, document.items.length, MAX_IMPORT_ITEMS)
  const out = new ResultCollector(file)
  document.items.forEach((value, index) => {
    const path = `items[${index}]`
    const { id, type, title, favorite, tags, notes, fields, customFields } = json.object(value, path)
    // Only the draft's keys: the lifecycle facts (createdAt, …) are the vault's to set.
    const draft = { type, title, favorite, tags, notes, fields, customFields }
    out.addDraft(draft, { entry: path }, typeof id === 'string' ? id : undefined)
  })
  return out.result('vault-json')
}
