/** The gateway's HS256 tokens: what PostgREST accepts must be exactly what the stand-ins accept. */
import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { apiKey, signJwt, verifyJwt } from '../../supabase/gateway/jwt.ts'

const SECRET = 'a test secret that is at least 32 characters long'

describe('gateway JWTs', () => {
  it('round-trips claims and checks exp', () => {
    const now = Math.floor(Date.now() / 1000)
    const token = signJwt({ sub: 'u', role: 'authenticated', exp: now + 60 }, SECRET)
    expect(verifyJwt(token, SECRET)).toEqual({ ok: true, claims: { sub: 'u', role: 'authenticated', exp: now + 60 } })
    expect(verifyJwt(token, SECRET, now + 60)).toEqual({ ok: false, reason: 'expired' })
  })

  it('refuses another secret, a changed payload, alg none and junk', () => {
    const token = signJwt({ role: 'authenticated' }, SECRET)
    expect(verifyJwt(token, `${SECRET}!`)).toEqual({ ok: false, reason: 'invalid' })
    const [header, , sig] = token.split('.')
    const escalated = Buffer.from(JSON.stringify({ role: 'service_role' })).toString('base64url')
    expect(verifyJwt(`${header}.${escalated}.${sig}`, SECRET).ok).toBe(false)
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')
    const input = `${none}.${escalated}`
    const signedNone = `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`
    expect(verifyJwt(signedNone, SECRET).ok).toBe(false)
    for (const junk of ['', 'a.b', 'a.b.c', '...']) expect(verifyJwt(junk, SECRET).ok).toBe(false)
  })

  it('makes API keys whose role is the only claim that matters', () => {
    const verified = verifyJwt(apiKey('anon', SECRET), SECRET)
    expect(verified.ok && verified.claims.role).toBe('anon')
    const service = verifyJwt(apiKey('service_role', SECRET), SECRET)
    expect(service.ok && service.claims.role).toBe('service_role')
  })
})
