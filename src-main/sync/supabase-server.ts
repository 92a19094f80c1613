/**
 * The SyncServer over the user's Supabase project: the only file that
 * imports supabase-js. Reads go through PostgREST with Row Level Security,
 * writes through the checked functions of supabase/migrations (docs/sync.md).
 * Bytes travel as base64. The auth session is kept by the caller's
 * SessionStorage (the OS keychain in the app), never in a file.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import type { AccountRecord, VaultRecord } from '../store/index.ts'
import type { CredentialChangeRequest } from '../vault/credential-context.ts'
import { canonicalKdfText } from '../vault/credentials.ts'
import { checkServerUrl, syncError } from './supabase-errors.ts'
import type {
  AccountExpectation,
  RemoteAccount,
  RemoteItem,
  RemoteLogEntry,
  RemoteVault,
  SyncServer,
  VaultPush,
} from './types.ts'

export interface SupabaseConfig {
  readonly url: string
  readonly anonKey: string
}

/** Where supabase-js keeps its session (a JSON text with the refresh token). */
export interface SessionStorage {
  getItem(key: string): Promise<string | null>
  setItem(key: string, value: string): Promise<void>
  removeItem(key: string): Promise<void>
}

type Row = Record<string, unknown>

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64')
const bytes = (text: unknown): Uint8Array => new Uint8Array(Buffer.from(String(text), 'base64'))
const num = (value: unknown): number => Number(value)
const time = (value: unknown): number => (typeof value === 'string' ? Date.parse(value) : 0)

/** Vault history entries per request; pullLog asks again until a short page. */
const LOG_PAGE = 500

export class SupabaseSyncServer implements SyncServer {
  readonly client: SupabaseClient

  constructor(config: SupabaseConfig, storage: SessionStorage) {
    this.client = createClient(checkServerUrl(config.url), config.anonKey, {
      auth: {
        storage,
        storageKey: 'vault-sync-session',
        persistSession: true,
        autoRefreshToken: true,
        detectSessionInUrl: false,
      },
    })
  }

  /**
   * Calls listener when the server reports a change to this user's items or
   * vaults. Only a hint to pull: nothing in the notification is trusted or
   * applied, and a missed one is caught by the periodic pull.
   */
  watchChanges(userId: string, listener: () => void): () => void {
    const filter = `user_id=eq.${userId}`
    const channel = this.client
      .channel(`vault-sync-${userId}`)
      .on('postgres_changes', { event: '*', schema: 'public', table: 'items', filter }, listener)
      .on('postgres_changes', { event: '*', schema: 'public', table: 'vaults', filter }, listener)
      .subscribe()
    return () => {
      void this.client.removeChannel(channel)
    }
  }

  async pullAccount(): Promise<RemoteAccount | null> {
    const { data, error } = await this.client.from('accounts').select('*').maybeSingle()
    if (error) throw syncError(error)
    return data === null ? null : { record: accountFromRow(data as Row), seq: num((data as Row).seq) }
  }

  async pullVaults(afterSeq: number, limit: number): Promise<RemoteVault[]> {
    const rows = await this.#page('vaults', afterSeq, limit)
    return rows.map((row) => ({ record: vaultFromRow(row), seq: num(row.seq) }))
  }

  async pullItems(afterSeq: number, limit: number): Promise<RemoteItem[]> {
    const rows = await this.#page('items', afterSeq, limit)
    return rows.map(itemFromRow)
  }

  putAccount(record: AccountRecord, expected: AccountExpectation): Promise<number> {
    return this.#rpc('put_account', {
      p_account_id: record.accountId,
      p_kdf: JSON.parse(record.kdf),
      p_keyset_revision: record.keysetRevision,
      p_sealed_keyset: b64(record.sealedKeyset),
      p_box_public_key: b64(record.boxPublicKey),
      p_meta_revision: record.metaRevision,
      p_sealed_meta: b64(record.sealedMeta),
      p_expected_keyset_revision: expected.keysetRevision,
      p_expected_meta_revision: expected.metaRevision,
    })
  }

  putVault(record: VaultRecord, expectedRevision: number | null): Promise<number> {
    return this.#rpc('put_vault', {
      p_vault_id: record.vaultId,
      p_expected_revision: expectedRevision,
      p_revision: record.revision,
      p_sealed_key: b64(record.sealedKey),
      p_sealed_meta: b64(record.sealedMeta),
    })
  }

  async pullLog(vaultId: string, fromCounter: number): Promise<RemoteLogEntry[]> {
    const entries: RemoteLogEntry[] = []
    let from = fromCounter
    while (true) {
      const { data, error } = await this.client
        .from('vault_log')
        .select('vault_id,counter,sealed')
        .eq('vault_id', vaultId)
        .gte('counter', from)
        .order('counter')
        .limit(LOG_PAGE)
      if (error) throw syncError(error)
      const rows = (data ?? []) as Row[]
      for (const row of rows) {
        entries.push({ vaultId: String(row.vault_id), counter: num(row.counter), sealed: bytes(row.sealed) })
      }
      const last = entries.at(-1)
      if (rows.length < LOG_PAGE || last === undefined) return entries
      from = last.counter + 1
    }
  }

  /**
   * One server transaction (push_items): the history entry and every item, or
   * nothing. The server files every item under push.vaultId (a move is an
   * item pushed with its new vault), so an item of another vault is a bug.
   */
  async pushItems(push: VaultPush): Promise<number> {
    if (push.items.some(({ change }) => change.vaultId !== push.vaultId)) {
      throw new Error('pushItems: every item must belong to the pushed vault')
    }
    return this.#rpc('push_items', {
      p_vault_id: push.vaultId,
      p_log_counter: push.log.counter,
      p_log_sealed: b64(push.log.sealed),
      p_items: push.items.map(({ change, expectedRevision }) => ({
        item_id: change.itemId,
        expected_revision: expectedRevision,
        revision: change.revision,
        sealed: b64(change.sealed),
        deleted: change.deleted,
      })),
    })
  }

  changeCredentials(change: CredentialChangeRequest): Promise<number> {
    const { record, expected } = change
    return this.#rpc('change_credentials', {
      p_kdf: JSON.parse(record.kdf),
      p_keyset_revision: record.keysetRevision,
      p_sealed_keyset: b64(record.sealedKeyset),
      p_meta_revision: record.metaRevision,
      p_sealed_meta: b64(record.sealedMeta),
      p_expected_keyset_revision: expected.keysetRevision,
      p_expected_meta_revision: expected.metaRevision,
      p_current_login_secret: change.currentLoginSecret,
      p_new_login_secret: change.newLoginSecret,
    })
  }

  async #page(table: 'vaults' | 'items', afterSeq: number, limit: number): Promise<Row[]> {
    const { data, error } = await this.client.from(table).select('*').gt('seq', afterSeq).order('seq').limit(limit)
    if (error) throw syncError(error)
    return (data ?? []) as Row[]
  }

  async #rpc(name: string, args: Record<string, unknown>): Promise<number> {
    const { data, error } = await this.client.rpc(name, args)
    if (error) throw syncError(error)
    return num(data)
  }
}

function accountFromRow(row: Row): AccountRecord {
  return {
    accountId: String(row.account_id),
    // jsonb reorders keys: back to the text this app writes, so records compare byte for byte.
    kdf: canonicalKdfText(JSON.stringify(row.kdf)),
    keysetRevision: num(row.keyset_revision),
    sealedKeyset: bytes(row.sealed_keyset),
    boxPublicKey: bytes(row.box_public_key),
    metaRevision: num(row.meta_revision),
    sealedMeta: bytes(row.sealed_meta),
    createdAt: time(row.created_at),
    updatedAt: time(row.updated_at),
  }
}

function vaultFromRow(row: Row): VaultRecord {
  return {
    vaultId: String(row.vault_id),
    revision: num(row.revision),
    sealedKey: bytes(row.sealed_key),
    sealedMeta: bytes(row.sealed_meta),
    createdAt: time(row.created_at),
    updatedAt: time(row.updated_at),
  }
}

function itemFromRow(row: Row): RemoteItem {
  return {
    itemId: String(row.item_id),
    vaultId: String(row.vault_id),
    revision: num(row.revision),
    sealed: row.sealed === null || row.sealed === undefined ? null : bytes(row.sealed),
    deleted: row.deleted === true,
    updatedAt: time(row.updated_at),
    seq: num(row.seq),
  }
}
