/**
 * A malicious server, class 3 (docs/security-design.md §2.2, issue 7): it
 * moves ciphertext to another item, revision, vault or account. The item
 * envelope's associated data binds account, vault, item and revision, and a
 * pulled record is opened with the ids of the row it arrived in, so each of
 * these fails to open and is refused (PullReport.rejected).
 */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { expectCodeAsync } from '../../support/expect-code.ts'
import {
  expectIntact,
  expectNoPlaintextOnServer,
  expectRefusedAndIntact,
  expectUnlocksIntact,
  idOf,
  MAIL,
  maliciousSuite,
  NOTE,
  otherAccount,
  victim,
} from '../support/malicious-fixtures.ts'

const { stack } = maliciousSuite()

describe('3. Swapping', () => {
  it("item X's ciphertext in item Y's row (same vault, next revision): rejected, both items intact", async () => {
    const v = await victim(stack())
    const [x, y] = [idOf(v.b, MAIL), idOf(v.b, NOTE)]
    await v.server.copySealed({ userId: v.userId, itemId: x }, { userId: v.userId, itemId: y })

    await expectRefusedAndIntact(stack(), v, [y])
  })

  it("an item's own ciphertext under the next revision: rejected (the revision is bound)", async () => {
    const v = await victim(stack())
    const x = idOf(v.b, MAIL)
    const row = await v.server.row('items', v.userId, { item_id: x })
    await v.server.update('items', v.userId, { item_id: x }, { revision: Number(row.revision) + 1 })

    await expectRefusedAndIntact(stack(), v, [x])
  })

  it('an item row moved to another vault id (next revision): rejected, the item stays in its vault', async () => {
    const v = await victim(stack())
    const x = idOf(v.b, MAIL)
    const row = await v.server.row('items', v.userId, { item_id: x })
    // The account has one vault: another vault id is one B holds no key for (or another account's).
    await v.server.update(
      'items',
      v.userId,
      { item_id: x },
      { vault_id: randomUUID(), revision: Number(row.revision) + 1 },
    )

    const report = await v.b.sync.syncNow()
    expect(report.rejected).toEqual([x])
    expect(v.b.vault.getItem(x).vaultId).toBe(v.vaultId)
    expectIntact(v.b, v.before)
    await expectUnlocksIntact(v.b, v.before)
    await expectNoPlaintextOnServer(stack(), v)
  })

  it("another account's item in this account's row: rejected, and the other account's content never shows", async () => {
    const v = await victim(stack())
    const other = await otherAccount(stack())
    const theirs = idOf(other.device, `${MAIL}-other`)
    const x = idOf(v.b, MAIL)
    const row = await v.server.row('items', v.userId, { item_id: x })
    await v.server.copySealed({ userId: other.userId, itemId: theirs }, { userId: v.userId, itemId: x })

    const report = await v.b.sync.syncNow()
    expect(report.rejected).toEqual([x])
    expect(Number(row.revision) + 1).toBe(Number((await v.server.row('items', v.userId, { item_id: x })).revision))
    expect(v.b.vault.listItems({ query: 'other' })).toEqual([])
    expectIntact(v.b, v.before)
    await expectUnlocksIntact(v.b, v.before)
    await expectNoPlaintextOnServer(stack(), v)
  })

  it('after a rejection, an edit of that item made on B is kept on B; sync says SYNC_CONFLICT, nothing is lost', async () => {
    // Today the refused row stays on the server at a revision above B's, and B's pull position has
    // moved past it: B's push (expecting its own revision) conflicts, the pull does not bring the
    // row again, and after five rounds sync gives up with SYNC_CONFLICT. The edit stays queued on
    // B (it is pushed once the server holds a revision B knows), and its history keeps the old one.
    const v = await victim(stack())
    const x = idOf(v.b, MAIL)
    const row = await v.server.row('items', v.userId, { item_id: x })
    await v.server.update('items', v.userId, { item_id: x }, { revision: Number(row.revision) + 1 })
    expect((await v.b.sync.syncNow()).rejected).toEqual([x])

    v.b.vault.updateItem(x, { fields: { password: 'canary-pass-edited' } })
    await expectCodeAsync(v.b.sync.syncNow(), 'SYNC_CONFLICT')
    expect(v.b.vault.revealField(x, 'password')).toBe('canary-pass-edited')
    expect(v.b.vault.revealField(x, 'password', Number(row.revision))).toBe('canary-pass-mail')
    expect(v.b.store.sync.pendingItemIds().has(x)).toBe(true)
    await expectNoPlaintextOnServer(stack(), v, false)
  })
})
