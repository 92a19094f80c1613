/**
 * Search latency per keystroke at 10,000 and 100,000 items: an ItemIndex
 * filled directly from generated content through toSummary()/haystackOf()
 * (nothing sealed, no store), then index.list({ query }) for every prefix of
 * a realistic typing sequence, repeated.
 */
import { randomUUID } from 'node:crypto'
import { ItemIndex } from '../../src-main/vault/item-index.ts'
import { haystackOf, toSummary } from '../../src-main/vault/item-present.ts'
import { percentile, round, summarize } from '../lib/stats.ts'
import { fmtMs } from '../lib/table.ts'
import type { BenchTable, Json } from '../lib/types.ts'
import { contentOf, type GeneratedItem } from './content.ts'
import { type Goal, goal } from './goals.ts'

/** What a user types, one keystroke at a time: sites, a bank, single letters, a two-word query, a miss. */
const TYPED = ['github', 'gmail', 'bank of', 'ama', 'e', 'netflix', 'qzxv', 'work ssh']
export const KEYSTROKES: readonly string[] = TYPED.flatMap((word) =>
  Array.from({ length: word.length }, (_, i) => word.slice(0, i + 1)),
)
/** perf.md §7.4: p95 per keystroke. */
export const SEARCH_GOALS_MS: Readonly<Record<number, number>> = { 10000: 2, 100000: 16 }
const SAVED_AT = Date.UTC(2026, 0, 1)

export interface SearchRun {
  readonly size: number
  readonly buildMs: number
  /** The first list() sorts every item by title (Intl.Collator); later ones reuse the order. */
  readonly firstListMs: number
  /** keystroke → ms, one per round. */
  readonly ms: ReadonlyMap<string, number[]>
  readonly hits: ReadonlyMap<string, number>
}

function buildIndex(items: readonly GeneratedItem[]): ItemIndex {
  const index = new ItemIndex()
  const vaultId = randomUUID()
  for (const item of items) {
    const content = contentOf(item, SAVED_AT)
    const facts = { id: randomUUID(), vaultId, revision: 1 }
    index.put({ summary: toSummary(facts, content), haystack: haystackOf(content), vaultId, revision: 1 })
  }
  return index
}

export function measureSearch(items: readonly GeneratedItem[], rounds: number): SearchRun {
  const buildStarted = performance.now()
  const index = buildIndex(items)
  const listStarted = performance.now()
  index.list()
  const firstListMs = performance.now() - listStarted
  const ms = new Map(KEYSTROKES.map((q) => [q, [] as number[]]))
  const hits = new Map<string, number>()
  for (let r = 0; r < rounds; r += 1) {
    for (const query of KEYSTROKES) {
      const started = performance.now()
      const found = index.list({ query })
      ms.get(query)?.push(performance.now() - started)
      hits.set(query, found.length)
    }
  }
  console.error(`  vault search: ${items.length} items, ${rounds} rounds done`)
  return { size: items.length, buildMs: listStarted - buildStarted, firstListMs, ms, hits }
}

function allSamples(run: SearchRun): number[] {
  return [...run.ms.values()].flat()
}

function slowest(run: SearchRun): [string, number] {
  let worst: [string, number] = ['', 0]
  for (const [query, values] of run.ms) {
    const p95 = percentile(values, 95)
    if (p95 > worst[1]) worst = [query, p95]
  }
  return worst
}

function goalMs(size: number): number {
  return SEARCH_GOALS_MS[size] ?? Number.NaN
}

export function searchTable(runs: readonly SearchRun[], title: string): BenchTable {
  const rows = runs.map((run) => {
    const s = summarize(allSamples(run))
    const [query, p95] = slowest(run)
    const met = s.p95 < goalMs(run.size)
    return [
      run.size.toLocaleString('en-US'),
      s.n,
      fmtMs(run.buildMs),
      fmtMs(run.firstListMs),
      s.median.toFixed(2),
      s.p95.toFixed(2),
      s.max.toFixed(2),
      `'${query}' ${p95.toFixed(2)}`,
      `< ${goalMs(run.size)} ms: ${met ? 'MET' : 'NOT MET'}`,
    ]
  })
  const hits = runs[0] === undefined ? '' : TYPED.map((w) => `'${w}' ${runs[0]?.hits.get(w) ?? 0}`).join(', ')
  return {
    title,
    columns: [
      'Items',
      'keystrokes',
      'build ms',
      'first list ms',
      'p50 ms',
      'p95 ms',
      'max ms',
      'slowest (p95 ms)',
      'goal p95',
    ],
    rows,
    notes: [
      `Keystrokes: every prefix of ${TYPED.map((w) => `'${w}'`).join(', ')} (${KEYSTROKES.length} per round).`,
      'Timed: index.list({ query }) alone, after a first list() that sorted the index (its time: "first list").',
      'build: toSummary + haystackOf + put for every item (unlock does this after openItem).',
      `Hits at ${runs[0]?.size.toLocaleString('en-US')} items: ${hits}. Goals: perf.md §7.4.`,
    ],
  }
}

export function searchGoals(runs: readonly SearchRun[]): Goal[] {
  return runs.map((run) => {
    const p95 = percentile(allSamples(run), 95)
    const label = `Search per keystroke, ${run.size.toLocaleString('en-US')} items`
    return goal(label, `< ${goalMs(run.size)} ms p95`, `${p95.toFixed(2)} ms`, p95 < goalMs(run.size))
  })
}

export function searchRecord(runs: readonly SearchRun[]): Json {
  return runs.map((run) => {
    const summary = Object.fromEntries(Object.entries(summarize(allSamples(run))).map(([k, v]) => [k, round(v, 3)]))
    const perQuery = [...run.ms].map(([query, values]) => ({
      query,
      hits: run.hits.get(query) ?? 0,
      medianMs: round(summarize(values).median, 3),
      p95Ms: round(percentile(values, 95), 3),
    }))
    const base = {
      items: run.size,
      goalP95Ms: goalMs(run.size),
      buildMs: round(run.buildMs),
      firstListMs: round(run.firstListMs),
    }
    return { ...base, keystrokeMs: summary, perQuery }
  })
}
