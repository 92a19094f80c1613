/**
 * A vault's history, as this device verifies it during one sync round
 * (docs/security-design.md §4.11). Every push appends one entry, sealed under
 * the VaultKey and numbered 1, 2, 3…, listing the item revisions it wrote
 * with the digest of each sealed record, and the digest of the entry before
 * it. The server stores entries and items in one transaction, and cannot
 * make, change, reorder or drop an entry unnoticed.
 *
 * A round checks, in this order:
 *  1. load: the entry this device verified last is still there, unchanged
 *     (else rollback, or fork), and each newer one opens, follows it, and
 *     only moves items forward;
 *  2. every pulled row is one the history vouches for; a row newer than the
 *     history is held until the entries fetched after the pull vouch for it
 *     (else forged); a row older than it is a rollback;
 *  3. every revision the history vouched for before the pull has arrived
 *     (else withheld).
 * Any failure throws TamperDetected before the rows concerned are applied.
 */
import { recordDigest } from '../crypto/index.ts'
import type { HistoryHead, VaultStore, VouchedItem } from '../store/index.ts'
import type { HistoryEntry } from '../vault/history-codec.ts'
import type { SyncAccess } from '../vault/sync-access.ts'
import { type HaltKind, TamperDetected } from './tamper.ts'
import type { RemoteItem, RemoteLogEntry, SyncServer } from './types.ts'

export type RowVerdict = 'vouched' | 'ahead'

/** Names a sealed item record (or tombstone marker) in a history entry. */
export function sealedDigest(sealed: Uint8Array): Uint8Array {
  return recordDigest('vault.history.record', [sealed])
}

/** Names a whole history entry: the next entry's `prev`, and this device's remembered head. */
export function entryDigest(sealed: Uint8Array): Uint8Array {
  return recordDigest('vault.history.entry', [sealed])
}

/** Digests are not secret, so a plain comparison will do (no constant time needed). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0
}

const key = (itemId: string, revision: number, digest: Uint8Array) =>
  `${itemId}\u0000${revision}\u0000${Buffer.from(digest).toString('hex')}`

export class VaultHistory {
  readonly vaultId: string
  /**
   * Neither the server nor this device has a history for the vault yet (it
   * was synced before histories existed): the rows are taken as they are,
   * once, and the next push publishes them as the first entry.
   */
  readonly unpublished: boolean
  readonly #access: SyncAccess
  #head: HistoryHead
  /** This device verified nothing yet, so nothing it stored before counts as vouched. */
  readonly #fresh: boolean
  /** The newest revision per item among the entries verified this round. */
  readonly #changes = new Map<string, VouchedItem>()
  /** Every revision an entry of this round vouched for: a row superseded during the pull is still genuine. */
  readonly #seen = new Set<string>()
  /** Vouched for before the rows were pulled, not yet had from the server: the pull must bring them. */
  #owed = new Map<string, number>()

  private constructor(access: SyncAccess, vaultId: string, head: HistoryHead, unpublished: boolean) {
    this.#access = access
    this.vaultId = vaultId
    this.#head = head
    this.#fresh = head.counter === 0
    this.unpublished = unpublished
  }

  /** Step 1, before the rows are pulled. */
  static async load(access: SyncAccess, server: SyncServer, vaultId: string): Promise<VaultHistory> {
    const head = access.store.history.head(vaultId)
    const entries = await server.pullLog(vaultId, Math.max(head.counter, 1))
    const history = new VaultHistory(access, vaultId, head, head.counter === 0 && entries.length === 0)
    history.#apply(history.#afterHead(entries))
    history.#owed = history.#owedNow()
    return history
  }

  /** Step 2's second half, when rows were held back: the entries appended while the rows were being pulled. */
  async catchUp(server: SyncServer): Promise<void> {
    if (this.unpublished) return
    this.#apply(await server.pullLog(this.vaultId, this.#head.counter + 1))
  }

  /** Step 2: whether the history vouches for a pulled row, or the row is newer than it; throws on a lie. */
  check(row: RemoteItem): RowVerdict {
    const digest = row.sealed === null ? null : sealedDigest(row.sealed)
    if (this.unpublished) {
      if (digest !== null) this.#changes.set(row.itemId, vouchedOf(row, digest))
      return 'vouched'
    }
    const vouched = this.vouched(row.itemId)
    if (vouched === null || row.revision > vouched.revision) return 'ahead'
    if (digest !== null && this.#seen.has(key(row.itemId, row.revision, digest))) return 'vouched'
    if (digest !== null && row.revision === vouched.revision && sameBytes(digest, vouched.digest)) return 'vouched'
    return this.#fail(row.revision === vouched.revision ? 'fork' : 'rollback', [row.itemId])
  }

  /** A row this round's rows were refused for (it did not open): not part of what an unpublished vault publishes. */
  drop(itemId: string): void {
    if (this.unpublished) this.#changes.delete(itemId)
  }

  /** Step 3, after the rows are applied. */
  expectDelivered(store: VaultStore): void {
    const missing = [...this.#owed].filter(([itemId, revision]) => !delivered(store, itemId, revision))
    const itemIds = missing.map(([itemId]) => itemId)
    if (itemIds.length > 0) this.#fail('withheld', itemIds)
  }

  /**
   * Remembers what was verified, so that nothing older is accepted later,
   * and what the entries read after the pull vouched for but the pull did
   * not bring yet: the next pull owes it.
   */
  commit(store: VaultStore): void {
    const owed = new Map<string, number>()
    for (const [itemId, revision] of this.#owed) if (!delivered(store, itemId, revision)) owed.set(itemId, revision)
    for (const [itemId, { revision }] of this.#changes) {
      if (!delivered(store, itemId, revision)) owed.set(itemId, revision)
    }
    store.history.advance(this.vaultId, this.#head, this.#changes.values(), { replace: this.#fresh, owed })
  }

  /** The revision the history vouches for, from this round's entries or what was verified before. */
  vouched(itemId: string): VouchedItem | null {
    const changed = this.#changes.get(itemId)
    if (changed !== undefined) return changed
    return this.#fresh ? null : this.#access.store.history.vouched(this.vaultId, itemId)
  }

  /** The remembered entry must come first, unchanged; the newer ones follow it. */
  #afterHead(entries: readonly RemoteLogEntry[]): readonly RemoteLogEntry[] {
    if (this.#head.counter === 0) return entries
    const first = entries[0]
    if (first === undefined || first.counter !== this.#head.counter) return this.#fail('rollback')
    if (!sameBytes(entryDigest(first.sealed), this.#head.digest)) return this.#fail('fork')
    return entries.slice(1)
  }

  #apply(entries: readonly RemoteLogEntry[]): void {
    for (const remote of entries) {
      const counter = this.#head.counter + 1
      if (remote.counter !== counter || remote.vaultId !== this.vaultId) this.#fail('forged')
      const entry = this.#open(remote, counter)
      if (!sameBytes(entry.prev, this.#head.digest)) this.#fail('fork')
      for (const change of entry.changes) this.#vouch(change)
      this.#head = { counter, digest: entryDigest(remote.sealed) }
    }
  }

  #open(remote: RemoteLogEntry, counter: number): HistoryEntry {
    try {
      return this.#access.openHistoryEntry(this.vaultId, counter, remote.sealed)
    } catch {
      return this.#fail('forged')
    }
  }

  /** Items only move forward, and one revision has one record. */
  #vouch(change: VouchedItem): void {
    const before = this.vouched(change.itemId)
    if (before !== null) {
      const backwards = change.revision < before.revision
      const rewritten = change.revision === before.revision && !sameBytes(change.digest, before.digest)
      if (backwards || rewritten) this.#fail('forged', [change.itemId])
    }
    this.#changes.set(change.itemId, change)
    this.#seen.add(key(change.itemId, change.revision, change.digest))
  }

  #owedNow(): Map<string, number> {
    const { store } = this.#access
    const owed = this.#fresh ? new Map<string, number>() : store.history.owed(this.vaultId)
    for (const [itemId, change] of this.#changes) {
      if (!delivered(store, itemId, change.revision)) owed.set(itemId, change.revision)
    }
    return owed
  }

  #fail(kind: HaltKind, itemIds: readonly string[] = []): never {
    throw new TamperDetected(kind, this.vaultId, itemIds)
  }
}

/** Whether this device has had the item from the server at that revision or a later one. */
function delivered(store: VaultStore, itemId: string, revision: number): boolean {
  const known = store.sync.serverRevision('item', itemId)
  return known !== null && known >= revision
}

function vouchedOf(row: RemoteItem, digest: Uint8Array): VouchedItem {
  return { itemId: row.itemId, revision: row.revision, digest, deleted: row.deleted }
}
