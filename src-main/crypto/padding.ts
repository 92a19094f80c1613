/**
 * Length hiding. Plaintexts are padded (ISO/IEC 7816-4: a 0x80 byte, then
 * zeros) up to a size bucket before sealing: at least 256 bytes, then Padmé
 * (Nikitin et al., "Reducing Metadata Leakage from Encrypted Files and
 * Communication with PURBs", PETS 2019), which rounds to a number with only
 * about log2(log2 L) significant bits: at most 12% overhead, and the server
 * learns only O(log log L) bits of the length.
 */
import { VaultError } from '../../src-shared/errors.ts'

export const MIN_PADDED_BYTES = 256
/** The byte that ends the plaintext inside a padded block (then zeros). */
export const PAD_MARKER = 0x80

export function paddedLength(plaintextLength: number): number {
  return padme(Math.max(plaintextLength + 1, MIN_PADDED_BYTES))
}

export function pad(plaintext: Uint8Array): Uint8Array {
  const out = new Uint8Array(paddedLength(plaintext.length))
  out.set(plaintext)
  out[plaintext.length] = PAD_MARKER
  return out
}

/** The returned view shares the padded buffer, so zeroizing the one zeroizes the other. */
export function unpad(padded: Uint8Array): Uint8Array {
  let end = padded.length - 1
  while (end >= 0 && padded[end] === 0) end--
  if (end < 0 || padded[end] !== PAD_MARKER) {
    throw new VaultError('MALFORMED_ENVELOPE', 'The sealed record has invalid padding.')
  }
  return padded.subarray(0, end)
}

function padme(length: number): number {
  const exponent = Math.floor(Math.log2(length))
  const significant = Math.floor(Math.log2(exponent)) + 1
  const step = 2 ** (exponent - significant)
  return Math.ceil(length / step) * step
}
