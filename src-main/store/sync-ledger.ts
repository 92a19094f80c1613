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
import type { Transactor } from './transaction.ts'
import type { AccountRecord, ItemRecord, VaultRecord } from './types.ts'
import { assertAccount, assertId, assertItem, assertVault } from './validate.ts'

export type SyncKind = 'account-keyset' | 'account-meta' | 'vault' | 'item'

/** Settings key of the items whose last merge had a clash (ids only: nothing secret). */
const CONFLICTS_SETTING = 'sync.conflicts'

function prepare(db: DatabaseSync) {
  return {
    getServerRevision: db.prepare('SELECT server_revision FROM sync_state WHERE kind = ? AND record_id = ?'),
    setServerRevision: db.prepare(`INSERT INTO sync_state (kind, record_id, server_revision) VALUES (?, ?, ?)
      ON CONFLICT (kind, record_id) DO UPDATE SET server_revision = excluded.server_revision`),
    clearServerRevisions: db.prepare('DELETE FROM sync_state'),
    currentRevision: db.prepare('SELECT revision FROM current_items WHERE item_id = ?'),
    insertRevision: db.prepare(`INSERT INTO item_revisions (item_id, revision, vault_id, sealed, saved_at)
      VALUES (:itemId, :revision, :vaultId, :sealed, :savedAt)`),
    setCurrent: db.prepare(`INSERT INTO current_items (item_id, revision) VALUES (?, ?)
      ON CONFLICT (item_id) DO UPDATE SET revision = excluded.revision`),
    deleteCurrent: db.prepare('DELETE FROM current_items WHERE item_id = ?'),
    deleteRevisions: db.prepare('DELETE FROM item_revisions WHERE item_id = ?'),
    getSetting: db.prepare('SELECT value FROM settings WHERE key = ?'),
    putSetting: db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`),
    enqueue: db.prepare('INSERT INTO outbox (kind, record_id, revision, queued_at) VALUES (?, ?, ?, ?)'),
    pendingIds: db.prepare(`SELECT DISTINCT record_id FROM outbox WHERE kind IN ('item', 'item-purge')`),
    putAccount: db.prepare(`INSERT OR REPLACE INTO account (singleton, account_id, kdf, keyset_revision,
      sealed_keyset, box_public_key, meta_revision, sealed_meta, created_at, updated_at)
      VALUES (1, :accountId, :kdf, :keysetRevision, :sealedKeyset, :boxPublicKey, :metaRevision,
      :sealedMeta, :createdAt, :updatedAt)`),
    putVault: db.prepare(`INSERT OR REPLACE INTO vaults (vault_id, revision, sealed_key, sealed_meta, created_at,
      updated_at) VALUES (:vaultId, :revision, :sealedKey, :sealedMeta, :createdAt, :updatedAt)`),
  }
}

export class SyncLedger {
  readonly #path: string
  readonly #tx: Transactor
  readonly #sql: ReturnType<typeof prepare>

  constructor(db: DatabaseSync, tx: Transactor, path: string) {
    this.#path = path
    this.#tx = tx
    this.#sql = prepare(db)
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
    assertItem(record)
    this.#tx.run(() => {
      const current = this.#currentRevision(record.itemId) ?? 0
      if (record.revision <= current) {
        throw new VaultError('REVISION_CONFLICT', `Revision ${record.revision} is not above the local ${current}.`)
      }
      const { itemId, revision, vaultId, sealed, savedAt } = record
      this.#sql.insertRevision.run({ itemId, revision, vaultId, sealed, savedAt })
      this.#sql.setCurrent.run(itemId, revision)
      this.#sql.setServerRevision.run('item', itemId, serverRevision)
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
      for (const record of records) {
        assertItem(record)
        const current = this.#currentRevision(record.itemId) ?? 0
        if (record.revision <= current) {
          throw new VaultError('REVISION_CONFLICT', `Revision ${record.revision} is not above the local ${current}.`)
        }
        const { itemId, revision, vaultId, sealed, savedAt } = record
        this.#sql.insertRevision.run({ itemId, revision, vaultId, sealed, savedAt })
        this.#sql.setCurrent.run(itemId, revision)
      }
      const last = records.at(-1)
      if (last === undefined) return
      this.#sql.enqueue.run('item', last.itemId, last.revision, Date.now())
      this.#sql.setServerRevision.run('item', last.itemId, serverRevision)
    })
  }

  /** Items whose last merge had a clash, until the user has seen them. */
  conflictedItems(): Set<string> {
    const row = guard(this.#path, () => this.#sql.getSetting.get(CONFLICTS_SETTING))
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
      this.#sql.putSetting.run(CONFLICTS_SETTING, JSON.stringify([...ids]))
    })
  }

  /** Applies a server tombstone: the item and its history go, nothing is queued. */
  acceptRemoteDeletion(itemId: string, serverRevision: number): void {
    assertId(itemId, 'itemId')
    this.#tx.run(() => {
      this.#sql.deleteCurrent.run(itemId)
      this.#sql.deleteRevisions.run(itemId)
      this.#sql.setServerRevision.run('item', itemId, serverRevision)
    })
  }

  acceptRemoteAccount(record: AccountRecord): void {
    assertAccount(record)
    this.#tx.run(() => {
      this.#sql.putAccount.run({ ...record })
      this.#sql.setServerRevision.run('account-keyset', record.accountId, record.keysetRevision)
      this.#sql.setServerRevision.run('account-meta', record.accountId, record.metaRevision)
    })
  }

  acceptRemoteVault(record: VaultRecord): void {
    assertVault(record)
    this.#tx.run(() => {
      const { vaultId, revision, sealedKey, sealedMeta, createdAt, updatedAt } = record
      this.#sql.putVault.run({ vaultId, revision, sealedKey, sealedMeta, createdAt, updatedAt })
      this.#sql.setServerRevision.run('vault', vaultId, revision)
    })
  }

  #currentRevision(itemId: string): number | undefined {
    const row = this.#sql.currentRevision.get(itemId)
    if (row === undefined) return undefined
    if (typeof row.revision !== 'number') throw storeCorrupt(this.#path)
    return row.revision
  }
}
