/**
 * HS256 JSON Web Tokens with node:crypto, the way Supabase signs its keys and sessions: one
 * shared secret that PostgREST (PGRST_JWT_SECRET), the auth stand-in and the realtime stand-in
 * all check. A dependency would add nothing that these few lines don't do.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export type Claims = Record<string, unknown>

const HEADER = encode({ alg: 'HS256', typ: 'JWT' })

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

function signature(input: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(input).digest()
}

export function signJwt(claims: Claims, secret: string): string {
  const input = `${HEADER}.${encode(claims)}`
  return `${input}.${signature(input, secret).toString('base64url')}`
}

export type Verified = { ok: true; claims: Claims } | { ok: false; reason: 'invalid' | 'expired' }

/** Checks the signature and `exp`; callers tell an expired token apart because GoTrue and Realtime do. */
export function verifyJwt(token: string, secret: string, nowSeconds = Date.now() / 1000): Verified {
  const parts = token.split('.')
  if (parts.length !== 3) return { ok: false, reason: 'invalid' }
  const [header, payload, sig] = parts as [string, string, string]
  const expected = signature(`${header}.${payload}`, secret)
  const given = Buffer.from(sig, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' }
  const claims = parseJson(payload)
  if (parseJson(header)?.alg !== 'HS256' || claims === null) return { ok: false, reason: 'invalid' }
  if (typeof claims.exp === 'number' && claims.exp <= nowSeconds) return { ok: false, reason: 'expired' }
  return { ok: true, claims }
}

function parseJson(part: string): Claims | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Claims) : null
  } catch {
    return null
  }
}

/** An API key as Supabase issues them: a long-lived JWT whose only meaningful claim is the role. */
export function apiKey(role: 'anon' | 'service_role', secret: string): string {
  const iat = Math.floor(Date.now() / 1000)
  return signJwt({ iss: 'supabase-test', role, iat, exp: iat + 10 * 365 * 24 * 3600 }, secret)
}
