/**
 * A malicious server, class 4 (docs/security-design.md §2.2, issue 7): it
 * supplies a public key, a keyset or a vault key of its choosing, hoping the
 * client adopts it. A newer keyset must be vouched for by a credential note
 * sealed under the AccountKey (vault/credential-settle.ts), else
 * KEYSET_MISMATCH and nothing is taken in.
 */
import { describe, expect, it } from 'vitest'
import type { AccountRecord } from '../../../../src-main/store/index.ts'
import { expectCodeAsync } from '../../support/expect-code.ts'
import { PASSWORD } from '../support/devices.ts'
import {
  expectIntact,
  expectNoPlaintextOnServer,
  expectUnlocksIntact,
  maliciousSuite,
  otherAccount,
  type Victim,
  victim,
} from '../support/malicious-fixtures.ts'
import { NEW_PASSWORD } from '../support/secret-changes.ts'

const { stack, today } = maliciousSuite()

const fakePublicKey = () => Buffer.alloc(32, 9).toString('base64')

function accountOf(v: Victim): AccountRecord {
  const account = v.b.store.getAccount()
  if (account === null) throw new Error('no account on B')
  return account
}

/** B's account record is byte for byte what it was, and B unlocks with the real password. */
async function expectAccountKept(v: Victim, before: AccountRecord): Promise<void> {
  expect(accountOf(v)).toEqual(before)
  expectIntact(v.b, v.before)
  await expectUnlocksIntact(v.b, v.before)
  expect(accountOf(v)).toEqual(before)
}

describe('4. Key substitution', () => {
  it('another public key, as a new keyset revision: KEYSET_MISMATCH at pull, the record unchanged, unlock works', async () => {
    const v = await victim(stack())
    const before = accountOf(v)
    const row = await v.server.row('accounts', v.userId)
    await v.server.update(
      'accounts',
      v.userId,
      {},
      { box_public_key: fakePublicKey(), keyset_revision: Number(row.keyset_revision) + 1 },
    )

    await expectCodeAsync(v.b.sync.syncNow(), 'KEYSET_MISMATCH')
    await expectAccountKept(v, before)
    await expectNoPlaintextOnServer(stack(), v, false)
  })

  it('another public key under the same revision: ignored, sync goes on', async () => {
    const v = await victim(stack())
    const before = accountOf(v)
    await v.server.update('accounts', v.userId, {}, { box_public_key: fakePublicKey() })

    expect((await v.b.sync.syncNow()).rejected).toEqual([])
    await expectAccountKept(v, before)
    await expectNoPlaintextOnServer(stack(), v)
  })

  it("another account's whole keyset record (KDF, keyset, public key, meta), as a new revision: KEYSET_MISMATCH", async () => {
    const v = await victim(stack())
    const other = await otherAccount(stack())
    const before = accountOf(v)
    const theirs = await v.server.row('accounts', other.userId)
    const mine = await v.server.row('accounts', v.userId)
    const { kdf, sealed_keyset, box_public_key, sealed_meta } = theirs
    await v.server.update(
      'accounts',
      v.userId,
      {},
      {
        kdf,
        sealed_keyset,
        box_public_key,
        sealed_meta,
        keyset_revision: Number(mine.keyset_revision) + 1,
        meta_revision: Number(mine.meta_revision) + 1,
      },
    )

    const refused = await expectCodeAsync(v.b.sync.syncNow(), 'KEYSET_MISMATCH')
    expect(refused.message).toMatch(/do not open with this account/)
    // At unlock the server's record is newer and not weaker, so it is tried: it does not open, the own one does.
    await expectAccountKept(v, before)
    await expectNoPlaintextOnServer(stack(), v, false)
  })

  it('another public key riding on a genuine newer account meta (from a password change on A) is not taken in', async () => {
    // A changes the password: keyset and meta revision 2. The server shows B the old keyset
    // (revision 1, which B holds) beside A's genuine meta revision 2, with its own public key.
    // Fixed in 90c0f77 (sameKeysetRecord now compares the public key): before that B stored the
    // key and its next unlock failed with KEYSET_MISMATCH.
    const v = await victim(stack())
    const before = accountOf(v)
    const old = await v.server.row('accounts', v.userId)
    await v.a.vault.security.changeCredentials({ changed: 'password', password: PASSWORD, newPassword: NEW_PASSWORD })
    const changed = await v.server.row('accounts', v.userId)
    expect(changed.meta_revision).toBe(2)
    await v.server.update(
      'accounts',
      v.userId,
      {},
      { keyset_revision: old.keyset_revision, sealed_keyset: old.sealed_keyset, box_public_key: fakePublicKey() },
    )

    expect((await v.b.sync.syncNow()).rejected).toEqual([])
    // The server hid the change, so B keeps its record, and with it the old password.
    await expectAccountKept(v, before)
    await expectNoPlaintextOnServer(stack(), v)
  })

  // Found by this test: pullVaults used to store a pulled vault record without opening it, replacing
  // the device's only copy of the sealed VaultKey, so the next unlock failed (DECRYPTION_FAILED).
  // Now the record must open under the AccountKey before it is taken in, and is refused otherwise.
  it("another account's vault key in the vault row (next revision) is refused: B still unlocks", async () => {
    const v = await victim(stack())
    const before = accountOf(v)
    await today(async () => {
      const other = await otherAccount(stack())
      const theirs = await v.server.row('vaults', other.userId)
      const mine = await v.server.row('vaults', v.userId)
      await v.server.update(
        'vaults',
        v.userId,
        {},
        { sealed_key: theirs.sealed_key, sealed_meta: theirs.sealed_meta, revision: Number(mine.revision) + 1 },
      )
      // Detected (sync fails) or not, the sync must not lose anything.
      await v.b.sync.syncNow().catch(() => undefined)
      expectIntact(v.b, v.before)
      await expectNoPlaintextOnServer(stack(), v, false)
    })
    await expectAccountKept(v, before)
  })
})
