import { describe, expect, it } from 'vitest'
import { MIN_PADDED_BYTES, pad, paddedLength, unpad } from '../../../src-main/crypto/padding.ts'
import { expectCode } from '../support/expect-code.ts'

describe('padding', () => {
  it('pads to at least 256 bytes, then to Padmé buckets of at most 12% overhead', () => {
    let previous = 0
    for (let length = 0; length < 70_000; length += 7) {
      const padded = paddedLength(length)
      expect(padded).toBeGreaterThan(length)
      expect(padded).toBeGreaterThanOrEqual(MIN_PADDED_BYTES)
      expect(padded).toBeGreaterThanOrEqual(previous)
      if (length >= MIN_PADDED_BYTES) expect(padded / (length + 1)).toBeLessThanOrEqual(1.12)
      previous = padded
    }
  })

  it('leaves few distinct sizes: about log2(log2(n)) bits of length remain', () => {
    const buckets = new Set<number>()
    for (let length = 1024; length < 2048; length++) buckets.add(paddedLength(length))
    expect(buckets.size).toBeLessThanOrEqual(16)
  })

  it('round-trips, including plaintexts that end in zeros or the marker byte', () => {
    for (const sample of [[], [0], [0x80], [1, 0, 0], [0x80, 0], new Array(300).fill(7)]) {
      expect(Array.from(unpad(pad(Uint8Array.from(sample))))).toEqual(sample)
    }
  })

  it('rejects padding without its marker', () => {
    expectCode(() => unpad(new Uint8Array(256)), 'MALFORMED_ENVELOPE')
    expectCode(() => unpad(Uint8Array.of(1, 2, 3)), 'MALFORMED_ENVELOPE')
  })
})
