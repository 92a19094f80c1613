/**
 * A malicious server, classes 5 and 6 (docs/security-design.md §2.2, issue 7):
 * it puts back old rows, deletes rows, forges tombstones, withholds new items,
 * and shows two machines different histories. An old row with its own old
 * revision opens fine, so the envelope alone cannot catch these; the vault's
 * history (sync/vault-history.ts) does. Every test ends with the victim's
 * data intact, nothing leaked, and sync halted until the user looks again.
 */
import { describe, expect, it } from 'vitest'
import { isVaultError } from '../../../../src-shared/errors.ts'
import { joinedDevice, type TestDevice, titles } from '../support/devices.ts'
import {
  expectHalted,
  expectHaltedAndIntact,
  expectIntact,
  expectNoPlaintextOnServer,
  expectRefusedAndIntact,
  idOf,
  MAIL,
  maliciousSuite,
  type Victim,
  victim,
} from '../support/malicious-fixtures.ts'
import { revealed } from '../support/secret-changes.ts'

const { stack } = maliciousSuite()

/** A new machine joins the victim's account; null when the join is refused (the attack detected). */
async function joinedOrRefused(v: Victim): Promise<TestDevice | null> {
  try {
    return await joinedDevice(stack(), v.address, v.secretKey)
  } catch (error) {
    if (isVaultError(error, 'SYNC_HALTED')) return null
    throw error
  }
}

/** A changes MAIL's password and syncs, B takes it in; returns the server row as it was before the change. */
async function editedOnA(v: Victim) {
  const x = idOf(v.a, MAIL)
  const old = await v.server.snapshot('items', v.userId, { item_id: x })
  v.a.vault.updateItem(x, { fields: { password: 'canary-pass-newer' } })
  await v.a.sync.syncNow()
  await v.b.sync.syncNow()
  expect(v.b.vault.revealField(x, 'password')).toBe('canary-pass-newer')
  return { x, old, newer: revealed(v.b) }
}

/**
 * A changes MAIL's password and syncs; the server then drops the history entry that vouched for
 * it and puts the row back as it was, so the vault looks to everyone else as if A never wrote.
 */
async function editedOnAThenHidden(v: Victim, password: string): Promise<string> {
  const x = idOf(v.a, MAIL)
  const old = await v.server.snapshot('items', v.userId, { item_id: x })
  const head = await v.server.logHead(v.userId, v.vaultId)
  v.a.vault.updateItem(x, { fields: { password } })
  await v.a.sync.syncNow()
  expect(await v.server.logHead(v.userId, v.vaultId)).toBe(head + 1)
  await v.server.deleteLog(v.userId, v.vaultId, head + 1)
  await v.server.restore(old)
  return x
}

describe('5. Rollback and deletion', () => {
  it('an older revision put back (its old ciphertext and revision, a new seq): B sees a rollback, keeps the newer one', async () => {
    const v = await victim(stack())
    const { x, old, newer } = await editedOnA(v)
    await v.server.restore(old)
    expect((await v.server.row('items', v.userId, { item_id: x })).revision).toBe(1)

    await expectHaltedAndIntact(stack(), { ...v, before: newer }, 'rollback', [x])
  })

  it('a device joining after a rollback refuses to finish the join', async () => {
    const v = await victim(stack())
    const { old } = await editedOnA(v)
    await v.server.restore(old)
    expect(await joinedOrRefused(v)).toBeNull()
    await expectNoPlaintextOnServer(stack(), v, false)
  })

  it('an item row deleted outright (no tombstone): no effect on B, which keeps the item', async () => {
    const v = await victim(stack())
    await v.server.deleteItem(v.userId, idOf(v.b, MAIL))

    await expectRefusedAndIntact(stack(), v, [])
  })

  it('a device joining after an item row vanished refuses to finish the join', async () => {
    const v = await victim(stack())
    await v.server.deleteItem(v.userId, idOf(v.b, MAIL))
    await v.b.sync.syncNow()
    expect(await joinedOrRefused(v)).toBeNull()
    await expectNoPlaintextOnServer(stack(), v, false)
  })

  // Found by the harness in issue 7's first step: a bare tombstone used to make B drop the item and
  // its whole history. A deletion carries a marker sealed under the VaultKey (vault/tombstone.ts),
  // and the history must list that marker's digest.
  it('a tombstone the user never made does not delete the item on B', async () => {
    const v = await victim(stack())
    const itemId = idOf(v.b, MAIL)
    await v.server.forgeTombstone({ userId: v.userId, itemId })
    await expectHaltedAndIntact(stack(), v, 'forged', [itemId])
  })

  it("a tombstone carrying the item's own ciphertext as its marker is refused too", async () => {
    const v = await victim(stack())
    const itemId = idOf(v.b, MAIL)
    const row = await v.server.row('items', v.userId, { item_id: itemId })
    await v.server.update('items', v.userId, { item_id: itemId }, { deleted: true, revision: Number(row.revision) + 1 })
    await expectHaltedAndIntact(stack(), v, 'forged', [itemId])
  })

  it('a new item A made that the server withholds is noticed by B', async () => {
    const v = await victim(stack())
    const hidden = v.a.vault.createItem({ type: 'note', title: 'canary-title-hidden', notes: 'canary-note-hidden' })
    await v.a.sync.syncNow()
    await v.server.deleteItem(v.userId, hidden.id)

    await expectHaltedAndIntact(stack(), v, 'withheld', [hidden.id])
  })

  it('the newest history entry dropped with the row it vouched for: A, which wrote it, sees the rollback', async () => {
    const v = await victim(stack())
    const x = await editedOnAThenHidden(v, 'canary-pass-newer')

    // B never saw the edit, so what it is shown is a consistent older vault: it cannot tell (a fork, below).
    await v.b.sync.syncNow()
    expectIntact(v.b, v.before)
    await expectHalted(v.a, 'rollback')
    expect(v.a.vault.revealField(x, 'password')).toBe('canary-pass-newer')
    await expectNoPlaintextOnServer(stack(), v, false)
  })

  it('the whole history deleted: B, which verified it, sees the rollback', async () => {
    const v = await victim(stack())
    expect(await v.server.deleteLog(v.userId, v.vaultId)).toBeGreaterThan(0)
    await expectHaltedAndIntact(stack(), v, 'rollback')
  })
})

describe('6. Forking', () => {
  it('B shown the row as it was before A changed it: B sees the rollback before writing over it', async () => {
    const v = await victim(stack())
    const x = idOf(v.b, MAIL)
    const old = await v.server.snapshot('items', v.userId, { item_id: x })
    v.a.vault.updateItem(x, { fields: { password: 'canary-pass-from-a' } })
    await v.a.sync.syncNow()
    await v.server.restore(old)
    v.b.vault.updateItem(x, { fields: { password: 'canary-pass-from-b' } })

    await expectHalted(v.b, 'rollback', [x])
    // Both edits survive on the machine that made them, and B's never went up.
    expect(v.a.vault.revealField(x, 'password')).toBe('canary-pass-from-a')
    expect(v.b.vault.revealField(x, 'password')).toBe('canary-pass-from-b')
    expect((await v.server.row('items', v.userId, { item_id: x })).revision).toBe(1)
    await expectNoPlaintextOnServer(stack(), v, false)
  })

  it('A and B kept on two histories (entry and row rolled back for B, B writes on top): A sees the fork', async () => {
    const v = await victim(stack())
    const x = await editedOnAThenHidden(v, 'canary-pass-from-a')
    const head = await v.server.logHead(v.userId, v.vaultId)
    // B's own edit then becomes the next entry, on another branch than A's.
    v.b.vault.updateItem(x, { fields: { password: 'canary-pass-from-b' } })
    await v.b.sync.syncNow()
    expect(await v.server.logHead(v.userId, v.vaultId)).toBe(head + 1)

    await expectHalted(v.a, 'fork')
    expect(v.a.vault.revealField(x, 'password')).toBe('canary-pass-from-a')
    expect(v.b.vault.revealField(x, 'password')).toBe('canary-pass-from-b')
    // The machines' history codes differ at the same counter: what the user can compare by eye.
    const [a, b] = [v.a.sync.status().history, v.b.sync.status().history]
    expect(a?.counter).toBe(b?.counter)
    expect(a?.code).not.toBe(b?.code)
    await expectNoPlaintextOnServer(stack(), v, false)
  })
})

describe('The history itself', () => {
  it('an entry B has not seen yet, altered by one bit: B refuses it as forged', async () => {
    const v = await victim(stack())
    v.a.vault.createItem({ type: 'note', title: 'canary-title-later', notes: 'canary-note-later' })
    await v.a.sync.syncNow()
    const counter = await v.server.logHead(v.userId, v.vaultId)
    const entry = await v.server.row('vault_log', v.userId, { vault_id: v.vaultId, counter })
    const sealed = Buffer.from(String(entry.sealed), 'base64')
    sealed[sealed.length - 1] = (sealed.at(-1) ?? 0) ^ 1
    await v.server.update(
      'vault_log',
      v.userId,
      { vault_id: v.vaultId, counter },
      { sealed: sealed.toString('base64') },
    )
    await expectHaltedAndIntact(stack(), v, 'forged')
  })

  it('the entry B verified last replaced by an older one: B sees a different history', async () => {
    const v = await victim(stack())
    const counter = await v.server.logHead(v.userId, v.vaultId)
    expect(counter).toBeGreaterThan(1)
    const first = await v.server.row('vault_log', v.userId, { vault_id: v.vaultId, counter: 1 })
    await v.server.update('vault_log', v.userId, { vault_id: v.vaultId, counter }, { sealed: first.sealed })
    await expectHaltedAndIntact(stack(), v, 'fork')
  })

  it('an old entry replayed as the next one (its counter is bound): refused as forged', async () => {
    const v = await victim(stack())
    const counter = await v.server.logHead(v.userId, v.vaultId)
    const first = await v.server.row('vault_log', v.userId, { vault_id: v.vaultId, counter: 1 })
    await v.server.insert('vault_log', v.userId, {
      vault_id: v.vaultId,
      counter: counter + 1,
      sealed: first.sealed,
      seq: 0,
    })
    await expectHaltedAndIntact(stack(), v, 'forged')
  })

  it('after a halt, checking again halts again while the lie is there, and resumes once it is gone', async () => {
    const v = await victim(stack())
    const x = idOf(v.b, MAIL)
    const before = await v.server.snapshot('items', v.userId, { item_id: x })
    await v.server.forgeTombstone({ userId: v.userId, itemId: x })
    await expectHalted(v.b, 'forged', [x])
    await expect(v.b.sync.recheck()).rejects.toMatchObject({ code: 'SYNC_HALTED' })
    v.b.restart()
    await v.b.vault.unlock({ password: 'glacier orbit pamphlet 93 tundra' })
    expect(v.b.sync.status().state).toBe('halted')

    await v.server.restore(before)
    await expect(v.b.sync.recheck()).resolves.toMatchObject({ rejected: [] })
    expect(v.b.sync.status()).toMatchObject({ state: 'idle', halted: null })
    expectIntact(v.b, v.before)
    expect(titles(v.b)).toEqual(titles(v.a))
  })
})
