/**
 * Response schemas for what the vault hands the renderer: item summaries,
 * views, history, facets. Strict objects, so a field that should never cross
 * (a secret value, a key) fails the call instead of leaking.
 */
import { z } from 'zod'
import { CUSTOM_FIELD_KINDS, ITEM_TYPES } from '../domain/item.ts'
import { CSV_COLUMN_NAME_MAX_LENGTH, CSV_COLUMNS_MAX, GENERIC_CSV_FIELDS, IMPORT_FORMAT_NAMES } from './transfer.ts'

export const itemId = z.uuid()
/**
 * Names something main keeps for the window between calls (a parsed import, a backup file and then its
 * decrypted items), until it is used, replaced, dropped or the vault locks.
 */
export const tokenSchema = z.string().regex(/^[0-9a-f]{32}$/)
export const itemType = z.enum(ITEM_TYPES)
const timestamp = z.number().int().nonnegative()
const revision = z.number().int().positive()

const damaged = z.strictObject({ code: z.string(), message: z.string() })

export const itemSummarySchema = z.strictObject({
  id: itemId,
  type: itemType,
  title: z.string(),
  subtitle: z.string(),
  urls: z.array(z.string()),
  tags: z.array(z.string()),
  favorite: z.boolean(),
  hasTotp: z.boolean(),
  updatedAt: timestamp,
  trashedAt: timestamp.nullable(),
  damaged: damaged.optional(),
  syncConflict: z.boolean().optional(),
})

export const itemViewSchema = z.strictObject({
  id: itemId,
  vaultId: z.string(),
  revision,
  type: itemType,
  title: z.string(),
  favorite: z.boolean(),
  tags: z.array(z.string()),
  notes: z.string(),
  fields: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  secretFields: z.array(z.string()),
  customFields: z.array(
    z.strictObject({ id: z.string(), label: z.string(), kind: z.enum(CUSTOM_FIELD_KINDS), value: z.string() }),
  ),
  createdAt: timestamp,
  updatedAt: timestamp,
  trashedAt: timestamp.nullable(),
  syncConflict: z.boolean().optional(),
})

export const itemRevisionInfoSchema = z.strictObject({
  revision,
  savedAt: timestamp,
  title: z.string(),
  trashed: z.boolean(),
  damaged: damaged.optional(),
})

export const itemFacetsSchema = z.strictObject({
  all: z.number().int().nonnegative(),
  favorites: z.number().int().nonnegative(),
  trash: z.number().int().nonnegative(),
  types: z.record(itemType, z.number().int().nonnegative()),
  tags: z.array(z.strictObject({ name: z.string(), count: z.number().int().positive() })),
})

export const vaultStatusSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('no-account') }),
  z.strictObject({
    state: z.literal('locked'),
    accountId: z.string(),
    /** The keychain has no Secret Key for this account (or there is no keychain): the lock screen asks for it. */
    secretKeyNeeded: z.boolean(),
    /** Why, in words, when secretKeyNeeded. */
    secretKeyReason: z.string().optional(),
  }),
  z.strictObject({
    state: z.literal('unlocked'),
    accountId: z.string(),
    email: z.string(),
    itemCount: z.number().int().nonnegative(),
  }),
])

export const strengthSchema = z.strictObject({
  score: z.number().int().min(0).max(4),
  crackTime: z.string(),
  warning: z.string(),
  suggestions: z.array(z.string()),
  /** Whether createAccount would accept it as a master password. */
  acceptable: z.boolean(),
})

export const settingsSchema = z.strictObject({
  /** 0 = never lock on idle. */
  autoLockMs: z.number().int().nonnegative(),
  /** 0 = never clear. */
  clipboardClearMs: z.number().int().nonnegative(),
})

export const copyResultSchema = z.strictObject({
  /** When main will clear the clipboard (epoch ms), or null when clearing is off. */
  clearsAt: timestamp.nullable(),
})

export const totpSchema = z.strictObject({
  code: z.string().regex(/^[0-9]{6,8}$/),
  secondsLeft: z.number().int().nonnegative(),
  period: z.number().int().positive(),
  digits: z.number().int().min(6).max(8),
})

export const generatedSchema = z.strictObject({
  value: z.string(),
  entropyBits: z.number().nonnegative(),
})

export type ItemFacets = z.output<typeof itemFacetsSchema>
export type VaultStatusView = z.output<typeof vaultStatusSchema>
export type StrengthView = z.output<typeof strengthSchema>
export type SettingsView = z.output<typeof settingsSchema>
export type TotpView = z.output<typeof totpSchema>

/**
 * What a device saw when it stopped syncing a vault (docs/security-design.md §2.2):
 * rollback: an older copy than it had verified; fork: a history different from the one it
 * verified or its other devices wrote; withheld: items the signed history lists were held back;
 * forged: records none of the user's devices wrote.
 */
export const syncHaltSchema = z.strictObject({
  kind: z.enum(['rollback', 'fork', 'withheld', 'forged']),
  message: z.string(),
  itemIds: z.array(itemId),
  /** Item id → title, for each id above: '' for an item this device does not have, or while the vault is locked. */
  titles: z.record(itemId, z.string()),
  detectedAt: z.number().int().nonnegative(),
})

export const syncStatusSchema = z.strictObject({
  /** off: not configured; signed-out: the session ended and the master password is needed to sign in again. */
  /** halted: the server was caught lying about the vault's history, and syncing stopped (see `halted`). */
  state: z.enum(['off', 'idle', 'syncing', 'signed-out', 'error', 'halted']),
  url: z.string().nullable(),
  lastSyncAt: z.number().int().nonnegative().nullable(),
  error: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
  /** Why syncing stopped, in plain words, and the items concerned with their titles. */
  halted: syncHaltSchema.nullable(),
  /** The newest vault history this device verified: on two machines, the same number must show the same code. */
  history: z.strictObject({ counter: z.number().int().nonnegative(), code: z.string() }).nullable(),
})

export const syncReportSchema = z.strictObject({
  pulled: z.number().int().nonnegative(),
  pushed: z.number().int().nonnegative(),
  /** Items where both devices changed the same field: the newer value won, the other is in the item's history. */
  conflicts: z.array(z.string()),
  /** Server records that failed to open and were refused; the local items were kept. */
  rejected: z.array(z.string()),
  finishedAt: z.number().int().nonnegative(),
})

export const deviceSchema = z.strictObject({
  deviceId: z.string(),
  label: z.string(),
  createdAt: z.number(),
  lastSeenAt: z.number(),
  revoked: z.boolean(),
  thisDevice: z.boolean(),
})

export type SyncStatusView = z.output<typeof syncStatusSchema>
export type SyncHaltView = z.output<typeof syncHaltSchema>
export type SyncReportView = z.output<typeof syncReportSchema>
export type DeviceView = z.output<typeof deviceSchema>

export const credentialChangeKind = z.enum(['password', 'secret-key', 'kdf'])

/** How a password or Secret Key change left an earlier unlock: finished now, or undone (the server never took it). */
export const unlockResultSchema = z.strictObject({
  itemCount: z.number().int().nonnegative(),
  damagedCount: z.number().int().nonnegative(),
  credentialNotice: z
    .strictObject({ outcome: z.enum(['finished', 'undone']), changed: credentialChangeKind })
    .optional(),
})

const kdfCostView = z.strictObject({
  memlimitBytes: z.number().int().positive(),
  opslimit: z.number().int().positive(),
})

export const securityStatusSchema = z.strictObject({
  /** The Argon2id cost every device of this account pays at unlock. */
  kdf: kdfCostView,
  /** How long the last unlock's key derivation took on this device, when known. */
  lastDeriveMs: z.number().nonnegative().nullable(),
  /** Offered when this device is clearly faster than the one that chose the cost; never lower. */
  kdfUpgrade: kdfCostView.extend({ estimatedMs: z.number().nonnegative() }).nullable(),
  /** The Secret Key changed since this device last saved an Emergency Kit: the old kit no longer works. */
  kitOutdated: z.boolean(),
  /** A password or Secret Key change is waiting for the sync server to confirm it. */
  changePending: z.boolean(),
  /** The sign-in address the kit will show, or null for a local-only vault. */
  signInAddress: z.string().nullable(),
  /** A digest of the account's public identity: every machine of the account shows the same one. */
  fingerprint: z.string(),
})

export const credentialChangeSchema = z.strictObject({
  changed: credentialChangeKind,
  keysetRevision: z.number().int().positive(),
  /** Only after a Secret Key change: the new key, shown once (and on the new Emergency Kit). */
  secretKey: z.string().optional(),
  secretKeyInKeychain: z.boolean().optional(),
  keychainProblem: z.string().optional(),
  kdf: kdfCostView,
})

export const setupCodeSchema = z.strictObject({
  server: z.strictObject({ url: z.string(), anonKey: z.string() }).nullable(),
  email: z.string(),
  secretKey: z.string(),
})

export const kitVerificationSchema = z.strictObject({
  /** The key typed or scanned from the paper kit is this account's current Secret Key. */
  secretKeyMatches: z.boolean(),
  /** For a setup code: whether its email and sign-in address match too (null when only a key was given). */
  emailMatches: z.boolean().nullable(),
  serverMatches: z.boolean().nullable(),
})

export const count = z.number().int().nonnegative()

/** Password health: item ids with scores, times and counts, and the titles of the items it names; no secret. */
export const healthReportSchema = z.strictObject({
  checkedAt: timestamp,
  counts: z.strictObject({
    weak: count,
    reused: count,
    old: count,
    noTotp: count,
    duplicates: count,
    total: count,
  }),
  weak: z.array(z.strictObject({ id: itemId, score: z.number().int().min(0).max(2) })),
  reused: z.array(z.strictObject({ ids: z.array(itemId) })),
  old: z.array(z.strictObject({ id: itemId, changedAt: timestamp })),
  noTotp: z.array(z.strictObject({ id: itemId })),
  duplicates: z.array(z.strictObject({ ids: z.array(itemId) })),
  /** Item id → title, for each item named above (main's item list may be longer than the window ever loads). */
  titles: z.record(itemId, z.string()),
})

/** What an import would do, entry by entry (never a value from the file but its titles). */
export const importPreviewSchema = z.strictObject({
  total: count,
  toAdd: count,
  byType: z.record(itemType, count),
  inVault: count,
  inFile: count,
  invalid: count,
  entries: z.array(
    z.strictObject({
      index: count,
      source: z.strictObject({ line: z.number().int().positive().optional(), entry: z.string().optional() }),
      status: z.enum(['new', 'in-vault', 'in-file', 'invalid']),
      type: itemType.nullable(),
      title: z.string(),
      existingId: itemId.optional(),
      problem: z.string().optional(),
    }),
  ),
})

export const importFormatSchema = z.enum(IMPORT_FORMAT_NAMES)

/** A column name from the user's own CSV header (never a cell value). */
const csvColumnName = z.string().min(1).max(CSV_COLUMN_NAME_MAX_LENGTH)

/** For "Other CSV" (generic-csv): our field → the header name of its column; a field left out is not mapped. */
export const genericCsvMappingSchema = z.partialRecord(z.enum(GENERIC_CSV_FIELDS), csvColumnName)

export const importChosenSchema = z.strictObject({
  chosen: z.literal(true),
  /** Names the parsed file main keeps until applyImport, another choice, or a lock. */
  token: tokenSchema,
  fileName: z.string(),
  format: importFormatSchema,
  /** Entries the reader passed over as not items (folders, empty rows). */
  skipped: count,
  preview: importPreviewSchema,
  /** generic-csv only: the header's column names (no cell values) and the mapping the preview used. */
  mapping: z
    .strictObject({ columns: z.array(csvColumnName).max(CSV_COLUMNS_MAX), fields: genericCsvMappingSchema })
    .optional(),
})

export const importChoiceSchema = z.discriminatedUnion('chosen', [
  z.strictObject({ chosen: z.literal(false) }),
  importChosenSchema,
])

export const savedFileSchema = z.strictObject({ saved: z.boolean(), fileName: z.string().optional() })

export type HealthReportView = z.output<typeof healthReportSchema>
export type ImportPreviewView = z.output<typeof importPreviewSchema>
export type ImportChoiceView = z.output<typeof importChoiceSchema>
export type ImportChosenView = z.output<typeof importChosenSchema>
export type GenericCsvMappingView = z.output<typeof genericCsvMappingSchema>

export type UnlockResultView = z.output<typeof unlockResultSchema>
export type SecurityStatusView = z.output<typeof securityStatusSchema>
export type CredentialChangeView = z.output<typeof credentialChangeSchema>
export type SetupCodeView = z.output<typeof setupCodeSchema>
export type KitVerificationView = z.output<typeof kitVerificationSchema>

/** The backup file chosen for a restore: its name and the creation time its plaintext header states; nothing else. */
export const backupChoiceSchema = z.discriminatedUnion('chosen', [
  z.strictObject({ chosen: z.literal(false) }),
  z.strictObject({ chosen: z.literal(true), token: tokenSchema, fileName: z.string(), createdAt: timestamp }),
])

/** A backup that opened with its password: how many items it holds and when it was made; never an item. */
export const openedBackupSchema = z.strictObject({ itemCount: count, createdAt: timestamp })

export type BackupChoiceView = z.output<typeof backupChoiceSchema>
export type OpenedBackupView = z.output<typeof openedBackupSchema>
