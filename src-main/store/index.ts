/**
 * The local store's public interface: sealed records, revisions, the sync
 * outbox and non-secret settings in one SQLite file (node:sqlite).
 */

export type { CredentialJournal, PendingCredentials } from './credential-journal.ts'
export { type HistoryLedger, NO_HISTORY } from './history-ledger.ts'
export type { SyncKind, SyncLedger } from './sync-ledger.ts'
export type {
  AccountRecord,
  HistoryHead,
  ItemRecord,
  OutboxEntry,
  OutboxKind,
  VaultRecord,
  VaultStoreOptions,
  VouchedItem,
} from './types.ts'
export { VaultStore } from './vault-store.ts'
