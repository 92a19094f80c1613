/**
 * A malicious server, class 7 (docs/security-design.md §2.2, issue 7): items
 * and vaults the user never made appear in the user's rows. An item must open
 * under the VaultKey with this account's ids (the server has neither key), so
 * an injected one is refused and never listed; a tombstone for an id the user
 * never had deletes nothing.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { generateVaultKey, seal } from '../../../../src-main/crypto/index.ts'
import { expectCodeAsync } from '../../support/expect-code.ts'
import { joinedDevice, titles } from '../support/devices.ts'
import {
  expectHaltedAndIntact,
  expectIntact,
  expectNoPlaintextOnServer,
  expectUnlocksIntact,
  idOf,
  MAIL,
  maliciousSuite,
  otherAccount,
  type Victim,
  victim,
} from '../support/malicious-fixtures.ts'

const { stack, today } = maliciousSuite()

function accountIdOf(v: Victim): string {
  const account = v.b.store.getAccount()
  if (account === null) throw new Error('no account on B')
  return account.accountId
}

/** A well-formed item, sealed as this account's would be (same ids, revision 1), but under a key the server made. */
function forgedItem(v: Victim, itemId: string): string {
  const now = Date.now()
  const content = {
    v: 1,
    type: 'login',
    title: 'forged-title',
    favorite: false,
    notes: '',
    tags: [],
    fields: { username: 'forged-user', password: 'forged-pass', urls: ['https://forged.example'], totp: '' },
    customFields: [],
    createdAt: now,
    updatedAt: now,
    trashedAt: null,
  }
  const context = { purpose: 'item', accountId: accountIdOf(v), vaultId: v.vaultId, itemId, revision: 1 } as const
  const sealed = seal(generateVaultKey(), context, new TextEncoder().encode(JSON.stringify(content)))
  return Buffer.from(sealed).toString('base64')
}

describe('7. Injection', () => {
  it('an item sealed under a key the server made, with this account’s ids: halted as forged, never listed', async () => {
    const v = await victim(stack())
    const itemId = randomUUID()
    await v.server.insertItem(v.userId, { itemId, vaultId: v.vaultId, sealed: forgedItem(v, itemId) })

    await expectHaltedAndIntact(stack(), v, 'forged', [itemId])
    expect(titles(v.b)).not.toContain('forged-title')
    expect(v.b.vault.listItems({ query: 'forged' })).toEqual([])
  })

  it('a device joining an account with an injected item refuses to finish the join', async () => {
    const v = await victim(stack())
    const itemId = randomUUID()
    await v.server.insertItem(v.userId, { itemId, vaultId: v.vaultId, sealed: forgedItem(v, itemId) })

    await expectCodeAsync(joinedDevice(stack(), v.address, v.secretKey), 'SYNC_HALTED')
  })

  it("another account's genuine item copied in under a fresh id: halted as forged, never listed", async () => {
    const v = await victim(stack())
    const other = await otherAccount(stack())
    const theirs = await v.server.row('items', other.userId, { item_id: idOf(other.device, `${MAIL}-other`) })
    const itemId = randomUUID()
    await v.server.insertItem(v.userId, { itemId, vaultId: v.vaultId, sealed: String(theirs.sealed) })
    // And under its own id and vault id, as the other account has it.
    await v.server.insertItem(v.userId, {
      itemId: String(theirs.item_id),
      vaultId: String(theirs.vault_id),
      revision: Number(theirs.revision),
      sealed: String(theirs.sealed),
    })

    await expectHaltedAndIntact(stack(), v, 'forged', [itemId, String(theirs.item_id)])
    expect(v.b.vault.listItems({ query: 'other' })).toEqual([])
  })

  it('a tombstone for an item the user never had: halted as forged (no entry lists it)', async () => {
    const v = await victim(stack())
    const forged = await v.server.insertItem(v.userId, { vaultId: v.vaultId, revision: 2, sealed: null })

    await expectHaltedAndIntact(stack(), v, 'forged', [String(forged.item_id)])
  })

  // Found by this test (as with a substituted vault key, key-substitution.test.ts): pullVaults used to
  // store a vault record it had not opened, and one vault the user never made locked the device
  // out at its next unlock. Now a pulled vault record must open under the AccountKey, and unlock
  // leaves out a vault key that does not open instead of failing.
  it('a vault the user never made is refused: B still unlocks', async () => {
    const v = await victim(stack())
    await today(async () => {
      const envelope = () => Buffer.concat([Buffer.from([0x56, 0x45, 0x01, 0x02]), randomBytes(296)]).toString('base64')
      await v.server.insert('vaults', v.userId, {
        vault_id: randomUUID(),
        revision: 1,
        sealed_key: envelope(),
        sealed_meta: envelope(),
      })
      await v.b.sync.syncNow().catch(() => undefined)
      expectIntact(v.b, v.before)
      await expectNoPlaintextOnServer(stack(), v, false)
    })
    await expectUnlocksIntact(v.b, v.before)
  })
})
