/**
 * The vault log through the app's transport (SupabaseSyncServer), unmodified supabase-js, the
 * real PostgREST and the real migrations: pushItems writes a vault's history entry and its
 * items in one server transaction (push_items), pullLog reads the entries back byte for byte,
 * from a counter on, in order. A stale push is SYNC_CONFLICT and writes nothing at all; one
 * user never sees another's history.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { signIn, signUpOrIn } from '../../../src-main/sync/supabase-auth.ts'
import { type SessionStorage, SupabaseSyncServer } from '../../../src-main/sync/supabase-server.ts'
import type { ItemPushWithBase, VaultPush } from '../../../src-main/sync/types.ts'
import { isVaultError } from '../../../src-shared/errors.ts'
import { authSecret, randomEmail } from './support/clients.ts'
import { stackPerFile } from './support/stack-hooks.ts'

const stack = stackPerFile()
const servers: SupabaseSyncServer[] = []

afterAll(async () => {
  for (const server of servers.splice(0)) {
    await server.client.auth.stopAutoRefresh()
    await server.client.removeAllChannels()
  }
})

function memoryStorage(): SessionStorage {
  const values = new Map<string, string>()
  return {
    getItem: async (key) => values.get(key) ?? null,
    setItem: async (key, value) => void values.set(key, value),
    removeItem: async (key) => void values.delete(key),
  }
}

function newServer(): SupabaseSyncServer {
  const server = new SupabaseSyncServer({ url: stack().url, anonKey: stack().anonKey }, memoryStorage())
  servers.push(server)
  return server
}

interface Account {
  readonly server: SupabaseSyncServer
  readonly email: string
  readonly loginSecret: string
}

async function newAccount(): Promise<Account> {
  const server = newServer()
  const email = randomEmail()
  const loginSecret = authSecret()
  await signUpOrIn(server, email, loginSecret)
  return { server, email, loginSecret }
}

/** Another device of the same account: its own client and auth session. */
async function otherDevice(account: Account): Promise<SupabaseSyncServer> {
  const server = newServer()
  await signIn(server, account.email, account.loginSecret)
  return server
}

const envelope = (size = 48): Uint8Array => new Uint8Array(randomBytes(size))

function item(
  itemId: string,
  vaultId: string,
  expectedRevision: number | null,
  revision: number,
  deleted = false,
): ItemPushWithBase {
  return { change: { itemId, vaultId, revision, sealed: envelope(), deleted }, expectedRevision }
}

function push(vaultId: string, counter: number, items: ItemPushWithBase[] = []): VaultPush {
  return { vaultId, items, log: { counter, sealed: envelope(96) } }
}

async function failureCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (isVaultError(error)) return error.code
    throw error
  }
  return 'no error'
}

describe('the vault log through SupabaseSyncServer', () => {
  it('pushes an entry with its items in one call and pulls the entry back byte for byte', async () => {
    const { server } = await newAccount()
    const vaultId = randomUUID()
    const first = push(vaultId, 1, [item(randomUUID(), vaultId, null, 1), item(randomUUID(), vaultId, null, 1)])
    const seq = await server.pushItems(first)

    const log = await server.pullLog(vaultId, 1)
    expect(log).toEqual([{ vaultId, counter: 1, sealed: first.log.sealed }])
    const items = await server.pullItems(0, 500)
    expect(
      items.map(({ itemId, vaultId, revision, sealed, deleted }) => ({ itemId, vaultId, revision, sealed, deleted })),
    ).toEqual(first.items.map(({ change }) => change))
    expect(seq).toBe(Math.max(...items.map((row) => row.seq)))
  })

  it('pulls from a counter on, in counter order, and a history-only entry has no items', async () => {
    const { server } = await newAccount()
    const vaultId = randomUUID()
    const itemId = randomUUID()
    const pushes = [
      push(vaultId, 1, [item(itemId, vaultId, null, 1)]),
      push(vaultId, 2),
      push(vaultId, 3, [item(itemId, vaultId, 1, 2)]),
      push(vaultId, 4, [item(itemId, vaultId, 2, 3, true)]),
      push(vaultId, 5),
    ]
    // Another vault's history interleaves on the server; it never shows up in this one's.
    const otherVault = randomUUID()
    for (const [index, entry] of pushes.entries()) {
      await server.pushItems(entry)
      if (index === 1) await server.pushItems(push(otherVault, 1))
    }

    const entries = (from: number) => pushes.slice(from - 1).map((p) => ({ vaultId, ...p.log }))
    expect(await server.pullLog(vaultId, 1)).toEqual(entries(1))
    expect(await server.pullLog(vaultId, 3)).toEqual(entries(3))
    expect(await server.pullLog(vaultId, 5)).toEqual(entries(5))
    expect(await server.pullLog(vaultId, 6)).toEqual([])
    expect(await server.pullLog(otherVault, 1)).toHaveLength(1)
    expect(await server.pullLog(randomUUID(), 1)).toEqual([])
  })

  it('answers a stale push with SYNC_CONFLICT and writes neither the entry nor any of its items', async () => {
    const account = await newAccount()
    const laptop = account.server
    const desktop = await otherDevice(account)
    const vaultId = randomUUID()
    const shared = randomUUID()
    const winner = push(vaultId, 1, [item(shared, vaultId, null, 1)])
    await laptop.pushItems(winner)

    // The desktop had not seen entry 1: its entry 1 is a conflict, even with new items only.
    const fresh = randomUUID()
    expect(await failureCode(desktop.pushItems(push(vaultId, 1, [item(fresh, vaultId, null, 1)])))).toBe(
      'SYNC_CONFLICT',
    )
    // The right counter, but one item is stale: the new item listed before it is not kept either.
    expect(
      await failureCode(
        desktop.pushItems(push(vaultId, 2, [item(fresh, vaultId, null, 1), item(shared, vaultId, null, 1)])),
      ),
    ).toBe('SYNC_CONFLICT')

    expect(await desktop.pullLog(vaultId, 1)).toEqual([{ vaultId, counter: 1, sealed: winner.log.sealed }])
    const items = await desktop.pullItems(0, 500)
    expect(items.map((row) => [row.itemId, row.revision, row.sealed])).toEqual([
      [shared, 1, winner.items[0]?.change.sealed],
    ])

    // Having pulled, the desktop pushes entry 2 on top of the winner.
    await desktop.pushItems(push(vaultId, 2, [item(fresh, vaultId, null, 1), item(shared, vaultId, 1, 2)]))
    expect((await laptop.pullLog(vaultId, 2)).map((entry) => entry.counter)).toEqual([2])
  })

  it('refuses a counter that skips ahead as a protocol error, and an item of another vault before sending', async () => {
    const { server } = await newAccount()
    const vaultId = randomUUID()
    expect(await failureCode(server.pushItems(push(vaultId, 2)))).toBe('SYNC_PROTOCOL')
    await expect(server.pushItems(push(vaultId, 1, [item(randomUUID(), randomUUID(), null, 1)]))).rejects.toThrow(
      /pushed vault/,
    )
    expect(await server.pullLog(vaultId, 1)).toEqual([])
  })

  it('never shows one user another user’s history, even for the same vault id', async () => {
    const ada = await newAccount()
    const bob = await newAccount()
    const vaultId = randomUUID()
    await ada.server.pushItems(push(vaultId, 1, [item(randomUUID(), vaultId, null, 1)]))
    await ada.server.pushItems(push(vaultId, 2))

    expect(await bob.server.pullLog(vaultId, 1)).toEqual([])
    expect(await bob.server.pullItems(0, 500)).toEqual([])
    // Bob's history of that vault id is his own and starts at 1.
    const bobs = push(vaultId, 1)
    await bob.server.pushItems(bobs)
    expect(await bob.server.pullLog(vaultId, 1)).toEqual([{ vaultId, ...bobs.log }])
    expect((await ada.server.pullLog(vaultId, 1)).map((entry) => entry.counter)).toEqual([1, 2])
  })
})
