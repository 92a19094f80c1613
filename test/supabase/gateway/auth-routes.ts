/**
 * The auth stand-in: the GoTrue endpoints supabase-js 2.119.1 calls for email + password
 * accounts, with GoTrue's status codes and `error_code`s (see ../../../../shared/research/supabase.md
 * for the captured requests). Not GoTrue: no email confirmation, PKCE, MFA or rate limits.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { sessionJson, type TokenSettings, userJson } from './auth-session.ts'
import type { AuthStore, LogoutScope, UserRow } from './auth-store.ts'
import { HttpError, readJsonObject, sendAuthError, sendJson } from './http.ts'
import { verifyJwt } from './jwt.ts'

export interface AuthContext extends TokenSettings {
  store: AuthStore
}

interface Caller {
  user: UserRow
  sessionId: string
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL, ctx: AuthContext) => Promise<void>

const ROUTES: Record<string, Handler> = {
  'POST /signup': signUp,
  'POST /token': token,
  'GET /user': getUser,
  'PUT /user': updateUser,
  'POST /logout': logout,
}

/** Serves a request whose path starts with /auth/v1. */
export async function handleAuth(req: IncomingMessage, res: ServerResponse, url: URL, ctx: AuthContext) {
  const route = ROUTES[`${req.method} ${url.pathname.slice('/auth/v1'.length)}`]
  try {
    if (!route)
      throw new HttpError(404, 'not_found', `${req.method} ${url.pathname} is not served by the test stand-in`)
    await route(req, res, url, ctx)
  } catch (error) {
    if (!(error instanceof HttpError)) throw error
    sendAuthError(res, error)
  }
}

function credentials(body: Record<string, unknown>): { email: string; password: string } {
  const { email, password } = body
  if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(email)) {
    throw new HttpError(400, 'validation_failed', 'Unable to validate email address: invalid format')
  }
  if (typeof password !== 'string' || password === '') {
    throw new HttpError(400, 'validation_failed', 'Password is required')
  }
  return { email, password }
}

function requireStrongEnough(password: string): void {
  // GoTrue's default minimum; auth-js reads `weak_password.reasons` into AuthWeakPasswordError.
  if (password.length >= 6) return
  throw new HttpError(422, 'weak_password', 'Password should be at least 6 characters.', {
    weak_password: { reasons: ['length'] },
  })
}

async function signUp(req: IncomingMessage, res: ServerResponse, _url: URL, ctx: AuthContext) {
  const body = await readJsonObject(req)
  const { email, password } = credentials(body)
  requireStrongEnough(password)
  const data = typeof body.data === 'object' && body.data !== null ? (body.data as Record<string, unknown>) : {}
  const user = await ctx.store.createUser(email, password, data)
  if (!user) throw new HttpError(422, 'user_already_exists', 'User already registered')
  sendJson(res, 200, sessionJson(await ctx.store.startSession(user), ctx))
}

async function token(req: IncomingMessage, res: ServerResponse, url: URL, ctx: AuthContext) {
  const body = await readJsonObject(req)
  const grantType = url.searchParams.get('grant_type')
  if (grantType === 'password') {
    const { email, password } = credentials(body)
    const user = await ctx.store.userByPassword(email, password)
    if (!user) throw new HttpError(400, 'invalid_credentials', 'Invalid login credentials')
    return sendJson(res, 200, sessionJson(await ctx.store.startSession(user), ctx))
  }
  if (grantType === 'refresh_token') {
    const presented = body.refresh_token
    if (typeof presented !== 'string' || presented === '') {
      throw new HttpError(400, 'validation_failed', 'A refresh_token is required')
    }
    const outcome = await ctx.store.refresh(presented)
    if (outcome === 'not_found') {
      throw new HttpError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found')
    }
    if (outcome === 'already_used') {
      throw new HttpError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used')
    }
    return sendJson(res, 200, sessionJson(outcome, ctx))
  }
  throw new HttpError(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType ?? '(none)'}`)
}

/** GoTrue's requireAuthentication: a valid user JWT whose session and user still exist. */
async function authenticate(req: IncomingMessage, ctx: AuthContext): Promise<Caller> {
  const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1]
  if (!bearer) throw new HttpError(401, 'no_authorization', 'This endpoint requires a valid Bearer token')
  const verified = verifyJwt(bearer, ctx.jwtSecret)
  if (!verified.ok) {
    const why = verified.reason === 'expired' ? 'token is expired' : 'signature is invalid'
    throw new HttpError(403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${why}`)
  }
  const { sub, session_id: sessionId } = verified.claims
  if (typeof sub !== 'string' || typeof sessionId !== 'string') {
    throw new HttpError(403, 'bad_jwt', 'invalid claim: missing sub or session_id claim')
  }
  const user = await ctx.store.userById(sub)
  if (!user) throw new HttpError(403, 'user_not_found', 'User from sub claim in JWT does not exist')
  if (!(await ctx.store.sessionExists(sessionId))) {
    throw new HttpError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist')
  }
  return { user, sessionId }
}

async function getUser(req: IncomingMessage, res: ServerResponse, _url: URL, ctx: AuthContext) {
  const { user } = await authenticate(req, ctx)
  sendJson(res, 200, userJson(user))
}

async function updateUser(req: IncomingMessage, res: ServerResponse, _url: URL, ctx: AuthContext) {
  const { user } = await authenticate(req, ctx)
  const { password } = await readJsonObject(req)
  if (password !== undefined) {
    if (typeof password !== 'string') throw new HttpError(400, 'validation_failed', 'password must be a string')
    requireStrongEnough(password)
    if (!(await ctx.store.setPassword(user.id, password))) {
      throw new HttpError(422, 'same_password', 'New password should be different from the old password.')
    }
  }
  sendJson(res, 200, userJson((await ctx.store.userById(user.id)) ?? user))
}

async function logout(req: IncomingMessage, res: ServerResponse, url: URL, ctx: AuthContext) {
  const { user, sessionId } = await authenticate(req, ctx)
  const scope = url.searchParams.get('scope') ?? 'global'
  if (scope !== 'global' && scope !== 'local' && scope !== 'others') {
    throw new HttpError(400, 'validation_failed', 'scope must be one of global, local, others')
  }
  await ctx.store.endSessions(user.id, sessionId, scope satisfies LogoutScope)
  res.writeHead(204).end()
}
