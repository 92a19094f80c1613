/**
 * The item model, in three forms (after Bitwarden's Data / Domain / View):
 *
 *   ItemContent   the plaintext that is sealed into an 'item' envelope (main only)
 *   ItemView      what the renderer sees of one item: secrets replaced by their names
 *   ItemSummary   what a list shows: no secret, no notes
 *
 * A secret (a password, a card number, a TOTP seed, a private key, a hidden
 * custom field) leaves the main process only through an explicit reveal of
 * that one field.
 */
import { z } from 'zod'

export const ITEM_TYPES = ['login', 'note', 'card', 'identity', 'sshKey', 'apiCredential'] as const
export type ItemType = (typeof ITEM_TYPES)[number]

const text = z.string().max(10_000)
const longText = z.string().max(1_000_000)

/** Type-specific fields. Every field is a string ('' when unset) except login urls. */
export const ITEM_FIELD_SCHEMAS = {
  login: z.strictObject({
    username: text.default(''),
    password: text.default(''),
    urls: z.array(text).max(100).default([]),
    /** An otpauth:// URI or a bare base32 seed. */
    totp: text.default(''),
  }),
  note: z.strictObject({}),
  card: z.strictObject({
    cardholder: text.default(''),
    brand: text.default(''),
    number: text.default(''),
    /** MM/YYYY */
    expiry: text.default(''),
    securityCode: text.default(''),
    pin: text.default(''),
  }),
  identity: z.strictObject({
    firstName: text.default(''),
    lastName: text.default(''),
    email: text.default(''),
    phone: text.default(''),
    company: text.default(''),
    address1: text.default(''),
    address2: text.default(''),
    city: text.default(''),
    region: text.default(''),
    postalCode: text.default(''),
    country: text.default(''),
    birthDate: text.default(''),
  }),
  sshKey: z.strictObject({
    /** OpenSSH private key text. */
    privateKey: longText.default(''),
    publicKey: text.default(''),
    fingerprint: text.default(''),
    keyType: text.default(''),
    passphrase: text.default(''),
  }),
  apiCredential: z.strictObject({
    username: text.default(''),
    credential: longText.default(''),
    url: text.default(''),
    expiresAt: text.default(''),
  }),
} as const satisfies Record<ItemType, z.ZodType>

export type ItemFields<T extends ItemType = ItemType> = z.output<(typeof ITEM_FIELD_SCHEMAS)[T]>

/** Fields returned only by an explicit reveal, never in a view or a list. */
export const SECRET_FIELDS = {
  login: ['password', 'totp'],
  note: [],
  card: ['number', 'securityCode', 'pin'],
  identity: [],
  sshKey: ['privateKey', 'passphrase'],
  apiCredential: ['credential'],
} as const satisfies { [T in ItemType]: readonly (keyof ItemFields<T>)[] }

export const CUSTOM_FIELD_KINDS = ['text', 'hidden', 'url'] as const
export type CustomFieldKind = (typeof CUSTOM_FIELD_KINDS)[number]

export const customFieldSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]{1,32}$/),
  label: z.string().min(1).max(200),
  kind: z.enum(CUSTOM_FIELD_KINDS),
  value: text,
})
export type CustomField = z.output<typeof customFieldSchema>

const tag = z.string().trim().min(1).max(100)

const commonDraft = {
  title: z.string().trim().min(1).max(500),
  favorite: z.boolean().default(false),
  tags: z.array(tag).max(100).default([]),
  notes: longText.default(''),
  customFields: z.array(customFieldSchema).max(200).default([]),
}

/** What a user submits to create or replace an item. */
export const itemDraftSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('login'), ...commonDraft, fields: ITEM_FIELD_SCHEMAS.login.prefault({}) }),
  z.strictObject({ type: z.literal('note'), ...commonDraft, fields: ITEM_FIELD_SCHEMAS.note.prefault({}) }),
  z.strictObject({ type: z.literal('card'), ...commonDraft, fields: ITEM_FIELD_SCHEMAS.card.prefault({}) }),
  z.strictObject({ type: z.literal('identity'), ...commonDraft, fields: ITEM_FIELD_SCHEMAS.identity.prefault({}) }),
  z.strictObject({ type: z.literal('sshKey'), ...commonDraft, fields: ITEM_FIELD_SCHEMAS.sshKey.prefault({}) }),
  z.strictObject({
    type: z.literal('apiCredential'),
    ...commonDraft,
    fields: ITEM_FIELD_SCHEMAS.apiCredential.prefault({}),
  }),
])
export type ItemDraftInput = z.input<typeof itemDraftSchema>
export type ItemDraft = z.output<typeof itemDraftSchema>

/** The sealed plaintext: the draft plus lifecycle facts, versioned. */
export type ItemContent = ItemDraft & {
  readonly v: 1
  readonly createdAt: number
  readonly updatedAt: number
  /** Set while the item is in the trash. */
  readonly trashedAt: number | null
}

/** One item as the renderer sees it: secret values replaced by the list of their names. */
export interface ItemView {
  readonly id: string
  readonly vaultId: string
  readonly revision: number
  readonly type: ItemType
  readonly title: string
  readonly favorite: boolean
  readonly tags: readonly string[]
  readonly notes: string
  /** Non-secret type-specific fields only. */
  readonly fields: Readonly<Record<string, string | readonly string[]>>
  /** Names of secret fields that hold a value: 'password', 'totp', 'custom:<id>', … */
  readonly secretFields: readonly string[]
  /** Hidden custom fields appear with value ''. */
  readonly customFields: readonly CustomField[]
  readonly createdAt: number
  readonly updatedAt: number
  readonly trashedAt: number | null
  /** Set when two devices changed the same field at once: the other value is in the item's history. */
  readonly syncConflict?: boolean | undefined
}

/** One row of a list: no secret, no notes. */
export interface ItemSummary {
  readonly id: string
  readonly type: ItemType
  readonly title: string
  /** A username, a masked card number ("•••• 4242"), an email…: what helps tell items apart. */
  readonly subtitle: string
  readonly urls: readonly string[]
  readonly tags: readonly string[]
  readonly favorite: boolean
  readonly hasTotp: boolean
  readonly updatedAt: number
  readonly trashedAt: number | null
  /** Set when the sealed record failed to open (tampered or corrupt); the rest is empty. */
  readonly damaged?: { readonly code: string; readonly message: string }
  /** Set when two devices changed the same field at once: the other value is in the item's history. */
  readonly syncConflict?: boolean | undefined
}

export interface ItemRevisionInfo {
  readonly revision: number
  readonly savedAt: number
  readonly title: string
  readonly trashed: boolean
  /** Set when this revision's sealed record failed to open; the others are still listed. */
  readonly damaged?: { readonly code: string; readonly message: string }
}

/** A filter for lists and searches; all parts are ANDed. */
export interface ItemFilter {
  readonly query?: string | undefined
  readonly type?: ItemType | undefined
  readonly tag?: string | undefined
  readonly favorite?: boolean | undefined
  /** false (default): items not in the trash; true: only the trash. */
  readonly trash?: boolean | undefined
}

export const CUSTOM_FIELD_PREFIX = 'custom:'

export function secretFieldNames(type: ItemType): readonly string[] {
  return SECRET_FIELDS[type]
}

/**
 * An edit. Absent parts stay as they are, so a client that was never given a
 * secret (the renderer) can edit an item without erasing its secrets: a
 * type-specific field that is absent keeps its value, and a custom field
 * listed without a value keeps the value of the field with the same id.
 */
export const itemPatchSchema = z.strictObject({
  title: commonDraft.title.optional(),
  favorite: z.boolean().optional(),
  tags: z.array(tag).max(100).optional(),
  notes: longText.optional(),
  fields: z.record(z.string().max(100), z.union([text, z.array(text).max(100)])).optional(),
  customFields: z
    .array(customFieldSchema.extend({ value: text.optional() }))
    .max(200)
    .optional(),
})
export type ItemPatch = z.input<typeof itemPatchSchema>
