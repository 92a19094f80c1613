/**
 * The store's schema as numbered migrations. PRAGMA user_version records the
 * last one applied. Never edit a migration that has shipped: add a new one.
 */
import type { DatabaseSync } from 'node:sqlite'

export interface Migration {
  /** 1, 2, 3, … with no gaps: the user_version the file has after this step. */
  readonly version: number
  readonly up: (db: DatabaseSync) => void
}

const V1_SQL = `
-- One account per store file: the CHECK makes a second row impossible.
CREATE TABLE account (
  singleton INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
  account_id TEXT NOT NULL CHECK (account_id <> ''),
  kdf TEXT NOT NULL,
  keyset_revision INTEGER NOT NULL CHECK (keyset_revision >= 0),
  sealed_keyset BLOB NOT NULL,
  box_public_key BLOB NOT NULL,
  meta_revision INTEGER NOT NULL CHECK (meta_revision >= 0),
  sealed_meta BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE vaults (
  vault_id TEXT PRIMARY KEY NOT NULL CHECK (vault_id <> ''),
  revision INTEGER NOT NULL CHECK (revision >= 0),
  sealed_key BLOB NOT NULL,
  sealed_meta BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- Every revision of every item, never rewritten (full history). The vault id
-- is per revision because an item may move to another vault in a new revision.
-- No foreign key to vaults: sync may deliver an item before its vault.
CREATE TABLE item_revisions (
  item_id TEXT NOT NULL CHECK (item_id <> ''),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  vault_id TEXT NOT NULL CHECK (vault_id <> ''),
  sealed BLOB NOT NULL,
  saved_at INTEGER NOT NULL,
  PRIMARY KEY (item_id, revision)
) STRICT;

-- The current pointer: one small row per item, clustered by item_id, so
-- listing current items walks a compact b-tree in order and fetches each
-- blob by primary key. The foreign key stops it pointing at a missing revision.
CREATE TABLE current_items (
  item_id TEXT PRIMARY KEY NOT NULL,
  revision INTEGER NOT NULL,
  FOREIGN KEY (item_id, revision) REFERENCES item_revisions (item_id, revision)
) STRICT, WITHOUT ROWID;

-- AUTOINCREMENT so a sequence number is never reused after acknowledged rows are deleted.
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('account', 'vault', 'item', 'item-purge')),
  record_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  queued_at INTEGER NOT NULL
) STRICT;

-- Non-secret preferences only, each value as JSON text.
CREATE TABLE settings (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`

/**
 * v2, sync: the last revision of each record known to be on the server (the
 * base a local edit was made on, and the expected revision of its push).
 */
const V2_SQL = `
CREATE TABLE sync_state (
  kind TEXT NOT NULL CHECK (kind IN ('account-keyset', 'account-meta', 'vault', 'item')),
  record_id TEXT NOT NULL CHECK (record_id <> ''),
  server_revision INTEGER NOT NULL CHECK (server_revision >= 0),
  PRIMARY KEY (kind, record_id)
) STRICT, WITHOUT ROWID;
`

/**
 * v3, changing the master password or Secret Key: the re-sealed keyset and
 * meta of a change in flight, kept beside the current account until the sync
 * server has taken it (vault/credential-change.ts). A new Secret Key waits
 * here sealed under the AccountKey, never in clear.
 */
const V3_SQL = `
CREATE TABLE pending_account (
  singleton INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
  kdf TEXT NOT NULL,
  keyset_revision INTEGER NOT NULL CHECK (keyset_revision >= 1),
  sealed_keyset BLOB NOT NULL,
  meta_revision INTEGER NOT NULL CHECK (meta_revision >= 1),
  sealed_meta BLOB NOT NULL,
  sealed_secret_key BLOB,
  started_at INTEGER NOT NULL
) STRICT;
`

/**
 * v4, the vault history (sync/vault-history.ts, docs/security-design.md §4.11):
 * per vault, the newest history entry this device has verified (its counter
 * and the digest of its sealed bytes) with the revisions it vouched for that
 * have not arrived yet, and the item revisions the history vouches for, each
 * with the digest of its sealed record. Ids, revisions and digests of
 * ciphertext only.
 */
const V4_SQL = `
CREATE TABLE vault_history (
  vault_id TEXT PRIMARY KEY NOT NULL CHECK (vault_id <> ''),
  counter INTEGER NOT NULL CHECK (counter >= 0),
  head_digest BLOB NOT NULL CHECK (length(head_digest) = 32),
  -- JSON [[item id, revision], …]: vouched for, not yet had from the server; the next pull must bring them.
  owed TEXT NOT NULL DEFAULT '[]'
) STRICT, WITHOUT ROWID;

CREATE TABLE vouched_items (
  vault_id TEXT NOT NULL CHECK (vault_id <> ''),
  item_id TEXT NOT NULL CHECK (item_id <> ''),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  digest BLOB NOT NULL CHECK (length(digest) = 32),
  deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
  PRIMARY KEY (vault_id, item_id)
) STRICT, WITHOUT ROWID;
`

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, up: (db) => db.exec(V1_SQL) },
  { version: 2, up: (db) => db.exec(V2_SQL) },
  { version: 3, up: (db) => db.exec(V3_SQL) },
  { version: 4, up: (db) => db.exec(V4_SQL) },
]
