/**
 * Pearson's chi-square statistic, with a deliberately generous threshold:
 * these tests must catch a biased generator (a modulo bias, a forgotten class,
 * a fixed position), not fail once in a thousand runs on honest randomness.
 */
export function chiSquare(observed: readonly number[], expected: readonly number[]): number {
  let statistic = 0
  observed.forEach((count, i) => {
    const want = expected[i] as number
    statistic += (count - want) ** 2 / want
  })
  return statistic
}

/**
 * The mean of a chi-square with df degrees of freedom plus seven standard
 * deviations (sqrt(2·df)): an honest generator exceeds it far less than once in
 * a million runs, while a real bias over these sample sizes exceeds it by far.
 */
export function generousLimit(degreesOfFreedom: number): number {
  return degreesOfFreedom + 7 * Math.sqrt(2 * degreesOfFreedom)
}

export function tally<T>(values: Iterable<T>, keys: readonly T[]): number[] {
  const index = new Map(keys.map((key, i) => [key, i]))
  const counts = keys.map(() => 0)
  for (const value of values) {
    const i = index.get(value)
    if (i === undefined) throw new Error(`value outside the expected set: ${String(value)}`)
    counts[i] = (counts[i] as number) + 1
  }
  return counts
}
