/**
 * What this device has verified of each vault's history (sync/vault-history.ts):
 * the newest entry (its counter and the digest of its sealed bytes) and, per
 * item, the revision and record digest the history vouches for. The device
 * refuses a server that shows it anything older than this.
 *
 * Like the rest of the store it holds only ids, revisions and digests of
 * ciphertext.
 */
import type { DatabaseSync } from 'node:sqlite'
import { bytes, int, type Row, text } from './rows.ts'
import { guard } from './sqlite-errors.ts'
import type { Transactor } from './transaction.ts'
import type { HistoryHead, VouchedItem } from './types.ts'
import { assertId } from './validate.ts'

const DIGEST_BYTES = 32
export const NO_HISTORY: HistoryHead = { counter: 0, digest: new Uint8Array(DIGEST_BYTES) }

function prepare(db: DatabaseSync) {
  return {
    head: db.prepare('SELECT counter, head_digest FROM vault_history WHERE vault_id = ?'),
    putHead: db.prepare(`INSERT INTO vault_history (vault_id, counter, head_digest) VALUES (?, ?, ?)
      ON CONFLICT (vault_id) DO UPDATE SET counter = excluded.counter, head_digest = excluded.head_digest`),
    vouched: db.prepare('SELECT * FROM vouched_items WHERE vault_id = ? AND item_id = ?'),
    allVouched: db.prepare('SELECT * FROM vouched_items WHERE vault_id = ? ORDER BY item_id'),
    putVouched: db.prepare(`INSERT INTO vouched_items (vault_id, item_id, revision, digest, deleted)
      VALUES (?, ?, ?, ?, ?) ON CONFLICT (vault_id, item_id) DO UPDATE SET revision = excluded.revision,
      digest = excluded.digest, deleted = excluded.deleted`),
    // Vouched for, but this device has not yet seen that revision from the server.
    outstanding: db.prepare(`SELECT v.item_id, v.revision FROM vouched_items v
      LEFT JOIN sync_state s ON s.kind = 'item' AND s.record_id = v.item_id
      WHERE v.vault_id = ? AND (s.server_revision IS NULL OR s.server_revision < v.revision)`),
    forgetVault: db.prepare('DELETE FROM vouched_items WHERE vault_id = ?'),
    forgetHeads: db.prepare('DELETE FROM vault_history'),
    forgetVouched: db.prepare('DELETE FROM vouched_items'),
  }
}

export class HistoryLedger {
  readonly #path: string
  readonly #tx: Transactor
  readonly #sql: ReturnType<typeof prepare>

  constructor(db: DatabaseSync, tx: Transactor, path: string) {
    this.#path = path
    this.#tx = tx
    this.#sql = prepare(db)
  }

  /** The newest entry verified for the vault, or NO_HISTORY. */
  head(vaultId: string): HistoryHead {
    assertId(vaultId, 'vaultId')
    const row = guard(this.#path, () => this.#sql.head.get(vaultId))
    if (row === undefined) return NO_HISTORY
    return { counter: int(row, 'counter', this.#path), digest: bytes(row, 'head_digest', this.#path) }
  }

  vouched(vaultId: string, itemId: string): VouchedItem | null {
    const row = guard(this.#path, () => this.#sql.vouched.get(vaultId, itemId))
    return row === undefined ? null : this.#vouchedFromRow(row)
  }

  allVouched(vaultId: string): VouchedItem[] {
    const rows = guard(this.#path, () => this.#sql.allVouched.all(vaultId))
    return rows.map((row) => this.#vouchedFromRow(row))
  }

  /** Items the history vouches for at a revision this device has not had from the server yet. */
  outstanding(vaultId: string): Map<string, number> {
    const rows = guard(this.#path, () => this.#sql.outstanding.all(vaultId))
    return new Map(rows.map((row) => [text(row, 'item_id', this.#path), int(row, 'revision', this.#path)]))
  }

  /**
   * Records a newly verified head together with the item revisions its
   * entries vouched for; `replace` first forgets what was vouched before
   * (a history verified from its first entry).
   */
  advance(vaultId: string, head: HistoryHead, changes: Iterable<VouchedItem>, options = { replace: false }): void {
    assertId(vaultId, 'vaultId')
    if (head.digest.length !== DIGEST_BYTES) throw new TypeError('a history digest is 32 bytes')
    this.#tx.run(() => {
      if (options.replace) this.#sql.forgetVault.run(vaultId)
      this.#sql.putHead.run(vaultId, head.counter, head.digest)
      for (const item of changes) {
        this.#sql.putVouched.run(vaultId, item.itemId, item.revision, item.digest, item.deleted ? 1 : 0)
      }
    })
  }

  /** Forgets every vault's history (with the server revisions, when sync is turned off). */
  forget(): void {
    this.#tx.run(() => {
      this.#sql.forgetHeads.run()
      this.#sql.forgetVouched.run()
    })
  }

  #vouchedFromRow(row: Row): VouchedItem {
    return {
      itemId: text(row, 'item_id', this.#path),
      revision: int(row, 'revision', this.#path),
      digest: bytes(row, 'digest', this.#path),
      deleted: int(row, 'deleted', this.#path) === 1,
    }
  }
}
