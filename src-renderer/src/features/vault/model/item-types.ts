/**
 * What the vault UI knows about each item type: its names and the fields it
 * shows and edits, in display order. Mirrors src-shared/domain/item.ts, which
 * the renderer imports as types only (it pulls in zod); the vault tests keep
 * the two in step.
 */
import type { ItemType } from '@shared/domain/item.ts'

export const ITEM_TYPES: readonly ItemType[] = ['login', 'note', 'card', 'identity', 'sshKey', 'apiCredential']

interface TypeNames {
  readonly one: string
  readonly many: string
}

export const TYPE_NAMES: Readonly<Record<ItemType, TypeNames>> = {
  login: { one: 'Login', many: 'Logins' },
  note: { one: 'Secure note', many: 'Secure notes' },
  card: { one: 'Credit card', many: 'Credit cards' },
  identity: { one: 'Identity', many: 'Identities' },
  sshKey: { one: 'SSH key', many: 'SSH keys' },
  apiCredential: { one: 'API credential', many: 'API credentials' },
}

/** How a field is edited and shown. */
export type FieldInput = 'text' | 'email' | 'tel' | 'url' | 'multiline'

export interface FieldSpec {
  readonly name: string
  readonly label: string
  readonly input: FieldInput
  /** Only ever shown after an explicit reveal; never in a view. */
  readonly secret?: boolean
  /** Computed by main from another field (an SSH key's public half): shown, never edited or sent. */
  readonly derived?: boolean
  readonly mono?: boolean
  readonly placeholder?: string
  readonly hint?: string
}

const text = (name: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  name,
  label,
  input: 'text',
  ...extra,
})
const secret = (name: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec =>
  text(name, label, { secret: true, mono: true, ...extra })

/** Login URLs are a list and have their own editor and rows, so they are not in this table. */
export const FIELD_SPECS: Readonly<Record<ItemType, readonly FieldSpec[]>> = {
  login: [
    text('username', 'Username'),
    secret('password', 'Password'),
    secret('totp', 'One-time password', {
      placeholder: 'otpauth://totp/… or the base32 setup key',
      hint: 'The setup key or otpauth:// link the website shows when you turn on two-step login.',
    }),
  ],
  note: [],
  card: [
    text('cardholder', 'Cardholder name'),
    text('brand', 'Brand', { placeholder: 'Visa, Mastercard…' }),
    secret('number', 'Card number', { placeholder: '1234 5678 9012 3456' }),
    text('expiry', 'Expiry date', { placeholder: 'MM/YYYY', mono: true }),
    secret('securityCode', 'Security code', { placeholder: 'CVC' }),
    secret('pin', 'PIN'),
  ],
  identity: [
    text('firstName', 'First name'),
    text('lastName', 'Last name'),
    text('email', 'Email', { input: 'email' }),
    text('phone', 'Phone', { input: 'tel' }),
    text('company', 'Company'),
    text('address1', 'Address'),
    text('address2', 'Address line 2'),
    text('city', 'City'),
    text('region', 'State or region'),
    text('postalCode', 'Postal code'),
    text('country', 'Country'),
    text('birthDate', 'Date of birth', { placeholder: 'YYYY-MM-DD' }),
  ],
  sshKey: [
    text('keyType', 'Key type', { derived: true }),
    text('fingerprint', 'Fingerprint', { derived: true, mono: true }),
    text('publicKey', 'Public key', { derived: true, mono: true, input: 'multiline' }),
    secret('privateKey', 'Private key', {
      input: 'multiline',
      placeholder: '-----BEGIN OPENSSH PRIVATE KEY-----',
    }),
    secret('passphrase', 'Key passphrase', { hint: 'Only if the private key is encrypted.' }),
  ],
  apiCredential: [
    text('username', 'Username'),
    secret('credential', 'Credential', { placeholder: 'API key or token' }),
    text('url', 'Endpoint', { input: 'url', placeholder: 'https://api.example.com' }),
    text('expiresAt', 'Expires', { placeholder: 'YYYY-MM-DD' }),
  ],
}

export function fieldSpec(type: ItemType, name: string): FieldSpec | undefined {
  return FIELD_SPECS[type].find((spec) => spec.name === name)
}

/** What the "copy password" shortcut copies for each type, if anything. */
export const PRIMARY_SECRET: Readonly<Partial<Record<ItemType, string>>> = {
  login: 'password',
  card: 'number',
  apiCredential: 'credential',
}

/** What the "copy username" shortcut copies for each type, if anything. */
export const PRIMARY_USERNAME: Readonly<Partial<Record<ItemType, string>>> = {
  login: 'username',
  apiCredential: 'username',
  identity: 'email',
}

/** The example the empty state and the new-item menu use for each type. */
export const TYPE_BLURBS: Readonly<Record<ItemType, string>> = {
  login: 'A website or app sign-in',
  note: 'Text only you can read',
  card: 'A credit or debit card',
  identity: 'Name, address, contact details',
  sshKey: 'Generate or store an SSH key',
  apiCredential: 'A token, key or secret for an API',
}
