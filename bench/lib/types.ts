/**
 * The shape every benchmark module shares, so that run.ts can run, print and
 * record any of them (Argon2 now; vault unlock, bulk decrypt and search later)
 * without knowing what they measure.
 */

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json }

export interface BenchOptions {
  /** Fewer repetitions: a smoke run that proves the benchmark works, not a measurement. */
  readonly quick: boolean
  /** Overrides the module's own repetition count when set (--rounds). */
  readonly rounds: number | null
}

export type Cell = string | number | null

export interface BenchTable {
  readonly title: string
  readonly columns: readonly string[]
  readonly rows: readonly (readonly Cell[])[]
  /** How many leading columns hold text (left-aligned); the rest are figures (right-aligned). Default 1. */
  readonly textColumns?: number
  /** Printed under the table: what was timed, goals, caveats. */
  readonly notes?: readonly string[]
}

export interface BenchResult {
  readonly tables: readonly BenchTable[]
  /** Everything measured, raw samples included; written to bench/results/latest.json. */
  readonly record: Json
  /**
   * Things that actually broke (wrong output, a crash), never slowness:
   * benchmarks report times, they do not assert on them. Any entry makes the run exit 1.
   */
  readonly failures: readonly string[]
}

export interface BenchModule {
  /** Used by --only and as the key in latest.json. */
  readonly name: string
  readonly description: string
  run(options: BenchOptions): Promise<BenchResult>
}
