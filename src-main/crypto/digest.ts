/**
 * A keyed-by-label BLAKE2b-256 digest of length-prefixed fields: it names a
 * record's exact bytes (say, a re-sealed keyset and its KDF record) so that
 * an authenticated envelope elsewhere can vouch for them.
 */
import { encodeFields } from './encoding.ts'
import { sodium } from './sodium.ts'

export function recordDigest(label: string, fields: readonly (string | Uint8Array)[]): Uint8Array {
  return sodium().crypto_generichash(32, encodeFields([label, ...fields]), null)
}
