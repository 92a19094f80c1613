/**
 * Creating an account's sealed records, and opening them back into keys.
 *
 *   account row   KDF record (stored Argon2id salt, cost), sealed keyset (KeysetKey),
 *                 X25519 public key, sealed account meta (AccountKey): email, creation time
 *   vault row     sealed VaultKey (AccountKey), sealed vault meta (VaultKey): name
 */
import { VaultError } from '../../src-shared/errors.ts'
import {
  type AccountId,
  type AccountKey,
  type AccountSecrets,
  type Argon2Worker,
  deriveAccountSecrets,
  generateKeyset,
  generateVaultKey,
  type KdfCost,
  type Keyset,
  kdfParamsFromRecord,
  kdfParamsToRecord,
  newKdfParams,
  open,
  openKeyset,
  type SecretKey,
  seal,
  sealKeyset,
  type VaultKey,
  zeroize,
  zeroizeKeyset,
} from '../crypto/index.ts'
import type { AccountRecord, VaultRecord } from '../store/index.ts'
import type { CredentialNote } from './credentials.ts'
import { newId } from './ids.ts'

export const DEFAULT_VAULT_NAME = 'Personal'

export interface AccountMeta {
  readonly v: 1
  readonly email: string
  readonly createdAt: number
  /** The last change of password, Secret Key or KDF cost, vouching for the keyset record it made (credentials.ts). */
  readonly credentials?: CredentialNote
}

export interface OpenedAccount {
  readonly keyset: Keyset
  readonly meta: AccountMeta
  readonly vaultKeys: Map<string, VaultKey>
  /** Present when asked for (wantLoginSecret). */
  readonly loginSecret?: string
}

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

export interface NewAccountInput {
  readonly email: string
  readonly password: string
  readonly secretKey: SecretKey
  readonly kdfCost: KdfCost
  readonly now: number
  readonly worker?: Argon2Worker
}

/** Derives the keys and seals a new account with one vault. Nothing is written here. */
export async function createAccountRecords(
  input: NewAccountInput,
): Promise<{ account: AccountRecord; vault: VaultRecord; opened: OpenedAccount }> {
  const { email, password, secretKey, kdfCost, now } = input
  const accountId = secretKey.accountId
  const kdf = newKdfParams(kdfCost, { accountId, email })
  const secrets = await deriveAccountSecrets({ password, secretKey, accountId, kdf }, input.worker)
  const keyset = generateKeyset()
  const meta: AccountMeta = { v: 1, email, createdAt: now }
  const account: AccountRecord = {
    accountId,
    kdf: JSON.stringify(kdfParamsToRecord(kdf)),
    keysetRevision: 1,
    sealedKeyset: sealKeyset(secrets.keysetKey, keyset, { accountId, revision: 1 }),
    boxPublicKey: keyset.boxPublicKey,
    metaRevision: 1,
    sealedMeta: sealJson(keyset.accountKey, accountId, 'account-meta', '', 1, meta),
    createdAt: now,
    updatedAt: now,
  }
  zeroize(secrets.keysetKey, secrets.authSecret)
  const vaultKey = generateVaultKey()
  const vault = sealVault(keyset.accountKey, accountId, vaultKey, DEFAULT_VAULT_NAME, now)
  return { account, vault, opened: { keyset, meta, vaultKeys: new Map([[vault.vaultId, vaultKey]]) } }
}

export interface OpenAccountInput {
  readonly account: AccountRecord
  readonly vaults: readonly VaultRecord[]
  readonly password: string
  readonly secretKey: SecretKey
  readonly worker?: Argon2Worker
  /** Also return the sync server's login secret, from the same derivation. */
  readonly wantLoginSecret?: boolean
}

/**
 * The sync server's password: the AuthSecret of two-secret derivation, in
 * hex. It proves the account to the server and reveals neither the master
 * password nor any key (docs/security-design.md §3). Being a string, it
 * cannot be wiped; it is kept only for the sign-in call.
 */
export function loginSecretOf(authSecret: Uint8Array): string {
  return Buffer.from(authSecret).toString('hex')
}

/** For a device that has no account yet: the login secret from the server's KDF record and the typed secrets. */
export async function deriveLoginSecret(input: {
  readonly accountId: string
  readonly kdf: string
  readonly password: string
  readonly secretKey: SecretKey
}): Promise<string> {
  const kdf = kdfParamsFromRecord(parseJson(input.kdf))
  const accountId = input.accountId as AccountId
  const secrets = await deriveAccountSecrets({ password: input.password, secretKey: input.secretKey, accountId, kdf })
  try {
    return loginSecretOf(secrets.authSecret)
  } finally {
    zeroize(secrets.keysetKey, secrets.authSecret)
  }
}

/**
 * Checks the KDF record against the floor (KDF_BELOW_FLOOR) and the Secret
 * Key against the account (SECRET_KEY_WRONG_ACCOUNT) before deriving, then
 * opens the keyset (WRONG_PASSWORD_OR_SECRET_KEY), the account meta and
 * every vault key.
 */
export async function openAccount(input: OpenAccountInput): Promise<OpenedAccount> {
  const { account, password, secretKey } = input
  const accountId = account.accountId as AccountId
  const kdf = kdfParamsFromRecord(parseJson(account.kdf))
  const secrets = await deriveAccountSecrets({ password, secretKey, accountId, kdf }, input.worker)
  return openAccountWith(account, input.vaults, secrets, input.wantLoginSecret === true)
}

/**
 * The fast half of opening: the keyset with already derived secrets
 * (WRONG_PASSWORD_OR_SECRET_KEY when they are not this record's), then the
 * account meta and every vault key. Zeroizes the secrets either way.
 */
export function openAccountWith(
  account: AccountRecord,
  vaults: readonly VaultRecord[],
  secrets: AccountSecrets,
  wantLoginSecret = false,
): OpenedAccount {
  const accountId = account.accountId as AccountId
  let keyset: Keyset
  let loginSecret: string | undefined
  try {
    keyset = openKeyset(
      secrets.keysetKey,
      account.sealedKeyset,
      { accountId, revision: account.keysetRevision },
      account.boxPublicKey,
    )
    // Only once the keyset opened: a wrong password must not yield a login secret.
    if (wantLoginSecret) loginSecret = loginSecretOf(secrets.authSecret)
  } finally {
    zeroize(secrets.keysetKey, secrets.authSecret)
  }
  try {
    const meta = openAccountMeta(keyset.accountKey, account)
    const vaultKeys = openVaultKeys(keyset.accountKey, accountId, vaults)
    return loginSecret === undefined ? { keyset, meta, vaultKeys } : { keyset, meta, vaultKeys, loginSecret }
  } catch (error) {
    zeroizeKeyset(keyset)
    throw error
  }
}

/** The account meta of a record (the AccountKey is the same across password and Secret Key changes). */
export function openAccountMeta(accountKey: AccountKey, account: AccountRecord): AccountMeta {
  const { accountId, metaRevision, sealedMeta } = account
  return openJson(accountKey, accountId, 'account-meta', '', metaRevision, sealedMeta) as AccountMeta
}

export function sealAccountMeta(accountKey: AccountKey, accountId: string, revision: number, meta: AccountMeta) {
  return sealJson(accountKey, accountId, 'account-meta', '', revision, meta)
}

function sealVault(
  accountKey: AccountKey,
  accountId: string,
  vaultKey: VaultKey,
  name: string,
  now: number,
): VaultRecord {
  const vaultId = newId()
  const context = { accountId, vaultId, itemId: '', revision: 1 }
  return {
    vaultId,
    revision: 1,
    sealedKey: seal(accountKey, { purpose: 'vault-key', ...context }, vaultKey),
    sealedMeta: seal(vaultKey, { purpose: 'vault-meta', ...context }, encoder.encode(JSON.stringify({ v: 1, name }))),
    createdAt: now,
    updatedAt: now,
  }
}

/**
 * Every vault key that opens. One that does not (a record altered on disk or
 * put there by a server) is left out rather than failing the unlock: the
 * items of that vault are then listed as damaged, and the rest open.
 */
function openVaultKeys(accountKey: AccountKey, accountId: string, vaults: readonly VaultRecord[]) {
  const keys = new Map<string, VaultKey>()
  for (const vault of vaults) {
    try {
      keys.set(vault.vaultId, openVaultKey(accountKey, accountId, vault))
    } catch (error) {
      if (!(error instanceof VaultError)) throw error
    }
  }
  return keys
}

/** Whether a vault record opens under this account: its key under the AccountKey, its meta under that key. */
export function vaultRecordOpens(accountKey: AccountKey, accountId: string, vault: VaultRecord): boolean {
  let key: VaultKey | undefined
  try {
    key = openVaultKey(accountKey, accountId, vault)
    const context = {
      purpose: 'vault-meta',
      accountId,
      vaultId: vault.vaultId,
      itemId: '',
      revision: vault.revision,
    } as const
    zeroize(open(key, context, vault.sealedMeta))
    return true
  } catch (error) {
    if (error instanceof VaultError) return false
    throw error
  } finally {
    zeroize(key)
  }
}

function openVaultKey(accountKey: AccountKey, accountId: string, vault: VaultRecord): VaultKey {
  const context = {
    purpose: 'vault-key',
    accountId,
    vaultId: vault.vaultId,
    itemId: '',
    revision: vault.revision,
  } as const
  const key = open(accountKey, context, vault.sealedKey)
  if (key.length !== 32) throw new VaultError('MALFORMED_ENVELOPE', 'A vault key has the wrong length.')
  return key as VaultKey
}

function sealJson(
  key: AccountKey,
  accountId: string,
  purpose: 'account-meta',
  vaultId: string,
  revision: number,
  value: unknown,
) {
  return seal(key, { purpose, accountId, vaultId, itemId: '', revision }, encoder.encode(JSON.stringify(value)))
}

function openJson(
  key: AccountKey,
  accountId: string,
  purpose: 'account-meta',
  vaultId: string,
  revision: number,
  sealed: Uint8Array,
) {
  return parseJson(decoder.decode(open(key, { purpose, accountId, vaultId, itemId: '', revision }, sealed)))
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new VaultError('STORE_CORRUPT', 'An account record in the vault file is not valid.')
  }
}
