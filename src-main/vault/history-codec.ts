/**
 * One entry of a vault's history, as sealed for the server: the digest of
 * the entry before it and the item revisions it vouches for. It is an
 * envelope of purpose 'vault-history' under the VaultKey, bound to the
 * account, the vault and the entry's counter, so a server can neither make
 * one, change one, nor move one to another place in the history
 * (docs/security-design.md §4.11).
 *
 * Plaintext (JSON inside the padded envelope):
 *   {"v":1,"prev":"<base64 digest>","changes":[["<item id>",<revision>,"<base64 digest>",<0|1 deleted>],…]}
 */
import { z } from 'zod'
import { VaultError } from '../../src-shared/errors.ts'
import { fromBase64, open, seal, toBase64, type VaultKey, zeroize } from '../crypto/index.ts'
import type { VouchedItem } from '../store/index.ts'

const FORMAT = 1
const DIGEST_BYTES = 32

export interface HistoryEntry {
  /** The digest of the previous entry's sealed bytes (zeros before the first). */
  readonly prev: Uint8Array
  readonly changes: readonly VouchedItem[]
}

export interface HistoryAddress {
  readonly accountId: string
  readonly vaultId: string
  readonly counter: number
}

const digestText = z.base64().refine((text) => fromBase64(text).length === DIGEST_BYTES, 'a 32-byte digest')

const entrySchema = z.strictObject({
  v: z.literal(FORMAT),
  prev: digestText,
  changes: z.array(
    z.tuple([
      z.string().min(1).max(128),
      z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
      digestText,
      z.union([z.literal(0), z.literal(1)]),
    ]),
  ),
})

function context({ accountId, vaultId, counter }: HistoryAddress) {
  return { purpose: 'vault-history' as const, accountId, vaultId, itemId: '', revision: counter }
}

export function sealHistoryEntry(vaultKey: VaultKey, address: HistoryAddress, entry: HistoryEntry): Uint8Array {
  const json = JSON.stringify({
    v: FORMAT,
    prev: toBase64(entry.prev),
    changes: entry.changes.map((c) => [c.itemId, c.revision, toBase64(c.digest), c.deleted ? 1 : 0]),
  })
  return seal(vaultKey, context(address), new TextEncoder().encode(json))
}

/** Throws DECRYPTION_FAILED for an entry this account did not seal at that place, SYNC_PROTOCOL for an unknown layout. */
export function openHistoryEntry(vaultKey: VaultKey, address: HistoryAddress, sealed: Uint8Array): HistoryEntry {
  const plaintext = open(vaultKey, context(address), sealed)
  try {
    const parsed = entrySchema.safeParse(parseJson(new TextDecoder().decode(plaintext)))
    if (!parsed.success) {
      throw new VaultError('SYNC_PROTOCOL', `History entry ${address.counter} is in a layout this app does not know.`)
    }
    return {
      prev: fromBase64(parsed.data.prev),
      changes: parsed.data.changes.map(([itemId, revision, digest, deleted]) => ({
        itemId,
        revision,
        digest: fromBase64(digest),
        deleted: deleted === 1,
      })),
    }
  } finally {
    zeroize(plaintext)
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
