/**
 * Pushes the outbox, oldest entry first. Each record goes up with the
 * revision this device last saw on the server as the expected one; the
 * first SYNC_CONFLICT stops the push so the engine can pull and merge. An
 * entry is acknowledged only after the server has taken its record.
 */
import { isVaultError } from '../../src-shared/errors.ts'
import type { OutboxEntry, VaultStore } from '../store/index.ts'
import type { SyncServer } from './types.ts'

export type PushOutcome =
  | { readonly kind: 'done'; readonly pushed: number }
  | { readonly kind: 'conflict'; readonly pushed: number }

const PAGE = 200

export async function pushOutbox(store: VaultStore, server: SyncServer): Promise<PushOutcome> {
  let pushed = 0
  for (;;) {
    const entries = store.listOutbox(PAGE)
    if (entries.length === 0) return { kind: 'done', pushed }
    for (const entry of entries) {
      try {
        if (await pushEntry(store, server, entry)) pushed += 1
      } catch (error) {
        if (isVaultError(error, 'SYNC_CONFLICT')) return { kind: 'conflict', pushed }
        throw error
      }
      store.acknowledgeOutbox(entry.seq)
    }
  }
}

/** Pushes what the entry stands for, as it is now; false when there was nothing left to send. */
async function pushEntry(store: VaultStore, server: SyncServer, entry: OutboxEntry): Promise<boolean> {
  switch (entry.kind) {
    case 'account':
      return pushAccount(store, server)
    case 'vault':
      return pushVault(store, server, entry.recordId)
    case 'item':
      return pushItem(store, server, entry.recordId)
    case 'item-purge':
      return pushDeletion(store, server, entry)
  }
}

async function pushAccount(store: VaultStore, server: SyncServer): Promise<boolean> {
  const account = store.getAccount()
  if (account === null) return false
  const keysetRevision = store.sync.serverRevision('account-keyset', account.accountId)
  const metaRevision = store.sync.serverRevision('account-meta', account.accountId)
  if (keysetRevision === account.keysetRevision && metaRevision === account.metaRevision) return false
  await server.putAccount(account, { keysetRevision, metaRevision })
  store.sync.setServerRevision('account-keyset', account.accountId, account.keysetRevision)
  store.sync.setServerRevision('account-meta', account.accountId, account.metaRevision)
  return true
}

async function pushVault(store: VaultStore, server: SyncServer, vaultId: string): Promise<boolean> {
  const vault = store.listVaults().find((record) => record.vaultId === vaultId)
  if (vault === undefined) return false
  const known = store.sync.serverRevision('vault', vaultId)
  if (known !== null && known >= vault.revision) return false
  await server.putVault(vault, known)
  store.sync.setServerRevision('vault', vaultId, vault.revision)
  return true
}

/** Pushes the item's current revision; later entries for the same item then find it already there. */
async function pushItem(store: VaultStore, server: SyncServer, itemId: string): Promise<boolean> {
  const current = store.getCurrentItem(itemId)
  if (current === null) return false
  const known = store.sync.serverRevision('item', itemId)
  if (known !== null && known >= current.revision) return false
  const { vaultId, revision, sealed } = current
  await server.putItem({ itemId, vaultId, revision, sealed }, known)
  store.sync.setServerRevision('item', itemId, revision)
  return true
}

/** A purge becomes a tombstone one revision above anything either side has seen. */
async function pushDeletion(store: VaultStore, server: SyncServer, entry: OutboxEntry): Promise<boolean> {
  const itemId = entry.recordId
  // Purged, then made again (a restore from a backup): the item entry that follows pushes it.
  if (store.getCurrentItem(itemId) !== null) return false
  const known = store.sync.serverRevision('item', itemId)
  if (known === null) return false
  const revision = Math.max(known, entry.revision) + 1
  // The purge dropped the item's records; every account has one vault so far, and it is that one.
  const vaultId = store.listVaults()[0]?.vaultId
  if (vaultId === undefined) return false
  await server.putItem({ itemId, vaultId, revision, sealed: null }, known)
  store.sync.setServerRevision('item', itemId, revision)
  return true
}
