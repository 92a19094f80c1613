/**
 * Changing the master password, the Secret Key or the KDF cost, in steps
 * that can fail anywhere without locking the user out:
 *
 *   1. check the current password (one Argon2id run), derive the new secrets
 *   2. journal the re-sealed account beside the current one (one transaction)
 *   3. the sync server swaps the keyset record and its login secret together,
 *      in one database transaction (supabase/migrations …_credentials.sql)
 *   4. a new Secret Key goes to the keychain
 *   5. the journalled record becomes the account (one transaction)
 *
 * Until 5, unlock tries the journalled record too, so the old secrets open
 * the vault, or the new ones do, never neither. When step 3 fails, the
 * server is asked what it holds: the change is finished if it took it,
 * undone if it did not, and left journalled (to settle at the next unlock or
 * sync) if the server cannot be reached.
 */
import { VaultError } from '../../src-shared/errors.ts'
import {
  type AccountSecrets,
  combineAccountSecrets,
  derivePasswordKey,
  generateSecretKey,
  type KdfCost,
  type KdfParams,
  kdfParamsFromRecord,
  openKeyset,
  type PasswordKey,
  type SecretKey,
  zeroize,
  zeroizeKeyset,
} from '../crypto/index.ts'
import type { AccountRecord } from '../store/index.ts'
import { type AccountMeta, loginSecretOf } from './account.ts'
import type { CredentialContext, CredentialServer } from './credential-context.ts'
import { finishPending, sameKeysetRecord, settlePendingWithServer } from './credential-settle.ts'
import { type CredentialChangeKind, nextKdfParams, resealAccount, sealSecretKey } from './credentials.ts'

export interface ChangeRequest {
  readonly changed: CredentialChangeKind
  /** The current master password, checked before anything changes. */
  readonly password: string
  readonly newPassword?: string
  readonly newKdfCost?: KdfCost
}

export interface ChangeOutcome {
  readonly changed: CredentialChangeKind
  readonly record: AccountRecord
  /** Only for a Secret Key change. */
  readonly secretKey?: SecretKey
  readonly keychain?: { readonly secretKeyInKeychain: boolean; readonly keychainProblem?: string }
}

interface Derived {
  readonly record: AccountRecord
  readonly meta: AccountMeta
  readonly secretKey: SecretKey
  readonly currentLoginSecret: string
  readonly newLoginSecret: string
}

export async function changeCredentials(ctx: CredentialContext, request: ChangeRequest): Promise<ChangeOutcome> {
  await settleEarlierChange(ctx)
  const account = currentAccount(ctx)
  if (ctx.server !== null) await assertServerInStep(ctx.server, account)
  const derived = await deriveChange(ctx, account, request)
  const sealedSecretKey =
    request.changed === 'secret-key'
      ? sealSecretKey(
          ctx.session.keyset.accountKey,
          account.accountId,
          derived.record.keysetRevision,
          derived.secretKey,
        )
      : null
  ctx.store.credentials.begin({ record: derived.record, sealedSecretKey, startedAt: ctx.now() })
  if (ctx.server !== null) await sendToServer(ctx, ctx.server, account, derived)
  const keychain = await finishPending(ctx, { onServer: ctx.server !== null, secretKey: derived.secretKey })
  const outcome = { changed: request.changed, record: derived.record }
  if (request.changed !== 'secret-key' || keychain === undefined) return outcome
  return { ...outcome, secretKey: derived.secretKey, keychain }
}

/** A change still journalled from before is settled first; one the server has not answered blocks a new one. */
async function settleEarlierChange(ctx: CredentialContext): Promise<void> {
  if (ctx.store.credentials.pending() === null) return
  await settlePendingWithServer(ctx)
  if (ctx.store.credentials.pending() !== null) {
    throw new VaultError(
      'CREDENTIAL_CHANGE_FAILED',
      'An earlier change of password or Secret Key is still waiting for the sync server. Sync, then try again.',
    )
  }
}

/** With sync on, the server must be reachable and hold this very keyset record before anything changes. */
async function assertServerInStep(server: CredentialServer, account: AccountRecord): Promise<void> {
  let remote: AccountRecord | null
  try {
    remote = await server.currentAccount()
  } catch (error) {
    const why = error instanceof VaultError ? error.message : 'the sync server did not answer'
    throw new VaultError(
      'CREDENTIAL_CHANGE_FAILED',
      `Nothing was changed: ${why} Changing secrets needs the sync server.`,
      {
        cause: error,
      },
    )
  }
  if (remote === null || !sameKeysetRecord(remote, account) || remote.metaRevision !== account.metaRevision) {
    throw new VaultError(
      'CREDENTIAL_CHANGE_FAILED',
      'Nothing was changed: this device is not in step with the sync server. Sync now, then try again.',
    )
  }
}

function currentAccount(ctx: CredentialContext): AccountRecord {
  const account = ctx.store.getAccount()
  if (account === null) throw new VaultError('NO_ACCOUNT', 'There is no vault here yet; create an account first.')
  return account
}

/** Checks the current password, then derives and seals the new record. Argon2id runs once, or twice when the password or cost changes. */
async function deriveChange(ctx: CredentialContext, account: AccountRecord, request: ChangeRequest): Promise<Derived> {
  const kdf = kdfParamsFromRecord(JSON.parse(account.kdf))
  const newKdf = nextKdfParams(kdf, request.newKdfCost)
  const currentKey = ctx.session.secretKey
  const passwordKey = await derivePasswordKey(request.password, kdf)
  let newPasswordKey: PasswordKey | null = null
  try {
    const currentLoginSecret = checkCurrentSecrets(account, combineAccountSecrets(passwordKey, currentKey))
    newPasswordKey = await newPasswordKeyFor(request, kdf, newKdf)
    const secretKey = request.changed === 'secret-key' ? generateSecretKey(currentKey.accountId) : currentKey
    const secrets = combineAccountSecrets(newPasswordKey ?? passwordKey, secretKey)
    const newLoginSecret = loginSecretOf(secrets.authSecret)
    const { keyset, meta } = ctx.session
    try {
      const resealed = resealAccount({
        account,
        keyset,
        meta,
        secrets,
        kdf: newKdf,
        changed: request.changed,
        now: ctx.now(),
      })
      return { ...resealed, secretKey, currentLoginSecret, newLoginSecret }
    } finally {
      zeroize(secrets.keysetKey, secrets.authSecret)
    }
  } finally {
    zeroize(passwordKey, newPasswordKey ?? undefined)
  }
}

/** WRONG_PASSWORD_OR_SECRET_KEY unless the secrets open the current keyset; returns the current login secret. */
function checkCurrentSecrets(account: AccountRecord, secrets: AccountSecrets): string {
  try {
    const context = { accountId: account.accountId, revision: account.keysetRevision }
    zeroizeKeyset(openKeyset(secrets.keysetKey, account.sealedKeyset, context, account.boxPublicKey))
    return loginSecretOf(secrets.authSecret)
  } finally {
    zeroize(secrets.keysetKey, secrets.authSecret)
  }
}

/** A second Argon2id run only when its input changes: a new password or a new cost. */
async function newPasswordKeyFor(
  request: ChangeRequest,
  kdf: KdfParams,
  newKdf: KdfParams,
): Promise<PasswordKey | null> {
  if (request.newPassword === undefined && newKdf === kdf) return null
  if (request.newPassword !== undefined && request.newPassword === request.password) {
    throw new VaultError('INVALID_REQUEST', 'The new master password is the current one.')
  }
  return derivePasswordKey(request.newPassword ?? request.password, newKdf)
}

async function sendToServer(
  ctx: CredentialContext,
  server: CredentialServer,
  account: AccountRecord,
  derived: Derived,
): Promise<void> {
  const expected = { keysetRevision: account.keysetRevision, metaRevision: account.metaRevision }
  const { record, currentLoginSecret, newLoginSecret } = derived
  try {
    await server.changeCredentials({ record, expected, currentLoginSecret, newLoginSecret })
    return
  } catch (error) {
    // The answer may have been lost after the server committed: ask it what it holds now.
    let remote: AccountRecord | null
    try {
      remote = await server.currentAccount()
    } catch {
      throw new VaultError(
        'CREDENTIAL_CHANGE_FAILED',
        'The sync server could not confirm the change. It will be finished or undone at the next sync; until then ' +
          'this device opens with either the old or the new secrets.',
        { cause: error },
      )
    }
    if (remote !== null && sameKeysetRecord(remote, record)) return
    ctx.store.credentials.abandon()
    const why = error instanceof VaultError ? error.message : 'the sync server refused it'
    throw new VaultError('CREDENTIAL_CHANGE_FAILED', `Nothing was changed (${why}). Your current secrets still work.`, {
      cause: error,
    })
  }
}
