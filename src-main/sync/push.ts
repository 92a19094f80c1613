/**
 * Pushes the outbox, oldest entry first. Account and vault records go up
 * one at a time; runs of item changes go up together with the history entry
 * that vouches for them (item-push.ts), in one server transaction. Each
 * record goes up with the revision this device last saw on the server as
 * the expected one; the first SYNC_CONFLICT stops the push so the engine
 * can pull and merge. Entries are acknowledged, in order, only after the
 * server has taken their records.
 */
import { isVaultError } from '../../src-shared/errors.ts'
import type { OutboxEntry, VaultStore } from '../store/index.ts'
import type { SyncAccess } from '../vault/sync-access.ts'
import { publishUnpublished, pushItemRun } from './item-push.ts'
import type { SyncServer } from './types.ts'

export type PushOutcome =
  | { readonly kind: 'done'; readonly pushed: number }
  | { readonly kind: 'conflict'; readonly pushed: number }

const PAGE = 200

/** Records, after the server took a push, which revision it now holds. */
export type Settle = () => void

export async function pushOutbox(access: SyncAccess, server: SyncServer): Promise<PushOutcome> {
  const { store } = access
  let pushed = 0
  try {
    for (;;) {
      const entries = store.listOutbox(PAGE)
      if (entries.length === 0) break
      for (const run of runsOf(entries)) {
        pushed += isItemEntry(run[0]) ? await pushItemRun(access, server, run) : await pushRecord(store, server, run[0])
      }
    }
    await publishUnpublished(access, server)
  } catch (error) {
    if (isVaultError(error, 'SYNC_CONFLICT')) return { kind: 'conflict', pushed }
    throw error
  }
  return { kind: 'done', pushed }
}

function isItemEntry(entry: OutboxEntry | undefined): boolean {
  return entry?.kind === 'item' || entry?.kind === 'item-purge'
}

/** Consecutive item entries form one run; an account or vault entry is a run of its own. */
function runsOf(entries: readonly OutboxEntry[]): OutboxEntry[][] {
  const runs: OutboxEntry[][] = []
  for (const entry of entries) {
    const last = runs.at(-1)
    if (last !== undefined && isItemEntry(entry) && isItemEntry(last[0])) last.push(entry)
    else runs.push([entry])
  }
  return runs
}

async function pushRecord(store: VaultStore, server: SyncServer, entry: OutboxEntry | undefined): Promise<number> {
  if (entry === undefined) return 0
  const settle =
    entry.kind === 'account' ? await pushAccount(store, server) : await pushVault(store, server, entry.recordId)
  // What the server now holds and the acknowledgement land in one commit.
  store.transaction(() => {
    settle?.()
    store.acknowledgeOutbox(entry.seq)
  })
  return settle === null ? 0 : 1
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
