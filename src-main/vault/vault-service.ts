/**
 * The vault as the app and the command line use it: create an account,
 * unlock, lock (also after an idle period), and work with items. No Electron
 * here, so it runs in tests and in the CLI as it is.
 *
 * Lists carry summaries only; a secret leaves through revealField() alone.
 */
import type { ItemFilter, ItemRevisionInfo, ItemSummary, ItemView } from '../../src-shared/domain/item.ts'
import { isVaultError, VaultError } from '../../src-shared/errors.ts'
import type { LockReason } from '../../src-shared/ipc/events.ts'
import {
  Argon2Worker,
  calibrateKdfCost,
  initCrypto,
  type KdfCost,
  kdfParamsFromRecord,
  type SecretKey,
  scrubFreeHeap,
} from '../crypto/index.ts'
import { healthReport, namedIds } from '../health/health-report.ts'
import { assertStrongMasterPassword, totpCode } from '../items/index.ts'
import type { SecretKeyStore } from '../keychain/index.ts'
import type { VaultStore } from '../store/index.ts'
import { createAccountRecords, type OpenedAccount } from './account.ts'
import { AccountSecurity } from './account-security.ts'
import type { CredentialContext, CredentialServer } from './credential-context.ts'
import { adoptServerAccount, forgetChangedElsewhere } from './credential-settle.ts'
import { healthInputs, healthTitles, type TitledHealthReport } from './health-source.ts'
import { IdleTimer } from './idle-timer.ts'
import { warmItemCodec } from './item-codec.ts'
import { ItemTransfer } from './item-transfer.ts'
import * as items from './items.ts'
import { measured } from './pacing.ts'
import {
  newSecretKey,
  rememberSecretKey,
  resolveSecretKey,
  type SecretKeyAvailability,
  secretKeyAvailability,
} from './secret-key-source.ts'
import { UnlockedSession } from './session.ts'
import { type SyncAccess, syncAccessFor } from './sync-access.ts'
import { syncLoginSecret } from './sync-login.ts'
import { discardDerivation, openFirstCandidate, startDerivation } from './unlock-attempt.ts'
import {
  type CredentialNotice,
  explainWrongSecrets,
  fetchRemoteAccount,
  settleAfterUnlock,
  unlockCandidates,
} from './unlock-flow.ts'
import { indexAll, readItemRecords } from './unlock-index.ts'

export const DEFAULT_AUTO_LOCK_MS = 10 * 60 * 1000
/**
 * performance.measure() names for the phases of unlock, for benchmarks and
 * profiling: key derivation and keyset (Argon2id dominates), then opening and
 * indexing every item.
 */
export const UNLOCK_MEASURES = { derive: 'vault.unlock.derive', index: 'vault.unlock.index' } as const
const AUTO_LOCK_SETTING = 'autoLockMs'

export interface VaultServiceOptions {
  readonly store: VaultStore
  readonly keychain: SecretKeyStore
  readonly now?: () => number
  /** Fixed Argon2id cost for new accounts (tests); by default it is calibrated to about 1 s on this device. */
  readonly kdfCost?: KdfCost
}

export type VaultStatus =
  | { readonly state: 'no-account' }
  | { readonly state: 'locked'; readonly accountId: string }
  | { readonly state: 'unlocked'; readonly accountId: string; readonly email: string; readonly itemCount: number }

export interface CreatedAccount {
  readonly accountId: string
  /** Shown to the user once; afterwards it lives only in the keychain and on the Emergency Kit. */
  readonly secretKey: string
  readonly secretKeyInKeychain: boolean
  readonly keychainProblem?: string
}

export interface UnlockResult {
  readonly itemCount: number
  /** Items whose sealed record failed to open; they are listed as damaged, the rest open normally. */
  readonly damagedCount: number
  /** A change of secrets left unfinished before, and how this unlock settled it. */
  readonly credentialNotice?: CredentialNotice
}

export class VaultService {
  readonly #store: VaultStore
  readonly #keychain: SecretKeyStore
  readonly #now: () => number
  readonly #kdfCost: KdfCost | undefined
  readonly #idle: IdleTimer
  readonly #lockListeners = new Set<(reason: LockReason) => void>()
  /** Changing the secrets, the Emergency Kit's facts, the KDF offer (account-security.ts). */
  readonly security: AccountSecurity
  /** Import with a preview, plain export, backup and restore (item-transfer.ts). */
  readonly transfer: ItemTransfer
  #session: UnlockedSession | null = null
  #worker: Argon2Worker | null = null
  #lastDeriveMs: number | null = null
  #credentialServer: () => CredentialServer | null = () => null

  constructor(options: VaultServiceOptions) {
    this.#store = options.store
    this.#keychain = options.keychain
    this.#now = options.now ?? Date.now
    this.#kdfCost = options.kdfCost
    this.#idle = new IdleTimer(this.autoLockMs, () => this.lock('idle'))
    this.security = new AccountSecurity({
      store: this.#store,
      keychain: this.#keychain,
      now: this.#now,
      session: () => {
        this.#idle.touch()
        return this.#activeSession()
      },
      server: () => this.#credentialServer(),
      lastDeriveMs: () => this.#lastDeriveMs,
    })
    this.transfer = new ItemTransfer(() => this.#items())
  }

  status(): VaultStatus {
    const account = this.#store.getAccount()
    if (account === null) return { state: 'no-account' }
    const session = this.#session
    if (session === null) return { state: 'locked', accountId: account.accountId }
    return { state: 'unlocked', accountId: account.accountId, email: session.email, itemCount: session.index.size }
  }

  /**
   * Creates the account and leaves it unlocked. The password must pass the strength check (WEAK_PASSWORD).
   * fill (a restore from a backup) runs on the new, unlocked vault inside the transaction that writes the
   * account: if it throws, nothing was written, the keys are dropped and no Secret Key is kept, so a failed
   * restore never leaves a half-made vault behind.
   */
  async createAccount(input: { email: string; password: string }, fill?: () => void): Promise<CreatedAccount> {
    if (this.#store.getAccount() !== null) throw new VaultError('ACCOUNT_EXISTS', 'This vault already has an account.')
    assertStrongMasterPassword(input.password, [input.email])
    await initCrypto()
    const secretKey = newSecretKey()
    const kdfCost = this.#kdfCost ?? (await calibrateKdfCost())
    const created = await createAccountRecords({ ...input, secretKey, kdfCost, now: this.#now() })
    this.#startSession(created.account.accountId, created.opened, secretKey)
    try {
      this.#store.transaction(() => {
        this.#store.saveAccount(created.account)
        this.#store.saveVault(created.vault)
        fill?.()
      })
    } catch (error) {
      this.#dropUncreatedSession()
      throw error
    }
    const stored = await rememberSecretKey(this.#keychain, secretKey)
    return { accountId: created.account.accountId, secretKey: stored.printed, ...stored.outcome }
  }

  /**
   * Call when the lock screen appears: starts and warms the Argon2id worker,
   * loads libsodium and compiles the item schema, so that none of it lands on
   * the unlock path (loading libsodium alone blocks the thread for ~30 ms).
   */
  async prewarmUnlock(): Promise<void> {
    const account = this.#store.getAccount()
    if (account === null) return
    if (this.#worker === null) {
      this.#worker = Argon2Worker.start(kdfParamsFromRecord(JSON.parse(account.kdf)).memlimitBytes)
    }
    await initCrypto()
    warmItemCodec()
  }

  /**
   * secretKey: as typed by the user, where the keychain has none (or none is
   * available: SECRET_KEY_REQUIRED says which). A typed key that opens the
   * vault is saved to the keychain when one is available. With sync on, a
   * change of secrets made on another device is noticed here (unlock-flow.ts).
   */
  async unlock(input: { password: string; secretKey?: string }): Promise<UnlockResult> {
    const account = this.#store.getAccount()
    if (account === null) throw new VaultError('NO_ACCOUNT', 'There is no vault here yet; create an account first.')
    if (this.#session !== null) return this.#unlockResult(this.#session)
    await initCrypto()
    const resolved = await resolveSecretKey(this.#keychain, account.accountId, input.secretKey)
    const pending = this.#store.credentials.pending()
    const server = this.#credentialServer()
    // Argon2id runs on its worker thread; meanwhile this thread reads the sealed items and asks the server.
    const current = startDerivation(input.password, account.kdf, this.#takeWorker())
    const [remote, records] = await Promise.all([fetchRemoteAccount(server), readItemRecords(this.#store)]).catch(
      (error: unknown) => {
        discardDerivation(current)
        throw error
      },
    )
    const attempt = await measured(UNLOCK_MEASURES.derive, () =>
      openFirstCandidate({
        candidates: unlockCandidates(account, pending, remote),
        vaults: this.#store.listVaults(),
        password: input.password,
        secretKeys: [resolved.key],
        current,
      }).catch((error: unknown) => {
        throw isVaultError(error, 'WRONG_PASSWORD_OR_SECRET_KEY') ? (explainWrongSecrets(this.#store) ?? error) : error
      }),
    )
    const session = this.#startSession(account.accountId, attempt.opened, attempt.secretKey)
    this.#lastDeriveMs = attempt.deriveMs
    try {
      const notice = await settleAfterUnlock(this.#credentials(session, server), attempt.source, pending, remote)
      await measured(UNLOCK_MEASURES.index, () => indexAll(session, records))
      forgetChangedElsewhere(this.#store)
      if (!resolved.fromKeychain) await rememberSecretKey(this.#keychain, session.secretKey)
      const result = this.#unlockResult(session)
      return notice === undefined ? result : { ...result, credentialNotice: notice }
    } catch (error) {
      this.lock()
      throw error
    }
  }

  /** Drops every key (zeroized) and tells the listeners why; a no-op when already locked. */
  lock(reason: LockReason = 'user'): void {
    this.#idle.stop()
    void this.#worker?.terminate()
    this.#worker = null
    if (this.#session === null) return
    this.#session.lock()
    this.#session = null
    scrubFreeHeap()
    for (const listener of this.#lockListeners) listener(reason)
  }

  onLock(listener: (reason: LockReason) => void): () => void {
    this.#lockListeners.add(listener)
    return () => this.#lockListeners.delete(listener)
  }

  /** The user is active in the app: restarts the idle period (no-op while locked). */
  noteActivity(): void {
    if (this.#session !== null) this.#idle.touch()
  }

  /** For the lock screen: whether unlock will need the Secret Key typed, and why. */
  async secretKeyAvailability(): Promise<SecretKeyAvailability> {
    const account = this.#store.getAccount()
    if (account === null) throw new VaultError('NO_ACCOUNT', 'There is no vault here yet; create an account first.')
    const availability = await secretKeyAvailability(this.#keychain, account.accountId)
    const change = explainWrongSecrets(this.#store)
    if (availability.inKeychain || change === null) return availability
    return { inKeychain: false, reason: change.message }
  }

  get autoLockMs(): number {
    const value = this.#store.getSetting(AUTO_LOCK_SETTING)
    return typeof value === 'number' && value >= 0 ? value : DEFAULT_AUTO_LOCK_MS
  }

  /** 0 turns auto-lock off. */
  setAutoLockMs(delayMs: number): void {
    if (!Number.isSafeInteger(delayMs) || delayMs < 0)
      throw new VaultError('INVALID_REQUEST', 'The auto-lock delay must be a whole number of milliseconds.')
    this.#store.putSetting(AUTO_LOCK_SETTING, delayMs)
    this.#idle.setDelay(delayMs)
  }

  listItems(filter: ItemFilter = {}): ItemSummary[] {
    return this.#items().session.index.list(filter)
  }

  /** One item's summary (secret-free), straight from the index. */
  /**
   * Titles of these items ('' for one not here, and for all while locked), for status answers. Not #items():
   * reading a status is not the user at work, so it must not postpone the idle lock.
   */
  itemTitles(ids: readonly string[]): Record<string, string> {
    const index = this.#session?.index
    return Object.fromEntries(ids.map((id) => [id, index?.get(id)?.summary.title ?? '']))
  }

  getSummary(id: string): ItemSummary {
    const item = this.#items().session.index.get(id)
    if (item === undefined) throw new VaultError('ITEM_NOT_FOUND', 'There is no such item.')
    return item.summary
  }

  getItem(id: string, revision?: number): ItemView {
    return items.getItemView(this.#items(), id, revision)
  }

  revealField(id: string, field: string, revision?: number): string {
    return items.revealField(this.#items(), id, field, revision)
  }

  createItem(draft: unknown): ItemView {
    return items.createItem(this.#items(), draft)
  }

  updateItem(id: string, patch: unknown, expectedRevision?: number): ItemView {
    return items.updateItem(this.#items(), id, patch, expectedRevision)
  }

  trashItem(id: string): ItemView {
    return items.setTrashed(this.#items(), id, true)
  }

  restoreItem(id: string): ItemView {
    return items.setTrashed(this.#items(), id, false)
  }

  emptyTrash(): number {
    return items.emptyTrash(this.#items())
  }

  itemHistory(id: string): ItemRevisionInfo[] {
    return items.listHistory(this.#items(), id)
  }

  restoreRevision(id: string, revision: number): ItemView {
    return items.restoreRevision(this.#items(), id, revision)
  }

  /**
   * Weak, reused and old passwords, logins without TOTP, duplicates: item ids,
   * scores and times, and the titles of the items named.
   */
  async passwordHealth(): Promise<TitledHealthReport> {
    const context = this.#items()
    const { session } = context
    const report = await healthReport(healthInputs(context), this.#now(), {
      scores: session.strengthScores,
      stillWanted: () => !session.locked,
    })
    return { ...report, titles: healthTitles(context, namedIds(report)) }
  }

  totp(id: string): ReturnType<typeof totpCode> {
    const seed = items.revealField(this.#items(), id, 'totp')
    if (seed === '') throw new VaultError('FIELD_NOT_FOUND', 'This item has no one-time password.')
    return totpCode(seed, this.#now())
  }

  /**
   * The sync server's login secret for this account, after checking the
   * master password against the keyset (one Argon2id run).
   */
  syncLoginSecret(input: { password: string; secretKey?: string }): Promise<string> {
    return syncLoginSecret(this.#store, this.#keychain, input)
  }

  /** Sync supplies the server side of password and Secret Key changes; null while sync is off. */
  connectCredentialServer(provider: () => CredentialServer | null): void {
    this.#credentialServer = provider
  }

  /** For the sync engine, while unlocked (VAULT_LOCKED otherwise). */
  syncAccess(): SyncAccess {
    // Not #items(): background sync is not the user, so it must not postpone the idle lock.
    if (this.#session === null) throw new VaultError('VAULT_LOCKED', 'The vault is locked.')
    const context = this.#credentials(this.#session, this.#credentialServer())
    return syncAccessFor(this.#store, this.#session, (record) => adoptServerAccount(context, record))
  }

  #activeSession(): UnlockedSession {
    if (this.#session === null) throw new VaultError('VAULT_LOCKED', 'The vault is locked.')
    return this.#session
  }

  #credentials(session: UnlockedSession, server: CredentialServer | null): CredentialContext {
    return { store: this.#store, keychain: this.#keychain, session, server, now: this.#now }
  }

  #items(): items.ItemContext {
    if (this.#session === null) throw new VaultError('VAULT_LOCKED', 'The vault is locked.')
    this.#idle.touch()
    return { store: this.#store, session: this.#session, now: this.#now }
  }

  #startSession(accountId: string, opened: OpenedAccount, secretKey: SecretKey): UnlockedSession {
    this.#session = new UnlockedSession(accountId, opened.keyset, opened.vaultKeys, opened.meta, secretKey)
    this.#idle.touch()
    return this.#session
  }

  /** Quietly, with no lock event: there was never a vault for the window to see locked. */
  #dropUncreatedSession(): void {
    this.#idle.stop()
    this.#session?.lock()
    this.#session = null
    scrubFreeHeap()
  }

  #unlockResult(session: UnlockedSession): UnlockResult {
    const damagedCount = [...session.index.all()].filter((item) => item.summary.damaged !== undefined).length
    return { itemCount: session.index.size, damagedCount }
  }

  #takeWorker(): Argon2Worker | undefined {
    const worker = this.#worker
    this.#worker = null
    return worker ?? undefined
  }
}
