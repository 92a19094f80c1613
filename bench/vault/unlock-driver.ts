/**
 * One cold unlock in a fresh process, as the app does it: open the store,
 * (optionally) pre-warm the Argon2 worker as the lock screen does and wait
 * until it is ready, then unlock and run the first search, watching the main
 * thread meanwhile. Reads a DriverInput as JSON on stdin and prints a
 * DriverOutput as JSON on stdout. Run by unlock.ts, not by hand.
 *
 * Instrumentation only: Argon2Worker.start is wrapped to get hold of the
 * worker the service starts (so that this process can await its `ready`
 * and `exited`, which the service keeps private), and this store's
 * listCurrentItems() is timed, to split the index phase; nothing else is changed.
 */
import { text } from 'node:stream/consumers'
import { setTimeout as sleep } from 'node:timers/promises'
import { Argon2Worker } from '../../src-main/crypto/index.ts'
import { VaultStore } from '../../src-main/store/index.ts'
import { UNLOCK_MEASURES, VaultService } from '../../src-main/vault/index.ts'
import { MemoryKeychain } from '../../test/support/main-fakes.ts'
import { type ProbeReport, startProbe } from '../lib/probe.ts'

export interface DriverInput {
  readonly file: string
  readonly accountId: string
  readonly secretKey: string
  readonly password: string
  readonly prewarm: boolean
  readonly query: string
}

export interface RssReadings {
  /** Store open, lock screen up, no worker yet. */
  readonly baseline: number
  /** Just before unlock: with the pre-warmed worker's heap when there is one. */
  readonly beforeUnlock: number
  /** Once the worker has exited. */
  readonly afterUnlock: number
  readonly settled: number
  /** process.resourceUsage().maxRSS: the true peak over the process's life. */
  readonly processMax: number
}

export interface DriverOutput {
  /** Process start → this script running: Node's boot and every import. */
  readonly bootMs: number
  readonly openStoreMs: number
  readonly prewarmReadyMs: number | null
  readonly unlockMs: number
  readonly deriveMs: number | null
  readonly indexMs: number | null
  /** store.listCurrentItems() inside the index phase: one synchronous read of every record. */
  readonly readMs: number | null
  readonly firstSearchMs: number
  readonly secondSearchMs: number
  readonly firstSearchResults: number
  readonly itemCount: number
  readonly damagedCount: number
  /** Main-thread CPU time from unlock() to the first search's results. */
  readonly mainCpuMs: number
  readonly probe: ProbeReport
  readonly rss: RssReadings
}

/** The user is still typing when the worker is ready; let it and the allocator go quiet first. */
const QUIET_MS = 300
const KiB = 1024

const workers: Argon2Worker[] = []
const startWorker = Argon2Worker.start.bind(Argon2Worker)
Argon2Worker.start = (prewarmMemlimitBytes?: number): Argon2Worker => {
  const worker = startWorker(prewarmMemlimitBytes)
  workers.push(worker)
  return worker
}

function threadCpuMs(): number {
  const { user, system } = process.threadCpuUsage()
  return (user + system) / 1000
}

function measureMs(name: string): number | null {
  return performance.getEntriesByName(name, 'measure').at(-1)?.duration ?? null
}

/** Times the store's one read of every item, which the service does at the start of its index phase. */
function timeReads(store: VaultStore): { readonly ms: number | null } {
  const timing: { ms: number | null } = { ms: null }
  const read = store.listCurrentItems.bind(store)
  store.listCurrentItems = () => {
    const started = performance.now()
    const records = read()
    timing.ms = performance.now() - started
    return records
  }
  return timing
}

async function prewarm(service: VaultService): Promise<number> {
  const started = performance.now()
  const warming = service.prewarmUnlock()
  const worker = workers[0]
  if (worker === undefined) throw new Error('prewarmUnlock() started no Argon2 worker')
  await Promise.all([worker.ready, warming])
  return performance.now() - started
}

interface Timed {
  readonly unlockMs: number
  readonly firstSearchMs: number
  readonly firstSearchResults: number
  readonly itemCount: number
  readonly damagedCount: number
  readonly mainCpuMs: number
  readonly probe: ProbeReport
}

/** Submit → searchable: unlock(), then the query the user typed, under the probe. */
async function unlockAndSearch(service: VaultService, input: DriverInput): Promise<Timed> {
  performance.clearMeasures()
  const cpuStart = threadCpuMs()
  const probe = startProbe()
  const started = performance.now()
  const result = await service.unlock({ password: input.password })
  const unlocked = performance.now()
  const found = service.listItems({ query: input.query })
  const searched = performance.now()
  const report = probe.stop()
  return {
    unlockMs: unlocked - started,
    firstSearchMs: searched - unlocked,
    firstSearchResults: found.length,
    itemCount: result.itemCount,
    damagedCount: result.damagedCount,
    mainCpuMs: threadCpuMs() - cpuStart,
    probe: report,
  }
}

async function main(): Promise<DriverOutput> {
  const bootMs = performance.now()
  const input = JSON.parse(await text(process.stdin)) as DriverInput
  const opening = performance.now()
  const store = VaultStore.open(input.file)
  const keychain = new MemoryKeychain([[input.accountId, input.secretKey]])
  const service = new VaultService({ store, keychain })
  const openStoreMs = performance.now() - opening
  const read = timeReads(store)
  const baseline = process.memoryUsage.rss()
  const prewarmReadyMs = input.prewarm ? await prewarm(service) : null
  await sleep(QUIET_MS)
  const beforeUnlock = process.memoryUsage.rss()
  const timed = await unlockAndSearch(service, input)
  const again = performance.now()
  service.listItems({ query: input.query })
  const secondSearchMs = performance.now() - again
  await Promise.all(workers.map((worker) => worker.exited))
  const afterUnlock = process.memoryUsage.rss()
  await sleep(QUIET_MS)
  const settled = process.memoryUsage.rss()
  service.lock()
  store.close()
  const rss = { baseline, beforeUnlock, afterUnlock, settled, processMax: process.resourceUsage().maxRSS * KiB }
  const phases = {
    deriveMs: measureMs(UNLOCK_MEASURES.derive),
    indexMs: measureMs(UNLOCK_MEASURES.index),
    readMs: read.ms,
  }
  return { bootMs, openStoreMs, prewarmReadyMs, ...timed, ...phases, secondSearchMs, rss }
}

process.stdout.write(`${JSON.stringify(await main())}\n`)
