/**
 * Optimistic concurrency as supabase-js reports it: a write at a stale expected revision is
 * refused with SQLSTATE PT409 (HTTP 409, `error.code === 'PT409'`) and changes nothing; bad
 * input is PT400. seq orders every accepted write, so "after seq N" pulls see each change.
 */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { type SignedIn, signInAgain, signUpUser } from './support/clients.ts'
import { itemWrite, newAccount, newVault, sealed } from './support/records.ts'
import { stackPerFile } from './support/stack-hooks.ts'

const stack = stackPerFile()

async function rpc(user: SignedIn, fn: string, args: object): Promise<number> {
  const { data, error } = await user.client.rpc(fn, args)
  if (error) throw new Error(`${fn}: ${error.code} ${error.message}`)
  return data as number
}

describe('revisions and conflicts via supabase-js', () => {
  it('answers a stale expected revision with PT409 / HTTP 409 and keeps the winner', async () => {
    const laptop = await signUpUser(stack())
    const desktop = await signInAgain(stack(), laptop)
    const vaultId = randomUUID()
    const itemId = randomUUID()
    await rpc(laptop, 'put_vault', newVault(vaultId))
    await rpc(laptop, 'put_item', itemWrite(itemId, vaultId, null, 1))

    const winner = itemWrite(itemId, vaultId, 1, 2)
    await rpc(laptop, 'put_item', winner)
    const loser = await desktop.client.rpc('put_item', itemWrite(itemId, vaultId, 1, 2))
    expect(loser.error).toMatchObject({ code: 'PT409' })
    expect(loser.status).toBe(409)

    const { data } = await desktop.client.from('items').select('revision, sealed').eq('item_id', itemId).single()
    expect(data).toEqual({ revision: 2, sealed: winner.p_sealed })
  })

  it('refuses creating what exists, and replacing what does not, with PT409', async () => {
    const user = await signUpUser(stack())
    const vaultId = randomUUID()
    await rpc(user, 'put_vault', newVault(vaultId))
    expect((await user.client.rpc('put_vault', newVault(vaultId))).error?.code).toBe('PT409')
    const ghost = { ...newVault(), p_expected_revision: 1, p_revision: 2 }
    expect((await user.client.rpc('put_vault', ghost)).error?.code).toBe('PT409')
  })

  it('applies PT409 to the account row too', async () => {
    const user = await signUpUser(stack())
    const account = newAccount()
    await rpc(user, 'put_account', account)
    const update = {
      ...account,
      p_meta_revision: 2,
      p_sealed_meta: sealed(),
      p_expected_keyset_revision: 1,
      p_expected_meta_revision: 1,
    }
    await rpc(user, 'put_account', update)
    const stale = await user.client.rpc('put_account', { ...update, p_sealed_meta: sealed() })
    expect(stale.error?.code).toBe('PT409')
    expect((await user.client.rpc('put_account', account)).error?.code).toBe('PT409')
  })

  it('reports bad input as PT400 / HTTP 400', async () => {
    const user = await signUpUser(stack())
    const itemId = randomUUID()
    const vaultId = randomUUID()
    await rpc(user, 'put_item', itemWrite(itemId, vaultId, null, 1))
    const notAdvancing = await user.client.rpc('put_item', itemWrite(itemId, vaultId, 1, 1))
    expect(notAdvancing.error).toMatchObject({ code: 'PT400' })
    expect(notAdvancing.status).toBe(400)
    const notBase64 = await user.client.rpc('put_item', {
      ...itemWrite(itemId, vaultId, 1, 2),
      p_sealed: 'not base64!',
    })
    expect(notBase64.error?.code).toBe('PT400')
    // Since 20261122140000 a tombstone must carry its sealed marker; one without is bad input.
    const tombstoneWithoutMarker = await user.client.rpc('put_item', {
      ...itemWrite(itemId, vaultId, 1, 2),
      p_sealed: null,
      p_deleted: true,
    })
    expect(tombstoneWithoutMarker.error?.code).toBe('PT400')
  })

  it('gives every accepted write a new, larger seq that a pull after seq N finds', async () => {
    const user = await signUpUser(stack())
    const vaultId = randomUUID()
    const itemId = randomUUID()
    const first = await rpc(user, 'put_item', itemWrite(itemId, vaultId, null, 1))
    const tombstone = { ...itemWrite(itemId, vaultId, 1, 2), p_deleted: true }
    const second = await rpc(user, 'put_item', tombstone)
    expect(second).toBeGreaterThan(first)

    const { data } = await user.client
      .from('items')
      .select('item_id, revision, deleted, sealed, seq')
      .gt('seq', first)
      .order('seq', { ascending: true })
      .limit(500)
    expect(data).toEqual([{ item_id: itemId, revision: 2, deleted: true, sealed: tombstone.p_sealed, seq: second }])
  })
})
