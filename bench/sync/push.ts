/**
 * Device A: a new account (KDF at the floor), sync turned on, then the
 * generated items created through the service in one store.transaction()
 * and pushed by one syncNow(). The push is split with the trace: the
 * put_item() calls (one HTTP request each, through PostgREST) against the
 * rest (reading the outbox, recording each item's server revision and
 * acknowledging its outbox entry in SQLite).
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
  readonly putItemCalls: number
  /** Summed put_item() call times (HTTP round trip, JSON), as the transport saw them. */
  readonly putItemMs: number
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
  const puts = trace.callsIn('putItem', started, ended)
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
    putItemCalls: puts.length,
    putItemMs: sumMs(puts),
    requests: trace.requestCount(started, ended),
    routes: trace.routesIn(started, ended),
    hintsToPusher: hints - hintsBefore,
  }
  return { device, run, hints: () => hints }
}
