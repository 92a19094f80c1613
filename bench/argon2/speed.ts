/**
 * Round-robin timing of the Argon2id variants. Every round derives the same
 * fresh input with each variant, in an order rotated per round, so the noise
 * of this shared machine lands on all variants alike and per-round ratios
 * can be paired.
 */

import { median, round, summarize } from '../lib/stats.ts'
import { fmtMs, fmtRatio } from '../lib/table.ts'
import type { BenchTable, Json } from '../lib/types.ts'
import { type KdfInput, NATIVE_ID, PREWARMED_ID, rotated, VARIANTS, type Variant } from './variants.ts'

/** The goal from shared/research/perf.md §6: a pre-warmed worker should cost (almost) nothing over native. */
export const PREWARMED_GOAL_RATIO = 1.1

/** variant id → metric key → one value per round, in round order. */
export type Samples = Record<string, Record<string, number[]>>

export interface SpeedRun {
  readonly samples: Samples
  readonly comparisons: number
  readonly mismatches: readonly string[]
}

export async function measureSpeed(rounds: number, newInput: () => KdfInput): Promise<SpeedRun> {
  const samples: Samples = Object.fromEntries(VARIANTS.map((v) => [v.id, {}]))
  const mismatches: string[] = []
  let comparisons = 0
  for (let r = 0; r < rounds; r += 1) {
    const input = newInput()
    const keys = new Map<string, Uint8Array>()
    for (const variant of rotated(VARIANTS, r)) {
      const run = await variant.run(input)
      keys.set(variant.id, run.key)
      addSamples(samples, variant.id, run.ms)
    }
    comparisons += compareWithNative(keys, r, mismatches)
    for (const key of keys.values()) key.fill(0)
    console.error(`  argon2 speed: round ${r + 1}/${rounds} done`)
  }
  return { samples, comparisons, mismatches }
}

function addSamples(samples: Samples, variant: string, ms: Readonly<Record<string, number>>): void {
  const byMetric = samples[variant] ?? {}
  samples[variant] = byMetric
  for (const [metric, value] of Object.entries(ms)) byMetric[metric] = [...(byMetric[metric] ?? []), value]
}

/** Every libsodium output must equal native's byte for byte; returns the number of comparisons made. */
function compareWithNative(keys: ReadonlyMap<string, Uint8Array>, r: number, mismatches: string[]): number {
  const reference = keys.get(NATIVE_ID)
  if (reference === undefined) throw new Error('native argon2 produced no key')
  let comparisons = 0
  for (const [id, key] of keys) {
    if (id === NATIVE_ID) continue
    comparisons += 1
    if (!Buffer.from(key).equals(Buffer.from(reference))) mismatches.push(`round ${r + 1}: ${id} ≠ native`)
  }
  return comparisons
}

function valuesOf(samples: Samples, variant: string, metric: string): number[] {
  const values = samples[variant]?.[metric]
  if (values === undefined || values.length === 0) throw new Error(`no samples for ${variant}.${metric}`)
  return values
}

export interface Ratios {
  /** Median of the variant over median of native. */
  readonly ofMedians: number
  /** Median of the per-round ratios: robust to noise that drifts between rounds. */
  readonly paired: number
}

export function ratiosToNative(samples: Samples, variant: string, metric: string): Ratios {
  const values = valuesOf(samples, variant, metric)
  const nativeValues = valuesOf(samples, NATIVE_ID, 'hash')
  const perRound = values.map((v, i) => v / (nativeValues[i] ?? Number.NaN))
  return { ofMedians: median(values) / median(nativeValues), paired: median(perRound) }
}

export function prewarmedGoal(samples: Samples): { ratio: Ratios; met: boolean } {
  const ratio = ratiosToNative(samples, PREWARMED_ID, 'derive')
  return { ratio, met: ratio.ofMedians <= PREWARMED_GOAL_RATIO }
}

function metricRows(samples: Samples, variant: Variant): (string | number | null)[][] {
  return variant.metrics.map((metric) => {
    const s = summarize(valuesOf(samples, variant.id, metric.key))
    const ratios = metric.onCriticalPath ? ratiosToNative(samples, variant.id, metric.key) : null
    return [
      variant.label,
      metric.label,
      s.n,
      fmtMs(s.median),
      fmtMs(s.min),
      fmtMs(s.p95),
      ratios === null ? '' : fmtRatio(ratios.ofMedians),
      ratios === null ? '' : fmtRatio(ratios.paired),
    ]
  })
}

export function speedTable(run: SpeedRun, title: string): BenchTable {
  const goal = prewarmedGoal(run.samples)
  const check = run.mismatches.length === 0 ? 'all equal' : `${run.mismatches.length} MISMATCHES`
  return {
    title,
    columns: ['Variant', 'What is timed', 'n', 'median ms', 'min ms', 'p95 ms', '× native', '× native, paired'],
    rows: VARIANTS.flatMap((variant) => metricRows(run.samples, variant)),
    textColumns: 2,
    notes: [
      `Goal: pre-warmed libsodium derive within ${PREWARMED_GOAL_RATIO}× of native: ` +
        `${goal.met ? 'MET' : 'NOT MET'} (${fmtRatio(goal.ratio.ofMedians)} of medians, ` +
        `${fmtRatio(goal.ratio.paired)} paired).`,
      `Output check: ${run.comparisons} libsodium outputs compared byte for byte with native's: ${check}.`,
      '× native = median / native median; paired = median of per-round ratios. p95 is nearest-rank (= max for n < 20).',
      'libsodium times end when derive() resolves, i.e. after the worker has been terminated.',
    ],
  }
}

export function speedRecord(run: SpeedRun): Json {
  const variants = VARIANTS.map((variant) => {
    const metrics = variant.metrics.map((metric) => {
      const values = valuesOf(run.samples, variant.id, metric.key)
      const ratios = metric.onCriticalPath ? ratiosToNative(run.samples, variant.id, metric.key) : null
      const summary = Object.fromEntries(Object.entries(summarize(values)).map(([k, v]) => [k, round(v)] as const))
      const ratioRecord = ratios && { ofMedians: round(ratios.ofMedians, 3), paired: round(ratios.paired, 3) }
      const entry = { label: metric.label.trim(), ms: values.map((v) => round(v)), summary, ratioToNative: ratioRecord }
      return [metric.key, entry] as const
    })
    return [variant.id, { label: variant.label, metrics: Object.fromEntries(metrics) }] as const
  })
  const goal = prewarmedGoal(run.samples)
  return {
    variants: Object.fromEntries(variants),
    goal: { prewarmedWithin: PREWARMED_GOAL_RATIO, ratioOfMedians: round(goal.ratio.ofMedians, 3), met: goal.met },
    outputCheck: {
      comparisons: run.comparisons,
      allEqual: run.mismatches.length === 0,
      mismatches: [...run.mismatches],
    },
  }
}
