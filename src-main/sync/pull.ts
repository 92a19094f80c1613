/**
 * Pulls what changed on the server since the last pull, a page at a time,
 * and takes it in. An item this device has not touched since its last sync
 * is simply replaced; one edited here too is merged (merge-remote.ts). The
 * position in the change sequence is saved only after its page is applied,
 * so an interrupted pull repeats work but never skips any.
 */
import type { ItemContent } from '../../src-shared/domain/item.ts'
import type { VaultStore } from '../store/index.ts'
import type { SyncAccess } from '../vault/sync-access.ts'
import { keepLocalOverDeletion, mergeRemoteItem } from './merge-remote.ts'
import type { RemoteItem, SyncServer } from './types.ts'

const PAGE = 500
export const SEQ_SETTINGS = { vaults: 'sync.seq.vaults', items: 'sync.seq.items' } as const

export interface PullReport {
  readonly items: number
  /** Items where both sides changed the same field; the other value is in the item's history. */
  readonly conflicts: readonly string[]
  /** Server records that failed to open (tampered or corrupt): refused, the local item kept as it was. */
  readonly rejected: readonly string[]
}

type Applied = 'applied' | 'conflict' | 'rejected'

export async function pullChanges(access: SyncAccess, server: SyncServer, now: () => number): Promise<PullReport> {
  const { store } = access
  await pullAccount(access, server)
  const conflicts: string[] = []
  const rejected: string[] = await pullVaults(access, server)
  let items = 0
  for (let after = seqSetting(store, SEQ_SETTINGS.items); ; ) {
    const page = await server.pullItems(after, PAGE)
    const pending = store.sync.pendingItemIds()
    // One transaction per page: one disk flush instead of one per item, and the
    // position is saved together with the items it covers.
    store.transaction(() => {
      for (const remote of page) {
        const applied = applyRemoteItem(access, remote, pending.has(remote.itemId), now)
        if (applied === 'conflict') conflicts.push(remote.itemId)
        if (applied === 'rejected') rejected.push(remote.itemId)
        items += 1
      }
      const last = page.at(-1)
      if (last !== undefined) store.putSetting(SEQ_SETTINGS.items, last.seq)
    })
    after = page.at(-1)?.seq ?? after
    if (page.length < PAGE) return { items, conflicts, rejected }
  }
}

function applyRemoteItem(access: SyncAccess, remote: RemoteItem, pending: boolean, now: () => number): Applied {
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

/** The account record is taken in only as a change this account vouched for (vault/credential-settle.ts). */
async function pullAccount(access: SyncAccess, server: SyncServer): Promise<void> {
  const remote = await server.pullAccount()
  if (remote !== null) await access.adoptAccount(remote.record)
}

/**
 * A vault record is taken in only when it opens under this account: one the
 * server substituted or invented would otherwise replace the vault key every
 * unlock needs. Refused records are reported beside refused items.
 */
async function pullVaults(access: SyncAccess, server: SyncServer): Promise<string[]> {
  const { store } = access
  const rejected: string[] = []
  for (let after = seqSetting(store, SEQ_SETTINGS.vaults); ; ) {
    const page = await server.pullVaults(after, PAGE)
    for (const { record } of page) {
      const known = store.sync.serverRevision('vault', record.vaultId)
      if (known !== null && record.revision <= known) continue
      if (access.vaultOpens(record)) store.sync.acceptRemoteVault(record)
      else rejected.push(record.vaultId)
    }
    const last = page.at(-1)
    if (last !== undefined) {
      after = last.seq
      store.putSetting(SEQ_SETTINGS.vaults, after)
    }
    if (page.length < PAGE) return rejected
  }
}

function seqSetting(store: VaultStore, key: string): number {
  const value = store.getSetting(key)
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0
}
