/**
 * Pushes runs of item changes, each chunk with the history entry that
 * vouches for it (vault-history.ts): the next counter, the digest of the
 * entry this device verified last, and the revision and record digest of
 * every item in the chunk. The server takes the items and the entry
 * together or not at all; on success this device advances its own verified
 * history to the entry it wrote.
 */
import type { OutboxEntry, VouchedItem } from '../store/index.ts'
import type { SyncAccess } from '../vault/sync-access.ts'
import type { ItemPushWithBase, SyncServer } from './types.ts'
import { entryDigest, sealedDigest } from './vault-history.ts'

/** Enough to keep one request small (PostgREST parses it whole); one large item still goes alone. */
const CHUNK_BYTES = 4 * 1024 * 1024

interface Prepared {
  readonly entry: OutboxEntry
  /** What goes up for this entry; null when there is nothing left to send. */
  readonly push: ItemPushWithBase | null
}

/** Returns how many items went up; throws SYNC_CONFLICT when the server has moved on. */
export async function pushItemRun(
  access: SyncAccess,
  server: SyncServer,
  run: readonly OutboxEntry[],
): Promise<number> {
  const sent = new Set<string>()
  const prepared: Prepared[] = run.map((entry) => ({ entry, push: prepare(access, entry, sent) }))
  let pushed = 0
  for (const chunk of chunksOf(prepared)) pushed += await pushChunk(access, server, chunk)
  return pushed
}

/**
 * A vault synced before histories existed: its first entry lists every item
 * revision the server held when this device read it whole (VaultHistory.unpublished).
 */
export async function publishUnpublished(access: SyncAccess, server: SyncServer): Promise<void> {
  for (const { vaultId } of access.store.listVaults()) {
    if (access.store.history.head(vaultId).counter === 0) await appendEntry(access, server, vaultId, [])
  }
}

async function pushChunk(access: SyncAccess, server: SyncServer, chunk: readonly Prepared[]): Promise<number> {
  const pushes = chunk.flatMap(({ push }) => (push === null ? [] : [push]))
  const last = chunk.at(-1)
  const vaultId = pushes[0]?.change.vaultId
  const acknowledge = () => {
    if (last !== undefined) access.store.acknowledgeOutbox(last.entry.seq)
  }
  if (vaultId === undefined) acknowledge()
  else await appendEntry(access, server, vaultId, pushes, acknowledge)
  return pushes.length
}

/**
 * Seals the next history entry for these items, pushes both, and records
 * what the server now holds, with `andThen` (the acknowledgement) in the same commit.
 */
async function appendEntry(
  access: SyncAccess,
  server: SyncServer,
  vaultId: string,
  pushes: readonly ItemPushWithBase[],
  andThen: () => void = () => undefined,
) {
  const { store } = access
  const head = store.history.head(vaultId)
  const counter = head.counter + 1
  const written = pushes.map(({ change }) => ({
    itemId: change.itemId,
    revision: change.revision,
    digest: sealedDigest(change.sealed),
    deleted: change.deleted,
  }))
  const changes = head.counter === 0 ? withBaseline(store.history.allVouched(vaultId), written) : written
  const sealed = access.sealHistoryEntry(vaultId, counter, { prev: head.digest, changes })
  await server.pushItems({ vaultId, items: pushes, log: { counter, sealed } })
  store.transaction(() => {
    for (const { change } of pushes) store.sync.setServerRevision('item', change.itemId, change.revision)
    store.history.advance(vaultId, { counter, digest: entryDigest(sealed) }, changes)
    andThen()
  })
}

/** The first entry: every row read on trust, with what this push writes over them. */
function withBaseline(baseline: readonly VouchedItem[], written: readonly VouchedItem[]): VouchedItem[] {
  const byId = new Map(baseline.map((item) => [item.itemId, item]))
  for (const item of written) byId.set(item.itemId, item)
  return [...byId.values()]
}

/** Contiguous slices of one vault each, cut before they pass CHUNK_BYTES. */
function chunksOf(prepared: readonly Prepared[]): Prepared[][] {
  const chunks: Prepared[][] = []
  let bytes = 0
  let vaultId: string | undefined
  for (const item of prepared) {
    const size = item.push?.change.sealed.length ?? 0
    const otherVault = item.push !== null && vaultId !== undefined && item.push.change.vaultId !== vaultId
    const current = chunks.at(-1)
    if (current === undefined || otherVault || (bytes > 0 && bytes + size > CHUNK_BYTES)) {
      chunks.push([item])
      bytes = size
      vaultId = item.push?.change.vaultId
    } else {
      current.push(item)
      bytes += size
      vaultId ??= item.push?.change.vaultId
    }
  }
  return chunks
}

function prepare(access: SyncAccess, entry: OutboxEntry, sent: Set<string>): ItemPushWithBase | null {
  if (sent.has(entry.recordId)) return null
  const push = entry.kind === 'item' ? prepareItem(access, entry.recordId) : prepareDeletion(access, entry)
  if (push !== null) sent.add(entry.recordId)
  return push
}

/** The item's current revision; later entries for the same item then find it already going up. */
function prepareItem(access: SyncAccess, itemId: string): ItemPushWithBase | null {
  const current = access.store.getCurrentItem(itemId)
  if (current === null) return null
  const known = access.store.sync.serverRevision('item', itemId)
  if (known !== null && known >= current.revision) return null
  const { vaultId, revision, sealed } = current
  return { change: { itemId, vaultId, revision, sealed, deleted: false }, expectedRevision: known }
}

/** A purge becomes a tombstone one revision above anything either side has seen, with its sealed marker. */
function prepareDeletion(access: SyncAccess, entry: OutboxEntry): ItemPushWithBase | null {
  const { store } = access
  const itemId = entry.recordId
  // Purged, then made again (a restore from a backup): the item entry that follows pushes it.
  if (store.getCurrentItem(itemId) !== null) return null
  const known = store.sync.serverRevision('item', itemId)
  if (known === null) return null
  const revision = Math.max(known, entry.revision) + 1
  // The purge dropped the item's records; every account has one vault so far, and it is that one.
  const vaultId = store.listVaults()[0]?.vaultId
  if (vaultId === undefined) return null
  const sealed = access.sealTombstone(itemId, vaultId, revision)
  return { change: { itemId, vaultId, revision, sealed, deleted: true }, expectedRevision: known }
}
