/**
 * What sync needs from the store beyond ordinary saves: the last revision of
 * each record known to be on the server, and ways to take in records that
 * came FROM the server without queueing them to be pushed back.
 *
 * Like the rest of the store it holds only sealed records, ids and revisions.
 */
import type { DatabaseSync } from 'node:sqlite'
import { VaultError } from '../../src-shared/errors.ts'
import { guard, storeCorrupt } from './sqlite-errors.ts'
import type { Statements } from './statements.ts'
import type { Transactor } from './transaction.ts'
import type { AccountRecord, ItemRecord, VaultRecord } from './types.ts'
import { assertAccount, assertId, assertItem, assertVault } from './validate.ts'

export type SyncKind = 'account-keyset' | 'account-meta' | 'vault' | 'item'

/** Settings key of the items whose last merge had a clash (ids only: nothing secret). */
const CONFLICTS_SETTING = 'sync.conflicts'

/** Only what sync adds; record writes reuse the store's own statements (statements.ts). */
function prepare(db: DatabaseSync) {
  return {
    getServerRevision: db.prepare('SELECT server_revision FROM sync_state WHERE kind = ? AND record_id = ?'),
    setServerRevision: db.prepare(`INSERT INTO sync_state (kind, record_id, server_revision) VALUES (?, ?, ?)
      ON CONFLICT (kind, record_id) DO UPDATE SET server_revision = excluded.server_revision`),
    clearServerRevisions: db.prepare('DELETE FROM sync_state'),
    pendingIds: db.prepare(`SELECT DISTINCT record_id FROM outbox WHERE kind IN ('item', 'item-purge')`),
  }
}

export class SyncLedger {
  readonly #path: string
  readonly #tx: Transactor
  readonly #sql: ReturnType<typeof prepare>
  readonly #store: Statements

  constructor(db: DatabaseSync, tx: Transactor, path: string, storeStatements: Statements) {
    this.#path = path
    this.#tx = tx
    this.#sql = prepare(db)
    this.#store = storeStatements
  }

  /** The last revision of the record known to be on the server, or null when it never was. */
  serverRevision(kind: SyncKind, recordId: string): number | null {
    assertId(recordId, 'recordId')
    const row = guard(this.#path, () => this.#sql.getServerRevision.get(kind, recordId))
    if (row === undefined) return null
    if (typeof row.server_revision !== 'number') throw storeCorrupt(this.#path)
    return row.server_revision
  }

  setServerRevision(kind: SyncKind, recordId: string, revision: number): void {
    assertId(recordId, 'recordId')
    this.#tx.run(() => this.#sql.setServerRevision.run(kind, recordId, revision))
  }

  /** Forgets every server revision (signing out of sync, or moving to another server). */
  forgetServer(): void {
    this.#tx.run(() => this.#sql.clearServerRevisions.run())
  }

  /** Items with local changes (edits or purges) still waiting to be pushed. */
  pendingItemIds(): Set<string> {
    const rows = guard(this.#path, () => this.#sql.pendingIds.all())
    return new Set(rows.map((row) => String(row.record_id)))
  }

  /**
   * Takes in an item revision from the server as the item's current one: its
   * number must be above every local one (the caller merges first when they
   * clash). Nothing is queued for pushing, and it becomes the known server revision.
   */
  acceptRemoteItem(record: ItemRecord, serverRevision: number = record.revision): void {
    this.#tx.run(() => {
      this.#insertAbove(record)
      this.#sql.setServerRevision.run('item', record.itemId, serverRevision)
    })
  }

  /**
   * Saves the outcome of merging a server revision into local edits: the
   * records (ascending revisions, all above the local ones: the losing side
   * kept for history, then the merge) become the item's newest revisions, the
   * last one is queued for pushing, and serverRevision is what the push expects.
   */
  appendMerged(records: readonly ItemRecord[], serverRevision: number): void {
    this.#tx.run(() => {
      for (const record of records) this.#insertAbove(record)
      const last = records.at(-1)
      if (last === undefined) return
      this.#store.enqueue.run('item', last.itemId, last.revision, Date.now())
      this.#sql.setServerRevision.run('item', last.itemId, serverRevision)
    })
  }

  /** Items whose last merge had a clash, until the user has seen them. */
  conflictedItems(): Set<string> {
    const row = guard(this.#path, () => this.#store.getSetting.get(CONFLICTS_SETTING))
    if (row === undefined) return new Set()
    try {
      const parsed: unknown = JSON.parse(String(row.value))
      return new Set(Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [])
    } catch (error) {
      throw storeCorrupt(this.#path, error)
    }
  }

  /** Marks (true) or clears (false) an item's clash flag. */
  setConflicted(itemId: string, conflicted: boolean): void {
    assertId(itemId, 'itemId')
    this.#tx.run(() => {
      const ids = this.conflictedItems()
      if (conflicted) ids.add(itemId)
      else ids.delete(itemId)
      this.#store.putSetting.run(CONFLICTS_SETTING, JSON.stringify([...ids]))
    })
  }

  /** Applies a server tombstone: the item and its history go, nothing is queued. */
  acceptRemoteDeletion(itemId: string, serverRevision: number): void {
    assertId(itemId, 'itemId')
    this.#tx.run(() => {
      this.#store.deleteCurrent.run(itemId)
      this.#store.deleteRevisions.run(itemId)
      this.#sql.setServerRevision.run('item', itemId, serverRevision)
    })
  }

  acceptRemoteAccount(record: AccountRecord): void {
    assertAccount(record)
    this.#tx.run(() => {
      this.#store.putAccount.run({ ...record })
      this.#sql.setServerRevision.run('account-keyset', record.accountId, record.keysetRevision)
      this.#sql.setServerRevision.run('account-meta', record.accountId, record.metaRevision)
    })
  }

  acceptRemoteVault(record: VaultRecord): void {
    assertVault(record)
    this.#tx.run(() => {
      const { vaultId, revision, sealedKey, sealedMeta, createdAt, updatedAt } = record
      this.#store.putVault.run({ vaultId, revision, sealedKey, sealedMeta, createdAt, updatedAt })
      this.#sql.setServerRevision.run('vault', vaultId, revision)
    })
  }

  /** Makes record the item's current revision; its number must be above every local one. */
  #insertAbove(record: ItemRecord): void {
    assertItem(record)
    const current = this.#currentRevision(record.itemId) ?? 0
    if (record.revision <= current) {
      throw new VaultError('REVISION_CONFLICT', `Revision ${record.revision} is not above the local ${current}.`)
    }
    const { itemId, revision, vaultId, sealed, savedAt } = record
    this.#store.insertRevision.run({ itemId, revision, vaultId, sealed, savedAt })
    this.#store.setCurrent.run(itemId, revision)
  }

  #currentRevision(itemId: string): number | undefined {
    const row = this.#store.currentRevision.get(itemId)
    if (row === undefined) return undefined
    if (typeof row.revision !== 'number') throw storeCorrupt(this.#path)
    return row.revision
  }
}
