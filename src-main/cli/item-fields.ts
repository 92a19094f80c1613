/**
 * Item types and field names as typed on the command line: matched without
 * regard to case or dashes (`ssh-key`, `securitycode`), and sorted into
 * secrets, which may never be given as arguments, and the rest.
 */
import { ITEM_FIELD_SCHEMAS, ITEM_TYPES, type ItemType, SECRET_FIELDS } from '../../src-shared/domain/item.ts'
import { usageError } from './cli-error.ts'

/** Fields whose values span lines: their prompt reads until Ctrl-D. */
const MULTILINE_FIELDS: ReadonlySet<string> = new Set(['privateKey', 'notes'])

const LABELS: Readonly<Record<string, string>> = {
  totp: 'One-time password (TOTP)',
  urls: 'URLs',
  url: 'URL',
  pin: 'PIN',
  address1: 'Address line 1',
  address2: 'Address line 2',
}

function folded(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '')
}

export function parseItemType(raw: string, command?: string): ItemType {
  const type = ITEM_TYPES.find((candidate) => folded(candidate) === folded(raw))
  if (type === undefined) throw usageError(`Unknown item type "${raw}"; use one of: ${ITEM_TYPES.join(', ')}.`, command)
  return type
}

/** The type's own fields, in the order the model declares them. */
export function typeFieldNames(type: ItemType): string[] {
  return Object.keys(ITEM_FIELD_SCHEMAS[type].shape)
}

export function isSecretField(type: ItemType, name: string): boolean {
  return (SECRET_FIELDS[type] as readonly string[]).includes(name)
}

/** The canonical name of one of the type's fields, or undefined. */
export function canonicalField(type: ItemType, raw: string): string | undefined {
  return typeFieldNames(type).find((name) => folded(name) === folded(raw))
}

export function isMultiline(name: string): boolean {
  return MULTILINE_FIELDS.has(name)
}

/** "securityCode" → "Security code". */
export function fieldLabel(name: string): string {
  const known = LABELS[name]
  if (known !== undefined) return known
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
