/**
 * The forms an item takes on its way out of the main process: a summary for
 * lists (no secrets, no notes), a view for the detail pane (secrets replaced
 * by their names), a search haystack, and one revealed secret at a time.
 */
import {
  CUSTOM_FIELD_PREFIX,
  type ItemContent,
  type ItemSummary,
  type ItemType,
  type ItemView,
  SECRET_FIELDS,
} from '../../src-shared/domain/item.ts'
import { VaultError } from '../../src-shared/errors.ts'

export interface StoredItemFacts {
  readonly id: string
  readonly vaultId: string
  readonly revision: number
}

type FieldMap = Readonly<Record<string, string | readonly string[]>>

function fieldsOf(content: ItemContent): FieldMap {
  return content.fields as FieldMap
}

function isSecretField(type: ItemType, name: string): boolean {
  return (SECRET_FIELDS[type] as readonly string[]).includes(name)
}

function stringField(content: ItemContent, name: string): string {
  const value = fieldsOf(content)[name]
  return typeof value === 'string' ? value : ''
}

/** What tells two items of a type apart in a list, without revealing a secret. */
function subtitleOf(content: ItemContent): string {
  switch (content.type) {
    case 'login':
    case 'apiCredential':
      return stringField(content, 'username')
    case 'card': {
      const digits = stringField(content, 'number').replace(/\D/g, '')
      const brand = stringField(content, 'brand')
      const masked = digits.length >= 8 ? `•••• ${digits.slice(-4)}` : ''
      return [brand, masked].filter(Boolean).join(' ')
    }
    case 'identity':
      return [stringField(content, 'firstName'), stringField(content, 'lastName')].filter(Boolean).join(' ')
    case 'sshKey':
      return stringField(content, 'fingerprint')
    case 'note':
      return ''
  }
}

function urlsOf(content: ItemContent): readonly string[] {
  if (content.type === 'login') return content.fields.urls
  if (content.type === 'apiCredential' && content.fields.url !== '') return [content.fields.url]
  return []
}

export function toSummary(facts: StoredItemFacts, content: ItemContent): ItemSummary {
  return {
    id: facts.id,
    type: content.type,
    title: content.title,
    subtitle: subtitleOf(content),
    urls: urlsOf(content),
    tags: content.tags,
    favorite: content.favorite,
    hasTotp: content.type === 'login' && content.fields.totp !== '',
    updatedAt: content.updatedAt,
    trashedAt: content.trashedAt,
  }
}

export function toView(facts: StoredItemFacts, content: ItemContent): ItemView {
  const fields: Record<string, string | readonly string[]> = {}
  const secretFields: string[] = []
  for (const [name, value] of Object.entries(fieldsOf(content))) {
    if (!isSecretField(content.type, name)) fields[name] = value
    else if (value !== '') secretFields.push(name)
  }
  const customFields = content.customFields.map((field) => {
    if (field.kind !== 'hidden') return field
    if (field.value !== '') secretFields.push(CUSTOM_FIELD_PREFIX + field.id)
    return { ...field, value: '' }
  })
  const { id, vaultId, revision } = facts
  const { type, title, favorite, tags, notes, createdAt, updatedAt, trashedAt } = content
  return {
    id,
    vaultId,
    revision,
    type,
    title,
    favorite,
    tags,
    notes,
    fields,
    secretFields,
    customFields,
    createdAt,
    updatedAt,
    trashedAt,
  }
}

/**
 * Base64 key material is not secret but is noise: a short query would match
 * random letters in it. An SSH key is found by its title, type or comment.
 */
const NOT_SEARCHED: ReadonlySet<string> = new Set(['publicKey', 'fingerprint'])

/** The comment of an OpenSSH public key line ("ssh-ed25519 AAAA… ada@laptop"). */
function sshKeyComment(publicKey: string): string {
  return publicKey.split(/\s+/).slice(2).join(' ')
}

/**
 * Everything searchable, lower-cased once at unlock so each keystroke is a
 * plain substring scan: title, non-secret fields (usernames, URLs, names…),
 * tags, notes, and non-hidden custom fields. Never a secret.
 */
export function haystackOf(content: ItemContent): string {
  const parts: string[] = [content.title, ...content.tags, content.notes]
  if (content.type === 'sshKey') parts.push(sshKeyComment(content.fields.publicKey))
  for (const [name, value] of Object.entries(fieldsOf(content))) {
    if (isSecretField(content.type, name) || NOT_SEARCHED.has(name)) continue
    if (typeof value === 'string') parts.push(value)
    else parts.push(...value)
  }
  for (const field of content.customFields) {
    if (field.kind !== 'hidden') parts.push(field.label, field.value)
  }
  return parts.filter(Boolean).join('\n').toLowerCase()
}

/** A secret field's value, or any custom field's ('custom:<id>'); FIELD_NOT_FOUND otherwise. */
export function fieldValue(content: ItemContent, name: string): string {
  if (name.startsWith(CUSTOM_FIELD_PREFIX)) {
    const id = name.slice(CUSTOM_FIELD_PREFIX.length)
    const field = content.customFields.find((candidate) => candidate.id === id)
    if (field !== undefined) return field.value
  } else {
    const value = fieldsOf(content)[name]
    if (typeof value === 'string') return value
  }
  throw new VaultError('FIELD_NOT_FOUND', `This ${content.type} item has no field '${name}'.`)
}
