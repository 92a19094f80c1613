/**
 * Pulls what changed on the server since the last pull, a page at a time,
 * and takes in what each vault's history vouches for (vault-history.ts):
 * the histories are read before the rows (and again after them when a row
 * was newer), and a row the history cannot vouch for stops the round before
 * it is applied. The
 * position in the change sequence is saved only after its page is applied
 * (and never past a row still waiting for its history entry), so an
 * interrupted pull repeats work but never skips any.
 */
import type { VaultStore } from '../store/index.ts'
import type { SyncAccess } from '../vault/sync-access.ts'
import { type Applied, applyRemoteItem } from './apply-remote.ts'
import { TamperDetected } from './tamper.ts'
import type { RemoteItem, SyncServer } from './types.ts'
import { type RowVerdict, VaultHistory } from './vault-history.ts'

const PAGE = 500
export const SEQ_SETTINGS = { vaults: 'sync.seq.vaults', items: 'sync.seq.items' } as const

export interface PullReport {
  readonly items: number
  /** Items where both sides changed the same field; the other value is in the item's history. */
  readonly conflicts: readonly string[]
  /** Server records that failed to open (tampered or corrupt): refused, the local item kept as it was. */
  readonly rejected: readonly string[]
}

type Histories = ReadonlyMap<string, VaultHistory>

interface ItemTally {
  items: number
  readonly conflicts: string[]
  readonly rejected: string[]
}

export async function pullChanges(access: SyncAccess, server: SyncServer, now: () => number): Promise<PullReport> {
  await pullAccount(access, server)
  const rejectedVaults = await pullVaults(access, server)
  const histories = await loadHistories(access, server)
  const tally: ItemTally = { items: 0, conflicts: [], rejected: rejectedVaults }
  const { held, lastSeq } = await pullItemPages(access, server, histories, tally, now)
  const late = [...held.values()]
  // Only rows newer than the history need the entries appended during the pull; the rest wait for the next round.
  for (const history of histories.values()) {
    if (late.some((row) => row.vaultId === history.vaultId)) await history.catchUp(server)
  }
  const unvouched = late.filter((row) => verdict(histories, row) === 'ahead')
  const first = unvouched[0]
  if (first !== undefined) {
    throw new TamperDetected(
      'forged',
      first.vaultId,
      unvouched.map((row) => row.itemId),
    )
  }
  const { store } = access
  store.transaction(() => {
    applyRows(access, histories, late, tally, now)
    for (const history of histories.values()) history.expectDelivered(store)
    for (const history of histories.values()) history.commit(store)
    store.putSetting(SEQ_SETTINGS.items, lastSeq)
  })
  return tally
}

/**
 * Every page is checked whole before any of it is applied. Rows newer than
 * the history read before the pull are held back (returned) until the
 * history read after it vouches for them.
 */
async function pullItemPages(
  access: SyncAccess,
  server: SyncServer,
  histories: Histories,
  tally: ItemTally,
  now: () => number,
) {
  const { store } = access
  const held = new Map<string, RemoteItem>()
  // A vault whose history is not published yet is read whole once, so that its first entry lists every row.
  const whole = [...histories.values()].some((history) => history.unpublished)
  let after = whole ? 0 : seqSetting(store, SEQ_SETTINGS.items)
  for (;;) {
    const page = await server.pullItems(after, PAGE)
    const ready = page.filter((row) => {
      if (verdict(histories, row) !== 'ahead') return true
      held.set(row.itemId, row)
      return false
    })
    after = page.at(-1)?.seq ?? after
    const heldFloor = Math.min(...[...held.values()].map((row) => row.seq - 1))
    // One transaction per page: one disk flush instead of one per item, with the position it reached.
    store.transaction(() => {
      applyRows(access, histories, ready, tally, now)
      if (page.length > 0) store.putSetting(SEQ_SETTINGS.items, Math.min(after, heldFloor))
    })
    if (page.length < PAGE) return { held, lastSeq: after }
  }
}

function applyRows(
  access: SyncAccess,
  histories: Histories,
  rows: readonly RemoteItem[],
  tally: ItemTally,
  now: () => number,
) {
  const pending = access.store.sync.pendingItemIds()
  for (const remote of rows) {
    const applied: Applied = applyRemoteItem(access, remote, pending.has(remote.itemId), now)
    if (applied === 'conflict') tally.conflicts.push(remote.itemId)
    if (applied === 'rejected') {
      tally.rejected.push(remote.itemId)
      histories.get(remote.vaultId)?.drop(remote.itemId)
    }
    tally.items += 1
  }
}

/** A row of a vault this device holds no history for is one no entry can vouch for, like any newer row. */
function verdict(histories: Histories, row: RemoteItem): RowVerdict {
  return histories.get(row.vaultId)?.check(row) ?? 'ahead'
}

/** Read before the rows, so that whatever they vouch for must be among the rows that follow. */
async function loadHistories(access: SyncAccess, server: SyncServer): Promise<Histories> {
  const histories = new Map<string, VaultHistory>()
  for (const { vaultId } of access.store.listVaults()) {
    histories.set(vaultId, await VaultHistory.load(access, server, vaultId))
  }
  return histories
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
