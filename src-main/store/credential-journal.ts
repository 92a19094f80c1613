/**
 * The journal of a master password or Secret Key change in flight: the
 * re-sealed keyset and meta wait here, beside the current account, until the
 * change is committed (or undone). Unlock tries them too, so at every moment
 * either the old secrets or the new ones open the vault, never neither.
 *
 * Like the rest of the store it holds only sealed records and revisions.
 */
import type { DatabaseSync } from 'node:sqlite'
import { bytes, int, type Row, text } from './rows.ts'
import { guard } from './sqlite-errors.ts'
import type { Statements } from './statements.ts'
import type { Transactor } from './transaction.ts'
import type { AccountRecord } from './types.ts'
import { assertAccount } from './validate.ts'

export interface PendingCredentials {
  /** The account record as it will be once the change is committed. */
  readonly record: AccountRecord
  /** A new Secret Key, sealed under the AccountKey (purpose 'secret-key'); null for a password or KDF change. */
  readonly sealedSecretKey: Uint8Array | null
  readonly startedAt: number
}

function prepare(db: DatabaseSync) {
  return {
    get: db.prepare('SELECT * FROM pending_account WHERE singleton = 1'),
    put: db.prepare(`INSERT INTO pending_account (singleton, kdf, keyset_revision, sealed_keyset, meta_revision,
      sealed_meta, sealed_secret_key, started_at) VALUES (1, :kdf, :keysetRevision, :sealedKeyset, :metaRevision,
      :sealedMeta, :sealedSecretKey, :startedAt)`),
    clear: db.prepare('DELETE FROM pending_account'),
    setServerRevision: db.prepare(`INSERT INTO sync_state (kind, record_id, server_revision) VALUES (?, ?, ?)
      ON CONFLICT (kind, record_id) DO UPDATE SET server_revision = excluded.server_revision`),
  }
}

export class CredentialJournal {
  readonly #path: string
  readonly #tx: Transactor
  readonly #sql: ReturnType<typeof prepare>
  readonly #store: Statements
  readonly #current: () => AccountRecord | null

  constructor(db: DatabaseSync, tx: Transactor, path: string, store: Statements, current: () => AccountRecord | null) {
    this.#path = path
    this.#tx = tx
    this.#sql = prepare(db)
    this.#store = store
    this.#current = current
  }

  pending(): PendingCredentials | null {
    const row = guard(this.#path, () => this.#sql.get.get())
    const current = this.#current()
    if (row === undefined || current === null) return null
    return pendingFromRow(row as Row, current, this.#path)
  }

  /** Records a change about to be sent; a second one while one is pending is a bug in the caller. */
  begin(change: PendingCredentials): void {
    assertAccount(change.record)
    const { kdf, keysetRevision, sealedKeyset, metaRevision, sealedMeta } = change.record
    this.#tx.run(() =>
      this.#sql.put.run({
        kdf,
        keysetRevision,
        sealedKeyset,
        metaRevision,
        sealedMeta,
        sealedSecretKey: change.sealedSecretKey,
        startedAt: change.startedAt,
      }),
    )
  }

  /** The change did not happen: the current account stays as it is. */
  abandon(): void {
    this.#tx.run(() => this.#sql.clear.run())
  }

  /**
   * Makes record the account, in one transaction with clearing the journal.
   * onServer: the sync server already holds it, so it is marked as the
   * server's revision rather than queued to be pushed.
   */
  commit(record: AccountRecord, options: { onServer: boolean }): void {
    assertAccount(record)
    this.#tx.run(() => {
      this.#store.putAccount.run({ ...record })
      if (options.onServer) {
        this.#sql.setServerRevision.run('account-keyset', record.accountId, record.keysetRevision)
        this.#sql.setServerRevision.run('account-meta', record.accountId, record.metaRevision)
      } else {
        const revision = record.keysetRevision + record.metaRevision
        this.#store.enqueue.run('account', record.accountId, revision, Date.now())
      }
      this.#sql.clear.run()
    })
  }
}

function pendingFromRow(row: Row, current: AccountRecord, path: string): PendingCredentials {
  const record: AccountRecord = {
    ...current,
    kdf: text(row, 'kdf', path),
    keysetRevision: int(row, 'keyset_revision', path),
    sealedKeyset: bytes(row, 'sealed_keyset', path),
    metaRevision: int(row, 'meta_revision', path),
    sealedMeta: bytes(row, 'sealed_meta', path),
  }
  const sealedSecretKey = row.sealed_secret_key === null ? null : bytes(row, 'sealed_secret_key', path)
  return { record, sealedSecretKey, startedAt: int(row, 'started_at', path) }
}
