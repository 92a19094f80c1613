/**
 * Sync as the app uses it: turn it on for this vault, join an account from
 * another device, sync now (after unlock, after changes, on a timer, on a
 * realtime hint), see and revoke devices, and turn it off. Holds the one
 * SupabaseSyncServer for the configured project; every record it moves is
 * sealed before it leaves and opened only after it arrives.
 */
import { VaultError } from '../../src-shared/errors.ts'
import type { TokenStore } from '../keychain/index.ts'
import type { VaultStore } from '../store/index.ts'
import {
  accountIdOfSecretKey,
  type CredentialServer,
  historyCode,
  joiningLoginSecret,
  type VaultService,
} from '../vault/index.ts'
import type { SyncAccess } from '../vault/sync-access.ts'
import { SyncEngine, type SyncReport } from './engine.ts'
import { joinFromServer } from './join.ts'
import { keychainSessionStorage, memoryStorage } from './session-storage.ts'
import * as auth from './supabase-auth.ts'
import { checkServerUrl } from './supabase-errors.ts'
import { type SupabaseConfig, SupabaseSyncServer } from './supabase-server.ts'
import { deviceId, lastSyncAt, readServerConfig, recordSync, writeServerConfig } from './sync-settings.ts'
import { type HaltedView, haltedView, readHalt, writeHalt } from './tamper.ts'

export type SyncState = 'off' | 'idle' | 'syncing' | 'signed-out' | 'error' | 'halted'

export interface SyncStatus {
  readonly state: SyncState
  readonly url: string | null
  readonly lastSyncAt: number | null
  readonly error: { readonly code: string; readonly message: string } | null
  /** Why syncing stopped (tamper.ts), and the titles of the items concerned; the renderer shows it in plain words. */
  readonly halted: HaltedView | null
  /** The newest vault history this device verified, to compare between machines. */
  readonly history: { readonly counter: number; readonly code: string } | null
}

export interface SyncServiceOptions {
  readonly vault: VaultService
  readonly store: VaultStore
  readonly tokens: TokenStore
  /** A short label for this device in the device list: the OS family only, never a host or user name. */
  readonly deviceLabel: string
  readonly now?: () => number
}

export class SyncService {
  readonly #o: SyncServiceOptions
  readonly #now: () => number
  #server: SupabaseSyncServer | null = null
  #unwatch: (() => void) | null = null
  #onRemoteChange: () => void = () => undefined
  #onSynced: (report: SyncReport) => void = () => undefined
  #engine: SyncEngine | null = null
  #state: SyncState = 'idle'
  #error: SyncStatus['error'] = null

  constructor(options: SyncServiceOptions) {
    this.#o = options
    this.#now = options.now ?? Date.now
  }

  /** What to do when the server hints that something changed (the scheduler asks for a pull). */
  onRemoteChange(listener: () => void): void {
    this.#onRemoteChange = listener
  }

  /** Told after every successful round, however it was started. */
  onSynced(listener: (report: SyncReport) => void): void {
    this.#onSynced = listener
  }

  status(): SyncStatus {
    const { store } = this.#o
    const config = readServerConfig(store)
    const halt = config === null ? null : readHalt(store)
    const state = config === null ? 'off' : halt !== null ? 'halted' : this.#state
    return {
      state,
      url: config?.url ?? null,
      lastSyncAt: lastSyncAt(store),
      error: halt === null ? this.#error : null,
      halted: halt === null ? null : haltedView(halt, this.#o.vault),
      history: config === null ? null : verifiedHistory(store),
    }
  }

  /** Turns sync on for this (unlocked) vault: signs up or in with the login secret, then pushes everything. */
  async enable(input: { config: SupabaseConfig; password: string }): Promise<SyncReport> {
    const config = { url: checkServerUrl(input.config.url), anonKey: input.config.anonKey.trim() }
    const loginSecret = await this.#o.vault.syncLoginSecret({ password: input.password })
    const email = this.#email()
    const server = this.#connect(config)
    await auth.signUpOrIn(server, email, loginSecret)
    writeServerConfig(this.#o.store, config)
    await auth.registerDevice(server, deviceId(this.#o.store), this.#o.deviceLabel)
    return this.syncNow()
  }

  /**
   * A device with no vault signs in to an account that lives on the server:
   * KDF record by the Secret Key's account id, sign-in, the account and vault
   * keys copied down, unlock, then the first sync brings every item.
   */
  async join(input: {
    config: SupabaseConfig
    email: string
    secretKey: string
    password: string
  }): Promise<SyncReport> {
    const config = { url: checkServerUrl(input.config.url), anonKey: input.config.anonKey.trim() }
    const probe = new SupabaseSyncServer(config, memoryStorage())
    const accountId = await accountIdOfSecretKey(input.secretKey)
    const kdf = await auth.prelogin(probe, accountId)
    const secret = await joiningLoginSecret({ kdf, password: input.password, secretKey: input.secretKey })
    const server = this.#connect(config, secret.accountId)
    await auth.signIn(server, input.email.trim(), secret.loginSecret)
    await joinFromServer(this.#o.store, server, secret.accountId)
    writeServerConfig(this.#o.store, config)
    await this.#o.vault.unlock({ password: input.password, secretKey: input.secretKey })
    await auth.registerDevice(server, deviceId(this.#o.store), this.#o.deviceLabel)
    return this.syncNow()
  }

  /** Pull and push once; the status says how it went. Needs the vault unlocked. */
  syncNow(): Promise<SyncReport> {
    return this.#round((engine, access) => engine.syncNow(access))
  }

  /** After a halt, the user asks to look again: one round, which halts again if the lie is still there. */
  recheck(): Promise<SyncReport> {
    if (readHalt(this.#o.store) === null) return this.syncNow()
    return this.#round((engine, access) => engine.recheck(access))
  }

  async #round(run: (engine: SyncEngine, access: () => SyncAccess) => Promise<SyncReport>): Promise<SyncReport> {
    const server = await this.#ready()
    this.#state = 'syncing'
    try {
      const report = await run(this.#engineFor(server), () => this.#o.vault.syncAccess())
      return await this.#succeeded(server, report)
    } catch (error) {
      this.#fail(error)
      throw error
    }
  }

  /**
   * The server side of a password or Secret Key change, while sync is on
   * (null while it is off). Every call needs a live session; a change is
   * refused up front when the server cannot be asked, so none is left half
   * done for lack of a sign-in.
   */
  credentialServer(): CredentialServer | null {
    if (readServerConfig(this.#o.store) === null) return null
    return {
      currentAccount: async () => (await (await this.#ready()).pullAccount())?.record ?? null,
      changeCredentials: async (change) => {
        await (await this.#ready()).changeCredentials(change)
      },
    }
  }

  /** The sync address and public project key, for the Emergency Kit (null while sync is off). */
  serverConfig(): SupabaseConfig | null {
    return readServerConfig(this.#o.store)
  }

  /** Items flagged after a merge clash (ids only), until dismissed. */
  conflictedItems(): Set<string> {
    return this.#o.store.sync.conflictedItems()
  }

  dismissConflict(itemId: string): void {
    this.#o.store.sync.setConflicted(itemId, false)
  }

  /** After SYNC_SESSION_EXPIRED: signs in again with the master password (one Argon2id run). */
  async signInAgain(password: string): Promise<void> {
    const loginSecret = await this.#o.vault.syncLoginSecret({ password })
    const server = this.#connect(this.#configOrThrow())
    await auth.signIn(server, this.#email(), loginSecret)
    await auth.registerDevice(server, deviceId(this.#o.store), this.#o.deviceLabel)
  }

  async devices(): Promise<(auth.DeviceRow & { thisDevice: boolean })[]> {
    const mine = deviceId(this.#o.store)
    const rows = await auth.listDevices(await this.#ready())
    return rows.map((row) => ({ ...row, thisDevice: row.deviceId === mine }))
  }

  async revokeDevice(id: string): Promise<void> {
    if (id === deviceId(this.#o.store)) {
      throw new VaultError('INVALID_REQUEST', 'To stop syncing this device, turn sync off instead.')
    }
    await auth.revokeDevice(await this.#ready(), id)
  }

  /** Signs this device out and forgets the server; the local vault stays as it is. */
  async disable(): Promise<void> {
    const server =
      this.#server ?? (readServerConfig(this.#o.store) === null ? null : this.#connect(this.#configOrThrow()))
    if (server !== null) await auth.signOut(server).catch(() => undefined)
    this.close()
    writeServerConfig(this.#o.store, null)
    this.#o.store.sync.forgetServer()
    this.#o.store.history.forget()
    writeHalt(this.#o.store, null)
    this.#server = null
    this.#engine = null
    this.#state = 'idle'
    this.#error = null
  }

  async #succeeded(server: SupabaseSyncServer, report: SyncReport): Promise<SyncReport> {
    recordSync(this.#o.store, report.finishedAt)
    await auth.touchDevice(server, deviceId(this.#o.store)).catch(() => undefined)
    this.#state = 'idle'
    this.#error = null
    this.#onSynced(report)
    return report
  }

  async #ready(): Promise<SupabaseSyncServer> {
    const server = this.#server ?? this.#connect(this.#configOrThrow())
    if (this.#state === 'signed-out' || !(await auth.resumeSession(server))) {
      this.#state = 'signed-out'
      throw new VaultError('SYNC_SESSION_EXPIRED', 'The sync session has ended; sign in to sync again.')
    }
    await this.#watch(server)
    return server
  }

  async #watch(server: SupabaseSyncServer): Promise<void> {
    if (this.#unwatch !== null) return
    const { data } = await server.client.auth.getUser()
    if (data.user === null) return
    this.#unwatch = server.watchChanges(data.user.id, () => this.#onRemoteChange())
  }

  /** Stops realtime and timers; the stored session stays for the next start. */
  close(): void {
    this.#unwatch?.()
    this.#unwatch = null
    void this.#server?.client.realtime.disconnect()
  }

  #connect(config: SupabaseConfig, accountId = this.#accountId()): SupabaseSyncServer {
    this.close()
    this.#server = new SupabaseSyncServer(config, keychainSessionStorage(this.#o.tokens, accountId))
    this.#engine = null
    this.#state = 'idle'
    return this.#server
  }

  #engineFor(server: SupabaseSyncServer): SyncEngine {
    this.#engine ??= new SyncEngine(server, this.#now)
    return this.#engine
  }

  #configOrThrow(): SupabaseConfig {
    const config = readServerConfig(this.#o.store)
    if (config === null) throw new VaultError('SYNC_NOT_CONFIGURED', 'Sync is off for this vault.')
    return config
  }

  #accountId(): string {
    const account = this.#o.store.getAccount()
    if (account === null) throw new VaultError('NO_ACCOUNT', 'There is no vault here yet.')
    return account.accountId
  }

  #email(): string {
    const status = this.#o.vault.status()
    if (status.state !== 'unlocked') throw new VaultError('VAULT_LOCKED', 'Unlock the vault to turn sync on.')
    return status.email
  }

  #fail(error: unknown): void {
    this.#state = error instanceof VaultError && error.code === 'SYNC_SESSION_EXPIRED' ? 'signed-out' : 'error'
    this.#error =
      error instanceof VaultError
        ? { code: error.code, message: error.message }
        : { code: 'INTERNAL', message: 'Sync failed unexpectedly.' }
  }
}

/** The vault's verified history head, as a counter and a code to compare between machines (vault/fingerprint.ts). */
function verifiedHistory(store: VaultStore): SyncStatus['history'] {
  const vaultId = store.listVaults()[0]?.vaultId
  if (vaultId === undefined) return null
  const head = store.history.head(vaultId)
  return head.counter === 0 ? null : { counter: head.counter, code: historyCode(head.digest) }
}
