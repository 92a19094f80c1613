/**
 * Short codes a person can compare between two machines.
 *
 * The account fingerprint names the account's public identity (its id and
 * the keyset's public key). The vault never adopts a key it cannot open with
 * the account's own secrets, nor encrypts a key to anything outside the
 * account; the fingerprint lets the user confirm that two machines hold the
 * same account all the same (docs/security-design.md §4.11).
 *
 * The history code names the newest vault history entry a device verified:
 * two machines at the same counter must show the same code, or the server is
 * showing them different histories.
 */
import { recordDigest } from '../crypto/index.ts'

/** Crockford's base32: no I, L, O or U, so nothing reads as another symbol. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export function accountFingerprint(accountId: string, boxPublicKey: Uint8Array): string {
  return groupedCode(recordDigest('vault.account-fingerprint', [accountId, boxPublicKey]), 20)
}

export function historyCode(headDigest: Uint8Array): string {
  return groupedCode(headDigest, 8)
}

/** The first `symbols` base32 symbols of bytes (5 bits each), in groups of four. */
function groupedCode(bytes: Uint8Array, symbols: number): string {
  let bits = 0
  let value = 0
  let code = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5 && code.length < symbols) {
      code += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  return code.match(/.{1,4}/g)?.join('-') ?? code
}
