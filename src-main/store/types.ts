/**
 * The records the local store keeps. Every Uint8Array here is a sealed
 * envelope (or a public key): the store never sees a key or plaintext, so
 * nothing in these types is secret apart from what the envelopes protect.
 */

export interface AccountRecord {
  accountId: string
  /** JSON text of the KDF parameter record (docs/security-design.md §4.2). */
  kdf: string
  keysetRevision: number
  sealedKeyset: Uint8Array
  boxPublicKey: Uint8Array
  metaRevision: number
  sealedMeta: Uint8Array
  createdAt: number
  updatedAt: number
}

export interface VaultRecord {
  vaultId: string
  revision: number
  sealedKey: Uint8Array
  sealedMeta: Uint8Array
  createdAt: number
  updatedAt: number
}

export interface ItemRecord {
  itemId: string
  vaultId: string
  revision: number
  sealed: Uint8Array
  savedAt: number
}

export type OutboxKind = 'account' | 'vault' | 'item' | 'item-purge'

/**
 * An item revision as a vault's history lists it: the item, its revision,
 * the digest of its sealed record (for a deletion, of its sealed marker).
 */
export interface VouchedItem {
  readonly itemId: string
  readonly revision: number
  readonly digest: Uint8Array
  readonly deleted: boolean
}

/** The newest history entry a device verified for a vault; counter 0 (and a zero digest) before the first. */
export interface HistoryHead {
  readonly counter: number
  readonly digest: Uint8Array
}

export const OUTBOX_KINDS: readonly OutboxKind[] = ['account', 'vault', 'item', 'item-purge']

/**
 * One change waiting to be pushed. Sync reads the record itself from the
 * store when it pushes, so an entry carries only ids and a revision:
 * - 'account': recordId = account id, revision = keysetRevision + metaRevision
 *   (grows whenever either does);
 * - 'vault' / 'item': the record's revision;
 * - 'item-purge': the last revision the item had when it was purged.
 */
export interface OutboxEntry {
  seq: number
  kind: OutboxKind
  recordId: string
  revision: number
  queuedAt: number
}

export interface VaultStoreOptions {
  /** How long to wait for another connection's write lock before STORE_BUSY. Default 5000 ms. */
  busyTimeoutMs?: number
  /**
   * 'header' (default) reads only the header and schema at open; damage
   * elsewhere surfaces as STORE_CORRUPT on the query that meets it.
   * 'quick' also runs PRAGMA quick_check, which reads the whole file.
   * See DEFAULT_INTEGRITY_CHECK in open-database.ts for the measured cost.
   */
  integrityCheck?: 'quick' | 'header'
}
