/** Order statistics for small samples of timings. */

export interface Summary {
  readonly n: number
  readonly min: number
  readonly median: number
  /** Nearest-rank, so with fewer than 20 samples it is the maximum. */
  readonly p95: number
  readonly max: number
  readonly mean: number
}

function sorted(values: readonly number[]): number[] {
  if (values.length === 0) throw new Error('no samples to summarize')
  return [...values].sort((a, b) => a - b)
}

export function median(values: readonly number[]): number {
  const s = sorted(values)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

/** Nearest-rank percentile: always one of the samples, never an interpolation. */
export function percentile(values: readonly number[], p: number): number {
  const s = sorted(values)
  const rank = Math.ceil((p / 100) * s.length)
  return s[Math.min(s.length, Math.max(1, rank)) - 1] as number
}

export function summarize(values: readonly number[]): Summary {
  const s = sorted(values)
  return {
    n: s.length,
    min: s[0] as number,
    median: median(s),
    p95: percentile(s, 95),
    max: s[s.length - 1] as number,
    mean: s.reduce((sum, v) => sum + v, 0) / s.length,
  }
}

/** Rounds for the JSON record; raw doubles carry meaningless digits. */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits
  return Math.round(value * scale) / scale
}
