/**
 * Device revocation end to end: revoke_device deletes the device's auth session in the
 * database, which the auth stand-in honours like GoTrue — that device's refresh token stops
 * working — while its still-unexpired access token can no longer write (PT403).
 */
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { type SignedIn, signInAgain, signUpUser } from './support/clients.ts'
import { itemWrite, sealed } from './support/records.ts'
import { stackPerFile } from './support/stack-hooks.ts'

const stack = stackPerFile()

async function register(device: SignedIn): Promise<string> {
  const deviceId = randomUUID()
  const { error } = await device.client.rpc('register_device', { p_device_id: deviceId, p_sealed_name: sealed(24) })
  if (error) throw new Error(`register_device: ${error.code} ${error.message}`)
  return deviceId
}

async function sessionCount(userId: string): Promise<number> {
  const db = new pg.Client({ connectionString: stack().dbUrl })
  await db.connect()
  try {
    const { rows } = await db.query('select count(*)::int as n from auth.sessions where user_id = $1', [userId])
    return rows[0].n
  } finally {
    await db.end()
  }
}

describe('devices via supabase-js', () => {
  it('records each device with the session it signed in with', async () => {
    const laptop = await signUpUser(stack())
    const deviceId = await register(laptop)
    const { data } = await laptop.client.from('devices').select('device_id, session_id, revoked_at')
    const sessionId = JSON.parse(Buffer.from(laptop.session.access_token.split('.')[1] ?? '', 'base64url').toString())
      .session_id as string
    expect(data).toEqual([{ device_id: deviceId, session_id: sessionId, revoked_at: null }])
  })

  it("revoking a device ends its session: its refresh fails and its writes get PT403, the others' don't", async () => {
    const laptop = await signUpUser(stack())
    const stolen = await signInAgain(stack(), laptop)
    await register(laptop)
    const stolenId = await register(stolen)
    expect(await sessionCount(laptop.userId)).toBe(2)

    const { error } = await laptop.client.rpc('revoke_device', { p_device_id: stolenId })
    expect(error).toBeNull()
    expect(await sessionCount(laptop.userId)).toBe(1)

    const write = await stolen.client.rpc('put_item', itemWrite(randomUUID(), randomUUID(), null, 1))
    expect(write.error?.code).toBe('PT403')
    const refresh = await stolen.client.auth.refreshSession()
    expect(refresh.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' })

    expect((await laptop.client.auth.refreshSession()).error).toBeNull()
    const mine = await laptop.client.rpc('put_item', itemWrite(randomUUID(), randomUUID(), null, 1))
    expect(mine.error).toBeNull()
  })

  it("cannot revoke another user's device (PT404), which stays signed in", async () => {
    const alice = await signUpUser(stack())
    const bob = await signUpUser(stack())
    const bobsDevice = await register(bob)
    const { error } = await alice.client.rpc('revoke_device', { p_device_id: bobsDevice })
    expect(error?.code).toBe('PT404')
    expect((await bob.client.auth.refreshSession()).error).toBeNull()
    const { data } = await bob.client.from('devices').select('revoked_at').eq('device_id', bobsDevice)
    expect(data).toEqual([{ revoked_at: null }])
  })
})
