/**
 * Pushes the outbox, oldest entry first. Each record goes up with the
 * revision this device last saw on the server as the expected one; the
 * first SYNC_CONFLICT stops the push so the engine can pull and merge. An
 * entry is acknowledged only after the server has taken its record.
 */
import { isVaultError } from '../../src-shared/errors.ts'
import type { OutboxEntry, VaultStore } from '../store/index.ts'
import type { SyncAccess } from '../vault/sync-access.ts'
import type { SyncServer } from './types.ts'

export type PushOutcome =
  | { readonly kind: 'done'; readonly pushed: number }
  | { readonly kind: 'conflict'; readonly pushed: number }

const PAGE = 200

/** Records, after the server took a push, which revision it now holds. */
type Settle = () => void

export async function pushOutbox(access: SyncAccess, server: SyncServer): Promise<PushOutcome> {
  const { store } = access
  let pushed = 0
  for (;;) {
    const entries = store.listOutbox(PAGE)
    if (entries.length === 0) return { kind: 'done', pushed }
    for (const entry of entries) {
      let settle: Settle | null
      try {
        settle = await pushEntry(access, server, entry)
      } catch (error) {
        if (isVaultError(error, 'SYNC_CONFLICT')) return { kind: 'conflict', pushed }
        throw error
      }
      // What the server now holds and the acknowledgement land in one commit.
      store.transaction(() => {
        settle?.()
        store.acknowledgeOutbox(entry.seq)
      })
      if (settle !== null) pushed += 1
    }
  }
}

/** Pushes what the entry stands for, as it is now; null when there was nothing left to send. */
async function pushEntry(access: SyncAccess, server: SyncServer, entry: OutboxEntry): Promise<Settle | null> {
  const { store } = access
  switch (entry.kind) {
    case 'account':
      return pushAccount(store, server)
    case 'vault':
      return pushVault(store, server, entry.recordId)
    case 'item':
      return pushItem(store, server, entry.recordId)
    case 'item-purge':
      return pushDeletion(access, server, entry)
  }
}

async function pushAccount(store: VaultStore, server: SyncServer): Promise<Settle | null> {
  const account = store.getAccount()
  if (account === null) return null
  const keysetRevision = store.sync.serverRevision('account-keyset', account.accountId)
  const metaRevision = store.sync.serverRevision('account-meta', account.accountId)
  if (keysetRevision === account.keysetRevision && metaRevision === account.metaRevision) return null
  await server.putAccount(account, { keysetRevision, metaRevision })
  return () => {
    store.sync.setServerRevision('account-keyset', account.accountId, account.keysetRevision)
    store.sync.setServerRevision('account-meta', account.accountId, account.metaRevision)
  }
}

async function pushVault(store: VaultStore, server: SyncServer, vaultId: string): Promise<Settle | null> {
  const vault = store.listVaults().find((record) => record.vaultId === vaultId)
  if (vault === undefined) return null
  const known = store.sync.serverRevision('vault', vaultId)
  if (known !== null && known >= vault.revision) return null
  await server.putVault(vault, known)
  return () => store.sync.setServerRevision('vault', vaultId, vault.revision)
}

/** Pushes the item's current revision; later entries for the same item then find it already there. */
async function pushItem(store: VaultStore, server: SyncServer, itemId: string): Promise<Settle | null> {
  const current = store.getCurrentItem(itemId)
  if (current === null) return null
  const known = store.sync.serverRevision('item', itemId)
  if (known !== null && known >= current.revision) return null
  const { vaultId, revision, sealed } = current
  await server.putItem({ itemId, vaultId, revision, sealed, deleted: false }, known)
  return () => store.sync.setServerRevision('item', itemId, revision)
}

/** A purge becomes a tombstone one revision above anything either side has seen, with its sealed marker. */
async function pushDeletion(access: SyncAccess, server: SyncServer, entry: OutboxEntry): Promise<Settle | null> {
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
  await server.putItem({ itemId, vaultId, revision, sealed, deleted: true }, known)
  return () => store.sync.setServerRevision('item', itemId, revision)
}
