/**
 * Change notifications through supabase-js's realtime client: a write by one account pokes
 * that account's subscribers only, carrying ids, revisions and seq but never sealed data.
 */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { Client } from './support/clients.ts'
import { newClient, signInAgain, signUpUser } from './support/clients.ts'
import { itemWrite, newVault } from './support/records.ts'
import { stackPerFile } from './support/stack-hooks.ts'

const stack = stackPerFile()

type Change = { eventType: string; table: string; new: Record<string, unknown>; old: Record<string, unknown> }

/** Subscribes to every change of `table` rows with the given user_id; resolves once the server confirmed. */
function watch(client: Client, table: string, userId: string): Promise<Change[]> {
  const seen: Change[] = []
  const filter = { event: '*', schema: 'public', table, filter: `user_id=eq.${userId}` } as const
  return new Promise((resolve, reject) => {
    client
      .channel(`sync-${randomUUID()}`)
      .on('postgres_changes', filter, (payload) => seen.push(payload as unknown as Change))
      .subscribe((status, error) => {
        if (status === 'SUBSCRIBED') resolve(seen)
        else reject(new Error(`realtime ${status}: ${error?.message ?? ''}`))
      })
  })
}

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('realtime via supabase-js', () => {
  it("notifies the writer's other devices and nobody else", async () => {
    const laptop = await signUpUser(stack())
    const desktop = await signInAgain(stack(), laptop)
    const bob = await signUpUser(stack())
    const desktopSees = await watch(desktop.client, 'items', laptop.userId)
    const bobSees = await watch(bob.client, 'items', bob.userId)
    // Bob asking for alice's rows by filter gets nothing either: delivery follows RLS, not the filter.
    const bobSnoops = await watch(bob.client, 'items', laptop.userId)

    const itemId = randomUUID()
    const vaultId = randomUUID()
    const { data: seq } = await laptop.client.rpc('put_item', itemWrite(itemId, vaultId, null, 1))
    await until(() => desktopSees.length === 1, "the desktop's notification")
    expect(desktopSees[0]).toMatchObject({
      eventType: 'INSERT',
      table: 'items',
      new: { user_id: laptop.userId, item_id: itemId, vault_id: vaultId, revision: 1, deleted: false, seq },
    })
    // Bob's channels are on the same server and were told nothing.
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(bobSees).toEqual([])
    expect(bobSnoops).toEqual([])
  })

  it('sends ids, revisions and seq only: no sealed column is ever in a notification', async () => {
    const user = await signUpUser(stack())
    const watcher = await signInAgain(stack(), user)
    const items = await watch(watcher.client, 'items', user.userId)
    const vaults = await watch(watcher.client, 'vaults', user.userId)
    const vaultId = randomUUID()
    const itemId = randomUUID()
    await user.client.rpc('put_vault', newVault(vaultId))
    await user.client.rpc('put_item', itemWrite(itemId, vaultId, null, 1))
    await user.client.rpc('put_item', itemWrite(itemId, vaultId, 1, 2))
    await until(() => items.length === 2 && vaults.length === 1, 'three notifications')

    expect(items.map((c) => [c.eventType, c.new.revision])).toEqual([
      ['INSERT', 1],
      ['UPDATE', 2],
    ])
    expect(items[1]?.old).toEqual({ user_id: user.userId, item_id: itemId })
    for (const change of [...items, ...vaults]) {
      expect(Object.keys(change.new).filter((key) => key.startsWith('sealed'))).toEqual([])
    }
    expect(vaults[0]?.new).toMatchObject({ vault_id: vaultId, revision: 1 })
  })

  it('refuses to join with an invalid access token', async () => {
    const client = newClient(stack())
    await client.realtime.setAuth('not.a.jwt')
    await expect(watch(client, 'items', randomUUID())).rejects.toThrow(/CHANNEL_ERROR/)
  })
})
