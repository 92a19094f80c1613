/**
 * One change reaching the other device: A edits an item's title and syncs;
 * B sees it. Timed from just before A's updateItem() to B's in-memory index
 * showing the new title (checked every 1 ms, a Map lookup), in three variants
 * per round, order rotated:
 *   realtime  B is subscribed (SyncService.onRemoteChange → syncNow), as the app is;
 *   polling   B calls syncNow() as soon as A's syncNow() has returned: no realtime hop;
 *   sql       the reference: one row updated and read back, straight in Postgres.
 * Both devices run in this one process, sharing its thread, as do the stack's
 * gateway (auth, realtime) and its Postgres client; PostgREST and Postgres are
 * separate processes on the same 2 cores.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type pg from 'pg'
import { rotated } from '../vault/order.ts'
import type { Device } from './devices.ts'
import type { Trace } from './trace.ts'

export const CHANGE_VARIANTS = ['realtime', 'polling', 'sql'] as const
export type ChangeVariant = (typeof CHANGE_VARIANTS)[number]

export interface ChangeSample {
  readonly variant: ChangeVariant
  /** Edit → B's index shows it (sql: update + read back). */
  readonly latencyMs: number
  readonly editMs: number
  /** A's syncNow(): session refresh, pull (with pull_log before and after), push (one push_items), touch_device. */
  readonly pusherSyncMs: number
  /** Edit → the first realtime hint at B (it arrives in the polling variant too, unused). */
  readonly hintMs: number | null
  /** Edit → B's syncNow() started, and how long that sync took. */
  readonly receiverStartMs: number | null
  readonly receiverSyncMs: number | null
  readonly receiverSyncs: number
}

export interface RequestsPerSync {
  readonly pusher: readonly [string, number][]
  readonly receiver: readonly [string, number][]
}

const TIMEOUT_MS = 15_000
const SETTLE_MS = 100

/** B's side: counts hints, and in realtime mode syncs on each as the app's scheduler would. */
class Receiver {
  readonly device: Device
  realtime = false
  hintAt: number | null = null
  syncs: { start: number; end: number }[] = []
  errors: unknown[] = []
  #inFlight: Promise<void>[] = []

  constructor(device: Device) {
    this.device = device
    device.sync.onRemoteChange(() => {
      this.hintAt ??= performance.now()
      if (this.realtime) void this.sync()
    })
  }

  reset(realtime: boolean): void {
    this.realtime = realtime
    this.hintAt = null
    this.syncs = []
    this.errors = []
  }

  sync(): Promise<void> {
    const start = performance.now()
    const run = this.device.sync.syncNow().then(
      () => void this.syncs.push({ start, end: performance.now() }),
      (error: unknown) => void this.errors.push(error),
    )
    this.#inFlight.push(run)
    return run
  }

  async idle(): Promise<void> {
    while (this.#inFlight.length > 0) await Promise.all(this.#inFlight.splice(0))
  }
}

interface Watch {
  /** The time B's index first showed the title. */
  readonly seen: Promise<number>
  cancel(): void
}

function showsTitle(b: Device, itemId: string, title: string): boolean {
  try {
    return b.vault.getSummary(itemId).title === title
  } catch {
    return false
  }
}

/** Checks B's index every 1 ms (a Map lookup) until it shows the title. */
function watchTitle(b: Device, itemId: string, title: string, why: () => string): Watch {
  let timer: ReturnType<typeof setInterval> | undefined
  const seen = new Promise<number>((resolve, reject) => {
    const deadline = performance.now() + TIMEOUT_MS
    timer = setInterval(() => {
      const now = performance.now()
      if (showsTitle(b, itemId, title)) {
        clearInterval(timer)
        resolve(now)
      } else if (now > deadline) {
        clearInterval(timer)
        reject(new Error(`sync change: B did not show the edit within ${TIMEOUT_MS} ms (${why()})`))
      }
    }, 1)
  })
  return { seen, cancel: () => clearInterval(timer) }
}

async function deviceRound(a: Device, rx: Receiver, variant: ChangeVariant, itemId: string, title: string) {
  rx.reset(variant === 'realtime')
  const why = () =>
    `hint ${rx.hintAt === null ? 'never came' : 'came'}, ${rx.syncs.length} syncs, ${rx.errors.length} errors`
  const watch = watchTitle(rx.device, itemId, title, why)
  const t0 = performance.now()
  let edited = t0
  let pushed = t0
  try {
    a.vault.updateItem(itemId, { title })
    edited = performance.now()
    await a.sync.syncNow()
    pushed = performance.now()
    if (variant === 'polling') await rx.sync()
    if (rx.errors.length > 0) throw rx.errors[0]
  } catch (error) {
    watch.cancel()
    throw error
  }
  const seenAt = await watch.seen
  await rx.idle()
  if (rx.errors.length > 0) throw rx.errors[0]
  const first = rx.syncs.find((s) => s.end >= seenAt)
  const sample: ChangeSample = {
    variant,
    latencyMs: seenAt - t0,
    editMs: edited - t0,
    pusherSyncMs: pushed - edited,
    hintMs: rx.hintAt === null ? null : rx.hintAt - t0,
    receiverStartMs: first === undefined ? null : first.start - t0,
    receiverSyncMs: first === undefined ? null : first.end - first.start,
    receiverSyncs: rx.syncs.length,
  }
  return { sample, windows: { edited, pushed, done: first?.end ?? seenAt } }
}

/** The reference: one row's seq bumped (as a write does) and the row read back, over a warm connection. */
async function sqlRound(sql: pg.Client, userId: string, itemId: string): Promise<ChangeSample> {
  const t0 = performance.now()
  await sql.query(
    "update public.items set seq = nextval('public.change_seq'), updated_at = now() where user_id = $1 and item_id = $2",
    [userId, itemId],
  )
  await sql.query('select * from public.items where user_id = $1 and item_id = $2', [userId, itemId])
  const latencyMs = performance.now() - t0
  const none = { hintMs: null, receiverStartMs: null, receiverSyncMs: null, receiverSyncs: 0 }
  return { variant: 'sql', latencyMs, editMs: 0, pusherSyncMs: 0, ...none }
}

export interface ChangeRun {
  readonly rounds: number
  readonly samples: readonly ChangeSample[]
  readonly requests: RequestsPerSync | null
}

export async function measureChanges(
  a: Device,
  b: Device,
  sql: { client: pg.Client; userId: string },
  trace: Trace,
  rounds: number,
): Promise<ChangeRun> {
  const rx = new Receiver(b)
  const ids = b.vault.listItems({ type: 'login' }).map((item) => item.id)
  const samples: ChangeSample[] = []
  let requests: RequestsPerSync | null = null
  // Round -1 warms up (and proves B's realtime subscription is live); it is not counted.
  for (let r = -1; r < rounds; r += 1) {
    for (const [k, variant] of rotated(CHANGE_VARIANTS, Math.max(r, 0)).entries()) {
      const itemId = ids[((r + 1) * CHANGE_VARIANTS.length + k) % ids.length] ?? ''
      const title = `${b.vault.getSummary(itemId).title} (edit ${r + 1}, ${variant})`
      if (variant === 'sql') {
        const sample = await sqlRound(sql.client, sql.userId, itemId)
        if (r >= 0) samples.push(sample)
      } else {
        const { sample, windows: w } = await deviceRound(a, rx, variant, itemId, title)
        if (r >= 0) samples.push(sample)
        if (variant === 'polling' && r === 0) {
          requests = { pusher: trace.routesIn(w.edited, w.pushed), receiver: trace.routesIn(w.pushed, w.done) }
        }
      }
      await sleep(SETTLE_MS)
    }
    console.error(`  sync change: ${r < 0 ? 'warm-up round' : `round ${r + 1}/${rounds}`} done`)
  }
  return { rounds, samples, requests }
}
