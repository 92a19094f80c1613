/**
 * What the Security settings and the Emergency Kit read about the account:
 * its KDF cost and whether a stronger one is worth offering, whether the
 * kit this device last saved still holds the current Secret Key, and
 * whether a change of secrets is waiting for the server. Nothing secret.
 */

import { VaultError } from '../../src-shared/errors.ts'
import { initCrypto, type KdfCost, kdfParamsFromRecord, proposeKdfUpgrade, type SecretKey } from '../crypto/index.ts'
import { assertStrongMasterPassword } from '../items/index.ts'
import type { SecretKeyStore } from '../keychain/index.ts'
import type { VaultStore } from '../store/index.ts'
import { type ChangeOutcome, type ChangeRequest, changeCredentials } from './credential-change.ts'
import type { CredentialServer } from './credential-context.ts'
import { changedElsewhere } from './credential-settle.ts'
import { credentialNoteOf } from './credentials.ts'
import { accountFingerprint } from './fingerprint.ts'
import type { UnlockedSession } from './session.ts'

/** The keyset revision whose Secret Key the last kit saved on this device holds. */
const KIT_SAVED_SETTING = 'kit.savedForSecretKeySince'

export interface SecurityFacts {
  readonly kdf: KdfCost
  readonly lastDeriveMs: number | null
  readonly kdfUpgrade: (KdfCost & { readonly estimatedMs: number }) | null
  readonly kitOutdated: boolean
  readonly changePending: boolean
  /** The account's public identity as a short code (fingerprint.ts): the same on every machine. */
  readonly fingerprint: string
}

export interface AccountSecurityOptions {
  readonly store: VaultStore
  readonly keychain: SecretKeyStore
  readonly now: () => number
  /** The unlocked session (VAULT_LOCKED otherwise); asking counts as user activity. */
  readonly session: () => UnlockedSession
  /** The sync server's side of a change, or null while sync is off. */
  readonly server: () => CredentialServer | null
  readonly lastDeriveMs: () => number | null
}

export class AccountSecurity {
  readonly #o: AccountSecurityOptions

  constructor(options: AccountSecurityOptions) {
    this.#o = options
  }

  /** Re-seals the keyset for a new master password, Secret Key or KDF cost (credential-change.ts). */
  async changeCredentials(request: ChangeRequest): Promise<ChangeOutcome> {
    const session = this.#o.session()
    if (request.newPassword !== undefined) assertStrongMasterPassword(request.newPassword, [session.email])
    await initCrypto()
    const { store, keychain, now } = this.#o
    return changeCredentials({ store, keychain, session, server: this.#o.server(), now }, request)
  }

  /** KDF cost and offer, kit freshness, a change in flight. */
  facts(): SecurityFacts {
    return securityFacts(this.#o.store, this.#o.session(), this.#o.lastDeriveMs())
  }

  /** What the Emergency Kit prints about the account; the Secret Key as this session holds it. */
  kitFacts(): { accountId: string; email: string; secretKey: SecretKey } {
    const session = this.#o.session()
    return { accountId: session.accountId, email: session.email, secretKey: kitSecretKey(this.#o.store, session) }
  }

  markKitSaved(): void {
    markKitSaved(this.#o.store, this.#o.session())
  }
}

function securityFacts(store: VaultStore, session: UnlockedSession, lastDeriveMs: number | null): SecurityFacts {
  const account = store.getAccount()
  if (account === null) throw new VaultError('NO_ACCOUNT', 'There is no vault here yet.')
  const params = kdfParamsFromRecord(JSON.parse(account.kdf))
  const kdf = { memlimitBytes: params.memlimitBytes, opslimit: params.opslimit }
  const saved = store.getSetting(KIT_SAVED_SETTING)
  return {
    kdf,
    lastDeriveMs,
    kdfUpgrade: lastDeriveMs === null ? null : proposeKdfUpgrade(kdf, lastDeriveMs),
    kitOutdated: secretKeySince(session) > (typeof saved === 'number' ? saved : 1),
    changePending: store.credentials.pending() !== null,
    fingerprint: accountFingerprint(account.accountId, account.boxPublicKey),
  }
}

/** The Secret Key to print: this session's, unless another device has replaced it since (CREDENTIALS_CHANGED). */
function kitSecretKey(store: VaultStore, session: UnlockedSession): SecretKey {
  if (changedElsewhere({ store })?.changed === 'secret-key') {
    throw new VaultError(
      'CREDENTIALS_CHANGED',
      'Your Secret Key was changed on another device. Lock, then unlock with the new key before saving a kit here.',
    )
  }
  return session.secretKey
}

function markKitSaved(store: VaultStore, session: UnlockedSession): void {
  store.putSetting(KIT_SAVED_SETTING, secretKeySince(session))
}

function secretKeySince(session: UnlockedSession): number {
  return credentialNoteOf(session.meta)?.secretKeySince ?? 1
}
