/**
 * Re-sealing the account for a new master password, Secret Key or KDF cost,
 * and checking such a change when it arrives from another device.
 *
 * The keyset itself (AccountKey, X25519 pair) never changes here, so no
 * vault or item is re-encrypted: only the keyset envelope is sealed again,
 * under the KeysetKey of the new secrets, at keyset revision + 1. The account
 * meta is re-sealed beside it (meta revision + 1) with a CredentialNote: what
 * changed, and a digest of the new keyset record's exact bytes. The meta is
 * sealed under the AccountKey, which every device of the account already
 * holds, so a device that still knows only the old secrets can tell a real
 * change (the note opens and its digest matches) from a server that made one
 * up, and word its request for the new secret accordingly.
 */
import { VaultError } from '../../src-shared/errors.ts'
import {
  type AccountId,
  type AccountKey,
  type AccountSecrets,
  formatSecretKey,
  type KdfCost,
  type KdfParams,
  type Keyset,
  kdfParamsFromRecord,
  kdfParamsToRecord,
  open,
  parseSecretKey,
  recordDigest,
  type SecretKey,
  seal,
  sealKeyset,
  toBase64,
  zeroize,
} from '../crypto/index.ts'
import type { AccountRecord } from '../store/index.ts'
import { type AccountMeta, openAccountMeta, sealAccountMeta } from './account.ts'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

export type CredentialChangeKind = 'password' | 'secret-key' | 'kdf'

export interface CredentialNote {
  readonly keysetRevision: number
  readonly changed: CredentialChangeKind
  readonly at: number
  /** base64 of keysetRecordDigest() of the record this note travels with. */
  readonly digest: string
  /** The keyset revision at which the current Secret Key came in (1: the one made with the account). */
  readonly secretKeySince: number
}

const KINDS: readonly CredentialChangeKind[] = ['password', 'secret-key', 'kdf']

/** Names the bytes a device must see to accept a keyset record: account, KDF record, revision, sealed keyset, public key. */
export function keysetRecordDigest(record: AccountRecord): string {
  const kdf = canonicalKdfText(record.kdf)
  const fields = [record.accountId, kdf, String(record.keysetRevision), record.sealedKeyset, record.boxPublicKey]
  return toBase64(recordDigest('vault.keyset-record.v1', fields))
}

/**
 * The KDF record as this app writes it. A server keeps it as jsonb, which
 * reorders keys, so records are compared and digested in this form; text that
 * does not parse is left as it is (and fails every check that reads it).
 */
export function canonicalKdfText(text: string): string {
  try {
    return JSON.stringify(kdfParamsToRecord(kdfParamsFromRecord(JSON.parse(text))))
  } catch {
    return text
  }
}

/** The KDF parameters a change keeps or raises: the salt stays, the cost never goes down (KDF_NOT_STRONGER). */
export function nextKdfParams(current: KdfParams, cost: KdfCost | undefined): KdfParams {
  if (cost === undefined) return current
  if (cost.memlimitBytes < current.memlimitBytes || cost.opslimit < current.opslimit) {
    throw new VaultError('KDF_NOT_STRONGER', 'Key derivation can only be made stronger, never weaker.')
  }
  if (cost.memlimitBytes === current.memlimitBytes && cost.opslimit === current.opslimit) {
    throw new VaultError('KDF_NOT_STRONGER', 'The proposed key derivation cost is the current one.')
  }
  return { ...current, memlimitBytes: cost.memlimitBytes, opslimit: cost.opslimit }
}

export interface ResealInput {
  readonly account: AccountRecord
  readonly keyset: Keyset
  readonly meta: AccountMeta
  /** From the new password, Secret Key and KDF parameters; zeroized by the caller. */
  readonly secrets: AccountSecrets
  readonly kdf: KdfParams
  readonly changed: CredentialChangeKind
  readonly now: number
}

/** The account record after the change. Nothing is written here. */
export function resealAccount(input: ResealInput): { record: AccountRecord; meta: AccountMeta } {
  const { account, keyset, meta, now } = input
  const accountId = account.accountId as AccountId
  const keysetRevision = account.keysetRevision + 1
  const sealedKeyset = sealKeyset(input.secrets.keysetKey, keyset, { accountId, revision: keysetRevision })
  const kdf = JSON.stringify(kdfParamsToRecord(input.kdf))
  const keysetPart = { ...account, kdf, keysetRevision, sealedKeyset, updatedAt: now }
  const secretKeySince = input.changed === 'secret-key' ? keysetRevision : (meta.credentials?.secretKeySince ?? 1)
  const note: CredentialNote = {
    keysetRevision,
    changed: input.changed,
    at: now,
    digest: keysetRecordDigest(keysetPart),
    secretKeySince,
  }
  const newMeta: AccountMeta = { ...meta, credentials: note }
  const metaRevision = account.metaRevision + 1
  const sealedMeta = sealAccountMeta(keyset.accountKey, accountId, metaRevision, newMeta)
  return { record: { ...keysetPart, metaRevision, sealedMeta }, meta: newMeta }
}

/**
 * For a record from a server that claims a newer keyset: opens its meta with
 * this device's AccountKey and checks that the note vouches for exactly this
 * keyset record. Throws KEYSET_MISMATCH otherwise: the server made it up,
 * mixed records, or lowered the KDF cost.
 */
export function verifyCredentialChange(
  accountKey: Keyset['accountKey'],
  record: AccountRecord,
  local: AccountRecord,
): CredentialNote {
  if (record.accountId !== local.accountId) throw mismatch('it belongs to another account')
  if (weakensKdf(local.kdf, record.kdf)) throw mismatch('it would make the master password cheaper to guess')
  let meta: AccountMeta
  try {
    meta = openAccountMeta(accountKey, record)
  } catch (error) {
    throw mismatch('its account details do not open with this account’s key', error)
  }
  const note = meta.credentials
  if (!isCredentialNote(note) || note.keysetRevision !== record.keysetRevision) {
    throw mismatch('no change of secrets vouches for its keyset')
  }
  if (note.digest !== keysetRecordDigest(record)) throw mismatch('its keyset is not the one the change made')
  return note
}

/**
 * A server must not be able to lower the cost of guessing the master
 * password: a record whose Argon2id memory or passes are below the local
 * one's (or that does not parse) is never taken in.
 */
export function weakensKdf(localKdf: string, remoteKdf: string): boolean {
  try {
    const local = kdfParamsFromRecord(JSON.parse(localKdf))
    const remote = kdfParamsFromRecord(JSON.parse(remoteKdf))
    return remote.memlimitBytes < local.memlimitBytes || remote.opslimit < local.opslimit
  } catch {
    return true
  }
}

/** A new Secret Key in the journal, sealed under the AccountKey and bound to the keyset revision it belongs to. */
export function sealSecretKey(accountKey: AccountKey, accountId: string, keysetRevision: number, key: SecretKey) {
  const context = { purpose: 'secret-key', accountId, vaultId: '', itemId: '', revision: keysetRevision } as const
  return seal(accountKey, context, utf8(formatSecretKey(key)))
}

export function openSecretKey(accountKey: AccountKey, accountId: string, keysetRevision: number, sealed: Uint8Array) {
  const context = { purpose: 'secret-key', accountId, vaultId: '', itemId: '', revision: keysetRevision } as const
  const bytes = open(accountKey, context, sealed)
  try {
    return parseSecretKey(new TextDecoder().decode(bytes))
  } finally {
    zeroize(bytes)
  }
}

/** The note in a meta, when there is one (accounts that never changed a secret have none). */
export function credentialNoteOf(meta: AccountMeta): CredentialNote | null {
  return isCredentialNote(meta.credentials) ? meta.credentials : null
}

function isCredentialNote(value: unknown): value is CredentialNote {
  if (typeof value !== 'object' || value === null) return false
  const note = value as Record<string, unknown>
  return (
    Number.isSafeInteger(note.keysetRevision) &&
    KINDS.includes(note.changed as CredentialChangeKind) &&
    Number.isSafeInteger(note.at) &&
    typeof note.digest === 'string' &&
    Number.isSafeInteger(note.secretKeySince)
  )
}

function mismatch(why: string, cause?: unknown): VaultError {
  return new VaultError(
    'KEYSET_MISMATCH',
    `The server sent an account record that this account did not make: ${why}.`,
    {
      cause,
    },
  )
}
