/**
 * What the sync engine may do with an unlocked vault: open and seal item
 * records (to merge a conflict), and bring the in-memory list up to date
 * after records arrive from the server. It never hands out a key.
 */
import type { ItemContent } from '../../src-shared/domain/item.ts'
import type { AccountRecord, ItemRecord, VaultRecord, VaultStore } from '../store/index.ts'
import { vaultRecordOpens } from './account.ts'
import { type HistoryEntry, openHistoryEntry, sealHistoryEntry } from './history-codec.ts'
import { openItem, sealItem } from './item-codec.ts'
import { indexContent, indexRecord } from './items.ts'
import type { UnlockedSession } from './session.ts'
import { sealTombstone, tombstoneOpens } from './tombstone.ts'

export interface SyncAccess {
  readonly store: VaultStore
  readonly accountId: string
  /** Opens one stored or pulled record; throws the envelope's error when it does not open. */
  openItem(record: Pick<ItemRecord, 'itemId' | 'vaultId' | 'revision' | 'sealed'>): ItemContent
  /** Seals content as the given revision of the item. */
  sealItem(itemId: string, vaultId: string, revision: number, content: ItemContent): Uint8Array
  /** Re-reads the item's current record from the store into the list (or drops it when it is gone). */
  refreshItem(itemId: string): void
  /** Lists a record just saved whose content the caller already opened (no second decryption). */
  indexItem(record: ItemRecord, content: ItemContent): void
  /** Takes in the server's account record if it is a vouched change (credential-settle.ts). */
  adoptAccount(record: AccountRecord): Promise<void>
  /** Whether a vault record from the server opens under this account (its key and its meta). */
  vaultOpens(record: VaultRecord): boolean
  /** The sealed marker of a deletion at this revision (tombstone.ts). */
  sealTombstone(itemId: string, vaultId: string, revision: number): Uint8Array
  /** Whether a server's tombstone carries a marker this account sealed for that item and revision. */
  tombstoneOpens(record: Pick<ItemRecord, 'itemId' | 'vaultId' | 'revision'> & { sealed: Uint8Array | null }): boolean
  /** Seals entry number `counter` of the vault's history (history-codec.ts). */
  sealHistoryEntry(vaultId: string, counter: number, entry: HistoryEntry): Uint8Array
  /** Opens entry number `counter` of the vault's history; throws when this account did not seal it there. */
  openHistoryEntry(vaultId: string, counter: number, sealed: Uint8Array): HistoryEntry
}

export function syncAccessFor(
  store: VaultStore,
  session: UnlockedSession,
  adoptAccount: (record: AccountRecord) => Promise<void>,
): SyncAccess {
  const address = (itemId: string, vaultId: string, revision: number) => ({
    accountId: session.accountId,
    vaultId,
    itemId,
    revision,
  })
  return {
    store,
    accountId: session.accountId,
    adoptAccount,
    vaultOpens: (record) => vaultRecordOpens(session.keyset.accountKey, session.accountId, record),
    sealTombstone: (itemId, vaultId, revision) =>
      sealTombstone(session.vaultKey(vaultId), address(itemId, vaultId, revision)),
    tombstoneOpens: ({ itemId, vaultId, revision, sealed }) =>
      tombstoneOpens(session, address(itemId, vaultId, revision), sealed),
    sealHistoryEntry: (vaultId, counter, entry) =>
      sealHistoryEntry(session.vaultKey(vaultId), { accountId: session.accountId, vaultId, counter }, entry),
    openHistoryEntry: (vaultId, counter, sealed) =>
      openHistoryEntry(session.vaultKey(vaultId), { accountId: session.accountId, vaultId, counter }, sealed),
    openItem: ({ itemId, vaultId, revision, sealed }) =>
      openItem(session.vaultKey(vaultId), address(itemId, vaultId, revision), sealed),
    sealItem: (itemId, vaultId, revision, content) =>
      sealItem(session.vaultKey(vaultId), address(itemId, vaultId, revision), content),
    indexItem: (record, content) => indexContent(session, record, content),
    refreshItem: (itemId) => {
      const record = store.getCurrentItem(itemId)
      if (record === null) session.index.remove(itemId)
      else indexRecord(session, record)
    },
  }
}
