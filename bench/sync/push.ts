/**
 * Device A: a new account (KDF at the floor), sync turned on, then the
 * generated items created through the service in one store.transaction()
 * and pushed by one syncNow(). The push is split with the trace: the
 * push_items() calls (one HTTP request each through PostgREST, carrying up
 * to 200 outbox entries / 4 MiB and the vault history entry that vouches for
 * them), the pull_log() calls of the pull that starts every sync, and the
 * rest (reading the outbox, a BLAKE2b digest per item, sealing each history
 * entry, and one SQLite commit per call for the server revisions, the
 * history and the outbox acknowledgement).
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type { SupabaseStack } from '../../test/supabase/stack.ts'
import type { GeneratedItem } from '../vault/content.ts'
import { configOf, type Device, type Devices, EMAIL, PASSWORD } from './devices.ts'
import { sumMs, type Trace } from './trace.ts'

export interface PushRun {
  readonly accountId: string
  readonly secretKey: string
  readonly itemCount: number
  readonly createAccountMs: number
  readonly enableMs: number
  readonly createItemsMs: number
  readonly pushMs: number
  /** SyncReport.pushed: records the push sent (items, plus nothing else by then). */
  readonly pushed: number
  readonly pushItemsCalls: number
  /** Summed push_items() call times (HTTP round trip, JSON, the server transaction), as the transport saw them. */
  readonly pushItemsMs: number
  /** Items sent by all push_items() calls together. */
  readonly pushItemsRecords: number
  readonly pullLogCalls: number
  /** Summed pull_log() call times (HTTP, JSON, base64) during the push's sync. */
  readonly pullLogMs: number
  readonly requests: number
  readonly routes: readonly [string, number][]
  /** Realtime hints A received while pushing: its own writes echoed back. */
  readonly hintsToPusher: number
}

/** Hints still in flight when the push returns: wait this long before counting them. */
const SETTLE_MS = 1000

export interface Pusher {
  readonly device: Device
  readonly run: PushRun
  /** Hints A has received so far (the change rounds count its echoes too). */
  hints(): number
}

function timed<T>(work: () => T): [T, number] {
  const started = performance.now()
  const result = work()
  return [result, performance.now() - started]
}

async function timedAsync<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const result = await work()
  return [result, performance.now() - started]
}

function createItems(device: Device, items: readonly GeneratedItem[]): void {
  device.store.transaction(() => {
    for (const item of items) {
      const view = device.vault.createItem(item.draft)
      if (item.trashed) device.vault.trashItem(view.id)
    }
  })
}

export async function setUpAndPush(
  stack: SupabaseStack,
  devices: Devices,
  trace: Trace,
  items: readonly GeneratedItem[],
): Promise<Pusher> {
  const device = devices.create()
  let hints = 0
  device.sync.onRemoteChange(() => {
    hints += 1
  })
  const [created, createAccountMs] = await timedAsync(() =>
    device.vault.createAccount({ email: EMAIL, password: PASSWORD }),
  )
  const [, enableMs] = await timedAsync(() => device.sync.enable({ config: configOf(stack), password: PASSWORD }))
  const [, createItemsMs] = timed(() => createItems(device, items))
  console.error(`  sync: pushing ${items.length} items from device A`)
  const hintsBefore = hints
  const started = performance.now()
  const report = await device.sync.syncNow()
  const ended = performance.now()
  const pushes = trace.callsIn('pushItems', started, ended)
  const logs = trace.callsIn('pullLog', started, ended)
  await sleep(SETTLE_MS)
  const run: PushRun = {
    accountId: created.accountId,
    secretKey: created.secretKey,
    itemCount: items.length,
    createAccountMs,
    enableMs,
    createItemsMs,
    pushMs: ended - started,
    pushed: report.pushed,
    pushItemsCalls: pushes.length,
    pushItemsMs: sumMs(pushes),
    pushItemsRecords: pushes.reduce((sum, s) => sum + s.rows, 0),
    pullLogCalls: logs.length,
    pullLogMs: sumMs(logs),
    requests: trace.requestCount(started, ended),
    routes: trace.routesIn(started, ended),
    hintsToPusher: hints - hintsBefore,
  }
  return { device, run, hints: () => hints }
}
