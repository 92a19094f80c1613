/**
 * The auth stand-in through unmodified supabase-js: sign-up, sign-in, refresh-token rotation,
 * password change and sign-out, with the error codes auth-js exposes for GoTrue's answers.
 */
import { describe, expect, it } from 'vitest'
import { authSecret, newClient, randomEmail, signInAgain, signUpUser } from './support/clients.ts'
import { stackPerFile } from './support/stack-hooks.ts'

const stack = stackPerFile()

describe('auth stand-in via supabase-js', () => {
  it('signs up, signs in and reports the user', async () => {
    const alice = await signUpUser(stack())
    expect(alice.session.user.email).toBe(alice.email)
    expect(alice.session.token_type).toBe('bearer')

    const again = await signInAgain(stack(), alice)
    expect(again.session.user.id).toBe(alice.userId)
    expect(again.session.refresh_token).not.toBe(alice.session.refresh_token)

    const { data, error } = await again.client.auth.getUser()
    expect(error).toBeNull()
    expect(data.user?.id).toBe(alice.userId)
  })

  it('puts the claims RLS and the device functions need into the access token', async () => {
    const alice = await signUpUser(stack())
    const [, payload] = alice.session.access_token.split('.')
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString())
    expect(claims).toMatchObject({ aud: 'authenticated', role: 'authenticated', sub: alice.userId, email: alice.email })
    expect(claims.session_id).toMatch(/^[0-9a-f-]{36}$/)
    expect(claims.exp - claims.iat).toBe(3600)
  })

  it('refuses a second sign-up of the same email with user_already_exists', async () => {
    const alice = await signUpUser(stack())
    const { error } = await newClient(stack()).auth.signUp({ email: alice.email.toUpperCase(), password: authSecret() })
    expect(error).toMatchObject({ status: 422, code: 'user_already_exists' })
  })

  it('refuses a wrong password and an unknown email alike, with invalid_credentials', async () => {
    const alice = await signUpUser(stack())
    const client = newClient(stack())
    const wrong = await client.auth.signInWithPassword({ email: alice.email, password: authSecret() })
    expect(wrong.error).toMatchObject({ status: 400, code: 'invalid_credentials' })
    const unknown = await client.auth.signInWithPassword({ email: randomEmail(), password: authSecret() })
    expect(unknown.error).toMatchObject({ status: 400, code: 'invalid_credentials' })
  })

  it('rotates the refresh token, and a rotated token cannot be used again', async () => {
    const alice = await signUpUser(stack())
    const first = alice.session.refresh_token
    const { data, error } = await alice.client.auth.refreshSession()
    expect(error).toBeNull()
    expect(data.session?.refresh_token).toBeTruthy()
    expect(data.session?.refresh_token).not.toBe(first)
    expect(data.session?.user.id).toBe(alice.userId)

    const thief = newClient(stack())
    const reuse = await thief.auth.refreshSession({ refresh_token: first })
    expect(reuse.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' })
    // Reuse is treated as theft: the whole session's tokens are revoked, the current one too.
    const current = await thief.auth.refreshSession({ refresh_token: data.session?.refresh_token ?? '' })
    expect(current.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' })
  })

  it('refuses an unknown refresh token with refresh_token_not_found', async () => {
    const { error } = await newClient(stack()).auth.refreshSession({ refresh_token: 'no-such-token' })
    expect(error).toMatchObject({ status: 400, code: 'refresh_token_not_found' })
  })

  it('changes the password: the new one signs in, the old one no longer does', async () => {
    const alice = await signUpUser(stack())
    const password = authSecret()
    const { error } = await alice.client.auth.updateUser({ password })
    expect(error).toBeNull()
    const same = await alice.client.auth.updateUser({ password })
    expect(same.error).toMatchObject({ status: 422, code: 'same_password' })

    const client = newClient(stack())
    const old = await client.auth.signInWithPassword({ email: alice.email, password: alice.password })
    expect(old.error).toMatchObject({ code: 'invalid_credentials' })
    const fresh = await client.auth.signInWithPassword({ email: alice.email, password })
    expect(fresh.error).toBeNull()
  })

  it('signs out globally: every session of the user stops refreshing', async () => {
    const laptop = await signUpUser(stack())
    const desktop = await signInAgain(stack(), laptop)
    const { error } = await laptop.client.auth.signOut()
    expect(error).toBeNull()
    expect((await laptop.client.auth.getSession()).data.session).toBeNull()

    const refresh = await desktop.client.auth.refreshSession()
    expect(refresh.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' })
  })

  it('signs out locally or the others, as asked', async () => {
    const laptop = await signUpUser(stack())
    const desktop = await signInAgain(stack(), laptop)
    const phone = await signInAgain(stack(), laptop)

    expect((await laptop.client.auth.signOut({ scope: 'others' })).error).toBeNull()
    expect((await desktop.client.auth.refreshSession()).error).toMatchObject({ code: 'refresh_token_not_found' })
    expect((await phone.client.auth.refreshSession()).error).toMatchObject({ code: 'refresh_token_not_found' })
    expect((await laptop.client.auth.refreshSession()).error).toBeNull()

    const tablet = await signInAgain(stack(), laptop)
    expect((await tablet.client.auth.signOut({ scope: 'local' })).error).toBeNull()
    expect((await laptop.client.auth.refreshSession()).error).toBeNull()
  })

  it('rejects the ended session’s access token at /auth/v1/user', async () => {
    const alice = await signUpUser(stack())
    const token = alice.session.access_token
    await alice.client.auth.signOut()
    const { data, error } = await newClient(stack()).auth.getUser(token)
    expect(data.user).toBeNull()
    expect(error?.name).toBe('AuthSessionMissingError')
  })

  it('requires an apikey on every route, as Kong does', async () => {
    for (const path of ['/auth/v1/user', '/rest/v1/items', '/auth/v1/signup']) {
      const missing = await fetch(`${stack().url}${path}`)
      expect(missing.status).toBe(401)
      expect(await missing.json()).toMatchObject({ message: 'No API key found in request' })
      const wrong = await fetch(`${stack().url}${path}`, { headers: { apikey: 'not-a-key' } })
      expect(wrong.status).toBe(401)
      expect(await wrong.json()).toMatchObject({ message: 'Invalid API key' })
    }
  })
})
