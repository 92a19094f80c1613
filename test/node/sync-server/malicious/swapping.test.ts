/**
 * A malicious server, class 3 (docs/security-design.md §2.2, issue 7): it
 * moves ciphertext to another item, revision, vault or account. The item
 * envelope's associated data binds account, vault, item and revision, and a
 * pulled record is opened with the ids of the row it arrived in, so each of
 * these fails to open; before that, the vault's history (sync/vault-history.ts)
 * lists no such record, so the sync halts as soon as it sees one.
 */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { expectCodeAsync } from '../../support/expect-code.ts'
import {
  expectHalted,
  expectHaltedAndIntact,
  expectNoPlaintextOnServer,
  idOf,
  MAIL,
  maliciousSuite,
  NOTE,
  otherAccount,
  victim,
} from '../support/malicious-fixtures.ts'

const { stack } = maliciousSuite()

describe('3. Swapping', () => {
  it("item X's ciphertext in item Y's row (same vault, next revision): halted as forged, both items intact", async () => {
    const v = await victim(stack())
    const [x, y] = [idOf(v.b, MAIL), idOf(v.b, NOTE)]
    await v.server.copySealed({ userId: v.userId, itemId: x }, { userId: v.userId, itemId: y })

    await expectHaltedAndIntact(stack(), v, 'forged', [y])
  })

  it("item X's ciphertext in item Y's row at Y's own revision: halted (a second record for one revision)", async () => {
    const v = await victim(stack())
    const [x, y] = [idOf(v.b, MAIL), idOf(v.b, NOTE)]
    const row = await v.server.row('items', v.userId, { item_id: y })
    await v.server.copySealed(
      { userId: v.userId, itemId: x },
      { userId: v.userId, itemId: y },
      { revision: Number(row.revision) },
    )

    await expectHaltedAndIntact(stack(), v, 'fork', [y])
  })

  it("an item's own ciphertext under the next revision: halted as forged (the revision is bound)", async () => {
    const v = await victim(stack())
    const x = idOf(v.b, MAIL)
    const row = await v.server.row('items', v.userId, { item_id: x })
    await v.server.update('items', v.userId, { item_id: x }, { revision: Number(row.revision) + 1 })

    await expectHaltedAndIntact(stack(), v, 'forged', [x])
  })

  it('an item row moved to another vault id (next revision): halted as forged, the item stays in its vault', async () => {
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

    await expectHaltedAndIntact(stack(), v, 'forged', [x])
    expect(v.b.vault.getItem(x).vaultId).toBe(v.vaultId)
  })

  it("another account's item in this account's row: halted as forged, the other account's content never shows", async () => {
    const v = await victim(stack())
    const other = await otherAccount(stack())
    const theirs = idOf(other.device, `${MAIL}-other`)
    const x = idOf(v.b, MAIL)
    const row = await v.server.row('items', v.userId, { item_id: x })
    await v.server.copySealed({ userId: other.userId, itemId: theirs }, { userId: v.userId, itemId: x })

    expect(Number(row.revision) + 1).toBe(Number((await v.server.row('items', v.userId, { item_id: x })).revision))
    await expectHaltedAndIntact(stack(), v, 'forged', [x])
    expect(v.b.vault.listItems({ query: 'other' })).toEqual([])
  })

  it('after a halt, an edit of that item made on B is kept on B and waits; nothing goes up', async () => {
    const v = await victim(stack())
    const x = idOf(v.b, MAIL)
    const row = await v.server.row('items', v.userId, { item_id: x })
    await v.server.update('items', v.userId, { item_id: x }, { revision: Number(row.revision) + 1 })
    await expectHalted(v.b, 'forged', [x])

    v.b.vault.updateItem(x, { fields: { password: 'canary-pass-edited' } })
    await expectCodeAsync(v.b.sync.syncNow(), 'SYNC_HALTED')
    expect(v.b.vault.revealField(x, 'password')).toBe('canary-pass-edited')
    expect(v.b.vault.revealField(x, 'password', Number(row.revision))).toBe('canary-pass-mail')
    expect(v.b.store.sync.pendingItemIds().has(x)).toBe(true)
    expect((await v.server.row('items', v.userId, { item_id: x })).revision).toBe(Number(row.revision) + 1)
    await expectNoPlaintextOnServer(stack(), v, false)
  })
})
