/**
 * Tables and record for one change reaching the other device (realtime,
 * polling, and the SQL round trip as the reference), and the HTTP requests
 * each sync operation made.
 */
import { median, percentile, round, summarize } from '../lib/stats.ts'
import { fmtMs, fmtRatio } from '../lib/table.ts'
import type { BenchTable, Cell, Json } from '../lib/types.ts'
import { CHANGE_VARIANTS, type ChangeRun, type ChangeSample, type ChangeVariant } from './change.ts'
import type { JoinSample } from './pull.ts'
import type { PushRun } from './push.ts'
import { routesText } from './report.ts'

const LABELS: Readonly<Record<ChangeVariant, string>> = {
  realtime: 'realtime: A edits + syncs → hint → B syncs → B index',
  polling: 'polling: A edits + syncs, then B syncNow() → B index',
  sql: 'reference: SQL update + select of one row (pg)',
}

function samplesOf(run: ChangeRun, variant: ChangeVariant): ChangeSample[] {
  return run.samples.filter((s) => s.variant === variant)
}

function latencies(run: ChangeRun, variant: ChangeVariant): number[] {
  return samplesOf(run, variant).map((s) => s.latencyMs)
}

function medianOf(values: readonly (number | null)[]): Cell {
  const present = values.filter((v): v is number => v !== null)
  return present.length === 0 ? null : fmtMs(median(present))
}

export function changeTable(run: ChangeRun, title: string): BenchTable {
  const reference = median(latencies(run, 'sql'))
  const rows = CHANGE_VARIANTS.map((variant) => {
    const s = summarize(latencies(run, variant))
    return [
      LABELS[variant],
      s.n,
      fmtMs(s.median),
      fmtMs(s.min),
      fmtMs(s.p95),
      fmtMs(s.max),
      fmtRatio(s.median / reference),
    ]
  })
  return {
    title,
    columns: ['Variant', 'n', 'median ms', 'min ms', 'p95 ms', 'max ms', 'vs SQL'],
    rows,
    notes: [
      "Timed from just before A's updateItem() to B's in-memory index showing the new title (checked every 1 ms).",
      'One warm-up round first (not counted); variants interleaved, order rotated per round, 100 ms apart.',
      'Both devices, the gateway (auth, realtime stand-in) and the pg client share this process; PostgREST and',
      'Postgres run beside it. p95 is nearest-rank (= max for n < 20).',
    ],
  }
}

export function changeBreakdownTable(run: ChangeRun, title: string): BenchTable {
  const rows = (['realtime', 'polling'] as const).map((variant) => {
    const s = samplesOf(run, variant)
    return [
      variant,
      medianOf(s.map((x) => x.editMs)),
      medianOf(s.map((x) => x.pusherSyncMs)),
      medianOf(s.map((x) => x.hintMs)),
      medianOf(s.map((x) => x.receiverStartMs)),
      medianOf(s.map((x) => x.receiverSyncMs)),
      medianOf(s.map((x) => x.latencyMs)),
      Math.max(...s.map((x) => x.receiverSyncs)),
    ]
  })
  return {
    title,
    columns: [
      'Variant',
      'A updateItem ms',
      'A syncNow ms',
      'hint at B ms',
      'B sync starts ms',
      'B syncNow ms',
      'B index ms',
      'max B syncs',
    ],
    rows,
    notes: [
      "Medians. 'hint at B', 'B sync starts' and 'B index' are from the start of A's edit; the others are durations.",
      "The hint reaches B in both variants (it is ignored when polling); 'B syncNow' is the sync that brought the",
      'edit, which still runs its push check and touch_device() after the index has it.',
    ],
  }
}

export function requestsTable(push: PushRun, join: JoinSample | undefined, run: ChangeRun): BenchTable {
  const rows: Cell[][] = [[`push of ${push.itemCount} items (A)`, routesText(push.routes), push.requests]]
  if (join !== undefined) rows.push(['first full pull: join() (B)', routesText(join.routes), join.requests])
  if (run.requests !== null) {
    const count = (routes: readonly [string, number][]) => routes.reduce((sum, [, n]) => sum + n, 0)
    rows.push(['one change: A syncNow()', routesText(run.requests.pusher), count(run.requests.pusher)])
    rows.push(['one change: B syncNow() (polling)', routesText(run.requests.receiver), count(run.requests.receiver)])
  }
  return {
    title: 'HTTP requests per sync operation',
    columns: ['Operation', 'Requests by route', 'total'],
    rows,
    textColumns: 2,
    notes: ['Counted at globalThis.fetch (supabase-js resolves it per call); realtime frames are not HTTP.'],
  }
}

export function changeRecord(run: ChangeRun): Json {
  const reference = median(latencies(run, 'sql'))
  const variants = CHANGE_VARIANTS.map((variant) => {
    const values = latencies(run, variant)
    const summary = Object.fromEntries(Object.entries(summarize(values)).map(([k, v]) => [k, round(v)]))
    const samples = samplesOf(run, variant).map((s) =>
      Object.fromEntries(Object.entries(s).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])),
    )
    const ratio = round(median(values) / reference, 1)
    return [variant, { latencyMs: summary, p95Ms: round(percentile(values, 95)), ratioToSql: ratio, samples }]
  })
  const requests =
    run.requests === null
      ? null
      : { pusher: Object.fromEntries(run.requests.pusher), receiver: Object.fromEntries(run.requests.receiver) }
  return { rounds: run.rounds, ...Object.fromEntries(variants), requestsPerSync: requests }
}
