import { randomFillSync } from 'node:crypto'

/**
 * Random bytes from node:crypto. libsodium's randombytes_buf() calls
 * crypto.randomBytes(4) once per byte in this build (76 µs for a nonce,
 * against 3 µs here: ../shared/research/perf.md), so it is never used.
 * Each call returns its own buffer, so zeroizing it touches nothing else.
 */
export function randomBytes(length: number): Uint8Array {
  const out = new Uint8Array(length)
  randomFillSync(out)
  return out
}

/** A uniformly random integer in [0, bound), by rejection sampling (no modulo bias). */
export function randomBelow(bound: number): number {
  if (!Number.isInteger(bound) || bound < 1 || bound > 256) {
    throw new RangeError('randomBelow takes a bound from 1 to 256')
  }
  const limit = 256 - (256 % bound)
  const byte = new Uint8Array(1)
  for (;;) {
    randomFillSync(byte)
    const value = byte[0] as number
    if (value < limit) return value % bound
  }
}
