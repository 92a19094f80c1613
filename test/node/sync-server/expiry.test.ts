/**
 * Access-token expiry, with a stack whose tokens live two seconds: the auth stand-in refuses
 * an expired token, PostgREST refuses one once past its clock-skew allowance, and a refresh
 * brings working tokens back.
 */
import { describe, expect, it } from 'vitest'
import { signJwt } from '../../supabase/gateway/jwt.ts'
import { signUpUser } from './support/clients.ts'
import { stackPerFile } from './support/stack-hooks.ts'

const TTL_SECONDS = 2
/** PostgREST 12 accepts tokens up to 30 s past `exp` (its allowance for clock skew). */
const POSTGREST_SKEW_SECONDS = 30
const stack = stackPerFile({ accessTokenTtlSeconds: TTL_SECONDS })

function get(path: string, token: string): Promise<Response> {
  return fetch(`${stack().url}${path}`, { headers: { apikey: stack().anonKey, authorization: `Bearer ${token}` } })
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString())
}

describe('access-token expiry', () => {
  it('refuses an expired token at /auth/v1 (bad_jwt); a refresh recovers', async () => {
    const user = await signUpUser(stack())
    const token = user.session.access_token
    expect(user.session.expires_in).toBe(TTL_SECONDS)
    expect((await get('/auth/v1/user', token)).status).toBe(200)

    await new Promise((resolve) => setTimeout(resolve, TTL_SECONDS * 1000 + 200))
    const auth = await get('/auth/v1/user', token)
    expect(auth.status).toBe(403)
    expect(await auth.json()).toMatchObject({ error_code: 'bad_jwt' })

    const { data, error } = await user.client.auth.refreshSession()
    expect(error).toBeNull()
    const fresh = data.session?.access_token ?? ''
    expect((await get('/auth/v1/user', fresh)).status).toBe(200)
    expect((await get('/rest/v1/items?select=item_id', fresh)).status).toBe(200)
  })

  it('has PostgREST refuse a token expired beyond its skew allowance (401 PGRST301)', async () => {
    const user = await signUpUser(stack())
    const now = Math.floor(Date.now() / 1000)
    const exp = now - POSTGREST_SKEW_SECONDS - 5
    const expired = signJwt({ ...claimsOf(user.session.access_token), iat: exp - 60, exp }, stack().jwtSecret)
    const rest = await get('/rest/v1/items?select=item_id', expired)
    expect(rest.status).toBe(401)
    expect(await rest.json()).toMatchObject({ code: 'PGRST301' })
  })
})
