/**
 * Two accounts on one project cannot read, change or delete each other's rows, whatever they
 * send through the API; anon reaches nothing but prelogin. All through unmodified supabase-js
 * against real PostgREST and the project's migrations.
 */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { newClient, type SignedIn, signUpUser } from './support/clients.ts'
import { itemWrite, newAccount, newVault, sealed } from './support/records.ts'
import { stackPerFile } from './support/stack-hooks.ts'

const stack = stackPerFile()

interface Owner extends SignedIn {
  account: ReturnType<typeof newAccount>
  vaultId: string
  itemId: string
}

/** A user with an account row, a vault and one item at revision 1. */
async function owner(): Promise<Owner> {
  const user = await signUpUser(stack())
  const account = newAccount()
  const vaultId = randomUUID()
  const itemId = randomUUID()
  for (const [fn, args] of [
    ['put_account', account],
    ['put_vault', newVault(vaultId)],
    ['put_item', itemWrite(itemId, vaultId, null, 1)],
  ] as const) {
    const { error } = await user.client.rpc(fn, args)
    if (error) throw new Error(`${fn}: ${error.code} ${error.message}`)
  }
  return { ...user, account, vaultId, itemId }
}

let owners: Promise<{ alice: Owner; bob: Owner }> | undefined

/** Alice and Bob, made by the first test that needs them (not in a hook, so a failure fails each test). */
function twoOwners(): Promise<{ alice: Owner; bob: Owner }> {
  owners ??= Promise.all([owner(), owner()]).then(([alice, bob]) => ({ alice, bob }))
  return owners
}

describe('row isolation between accounts', () => {
  it('lets each user select only their own rows, whatever the filter', async () => {
    const { alice, bob } = await twoOwners()
    for (const table of ['accounts', 'vaults', 'items', 'devices']) {
      const { data, error } = await alice.client.from(table).select('user_id')
      expect(error).toBeNull()
      expect(data?.every((row) => row.user_id === alice.userId)).toBe(true)
      const peek = await alice.client.from(table).select('*').eq('user_id', bob.userId)
      expect(peek.error).toBeNull()
      expect(peek.data).toEqual([])
    }
    const { data } = await alice.client.from('items').select('item_id')
    expect(data).toEqual([{ item_id: alice.itemId }])
  })

  it("does not let put_item touch another user's item: the same id is a different row", async () => {
    const { alice, bob } = await twoOwners()
    const overwrite = await alice.client.rpc('put_item', itemWrite(bob.itemId, bob.vaultId, 1, 2))
    expect(overwrite.error?.code).toBe('PT409')

    // With no expected revision the id is free *for alice*: she gets her own row, bob keeps his.
    const create = await alice.client.rpc('put_item', itemWrite(bob.itemId, alice.vaultId, null, 1))
    expect(create.error).toBeNull()
    const { data: bobs } = await bob.client
      .from('items')
      .select('item_id, revision, vault_id')
      .eq('item_id', bob.itemId)
    expect(bobs).toEqual([{ item_id: bob.itemId, revision: 1, vault_id: bob.vaultId }])
    const { data: alices } = await alice.client.from('items').select('user_id').eq('item_id', bob.itemId)
    expect(alices).toEqual([{ user_id: alice.userId }])
  })

  it('refuses direct inserts, updates and deletes on every table (42501)', async () => {
    const { alice, bob } = await twoOwners()
    const insert = await alice.client.from('items').insert({
      user_id: bob.userId,
      item_id: randomUUID(),
      vault_id: bob.vaultId,
      revision: 1,
      sealed: sealed(),
      deleted: false,
      seq: 1,
    })
    expect(insert.error?.code).toBe('42501')
    for (const table of ['accounts', 'vaults', 'items', 'devices']) {
      const update = await alice.client.from(table).update({ user_id: alice.userId }).eq('user_id', bob.userId)
      expect(update.error?.code, `update ${table}`).toBe('42501')
      const remove = await alice.client.from(table).delete().eq('user_id', bob.userId)
      expect(remove.error?.code, `delete ${table}`).toBe('42501')
    }
    const { data } = await bob.client.from('items').select('item_id')
    expect(data).toEqual([{ item_id: bob.itemId }])
  })

  it('gives the anon key no rows and no writes, but prelogin answers', async () => {
    const { alice } = await twoOwners()
    const anon = newClient(stack())
    for (const table of ['accounts', 'vaults', 'items', 'devices']) {
      const { data, error } = await anon.from(table).select('*')
      // anon has no SELECT grant at all: refused rather than filtered.
      expect(error?.code ?? 'no error', table).toBe('42501')
      expect(data).toBeNull()
    }
    const write = await anon.rpc('put_item', itemWrite(randomUUID(), randomUUID(), null, 1))
    expect(write.error?.code).toBe('42501')

    const { data, error } = await anon.rpc('prelogin', { p_account_id: alice.account.p_account_id })
    expect(error).toBeNull()
    expect(data).toEqual(alice.account.p_kdf)
    const missing = await anon.rpc('prelogin', { p_account_id: 'ZZZZZZ' })
    expect(missing).toMatchObject({ error: null, data: null })
  })

  it('sends only the anon key as bearer when no user is signed in, as Kong does', async () => {
    const { bob } = await twoOwners()
    const res = await fetch(`${stack().url}/rest/v1/rpc/prelogin`, {
      method: 'POST',
      headers: { apikey: stack().anonKey, 'content-type': 'application/json' },
      body: JSON.stringify({ p_account_id: bob.account.p_account_id }),
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(bob.account.p_kdf)
  })

  it('lets service_role see every user, as on Supabase (RLS bypassed)', async () => {
    const { alice, bob } = await twoOwners()
    const admin = newClient(stack(), stack().serviceKey)
    const { data, error } = await admin.from('items').select('user_id').in('user_id', [alice.userId, bob.userId])
    expect(error).toBeNull()
    expect(new Set(data?.map((row) => row.user_id))).toEqual(new Set([alice.userId, bob.userId]))
  })
})
