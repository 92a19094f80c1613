/**
 * The account side of unlock: which records to try (unlock-attempt.ts), and
 * what to do afterwards about a change of secrets in flight here or made on
 * another device (credential-settle.ts).
 *
 * When sync is on, the server's account record is fetched while Argon2id
 * runs. If it is newer, the typed secrets are tried on it first; if they only
 * open this device's older record and the newer one is a vouched change, the
 * old secrets are refused with CREDENTIALS_CHANGED. Offline, the old secrets
 * keep opening the local copy, as they must.
 */
import { VaultError } from '../../src-shared/errors.ts'
import type { AccountRecord, PendingCredentials, VaultStore } from '../store/index.ts'
import { openAccountMeta } from './account.ts'
import type { CredentialContext, CredentialServer } from './credential-context.ts'
import {
  adoptChangeFromElsewhere,
  type ChangedElsewhere,
  changedElsewhere,
  finishPending,
  sameKeysetRecord,
  settleAgainst,
} from './credential-settle.ts'
import { type CredentialChangeKind, credentialNoteOf, weakensKdf } from './credentials.ts'
import type { CandidateSource, UnlockCandidate } from './unlock-attempt.ts'

/** How long unlock waits for the server's account record; the derivation usually takes longer anyway. */
const REMOTE_TIMEOUT_MS = 4_000

export type RemoteState =
  | { readonly kind: 'off' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'known'; readonly record: AccountRecord | null }

export interface CredentialNotice {
  readonly outcome: 'finished' | 'undone'
  readonly changed: CredentialChangeKind
}

export async function fetchRemoteAccount(server: CredentialServer | null): Promise<RemoteState> {
  if (server === null) return { kind: 'off' }
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), REMOTE_TIMEOUT_MS)
  })
  try {
    return { kind: 'known', record: await Promise.race([server.currentAccount(), timeout]) }
  } catch {
    return { kind: 'unknown' }
  } finally {
    clearTimeout(timer)
  }
}

/** The records to try, newest first: a newer server record, this device's change in flight, the current one. */
export function unlockCandidates(
  current: AccountRecord,
  pending: PendingCredentials | null,
  remote: RemoteState,
): UnlockCandidate[] {
  const candidates: UnlockCandidate[] = []
  const newer = newerRemote(current, pending, remote)
  if (newer !== null) candidates.push({ source: 'remote', record: newer })
  if (pending !== null) candidates.push({ source: 'pending', record: pending.record })
  candidates.push({ source: 'current', record: current })
  return candidates
}

function newerRemote(current: AccountRecord, pending: PendingCredentials | null, remote: RemoteState) {
  if (remote.kind !== 'known' || remote.record === null) return null
  const record = remote.record
  if (record.accountId !== current.accountId || record.keysetRevision <= current.keysetRevision) return null
  if (pending !== null && sameKeysetRecord(record, pending.record)) return null
  return weakensKdf(current.kdf, record.kdf) ? null : record
}

/**
 * After the keys opened. Throws CREDENTIALS_CHANGED when the secrets typed
 * are the old ones of a change made on another device (the caller locks).
 */
export async function settleAfterUnlock(
  ctx: CredentialContext,
  source: CandidateSource,
  pending: PendingCredentials | null,
  remote: RemoteState,
): Promise<CredentialNotice | undefined> {
  const changed = pending === null ? null : changeKindOf(ctx, pending)
  if (source === 'remote' && remote.kind === 'known' && remote.record !== null) {
    if (pending !== null) ctx.store.credentials.abandon()
    ctx.store.sync.acceptRemoteAccount(remote.record)
    return undefined
  }
  if (source === 'current') await refuseIfChangedElsewhere(ctx, pending, remote)
  if (pending === null || changed === null) return undefined
  if (source === 'pending' && remote.kind === 'off') {
    await finishPending(ctx, { onServer: false, secretKey: ctx.session.secretKey })
    return { outcome: 'finished', changed }
  }
  if (remote.kind === 'unknown') return undefined
  if (remote.kind === 'off') {
    ctx.store.credentials.abandon()
    return { outcome: 'undone', changed }
  }
  const outcome = await settleAgainst(ctx, pending, remote.record)
  return { outcome: outcome === 'finished-on-server' ? 'finished' : 'undone', changed }
}

async function refuseIfChangedElsewhere(
  ctx: CredentialContext,
  pending: PendingCredentials | null,
  remote: RemoteState,
): Promise<void> {
  const current = ctx.store.getAccount()
  if (current === null) return
  const newer = newerRemote(current, pending, remote)
  if (newer === null) return
  let note: Awaited<ReturnType<typeof adoptChangeFromElsewhere>>
  try {
    note = await adoptChangeFromElsewhere(ctx, newer)
  } catch {
    // Not vouched for: a server's invention is not taken in, and the local copy opens as before.
    return
  }
  if (note.changed === 'kdf') return
  throw credentialsChangedError({ changed: note.changed, at: note.at })
}

export function credentialsChangedError(change: ChangedElsewhere): VaultError {
  const when = new Date(change.at).toISOString().slice(0, 10)
  return new VaultError(
    'CREDENTIALS_CHANGED',
    change.changed === 'password'
      ? `Your master password was changed on another device on ${when}. Enter the new master password.`
      : `Your Secret Key was changed on another device on ${when}. Enter your master password and the new ` +
          'Secret Key from your new Emergency Kit.',
  )
}

/** A wrong-secrets error, worded for a change another device made (null: nothing to add). */
export function explainWrongSecrets(store: VaultStore): VaultError | null {
  const change = changedElsewhere({ store })
  return change === null ? null : credentialsChangedError(change)
}

function changeKindOf(ctx: CredentialContext, pending: PendingCredentials): CredentialChangeKind | null {
  try {
    return credentialNoteOf(openAccountMeta(ctx.session.keyset.accountKey, pending.record))?.changed ?? null
  } catch {
    return null
  }
}
