/**
 * 1PUX section fields: each is { id, title, value: { <kind>: … } }, where the
 * kind says how to read it. This module turns them into text, and says which
 * of our fields a category's well-known field ids fill (the ids are 1Password's
 * built-in templates: cardholder, ccnum, cvv, expiry, firstname, address, …).
 * Anything not claimed becomes a custom field (onepassword-1pux.ts).
 */
import type { CustomFieldKind } from '../../src-shared/domain/item.ts'
import type { JsonObject, JsonReader } from './json.ts'

export interface OnePuxField {
  readonly id: string
  readonly label: string
  /** The value kind: concealed, string, totp, monthYear, address, sshKey, … */
  readonly kind: string
  readonly text: string
  readonly customKind: CustomFieldKind
  /** The parts of an address value, for identities. */
  readonly address?: Readonly<Record<string, string>>
  /** The parts of an SSH key value. */
  readonly sshKey?: Readonly<Record<string, string>>
}

const HIDDEN_KINDS = new Set(['concealed', 'totp', 'creditCardNumber', 'sshKey'])

/** Every field of every section, in order; fields whose value cannot be read as text are left out. */
export function sectionFields(reader: JsonReader, sections: unknown, path: string): OnePuxField[] {
  return reader.array(sections, path).flatMap((entry, s) => {
    const section = reader.object(entry, `${path}[${s}]`)
    return reader.array(section.fields, `${path}[${s}].fields`).flatMap((fieldEntry, f) => {
      const where = `${path}[${s}].fields[${f}]`
      const field = reader.object(fieldEntry, where)
      const value = reader.optionalObject(field.value, `${where}.value`)
      const read = value === undefined ? null : readValue(reader, value, `${where}.value`)
      if (read === null) return []
      const id = reader.text(field.id, `${where}.id`)
      const label = reader.text(field.title, `${where}.title`).trim() || id
      return [
        {
          id,
          label,
          ...read,
          customKind: HIDDEN_KINDS.has(read.kind) ? 'hidden' : read.kind === 'url' ? 'url' : 'text',
        },
      ]
    })
  })
}

type ReadValue = Pick<OnePuxField, 'kind' | 'text' | 'address' | 'sshKey'>

function readValue(reader: JsonReader, value: JsonObject, path: string): ReadValue | null {
  const [kind, raw] = Object.entries(value)[0] ?? []
  if (kind === undefined) return null
  const where = `${path}.${kind}`
  if (kind === 'date' && typeof raw === 'number') return { kind, text: isoDate(raw) }
  if (kind === 'monthYear' && typeof raw === 'number') return { kind, text: monthYear(raw) }
  if (typeof raw !== 'object' || raw === null) return { kind, text: reader.text(raw, where) }
  const parts = reader.object(raw, where)
  const text = (key: string) => reader.text(parts[key], `${where}.${key}`)
  if (kind === 'email') return { kind, text: text('email_address') }
  if (kind === 'address') return addressValue(text)
  if (kind === 'sshKey') return sshKeyValue(reader, parts, where)
  const strings = Object.values(parts).filter((part): part is string => typeof part === 'string' && part !== '')
  return strings.length === 0 ? null : { kind, text: strings.join(', ') }
}

function addressValue(text: (key: string) => string): ReadValue {
  const address = {
    street: text('street'),
    city: text('city'),
    state: text('state'),
    zip: text('zip'),
    country: text('country'),
  }
  const joined = Object.values(address).filter((part) => part !== '')
  return { kind: 'address', text: joined.join(', '), address }
}

function sshKeyValue(reader: JsonReader, parts: JsonObject, where: string): ReadValue {
  const meta = reader.optionalObject(parts.metadata, `${where}.metadata`)
  const metaText = (key: string) => (meta === undefined ? '' : reader.text(meta[key], `${where}.metadata.${key}`))
  const sshKey = {
    privateKey: reader.text(parts.privateKey, `${where}.privateKey`),
    publicKey: metaText('publicKey'),
    fingerprint: metaText('fingerprint'),
    keyType: metaText('keyType'),
  }
  return { kind: 'sshKey', text: sshKey.privateKey, sshKey }
}

/** A Unix time in seconds as YYYY-MM-DD (UTC); '' when out of range. */
function isoDate(seconds: number): string {
  const date = new Date(seconds * 1000)
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10)
}

/** 209912 → "12/2099". */
function monthYear(value: number): string {
  if (!Number.isInteger(value) || value < 0) return ''
  const year = Math.floor(value / 100)
  const month = value % 100
  return month >= 1 && month <= 12 ? `${String(month).padStart(2, '0')}/${year}` : String(value)
}

/** For each category, which field ids fill which of our fields. */
export const CLAIMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  card: { cardholder: 'cardholder', type: 'brand', ccnum: 'number', cvv: 'securityCode', expiry: 'expiry', pin: 'pin' },
  identity: {
    firstname: 'firstName',
    lastname: 'lastName',
    email: 'email',
    defphone: 'phone',
    company: 'company',
    birthdate: 'birthDate',
  },
  apiCredential: { username: 'username', credential: 'credential', hostname: 'url', expires: 'expiresAt' },
}

/** The identity fields an address value fills. */
export function addressFields(address: Readonly<Record<string, string>>): Record<string, string> {
  return {
    address1: address.street ?? '',
    city: address.city ?? '',
    region: address.state ?? '',
    postalCode: address.zip ?? '',
    country: address.country ?? '',
  }
}
