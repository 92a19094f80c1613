/**
 * The request and response schema of every IPC method. Main parses each
 * request before a handler sees it and each response before it leaves, and
 * every object is strict, so an unexpected field (say, a key a handler should
 * not have returned) fails the call instead of crossing the boundary.
 *
 * The renderer imports only the types from here, so zod stays out of its bundle.
 */
import { z } from 'zod'
import { itemDraftSchema, itemPatchSchema } from '../domain/item.ts'
import type { VaultEventListener } from './events.ts'
import {
  AUTO_LOCK_CHOICES_MS,
  CLIPBOARD_CLEAR_CHOICES_MS,
  EMAIL_MAX_LENGTH,
  LIST_LIMIT_MAX,
  PASSWORD_INPUT_MAX_LENGTH,
  SECRET_KEY_INPUT_MAX_LENGTH,
  SETUP_CODE_MAX_LENGTH,
} from './limits.ts'
import type { Method } from './methods.ts'
import type { IpcResult } from './result.ts'
import { EXPORT_FORMATS } from './transfer.ts'
import {
  backupChoiceSchema,
  copyResultSchema,
  count,
  credentialChangeSchema,
  deviceSchema,
  generatedSchema,
  genericCsvMappingSchema,
  healthReportSchema,
  importChoiceSchema,
  importChosenSchema,
  importFormatSchema,
  itemFacetsSchema,
  itemId,
  itemRevisionInfoSchema,
  itemSummarySchema,
  itemType,
  itemViewSchema,
  kitVerificationSchema,
  openedBackupSchema,
  savedFileSchema,
  securityStatusSchema,
  settingsSchema,
  setupCodeSchema,
  strengthSchema,
  syncReportSchema,
  syncStatusSchema,
  tokenSchema,
  totpSchema,
  unlockResultSchema,
  vaultStatusSchema,
} from './views.ts'

const kdfCost = z.strictObject({
  memlimitBytes: z.number().int().positive(),
  opslimit: z.number().int().positive(),
})

const appInfo = z.strictObject({
  name: z.string().min(1),
  version: z.string().min(1),
  /** The version byte of the ciphertext envelope this build writes. */
  cryptoFormatVersion: z.number().int().positive(),
  /** The weakest Argon2id cost this build accepts for any account. */
  kdfFloor: kdfCost,
})

const accountId = z.string().regex(/^[0-9A-Z]{6}$/)
const password = z.string().max(PASSWORD_INPUT_MAX_LENGTH)
const email = z.string().trim().max(EMAIL_MAX_LENGTH)
const secretKeyInput = z.string().max(SECRET_KEY_INPUT_MAX_LENGTH)
const revision = z.number().int().positive()
/** A field name: 'username', 'password', 'custom:<id>', … */
const fieldName = z.string().min(1).max(100)
const done = z.null()

const oneOf = <T extends number>(choices: readonly T[]) =>
  z.number().refine((value) => (choices as readonly number[]).includes(value), 'not one of the offered choices')

const itemFilter = z.strictObject({
  query: z.string().max(500).optional(),
  type: itemType.optional(),
  tag: z.string().max(100).optional(),
  favorite: z.boolean().optional(),
  trash: z.boolean().optional(),
})

const generateRequest = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('password'),
    length: z.number().int().optional(),
    lowercase: z.boolean().optional(),
    uppercase: z.boolean().optional(),
    digits: z.boolean().optional(),
    symbols: z.boolean().optional(),
    excludeLookalikes: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal('passphrase'),
    words: z.number().int().optional(),
    separator: z.string().max(5).optional(),
    capitalize: z.boolean().optional(),
    includeNumber: z.boolean().optional(),
  }),
])

const itemRef = z.strictObject({ id: itemId })

/** A Supabase project: its URL and its public anon key (a JWT, not a secret). */
const serverConfig = { url: z.string().trim().min(1).max(300), anonKey: z.string().trim().min(20).max(2000) }

/** A new account's email and master password (createAccount, restoreBackup). */
const newAccount = { email: z.email().max(EMAIL_MAX_LENGTH), password }
/** What making an account answers (createAccount, restoreBackup). */
const createdAccount = {
  accountId,
  /** Shown once, then forgotten by the window: afterwards it lives in the keychain and the Emergency Kit. */
  secretKey: z.string(),
  secretKeyInKeychain: z.boolean(),
  keychainProblem: z.string().optional(),
}

export const contract = {
  getAppInfo: { req: z.void(), res: appInfo },
  checkSecretKey: { req: z.strictObject({ secretKey: secretKeyInput }), res: z.strictObject({ accountId }) },
  getStatus: { req: z.void(), res: vaultStatusSchema },
  estimateStrength: { req: z.strictObject({ password, email: email.optional() }), res: strengthSchema },
  createAccount: { req: z.strictObject(newAccount), res: z.strictObject(createdAccount) },
  unlock: {
    req: z.strictObject({ password, secretKey: secretKeyInput.optional() }),
    res: unlockResultSchema,
  },
  lock: { req: z.void(), res: done },
  /** The user is using the window: restarts the idle timer. */
  noteActivity: { req: z.void(), res: done },
  getSettings: { req: z.void(), res: settingsSchema },
  updateSettings: {
    req: z.strictObject({
      autoLockMs: oneOf(AUTO_LOCK_CHOICES_MS).optional(),
      clipboardClearMs: oneOf(CLIPBOARD_CLEAR_CHOICES_MS).optional(),
    }),
    res: settingsSchema,
  },
  listItems: {
    req: z.strictObject({
      filter: itemFilter.optional(),
      limit: z.number().int().min(1).max(LIST_LIMIT_MAX).optional(),
    }),
    res: z.strictObject({ items: z.array(itemSummarySchema), total: count }),
  },
  getFacets: { req: z.void(), res: itemFacetsSchema },
  getItem: { req: z.strictObject({ id: itemId, revision: revision.optional() }), res: itemViewSchema },
  revealField: {
    req: z.strictObject({ id: itemId, field: fieldName, revision: revision.optional() }),
    res: z.strictObject({ value: z.string() }),
  },
  /** Main copies; the value never travels to the window. */
  copyField: {
    req: z.strictObject({ id: itemId, field: fieldName, revision: revision.optional() }),
    res: copyResultSchema,
  },
  getTotp: { req: itemRef, res: totpSchema },
  copyTotp: { req: itemRef, res: copyResultSchema },
  /** Opens the item's own URL (index into its list), so the window cannot make main open anything else. */
  openUrl: { req: z.strictObject({ id: itemId, index: z.number().int().nonnegative().max(99) }), res: done },
  createItem: {
    req: z.strictObject({
      draft: itemDraftSchema,
      /** For an sshKey item: main generates an Ed25519 key, so the private key never passes through the window. */
      generateSshKey: z.boolean().optional(),
    }),
    res: itemViewSchema,
  },
  updateItem: {
    req: z.strictObject({ id: itemId, patch: itemPatchSchema, expectedRevision: revision }),
    res: itemViewSchema,
  },
  trashItem: { req: itemRef, res: itemViewSchema },
  restoreItem: { req: itemRef, res: itemViewSchema },
  emptyTrash: { req: z.void(), res: z.strictObject({ removed: count }) },
  itemHistory: { req: itemRef, res: z.strictObject({ revisions: z.array(itemRevisionInfoSchema) }) },
  restoreRevision: { req: z.strictObject({ id: itemId, revision }), res: itemViewSchema },
  generate: { req: generateRequest, res: generatedSchema },
  /** Copies value if it is the last one generate() returned (main keeps it until the next one or a lock), and nothing else. */
  copyGenerated: { req: z.strictObject({ value: z.string().max(1_000) }), res: copyResultSchema },
  getSyncStatus: { req: z.void(), res: syncStatusSchema },
  /** Turns sync on for the unlocked vault; the master password is asked again to derive the server login. */
  enableSync: { req: z.strictObject({ ...serverConfig, password }), res: syncReportSchema },
  /** A device with no vault joins an account from the server (needs the Secret Key and master password). */
  joinAccount: {
    req: z.strictObject({
      ...serverConfig,
      email: z.email().max(EMAIL_MAX_LENGTH),
      secretKey: secretKeyInput,
      password,
    }),
    res: syncReportSchema,
  },
  /** Also signs in again (with the master password) when the session ended. */
  syncNow: { req: z.strictObject({ password: password.optional() }), res: syncReportSchema },
  listDevices: { req: z.void(), res: z.strictObject({ devices: z.array(deviceSchema) }) },
  revokeDevice: { req: z.strictObject({ deviceId: z.uuid() }), res: done },
  disableSync: { req: z.void(), res: done },
  /** The user has looked at an item flagged after a sync clash. */
  dismissConflict: { req: itemRef, res: done },
  /** After a halt (state 'halted'): the user asks to check the server again; it halts again if the lie is still there. */
  recheckSync: { req: z.void(), res: syncReportSchema },
  /** Reads a pasted or scanned setup code into the fields of "I have an Emergency Kit" (no account needed). */
  readSetupCode: { req: z.strictObject({ setupCode: z.string().max(SETUP_CODE_MAX_LENGTH) }), res: setupCodeSchema },
  /** Main asks where to save (a system dialog), renders the PDF there, and writes it nowhere else. */
  saveEmergencyKit: { req: z.void(), res: z.strictObject({ saved: z.boolean(), fileName: z.string().optional() }) },
  /** entry: the Secret Key typed from the paper kit, or its setup code; the answer never reveals the stored key. */
  verifyEmergencyKit: {
    req: z.strictObject({ entry: z.string().max(SETUP_CODE_MAX_LENGTH) }),
    res: kitVerificationSchema,
  },
  getSecurityStatus: { req: z.void(), res: securityStatusSchema },
  changePassword: {
    req: z.strictObject({ currentPassword: password, newPassword: password }),
    res: credentialChangeSchema,
  },
  /** A new Secret Key for the account; the old one and every kit printed with it stop working. */
  changeSecretKey: { req: z.strictObject({ password }), res: credentialChangeSchema },
  /** Raises the Argon2id cost to what getSecurityStatus offers (never lowers it). */
  upgradeKdf: { req: z.strictObject({ password }), res: credentialChangeSchema },
  /** Weak, reused and old passwords, logins without TOTP, duplicates: item ids only. */
  getPasswordHealth: { req: z.void(), res: healthReportSchema },
  /**
   * Every item in plain text, to where the user chooses in main's save dialog.
   * acknowledged: the window showed the warning that the file is unencrypted and the user agreed.
   */
  exportItems: {
    req: z.strictObject({ format: z.enum(EXPORT_FORMATS), acknowledged: z.literal(true) }),
    res: savedFileSchema,
  },
  /** An encrypted backup of every item with its history, under this backup password, saved through main's dialog. */
  saveBackup: { req: z.strictObject({ password }), res: savedFileSchema },
  /** Main shows an open dialog, reads and parses the file, and answers a preview; nothing is written yet. */
  chooseImportFile: { req: z.strictObject({ format: importFormatSchema.optional() }), res: importChoiceSchema },
  /**
   * "Other CSV" only: parses the pending file again with this column mapping and answers a fresh preview
   * under a new token (the old one stops working). A refused mapping leaves the pending import as it was.
   */
  remapImport: {
    req: z.strictObject({ token: tokenSchema, mapping: genericCsvMappingSchema }),
    res: importChosenSchema,
  },
  /** Adds the new items of the file chooseImportFile last read (token from its answer). */
  applyImport: {
    req: z.strictObject({ token: tokenSchema }),
    res: z.strictObject({ added: count }),
  },
  /** First run, no vault yet: main's open dialog picks a backup; main keeps its bytes and answers a token for them. */
  chooseBackupFile: { req: z.void(), res: backupChoiceSchema },
  /** Decrypts the chosen backup with its backup password; main keeps the items and answers only their count. */
  openBackupFile: { req: z.strictObject({ token: tokenSchema, password }), res: openedBackupSchema },
  /** Makes the new account (as createAccount) and restores the opened backup into it, all or nothing. */
  restoreBackup: {
    req: z.strictObject({ token: tokenSchema, ...newAccount }),
    res: z.strictObject({ ...createdAccount, restored: count }),
  },
  /** The user went back or cancelled: main drops the chosen backup (bytes and items). */
  forgetBackupFile: { req: z.void(), res: done },
} satisfies Record<Method, { req: z.ZodType; res: z.ZodType }>

export type Req<M extends Method> = z.input<(typeof contract)[M]['req']>
export type Res<M extends Method> = z.output<(typeof contract)[M]['res']>
/** What a handler receives: the request after parsing (defaults filled in). */
export type ParsedReq<M extends Method> = z.output<(typeof contract)[M]['req']>

type MethodFunctions = { readonly [M in Method]: (request: Req<M>) => Promise<IpcResult<Res<M>>> }

/** What the preload exposes as window.vault: one function per method, and one to hear main's events. */
export type VaultApi = MethodFunctions & {
  /** Returns a function that stops listening. */
  readonly onEvent: (listener: VaultEventListener) => () => void
}
