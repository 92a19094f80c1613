/**
 * Sync through the local Supabase stand-in (test/supabase/stack.ts: real
 * PostgREST and migrations, auth and realtime stand-ins; unmodified
 * supabase-js): device A pushes 10,000 realistic items (push_items, up to
 * 200 per call with the vault history entry that vouches for them), a fresh
 * device B joins and pulls them all (each row verified against the history
 * read with pull_log before and after the pages), then single edits on A
 * reach B, by realtime hint and by polling. Each is reported next to a
 * direct SQL read (or update and read) of the same rows, measured in the
 * same run.
 *
 * Needs the Postgres test cluster: `bash scripts/postgres-test-cluster.sh start`.
 * Everything it makes (database clone, PostgREST, device folders) is removed afterwards.
 */
import { initCrypto } from '../src-main/crypto/index.ts'
import type { SupabaseStack } from '../test/supabase/stack.ts'
import type { BenchModule, BenchOptions, BenchResult, BenchTable } from './lib/types.ts'
import { type ChangeRun, measureChanges } from './sync/change.ts'
import { type Device, Devices, startStack } from './sync/devices.ts'
import { connectSql, type JoinSample, joinFailures, joinOnce, type SqlRead, sqlReadAll } from './sync/pull.ts'
import { type PushRun, setUpAndPush } from './sync/push.ts'
import { joinRecord, joinTable, pushRecord, pushTable } from './sync/report.ts'
import { changeBreakdownTable, changeRecord, changeTable, requestsTable } from './sync/report-change.ts'
import { Trace } from './sync/trace.ts'
import { generateItems } from './vault/content.ts'

const SEED = 0x5eed
/** --quick is a smoke run: a tenth of the items, one join and three change rounds. */
const ITEMS = { full: 10_000, quick: 1_000 }
const ROUNDS = {
  join: { full: 3, quick: 1 },
  change: { full: 15, quick: 3 },
}
/** Reference reads per join, after one warm-up read. */
const SQL_READS_PER_JOIN = 3

type Sql = Awaited<ReturnType<typeof connectSql>>

interface PullRun {
  readonly device: Device
  readonly samples: JoinSample[]
  readonly sql: SqlRead[]
}

function roundsFor(options: BenchOptions, counts: { full: number; quick: number }): number {
  return options.rounds ?? (options.quick ? counts.quick : counts.full)
}

interface Context {
  readonly stack: SupabaseStack
  readonly devices: Devices
  readonly trace: Trace
}

/** Joins `rounds` fresh devices, each after SQL reads of the same rows; the last device stays open. */
async function measurePull(ctx: Context, secretKey: string, rounds: number, sql: Sql): Promise<PullRun> {
  const samples: JoinSample[] = []
  const reads: SqlRead[] = []
  let device: Device | null = null
  await sqlReadAll(sql.client, sql.userId)
  for (let r = 0; r < rounds; r += 1) {
    for (let i = 0; i < SQL_READS_PER_JOIN; i += 1) reads.push(await sqlReadAll(sql.client, sql.userId))
    device?.close()
    const joined = await joinOnce(ctx.stack, ctx.devices, ctx.trace, secretKey)
    device = joined.device
    samples.push(joined.sample)
    console.error(`  sync join: ${r + 1}/${rounds} done (${Math.round(joined.sample.totalMs)} ms)`)
  }
  if (device === null) throw new Error('sync: no join round ran')
  return { device, samples, sql: reads }
}

interface Measured {
  readonly itemCount: number
  readonly trashed: number
  readonly push: PushRun
  readonly pull: PullRun
  readonly change: ChangeRun
}

function report(m: Measured): BenchResult {
  const n = m.itemCount.toLocaleString('en-US')
  const tables: BenchTable[] = [
    pushTable(m.push, `Setup and push, ${n} items (device A)`),
    joinTable(m.pull.samples, m.pull.sql, `First full pull, ${n} items: a fresh device B joins`),
    changeTable(m.change, `A single change reaching the other device, ${m.change.rounds} rounds`),
    changeBreakdownTable(m.change, 'Where a single change spends its time'),
    requestsTable(m.push, m.pull.samples[0], m.change),
  ]
  const record = {
    items: m.itemCount,
    trashed: m.trashed,
    seed: SEED,
    kdf: 'KDF_FLOOR (64 MiB, t=3)',
    push: pushRecord(m.push),
    join: joinRecord(m.pull.samples, m.pull.sql),
    change: changeRecord(m.change),
  }
  return { tables, record, failures: joinFailures(m.pull.samples, m.itemCount, m.trashed) }
}

async function measureAll(options: BenchOptions, ctx: Context): Promise<BenchResult> {
  const items = generateItems(SEED, options.quick ? ITEMS.quick : ITEMS.full)
  const pushed = await setUpAndPush(ctx.stack, ctx.devices, ctx.trace, items)
  const sql = await connectSql(ctx.stack, pushed.run.accountId)
  try {
    const pull = await measurePull(ctx, pushed.run.secretKey, roundsFor(options, ROUNDS.join), sql)
    const change = await measureChanges(pushed.device, pull.device, sql, ctx.trace, roundsFor(options, ROUNDS.change))
    const trashed = items.filter((item) => item.trashed).length
    return report({ itemCount: items.length, trashed, push: pushed.run, pull, change })
  } finally {
    await sql.client.end()
  }
}

async function run(options: BenchOptions): Promise<BenchResult> {
  await initCrypto()
  console.error('  sync: starting the local Supabase stack')
  const stack = await startStack()
  const devices = new Devices()
  const trace = new Trace()
  try {
    trace.install(new URL(stack.url).origin)
    return await measureAll(options, { stack, devices, trace })
  } finally {
    trace.uninstall()
    devices.closeAll()
    await stack.stop()
  }
}

export const syncBench: BenchModule = {
  name: 'sync',
  description: 'first full pull of 10,000 items through PostgREST, and one change reaching the other device',
  run,
}
