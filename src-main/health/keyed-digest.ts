/**
 * Stand-ins for passwords in the health report's maps: an HMAC-SHA-256 of
 * length-prefixed parts (so ('ab', 'c') and ('a', 'bc') differ) under a
 * random key that lives as long as its owner (one report, or one unlocked
 * session) and is wiped with it. No map is keyed by a password, and a
 * digest from one key says nothing next to another's.
 */
import { createHmac, randomBytes } from 'node:crypto'

export class KeyedDigest {
  #key: Buffer = randomBytes(32)

  of(...parts: readonly string[]): string {
    const hmac = createHmac('sha256', this.#key)
    for (const part of parts) hmac.update(`${Buffer.byteLength(part)}:${part}`)
    return hmac.digest('base64')
  }

  /** Zeroizes the key and takes a new one: digests made before no longer match. */
  wipe(): void {
    this.#key.fill(0)
    this.#key = randomBytes(32)
  }
}
