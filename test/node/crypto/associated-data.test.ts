/** The fast associated-data builder must give exactly the reference encoding of envelope.ts's header comment. */
import { describe, expect, it } from 'vitest'
import { concatBytes, encodeFields, u64be } from '../../../src-main/crypto/encoding.ts'
import { associatedData, PURPOSES, type Purpose } from '../../../src-main/crypto/envelope.ts'

const cases: [Purpose, string, string, string, number][] = [
  ['item', 'QDNJ3T', 'v\u00e4\u20acult', '\u{1d526}tem', 7],
  ['keyset', 'A', '', '', 0],
  ['vault-key', 'ACCT12', 'x'.repeat(300), 'y', 2 ** 40],
  ['account-meta', 'ZZZZZZ', '', '', Number.MAX_SAFE_INTEGER],
]

describe('associatedData', () => {
  it.each(cases)(
    'encodes %s contexts exactly as the reference does',
    (purpose, accountId, vaultId, itemId, revision) => {
      const reference = concatBytes(
        encodeFields(['vault.aad', Uint8Array.of(1, PURPOSES[purpose]), accountId, vaultId, itemId]),
        u64be(revision),
      )
      const fast = associatedData({ purpose, accountId, vaultId, itemId, revision })
      expect(Buffer.from(fast).equals(Buffer.from(reference))).toBe(true)
    },
  )
})
