/**
 * Takes in one item row from the server, after its vault's history has
 * vouched for it (vault-history.ts). An item this device has not touched
 * since its last sync is simply replaced; one edited here too is merged
 * (merge-remote.ts).
 */
import type { ItemContent } from '../../src-shared/domain/item.ts'
import type { SyncAccess } from '../vault/sync-access.ts'
import { keepLocalOverDeletion, mergeRemoteItem } from './merge-remote.ts'
import type { RemoteItem } from './types.ts'

export type Applied = 'applied' | 'conflict' | 'rejected'

export function applyRemoteItem(access: SyncAccess, remote: RemoteItem, pending: boolean, now: () => number): Applied {
  const { store } = access
  const known = store.sync.serverRevision('item', remote.itemId)
  // Our own push coming back, or something older than what we have.
  if (known !== null && remote.revision <= known) return 'applied'
  if (remote.deleted) {
    // A deletion counts only with a marker this account sealed for that item and revision.
    if (!access.tombstoneOpens(remote)) return 'rejected'
    // Edited here but deleted there: the edit wins; the push that follows brings the item back.
    if (pending) {
      keepLocalOverDeletion(access, remote.itemId, remote.revision)
    } else {
      store.sync.acceptRemoteDeletion(remote.itemId, remote.revision)
      access.refreshItem(remote.itemId)
    }
    return 'applied'
  }
  if (remote.sealed === null) return 'rejected'
  const sealedRemote = { ...remote, sealed: remote.sealed }
  // A record that does not open must not replace one that does; one that opens is used as opened.
  const theirs = tryOpen(access, sealedRemote)
  if (theirs === null) return 'rejected'
  const local = store.getCurrentItem(remote.itemId)
  if (local !== null && (pending || local.revision >= remote.revision)) {
    return mergeRemoteItem(access, sealedRemote, theirs, known) ? 'conflict' : 'applied'
  }
  const { itemId, vaultId, revision, sealed } = sealedRemote
  const record = { itemId, vaultId, revision, sealed, savedAt: remote.updatedAt || now() }
  store.sync.acceptRemoteItem(record)
  access.indexItem(record, theirs)
  return 'applied'
}

function tryOpen(access: SyncAccess, remote: RemoteItem & { sealed: Uint8Array }): ItemContent | null {
  try {
    return access.openItem(remote)
  } catch {
    return null
  }
}
