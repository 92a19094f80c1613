/**
 * Settling a change of secrets that did not finish in one go, and taking in
 * one made on another device. The sync server decides: a journalled change
 * it holds is finished here, one it does not hold is undone, and while it
 * cannot be asked the journal waits. A newer record from the server is taken
 * in only when the note sealed with it under the AccountKey vouches for it.
 */
import { isVaultError, VaultError } from '../../src-shared/errors.ts'
import type { SecretKey } from '../crypto/index.ts'
import type { AccountRecord, PendingCredentials } from '../store/index.ts'
import { openAccountMeta } from './account.ts'
import { CHANGED_ELSEWHERE_SETTING, type CredentialContext } from './credential-context.ts'
import {
  type CredentialChangeKind,
  type CredentialNote,
  canonicalKdfText,
  openSecretKey,
  verifyCredentialChange,
} from './credentials.ts'
import { rememberSecretKey } from './secret-key-source.ts'

export type SettleOutcome = 'finished-on-server' | 'undone' | 'waiting' | 'none'

/** Asks the server what it holds and finishes or undoes the journalled change accordingly. */
export async function settlePendingWithServer(ctx: CredentialContext): Promise<SettleOutcome> {
  const pending = ctx.store.credentials.pending()
  if (pending === null) return 'none'
  if (ctx.server === null) {
    ctx.store.credentials.abandon()
    return 'undone'
  }
  let remote: AccountRecord | null
  try {
    remote = await ctx.server.currentAccount()
  } catch {
    return 'waiting'
  }
  return settleAgainst(ctx, pending, remote)
}

/** With the server's record in hand (null: it has none). */
export async function settleAgainst(
  ctx: CredentialContext,
  pending: PendingCredentials,
  remote: AccountRecord | null,
): Promise<SettleOutcome> {
  if (remote !== null && sameKeysetRecord(remote, pending.record)) {
    await finishPending(ctx, { onServer: true, secretKey: journalledSecretKey(ctx, pending) })
    return 'finished-on-server'
  }
  ctx.store.credentials.abandon()
  return 'undone'
}

/**
 * Step 4 and 5 of a change: a new Secret Key to the keychain first (so a
 * crash before the commit leaves the journal openable with it), then the
 * journalled record becomes the account and the session takes the new meta.
 */
export async function finishPending(
  ctx: CredentialContext,
  options: { onServer: boolean; secretKey: SecretKey },
): Promise<{ secretKeyInKeychain: boolean; keychainProblem?: string } | undefined> {
  const pending = ctx.store.credentials.pending()
  if (pending === null) throw new Error('finishPending without a journalled change')
  const keychain =
    pending.sealedSecretKey === null ? undefined : await rememberSecretKey(ctx.keychain, options.secretKey)
  ctx.store.credentials.commit(pending.record, { onServer: options.onServer })
  ctx.session.updateCredentials(openAccountMeta(ctx.session.keyset.accountKey, pending.record), options.secretKey)
  forgetChangedElsewhere(ctx.store)
  return keychain?.outcome
}

/** The Secret Key the journalled change brings: its own sealed one, or the session's when only the password changed. */
function journalledSecretKey(ctx: CredentialContext, pending: PendingCredentials): SecretKey {
  if (pending.sealedSecretKey === null) return ctx.session.secretKey
  const { accountKey } = ctx.session.keyset
  return openSecretKey(accountKey, pending.record.accountId, pending.record.keysetRevision, pending.sealedSecretKey)
}

/** The same keyset part, byte for byte: revision, KDF record, sealed keyset and public key. */
export function sameKeysetRecord(a: AccountRecord, b: AccountRecord): boolean {
  return (
    a.keysetRevision === b.keysetRevision &&
    canonicalKdfText(a.kdf) === canonicalKdfText(b.kdf) &&
    Buffer.from(a.sealedKeyset).equals(Buffer.from(b.sealedKeyset)) &&
    Buffer.from(a.boxPublicKey).equals(Buffer.from(b.boxPublicKey))
  )
}

export interface ChangedElsewhere {
  readonly changed: CredentialChangeKind
  readonly at: number
}

/**
 * A newer account record from the server while this device holds only the
 * old secrets: KEYSET_MISMATCH unless its note vouches for it. A vouched
 * record is taken in; a journalled change of this device's own that lost the
 * race is dropped; a new Secret Key made elsewhere makes this device forget
 * the old one, so the lock screen asks for the new one (once).
 */
export async function adoptChangeFromElsewhere(ctx: CredentialContext, remote: AccountRecord): Promise<CredentialNote> {
  const local = ctx.store.getAccount()
  if (local === null) throw new VaultError('NO_ACCOUNT', 'There is no vault here yet.')
  const note = verifyCredentialChange(ctx.session.keyset.accountKey, remote, local)
  const pending = ctx.store.credentials.pending()
  if (pending !== null && sameKeysetRecord(pending.record, remote)) {
    await finishPending(ctx, { onServer: true, secretKey: journalledSecretKey(ctx, pending) })
    return note
  }
  if (pending !== null) ctx.store.credentials.abandon()
  ctx.store.sync.acceptRemoteAccount(remote)
  if (note.changed !== 'kdf') {
    const marker: ChangedElsewhere = { changed: note.changed, at: note.at }
    ctx.store.putSetting(CHANGED_ELSEWHERE_SETTING, marker)
  }
  if (note.changed === 'secret-key') await ctx.keychain.delete(local.accountId).catch(ignoreKeychain)
  return note
}

function ignoreKeychain(error: unknown): boolean {
  if (isVaultError(error, 'KEYCHAIN_UNAVAILABLE')) return false
  throw error
}

/** Once the current secrets have opened the vault, a change made elsewhere is no longer news (no write when there is none). */
export function forgetChangedElsewhere(store: CredentialContext['store']): void {
  if (store.getSetting(CHANGED_ELSEWHERE_SETTING) !== undefined) store.putSetting(CHANGED_ELSEWHERE_SETTING, undefined)
}

/** What the lock screen says after a change on another device, or null. */
export function changedElsewhere(ctx: Pick<CredentialContext, 'store'>): ChangedElsewhere | null {
  const value = ctx.store.getSetting(CHANGED_ELSEWHERE_SETTING) as Partial<ChangedElsewhere> | undefined
  if (value === undefined || typeof value.at !== 'number') return null
  if (value.changed !== 'password' && value.changed !== 'secret-key') return null
  return { changed: value.changed, at: value.at }
}

/**
 * An account record the sync pull brought. A newer keyset must be a vouched
 * change (KEYSET_MISMATCH otherwise, and nothing is taken in); a newer meta
 * for the same keyset must open under this account's key. Anything else
 * (older, equal, or a keyset that differs without a new revision) is ignored.
 */
export async function adoptServerAccount(ctx: CredentialContext, remote: AccountRecord): Promise<void> {
  const local = ctx.store.getAccount()
  if (local === null || remote.accountId !== local.accountId) return
  if (remote.keysetRevision > local.keysetRevision) {
    await adoptChangeFromElsewhere(ctx, remote)
    return
  }
  if (remote.metaRevision <= local.metaRevision || !sameKeysetRecord(remote, local)) return
  openAccountMeta(ctx.session.keyset.accountKey, remote)
  ctx.store.sync.acceptRemoteAccount(remote)
}
