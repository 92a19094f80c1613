/**
 * The sync server as the engine sees it: sealed records in, sealed records
 * out, a change sequence, and optimistic concurrency on revisions. The
 * Supabase transport (supabase-server.ts) implements it; tests also run the
 * engine against an in-memory one.
 */
import type { AccountRecord, VaultRecord } from '../store/index.ts'
import type { CredentialChangeRequest } from '../vault/credential-context.ts'

export interface RemoteAccount {
  readonly record: AccountRecord
  readonly seq: number
}

export interface RemoteVault {
  readonly record: VaultRecord
  readonly seq: number
}

/**
 * The current revision of one item on the server. A deleted item is a
 * tombstone whose `sealed` is its marker (vault/tombstone.ts); one without a
 * marker that opens is refused.
 */
export interface RemoteItem {
  readonly itemId: string
  readonly vaultId: string
  readonly revision: number
  readonly sealed: Uint8Array | null
  readonly deleted: boolean
  readonly updatedAt: number
  readonly seq: number
}

export interface ItemPush {
  readonly itemId: string
  readonly vaultId: string
  readonly revision: number
  /** The sealed item, or for a deletion its sealed tombstone marker (vault/tombstone.ts). */
  readonly sealed: Uint8Array
  readonly deleted: boolean
}

/** One item in a push: its record and the revision this device last saw on the server (null: never there). */
export interface ItemPushWithBase {
  readonly change: ItemPush
  readonly expectedRevision: number | null
}

/**
 * One entry of a vault's history (sync/vault-log.ts): sealed under the
 * VaultKey, bound to its counter, listing the item revisions it vouches for.
 * The server keeps them in order and cannot make or change one.
 */
export interface RemoteLogEntry {
  readonly vaultId: string
  readonly counter: number
  readonly sealed: Uint8Array
}

/**
 * Items of one vault and the history entry that vouches for them, taken by
 * the server together or not at all: a SYNC_CONFLICT when any item's
 * revision moved on, or when `log.counter` is not the one after the vault's
 * newest entry.
 */
export interface VaultPush {
  readonly vaultId: string
  readonly items: readonly ItemPushWithBase[]
  readonly log: { readonly counter: number; readonly sealed: Uint8Array }
}

export interface AccountExpectation {
  readonly keysetRevision: number | null
  readonly metaRevision: number | null
}

/**
 * Every put takes the revision this device last saw on the server (null: it
 * has never been there) and throws VaultError SYNC_CONFLICT when the server
 * has moved on. Every put resolves to the record's new change sequence.
 */
export interface SyncServer {
  pullAccount(): Promise<RemoteAccount | null>
  pullVaults(afterSeq: number, limit: number): Promise<RemoteVault[]>
  pullItems(afterSeq: number, limit: number): Promise<RemoteItem[]>
  putAccount(record: AccountRecord, expected: AccountExpectation): Promise<number>
  putVault(record: VaultRecord, expectedRevision: number | null): Promise<number>
  /** The vault's history entries with counter >= fromCounter, in order (all of them: the server pages). */
  pullLog(vaultId: string, fromCounter: number): Promise<RemoteLogEntry[]>
  /** Items and their history entry in one server transaction (VaultPush). */
  pushItems(push: VaultPush): Promise<number>
  /** The keyset record and the login secret together, in one server transaction (vault/credential-change.ts). */
  changeCredentials(change: CredentialChangeRequest): Promise<number>
}
