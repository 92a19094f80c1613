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
import { guard, storeCorrupt } from './sqlite-errors.ts'
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
    owed: db.prepare('SELECT owed FROM vault_history WHERE vault_id = ?'),
    setOwed: db.prepare('UPDATE vault_history SET owed = ? WHERE vault_id = ?'),
    forgetVault: db.prepare('DELETE FROM vouched_items WHERE vault_id = ?'),
    forgetHeads: db.prepare('DELETE FROM vault_history'),
    forgetVouched: db.prepare('DELETE FROM vouched_items'),
  }
}

export interface AdvanceOptions {
  readonly replace?: boolean
  readonly owed?: ReadonlyMap<string, number>
}

function parseOwed(json: string): Map<string, number> | null {
  try {
    const parsed: unknown = JSON.parse(json)
    if (!Array.isArray(parsed)) return null
    const owed = new Map<string, number>()
    for (const pair of parsed) {
      if (!Array.isArray(pair) || typeof pair[0] !== 'string' || !Number.isSafeInteger(pair[1])) return null
      owed.set(pair[0], pair[1])
    }
    return owed
  } catch {
    return null
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

  /** Revisions the history vouched for that this device had not had from the server when it last pulled. */
  owed(vaultId: string): Map<string, number> {
    const row = guard(this.#path, () => this.#sql.owed.get(vaultId))
    if (row === undefined) return new Map()
    const parsed = parseOwed(text(row, 'owed', this.#path))
    if (parsed === null) throw storeCorrupt(this.#path)
    return parsed
  }

  /**
   * Records a newly verified head together with the item revisions its
   * entries vouched for. `replace` first forgets what was vouched before (a
   * history verified from its first entry); `owed`, when given, replaces the
   * revisions still to arrive.
   */
  advance(vaultId: string, head: HistoryHead, changes: Iterable<VouchedItem>, options: AdvanceOptions = {}): void {
    assertId(vaultId, 'vaultId')
    if (head.digest.length !== DIGEST_BYTES) throw new TypeError('a history digest is 32 bytes')
    this.#tx.run(() => {
      if (options.replace === true) this.#sql.forgetVault.run(vaultId)
      this.#sql.putHead.run(vaultId, head.counter, head.digest)
      if (options.owed !== undefined) this.#sql.setOwed.run(JSON.stringify([...options.owed]), vaultId)
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
