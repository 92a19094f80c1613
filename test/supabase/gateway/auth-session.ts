/** What the auth stand-in sends back: GoTrue's user object, its session object and its access token. */
import type { Grant, UserRow } from './auth-store.ts'
import { signJwt } from './jwt.ts'

export interface TokenSettings {
  jwtSecret: string
  /** Access-token lifetime; GoTrue's default is an hour, tests of expiry use a few seconds. */
  accessTokenTtlSeconds: number
}

export function userJson(user: UserRow) {
  const created = user.created_at.toISOString()
  return {
    id: user.id,
    aud: 'authenticated',
    role: 'authenticated',
    email: user.email,
    // Sign-ups are confirmed at once, like a project with "Confirm email" turned off.
    email_confirmed_at: created,
    confirmed_at: created,
    phone: '',
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    identities: [],
    created_at: created,
    updated_at: user.updated_at.toISOString(),
    is_anonymous: false,
  }
}

/** The claims PostgREST and RLS read: `role` picks the database role, `sub` is auth.uid(). */
export function accessToken(grant: Grant, settings: TokenSettings, nowSeconds: number): string {
  const { user, sessionId } = grant
  return signJwt(
    {
      aud: 'authenticated',
      role: 'authenticated',
      sub: user.id,
      email: user.email,
      session_id: sessionId,
      aal: 'aal1',
      is_anonymous: false,
      app_metadata: user.raw_app_meta_data ?? {},
      user_metadata: user.raw_user_meta_data ?? {},
      iat: nowSeconds,
      exp: nowSeconds + settings.accessTokenTtlSeconds,
    },
    settings.jwtSecret,
  )
}

export function sessionJson(grant: Grant, settings: TokenSettings) {
  const now = Math.floor(Date.now() / 1000)
  return {
    access_token: accessToken(grant, settings, now),
    token_type: 'bearer',
    expires_in: settings.accessTokenTtlSeconds,
    expires_at: now + settings.accessTokenTtlSeconds,
    refresh_token: grant.refreshToken,
    user: userJson(grant.user),
  }
}
