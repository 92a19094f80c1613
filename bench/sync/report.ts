/**
 * Tables and record for the setup and push (device A) and the first full
 * pull (device B joining), each next to the direct SQL read of the same rows.
 */
import { median, round, summarize } from '../lib/stats.ts'
import { fmtMs, fmtRatio } from '../lib/table.ts'
import type { BenchTable, Cell, Json } from '../lib/types.ts'
import { JOIN_PHASES, type JoinSample, type SqlRead } from './pull.ts'
import type { PushRun } from './push.ts'

const MiB = 1024 * 1024

export function routesText(routes: readonly (readonly [string, number])[]): string {
  return routes.map(([route, count]) => `${route} ×${count}`).join(', ')
}

function perItem(ms: number, items: number): string {
  return (ms / items).toFixed(2)
}

export function pushTable(run: PushRun, title: string): BenchTable {
  const n = run.itemCount
  const rest = run.pushMs - run.pushItemsMs - run.pullLogMs
  const perCall = run.pushItemsCalls === 0 ? 0 : run.pushItemsRecords / run.pushItemsCalls
  return {
    title,
    columns: ['What is timed', 'ms', 'per item ms', 'HTTP requests'],
    rows: [
      ['createAccount() (Argon2id at the floor: 64 MiB, t=3)', fmtMs(run.createAccountMs), null, null],
      ['sync.enable(): Argon2id, sign-up, device, first sync', fmtMs(run.enableMs), null, null],
      [`createItem() × ${n} in one store.transaction()`, fmtMs(run.createItemsMs), perItem(run.createItemsMs, n), null],
      [`push: syncNow() with ${n} items in the outbox`, fmtMs(run.pushMs), perItem(run.pushMs, n), run.requests],
      [
        `  of which push_items() calls (${run.pushItemsCalls})`,
        fmtMs(run.pushItemsMs),
        perItem(run.pushItemsMs, n),
        null,
      ],
      [`  of which pull_log() calls (${run.pullLogCalls})`, fmtMs(run.pullLogMs), perItem(run.pullLogMs, n), null],
      ['  of which the rest (outbox, digests, history entries, SQLite)', fmtMs(rest), perItem(rest, n), null],
    ],
    notes: [
      `One run. The push sent ${run.pushed} records; requests: ${routesText(run.routes)}.`,
      `push_items() carried ${run.pushItemsRecords} items, ${perCall.toFixed(0)} per call on average ` +
        '(≤ 200 outbox entries, ≤ 4 MiB), each call with the vault history entry that vouches for them.',
      'push_items() and pull_log() times are the transport call as SyncServer sees it (HTTP to the gateway,',
      'PostgREST, the function or select, JSON); pull_log() belongs to the pull that starts the sync. The rest',
      'is the engine between calls: outbox reads, a BLAKE2b digest per item, sealing each history entry, and',
      'one SQLite commit per push_items() call (server revisions, history, outbox acknowledgement).',
      `Realtime hints A received for its own push: ${run.hintsToPusher} (counted 1 s after it returned).`,
    ],
  }
}

function phaseValues(samples: readonly JoinSample[], key: (typeof JOIN_PHASES)[number][0]): number[] {
  return samples.map((s) => s.phasesMs[key])
}

function row(label: string, values: readonly number[], total: number, reference: number | null): Cell[] {
  const s = summarize(values)
  const share = `${Math.round((s.median / total) * 100)}%`
  const ratio = reference === null ? null : fmtRatio(s.median / reference)
  return [label, s.n, fmtMs(s.median), fmtMs(s.min), fmtMs(s.max), share, ratio]
}

function joinNotes(samples: readonly JoinSample[], sql: readonly SqlRead[]): string[] {
  const first = samples[0]
  const firstSql = sql[0]
  const mib = (value: number | undefined) => ((value ?? 0) / MiB).toFixed(1)
  const rows = first?.rowsPulled || 1
  const applyPerItem = median(phaseValues(samples, 'apply')) / rows
  const verifyPerItem = median(phaseValues(samples, 'verify')) / rows
  const digestPerItem = median(sql.map((r) => r.digestMs)) / (firstSql?.rows || 1)
  return [
    `Each join is a fresh device B (own folder, store, services). ${first?.pages ?? 0} pages of ≤ 500 rows, ` +
      `${first?.rowsPulled ?? 0} rows; ${first?.requests ?? 0} HTTP requests: ${routesText(first?.routes ?? [])}.`,
    `Reference: \`select * from items where user_id = … order by seq\`, ${firstSql?.rows ?? 0} rows, ` +
      `${mib(firstSql?.base64Chars)} MiB of base64 → ${mib(firstSql?.sealedBytes)} MiB; warm connection, same run.`,
    `Argon2id at the floor (the unlock's derive measure): ${fmtMs(median(samples.map((s) => s.deriveMs ?? 0)))} ms; ` +
      'join runs it twice (login secret, then unlock). share = of the TOTAL median.',
    "Phases are split by the trace's spans (bench/sync/trace.ts). 'verify' = the VaultHistory.check() calls",
    `(one per row: BLAKE2b of the sealed record, compared with the history's): ${verifyPerItem.toFixed(3)} ms per row, ` +
      `of which the digest alone, timed on the reference's rows: ${digestPerItem.toFixed(3)} ms.`,
    "'apply' = first page requested → second pull_log, minus the page calls and 'verify': opening each",
    `record, saving it, indexing it (${applyPerItem.toFixed(2)} ms per item).`,
    `pull_log: ${first?.logCalls ?? 0} calls, ${first?.logEntries ?? 0} history entries, ` +
      `${fmtMs(median(samples.map((s) => s.logMs)))} ms (inside the two history phases, which also open the`,
    'entries, check every revision vouched for arrived, and save the history: one row per item).',
  ]
}

export function joinTable(samples: readonly JoinSample[], sql: readonly SqlRead[], title: string): BenchTable {
  const total = median(samples.map((s) => s.totalMs))
  const reference = median(sql.map((r) => r.decodeMs))
  const rowOf = (label: string, values: readonly number[], ratio: boolean) =>
    row(label, values, total, ratio ? reference : null)
  return {
    title,
    columns: ['Phase', 'n', 'median ms', 'min ms', 'max ms', 'share', 'vs SQL read+decode'],
    rows: [
      ...JOIN_PHASES.map(([key, label]) => rowOf(label, phaseValues(samples, key), key === 'pages')),
      rowOf(
        'TOTAL: join() start → all items listed',
        samples.map((s) => s.totalMs),
        true,
      ),
      rowOf(
        'reference: SQL select of the same rows (pg, superuser)',
        sql.map((r) => r.readMs),
        true,
      ),
      rowOf(
        'reference: + base64 decode of every sealed value',
        sql.map((r) => r.decodeMs),
        true,
      ),
      rowOf(
        'apart: BLAKE2b digest of every decoded value',
        sql.map((r) => r.digestMs),
        true,
      ),
    ],
    notes: joinNotes(samples, sql),
  }
}

export function pushRecord(run: PushRun): Json {
  const { routes, accountId: _a, secretKey: _s, ...figures } = run
  const rounded = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, round(v)]))
  return { ...rounded, routes: Object.fromEntries(routes) }
}

export function joinRecord(samples: readonly JoinSample[], sql: readonly SqlRead[]): Json {
  const summary = (values: readonly number[]): Json =>
    Object.fromEntries(Object.entries(summarize(values)).map(([k, v]) => [k, round(v)]))
  const phases = Object.fromEntries(JOIN_PHASES.map(([key]) => [key, summary(phaseValues(samples, key))]))
  const totalMedian = median(samples.map((s) => s.totalMs))
  const referenceMedian = median(sql.map((r) => r.decodeMs))
  return {
    totalMs: summary(samples.map((s) => s.totalMs)),
    phasesMs: phases,
    sqlReadMs: summary(sql.map((r) => r.readMs)),
    sqlReadDecodeMs: summary(sql.map((r) => r.decodeMs)),
    ratioToSqlReadDecode: round(totalMedian / referenceMedian, 1),
    pagesRatioToSqlReadDecode: round(median(phaseValues(samples, 'pages')) / referenceMedian, 1),
    samples: samples.map((s) => ({
      ...s,
      totalMs: round(s.totalMs),
      deriveMs: s.deriveMs === null ? null : round(s.deriveMs),
      logMs: round(s.logMs),
      phasesMs: Object.fromEntries(Object.entries(s.phasesMs).map(([k, v]) => [k, round(v)])),
      routes: Object.fromEntries(s.routes),
    })),
    sqlDigestMs: summary(sql.map((r) => r.digestMs)),
    sql: sql.map((r) => ({ ...r, readMs: round(r.readMs), decodeMs: round(r.decodeMs), digestMs: round(r.digestMs) })),
  }
}
