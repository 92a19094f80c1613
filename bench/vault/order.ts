/**
 * Round r runs the variants starting at r, so none always follows the same
 * neighbour (as in argon2/variants.ts, without importing native argon2 for it).
 */
export function rotated<T>(items: readonly T[], round: number): T[] {
  const shift = round % items.length
  return [...items.slice(shift), ...items.slice(0, shift)]
}
