/**
 * From the pieces a parser read to a draft the vault accepts. Every format
 * goes through here, so these rules hold for all of them:
 *
 * - Title: trimmed; when empty, the host of the first URL, else "Untitled";
 *   cut to the schema's 500 characters.
 * - URLs (logins): trimmed, empty ones dropped, exact repeats dropped, order kept.
 *   For other types the parser passes them as custom 'url' fields.
 * - Tags: trimmed, empty ones dropped, repeats dropped, cut to 100 characters.
 * - Notes and custom field values: line ends made '\n'.
 * - Custom fields: ids f1, f2, … in order; empty values dropped; an empty label
 *   becomes "Field"; a value longer than a field may hold (10,000 characters)
 *   moves to the end of the notes under its label instead of being lost.
 * - TOTP: kept as written (the vault canonicalises it) when it is an otpauth URI
 *   or a base32 seed the vault can use; otherwise it becomes a hidden custom
 *   field "TOTP", so the item still imports and nothing is lost.
 * - SSH keys the vault cannot read become secure notes with the key in hidden
 *   custom fields, for the same reason.
 * - Finally the draft is checked with itemDraftSchema; an entry that still does
 *   not fit (a 20,000-character password) is skipped with the schema's reason,
 *   which names the field, never its value.
 */
import { domainToUnicode } from 'node:url'
import { type CustomField, type CustomFieldKind, type ItemType, itemDraftSchema } from '../../src-shared/domain/item.ts'
import { importSshKey, normalizeTotp } from '../items/index.ts'
import { assertItemCount } from './failure.ts'
import { normalizeNewlines } from './text.ts'
import {
  type ImportedItem,
  type ImportFormat,
  type ImportResult,
  type ImportSource,
  MAX_IMPORT_ITEMS,
  type SkippedEntry,
} from './types.ts'

export interface CustomInput {
  readonly label: string
  readonly value: string
  readonly kind?: CustomFieldKind
}

export interface ItemParts {
  readonly type: ItemType
  readonly title?: string
  readonly favorite?: boolean
  readonly tags?: readonly string[]
  readonly notes?: string
  /** Login URLs; the first also gives a missing title. */
  readonly urls?: readonly string[]
  /** Type-specific string fields (see ITEM_FIELD_SCHEMAS), '' when unset. */
  readonly fields?: Readonly<Record<string, string>>
  readonly custom?: readonly CustomInput[]
}

const TITLE_MAX = 500
const TAG_MAX = 100
const LABEL_MAX = 200
const VALUE_MAX = 10_000

/** Collects the items and skipped entries of one file. */
export class ResultCollector {
  private readonly items: ImportedItem[] = []
  private readonly skipped: SkippedEntry[] = []

  private readonly file: string

  constructor(file: string) {
    this.file = file
  }

  add(parts: ItemParts, source: ImportSource, sourceId?: string): void {
    this.addDraft(toDraft(parts), source, sourceId)
  }

  /** A draft already in the vault's shape (this app's own export), checked as every other one is. */
  addDraft(draft: unknown, source: ImportSource, sourceId?: string): void {
    assertItemCount(this.file, this.items.length + this.skipped.length + 1, MAX_IMPORT_ITEMS)
    const checked = itemDraftSchema.safeParse(draft)
    if (!checked.success) {
      const issue = checked.error.issues[0]
      const path = issue === undefined ? '' : issue.path.join('.')
      this.skipped.push({ source, reason: `${path === '' ? 'the entry' : path}: ${issue?.message ?? 'invalid'}` })
      return
    }
    const id = sourceId?.trim() ?? ''
    this.items.push({ draft: checked.data, source, ...(id === '' ? {} : { sourceId: id }) })
  }

  skip(source: ImportSource, reason: string): void {
    assertItemCount(this.file, this.items.length + this.skipped.length + 1, MAX_IMPORT_ITEMS)
    this.skipped.push({ source, reason })
  }

  result(format: ImportFormat): ImportResult {
    return { format, items: this.items, skipped: this.skipped }
  }
}

function toDraft(parts: ItemParts): unknown {
  const urls = unique((parts.urls ?? []).map((url) => url.trim()))
  const extra: CustomInput[] = []
  let type = parts.type
  let fields: Record<string, string | string[]> = { ...parts.fields }
  if (type === 'login') {
    fields = { ...fields, urls }
    const totp = (fields.totp as string | undefined)?.trim() ?? ''
    const usable = usableTotp(totp)
    fields.totp = usable ? totp : ''
    if (!usable && totp !== '') extra.push({ label: 'TOTP', value: totp, kind: 'hidden' })
  }
  if (type === 'sshKey' && !usableSshKey(fields)) {
    extra.push(...sshKeyAsCustom(fields))
    type = 'note'
    fields = {}
  }
  const { custom, overflow } = customFields([...(parts.custom ?? []), ...extra])
  return {
    type,
    title: titleOf(parts.title ?? '', urls),
    favorite: parts.favorite ?? false,
    tags: unique((parts.tags ?? []).map((tag) => cut(tag.trim(), TAG_MAX))),
    notes: [normalizeNewlines(parts.notes ?? ''), ...overflow].filter((text) => text !== '').join('\n\n'),
    fields,
    customFields: custom,
  }
}

function customFields(inputs: readonly CustomInput[]): { custom: CustomField[]; overflow: string[] } {
  const custom: CustomField[] = []
  const overflow: string[] = []
  for (const input of inputs) {
    const value = normalizeNewlines(input.value)
    if (value.trim() === '') continue
    const label = cut(input.label.trim(), LABEL_MAX) || 'Field'
    if (value.length > VALUE_MAX) overflow.push(`${label}:\n${value}`)
    else custom.push({ id: `f${custom.length + 1}`, label, kind: input.kind ?? 'text', value })
  }
  return { custom, overflow }
}

function usableTotp(totp: string): boolean {
  if (totp === '') return false
  try {
    normalizeTotp(totp)
    return true
  } catch {
    return false
  }
}

function usableSshKey(fields: Readonly<Record<string, string | string[]>>): boolean {
  const privateKey = typeof fields.privateKey === 'string' ? fields.privateKey : ''
  const passphrase = typeof fields.passphrase === 'string' ? fields.passphrase : ''
  if (privateKey === '') return true
  try {
    importSshKey(privateKey, passphrase === '' ? undefined : passphrase)
    return true
  } catch {
    return false
  }
}

function sshKeyAsCustom(fields: Readonly<Record<string, string | string[]>>): CustomInput[] {
  const text = (name: string) => (typeof fields[name] === 'string' ? fields[name] : '')
  return [
    { label: 'Private key', value: text('privateKey'), kind: 'hidden' },
    { label: 'Passphrase', value: text('passphrase'), kind: 'hidden' },
    { label: 'Public key', value: text('publicKey') },
    { label: 'Fingerprint', value: text('fingerprint') },
  ]
}

function titleOf(raw: string, urls: readonly string[]): string {
  const title = raw.trim()
  if (title !== '') return cut(title, TITLE_MAX)
  const host = urls.map(hostOf).find((candidate) => candidate !== '')
  return host === undefined ? 'Untitled' : cut(host, TITLE_MAX)
}

/** The host of a URL, also of a bare "example.com"; '' when there is none. */
export function hostOf(url: string): string {
  for (const candidate of [url, `https://${url}`]) {
    try {
      const host = new URL(candidate).hostname
      if (host !== '') return domainToUnicode(host) || host
    } catch {
      // try the next form
    }
  }
  return ''
}

/** Non-empty values, first occurrence kept. */
export function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))]
}

/** At most `max` characters, never splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text
  let out = ''
  for (const char of text) {
    if (out.length + char.length > max) break
    out += char
  }
  return out.trimEnd()
}
