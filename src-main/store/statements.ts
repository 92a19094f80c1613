/**
 * Every SQL statement the store runs, prepared once per connection.
 * Values are always bound, never spliced into the SQL text.
 */
import type { DatabaseSync } from 'node:sqlite'

const ITEM_COLUMNS = 'r.item_id, r.vault_id, r.revision, r.sealed, r.saved_at'

// current_items is clustered by item_id, so this walks it in order (no sort)
// and fetches each revision through item_revisions' primary key.
const CURRENT_ITEMS = `SELECT ${ITEM_COLUMNS} FROM current_items c
  JOIN item_revisions r ON r.item_id = c.item_id AND r.revision = c.revision`

export function prepareStatements(db: DatabaseSync) {
  return {
    getAccount: db.prepare('SELECT * FROM account WHERE singleton = 1'),
    putAccount: db.prepare(`INSERT OR REPLACE INTO account (singleton, account_id, kdf, keyset_revision,
      sealed_keyset, box_public_key, meta_revision, sealed_meta, created_at, updated_at)
      VALUES (1, :accountId, :kdf, :keysetRevision, :sealedKeyset, :boxPublicKey, :metaRevision,
      :sealedMeta, :createdAt, :updatedAt)`),

    listVaults: db.prepare('SELECT * FROM vaults ORDER BY vault_id'),
    putVault: db.prepare(`INSERT OR REPLACE INTO vaults (vault_id, revision, sealed_key, sealed_meta, created_at,
      updated_at) VALUES (:vaultId, :revision, :sealedKey, :sealedMeta, :createdAt, :updatedAt)`),

    listCurrentItems: db.prepare(`${CURRENT_ITEMS} ORDER BY c.item_id`),
    listCurrentItemsAfter: db.prepare(`${CURRENT_ITEMS} WHERE c.item_id > ? ORDER BY c.item_id LIMIT ?`),
    getCurrentItem: db.prepare(`${CURRENT_ITEMS} WHERE c.item_id = ?`),
    currentRevision: db.prepare('SELECT revision FROM current_items WHERE item_id = ?'),
    insertRevision: db.prepare(`INSERT INTO item_revisions (item_id, revision, vault_id, sealed, saved_at)
      VALUES (:itemId, :revision, :vaultId, :sealed, :savedAt)`),
    setCurrent: db.prepare(`INSERT INTO current_items (item_id, revision) VALUES (?, ?)
      ON CONFLICT (item_id) DO UPDATE SET revision = excluded.revision`),
    listRevisions: db.prepare(`SELECT ${ITEM_COLUMNS} FROM item_revisions r WHERE r.item_id = ? ORDER BY r.revision`),
    getRevision: db.prepare(`SELECT ${ITEM_COLUMNS} FROM item_revisions r WHERE r.item_id = ? AND r.revision = ?`),
    // The pointer goes first: its foreign key forbids deleting the revision it points at.
    deleteCurrent: db.prepare('DELETE FROM current_items WHERE item_id = ?'),
    deleteRevisions: db.prepare('DELETE FROM item_revisions WHERE item_id = ?'),

    enqueue: db.prepare('INSERT INTO outbox (kind, record_id, revision, queued_at) VALUES (?, ?, ?, ?)'),
    // LIMIT -1 means no limit in SQLite.
    listOutbox: db.prepare('SELECT * FROM outbox ORDER BY seq LIMIT ?'),
    acknowledgeOutbox: db.prepare('DELETE FROM outbox WHERE seq <= ?'),

    getSetting: db.prepare('SELECT value FROM settings WHERE key = ?'),
    putSetting: db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value`),
    deleteSetting: db.prepare('DELETE FROM settings WHERE key = ?'),
  }
}

export type Statements = ReturnType<typeof prepareStatements>
