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
import { type ItemContent, itemDraftSchema } from '../../src-shared/domain/item.ts'
import { assertItemCount, fileInvalid, importInvalid } from './failure.ts'
import { decodeUtf8 } from './text.ts'
import { type ImportedItem, type ImportResult, MAX_IMPORT_ITEMS, type SkippedEntry } from './types.ts'

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
  if (!isRecord(document) || document.format !== VAULT_EXPORT_FORMAT || !Array.isArray(document.items)) {
    throw fileInvalid(file, 'it is not an export of this app (no "format": "vault-export" with "items").')
  }
  if (document.version !== VERSION)
    throw fileInvalid(file, `export version ${String(document.version)} is not one this app reads.`)
  assertItemCount(file, document.items.length, MAX_IMPORT_ITEMS)
  const items: ImportedItem[] = []
  const skipped: SkippedEntry[] = []
  document.items.forEach((entry, index) => {
    const source = { entry: `items[${index}]` }
    if (!isRecord(entry)) throw importInvalid(file, source, 'it is not an item.')
    const { type, title, favorite, tags, notes, fields, customFields } = entry
    // As every parser here: a draft the vault would refuse is skipped, named by its path, never its value.
    const checked = itemDraftSchema.safeParse({ type, title, favorite, tags, notes, fields, customFields })
    if (!checked.success) {
      const issue = checked.error.issues[0]
      skipped.push({ source, reason: `${issue?.path.join('.') || 'the entry'}: ${issue?.message ?? 'invalid'}` })
      return
    }
    items.push({ draft: checked.data, source, ...(typeof entry.id === 'string' ? { sourceId: entry.id } : {}) })
  })
  return { format: 'vault-json', items, skipped }
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    // JSON.parse's message quotes the text around the error.
    throw fileInvalid(file, 'it is not valid JSON (damaged or cut short).')
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
