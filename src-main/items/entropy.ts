/**
 * Exact counting for generated secrets. Floating-point powers lose the count
 * long before 128 characters (90^128 ≈ 2^831), so counts are BigInts and only
 * the final log2 is a float.
 */

/**
 * How many strings of `length` symbols over an alphabet of `alphabetSize`
 * contain at least one symbol of each of the disjoint classes in `requiredClassSizes`.
 * Inclusion–exclusion: Σ over subsets S of the required classes of
 * (−1)^|S| · (alphabetSize − Σ_{i∈S} size_i)^length.
 */
export function countStringsCoveringClasses(
  length: number,
  requiredClassSizes: readonly number[],
  alphabetSize: number,
): bigint {
  const classes = requiredClassSizes.length
  let total = 0n
  for (let subset = 0; subset < 2 ** classes; subset++) {
    let excluded = 0
    let members = 0
    for (let i = 0; i < classes; i++) {
      if ((subset >> i) & 1) {
        excluded += requiredClassSizes[i] as number
        members++
      }
    }
    const term = BigInt(alphabetSize - excluded) ** BigInt(length)
    total += members % 2 === 0 ? term : -term
  }
  return total
}

/** log2 of a positive BigInt, to double precision: the top 53 bits carry all a double can hold. */
export function log2BigInt(value: bigint): number {
  if (value <= 0n) throw new RangeError('log2BigInt takes a positive value')
  const bits = value.toString(2).length
  const shift = Math.max(0, bits - 53)
  return shift + Math.log2(Number(value >> BigInt(shift)))
}
