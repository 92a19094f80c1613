/**
 * A server revision met local edits of the same item: merge field by field
 * against the base (the last server revision this device saw, still in its
 * history), keep every value that lost a clash in the item's history, and
 * queue the merge to be pushed on top of the server's revision.
 */
import type { ItemContent } from '../../src-shared/domain/item.ts'
import type { ItemRecord } from '../store/index.ts'
import type { SyncAccess } from '../vault/sync-access.ts'
import { mergeItems } from './merge.ts'
import type { RemoteItem } from './types.ts'

/** Returns true when some field changed on both sides (the item is then flagged for the user). */
export function mergeRemoteItem(
  access: SyncAccess,
  remote: RemoteItem & { readonly sealed: Uint8Array },
  theirs: ItemContent,
  known: number | null,
): boolean {
  const { store } = access
  const localRecord = store.getCurrentItem(remote.itemId)
  if (localRecord === null) throw new Error('mergeRemoteItem needs a local item')
  const local = access.openItem(localRecord)
  const base = baseContent(access, remote.itemId, known)
  const result = mergeItems({ base, local, remote: theirs })
  const records: ItemRecord[] = []
  let revision = Math.max(localRecord.revision, remote.revision) + 1
  // The local side is already in this device's history; the server's side is kept by sealing it here.
  if (result.losers.includes('remote')) {
    records.push(recordOf(access, localRecord.vaultId, remote.itemId, revision, theirs))
    revision += 1
  }
  const merged = recordOf(access, localRecord.vaultId, remote.itemId, revision, result.merged)
  records.push(merged)
  store.sync.appendMerged(records, remote.revision)
  if (result.conflicts.length > 0) store.sync.setConflicted(remote.itemId, true)
  access.indexItem(merged, result.merged)
  return result.conflicts.length > 0
}

/**
 * Deleted on the server but edited here: the edit wins. The local content is
 * saved again above the tombstone's revision, so the push that follows
 * brings the item back for every device.
 */
export function keepLocalOverDeletion(access: SyncAccess, itemId: string, tombstoneRevision: number): void {
  const { store } = access
  const localRecord = store.getCurrentItem(itemId)
  if (localRecord === null) return
  const revision = Math.max(localRecord.revision, tombstoneRevision) + 1
  const content = access.openItem(localRecord)
  const record = recordOf(access, localRecord.vaultId, itemId, revision, content)
  store.sync.appendMerged([record], tombstoneRevision)
  access.indexItem(record, content)
}

function baseContent(access: SyncAccess, itemId: string, known: number | null): ItemContent | null {
  if (known === null) return null
  const record = access.store.getItemRevision(itemId, known)
  if (record === null) return null
  try {
    return access.openItem(record)
  } catch {
    // A damaged base only makes the merge more cautious: every difference counts as a clash.
    return null
  }
}

function recordOf(
  access: SyncAccess,
  vaultId: string,
  itemId: string,
  revision: number,
  content: ItemContent,
): ItemRecord {
  return {
    itemId,
    vaultId,
    revision,
    sealed: access.sealItem(itemId, vaultId, revision, content),
    savedAt: content.updatedAt,
  }
}
