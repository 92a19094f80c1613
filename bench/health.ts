/**
 * Password health (issue 8): what zxcvbn costs per password with the prefix
 * index (src-main/items/strength-dictionary-index.ts) against the library's
 * own matcher measured in the same run, by kind of password; and the health
 * report over 1,000 logins, cold, again with the session's remembered
 * scores, and after ten edits, next to the same report with a constant
 * estimator. Any estimate that differs between the two matchers is a failure.
 * Passwords come from a fixed seed (bench/health/passwords.ts).
 */

import {
  type EstimateRun,
  measureEstimates,
  measureReports,
  REPORT_KEYS,
  type ReportRun,
  shapeKeys,
} from './health/measure.ts'
import { generatePasswords, healthInputsOf, SHAPES } from './health/passwords.ts'
import { round, summarize } from './lib/stats.ts'
import { fmtMs, fmtRatio } from './lib/table.ts'
import type { BenchModule, BenchOptions, BenchResult, BenchTable, Cell } from './lib/types.ts'

const SEED = 0x4ea1
const NOW = Date.UTC(2026, 10, 22)
const SIZES = { estimates: { full: 300, quick: 60 }, logins: { full: 1_000, quick: 200 } }
const ROUNDS = { estimates: { full: 3, quick: 1 }, reports: { full: 3, quick: 1 } }
const EDITS = 10

function pick(options: BenchOptions, counts: { full: number; quick: number }): number {
  return options.quick ? counts.quick : counts.full
}

function estimateTable(run: EstimateRun): BenchTable {
  const rows: Cell[][] = SHAPES.map((shape) => {
    const keys = shapeKeys(shape)
    const indexed = summarize(run.samples.get(keys.indexed))
    const stock = summarize(run.samples.get(keys.stock))
    return [
      shape,
      indexed.n,
      fmtMs(indexed.median),
      fmtMs(indexed.max),
      fmtMs(stock.median),
      fmtRatio(stock.median / indexed.median),
    ]
  })
  return {
    title: `zxcvbn per password: ${run.passwords} passwords × ${run.rounds} rounds, with the prefix index and without`,
    columns: ['Kind', 'n', 'indexed median ms', 'indexed max ms', 'library alone median ms', 'speed-up'],
    rows,
    notes: [
      'Kinds: random (12–30 characters), passphrase (4–6 words), made up (word or name, digits, symbol, some l33t).',
      `Estimates that differed between the two: ${run.differing} (any is a failure).`,
    ],
  }
}

function reportTable(run: ReportRun): BenchTable {
  const reference = summarize(run.samples.get(REPORT_KEYS.noEstimator)).median
  const row = (label: string, key: string): Cell[] => {
    const s = summarize(run.samples.get(key))
    return [label, s.n, fmtMs(s.median), fmtMs(s.min), fmtMs(s.max), fmtRatio(s.median / reference)]
  }
  return {
    title: `Health report over ${run.logins.toLocaleString('en-US')} logins (${run.weak} weak), ${run.rounds} rounds`,
    columns: ['What is timed', 'n', 'median ms', 'min ms', 'max ms', 'vs. no estimator'],
    rows: [
      row('cold: a fresh session, every password estimated', REPORT_KEYS.cold),
      row('warm: the same again, scores remembered', REPORT_KEYS.warm),
      row(`after ${run.edits} passwords changed`, REPORT_KEYS.edited),
      row('reference: a constant estimator (everything but zxcvbn)', REPORT_KEYS.noEstimator),
    ],
  }
}

function recordOf(estimates: EstimateRun, reports: ReportRun) {
  const series = (run: { samples: { entries(): [string, number[]][] } }) =>
    Object.fromEntries(run.samples.entries().map(([key, values]) => [key, values.map((value) => round(value))]))
  return {
    seed: SEED,
    estimates: {
      passwords: estimates.passwords,
      rounds: estimates.rounds,
      differing: estimates.differing,
      ms: series(estimates),
    },
    reports: {
      logins: reports.logins,
      weak: reports.weak,
      edits: reports.edits,
      rounds: reports.rounds,
      ms: series(reports),
    },
  }
}

async function run(options: BenchOptions): Promise<BenchResult> {
  const sample = generatePasswords(SEED, pick(options, SIZES.estimates))
  console.error(`  health: ${sample.length} passwords, each estimated with and without the prefix index`)
  const estimates = measureEstimates(sample, options.rounds ?? pick(options, ROUNDS.estimates))
  const inputs = healthInputsOf(generatePasswords(SEED + 1, pick(options, SIZES.logins)), NOW)
  console.error(`  health: reports over ${inputs.length} logins`)
  const reports = await measureReports(inputs, NOW, options.rounds ?? pick(options, ROUNDS.reports), EDITS)
  const failures =
    estimates.differing === 0 ? [] : [`health: ${estimates.differing} estimates differ with the prefix index`]
  return { tables: [estimateTable(estimates), reportTable(reports)], record: recordOf(estimates, reports), failures }
}

export const healthBench: BenchModule = {
  name: 'health',
  description: 'zxcvbn with and without the prefix index, and the health report over 1,000 logins',
  run,
}
