/**
 * The auth stand-in's storage, in GoTrue's own tables (auth.users, auth.sessions,
 * auth.refresh_tokens) so that SQL written for Supabase — revoke_device deleting a session,
 * `references auth.users on delete cascade` — behaves here as it does there. Passwords are
 * bcrypt through pgcrypto's crypt(), as GoTrue stores them.
 */
import { randomBytes } from 'node:crypto'
import type pg from 'pg'

export interface UserRow {
  id: string
  email: string
  raw_app_meta_data: Record<string, unknown> | null
  raw_user_meta_data: Record<string, unknown> | null
  created_at: Date
  updated_at: Date
}

export interface Grant {
  user: UserRow
  sessionId: string
  refreshToken: string
}

export type RefreshOutcome = Grant | 'not_found' | 'already_used'
export type LogoutScope = 'global' | 'local' | 'others'

const USER_COLUMNS = 'u.id, u.email, u.raw_app_meta_data, u.raw_user_meta_data, u.created_at, u.updated_at'
const APP_META = { provider: 'email', providers: ['email'] }

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('begin')
    const result = await work(client)
    await client.query('commit')
    return result
  } catch (error) {
    await client.query('rollback')
    throw error
  } finally {
    client.release()
  }
}

/** A GoTrue-like opaque refresh token: random, single-use, looked up by value. */
function newRefreshToken(): string {
  return randomBytes(24).toString('base64url')
}

async function insertRefreshToken(db: pg.ClientBase, user: string, session: string, parent: string | null) {
  const token = newRefreshToken()
  await db.query(
    `insert into auth.refresh_tokens (token, user_id, session_id, parent, revoked, created_at, updated_at)
     values ($1, $2, $3, $4, false, now(), now())`,
    [token, user, session, parent],
  )
  return token
}

export class AuthStore {
  readonly #pool: pg.Pool

  constructor(pool: pg.Pool) {
    this.#pool = pool
  }

  /** The new user, or null when the email is taken (compared case-insensitively, as GoTrue does). */
  createUser(email: string, password: string, data: Record<string, unknown>): Promise<UserRow | null> {
    return inTransaction(this.#pool, async (db) => {
      // Serialises concurrent sign-ups of one address, so the check below cannot race.
      await db.query('select pg_advisory_xact_lock(hashtext(lower($1)))', [email])
      const taken = await db.query('select 1 from auth.users where lower(email) = lower($1)', [email])
      if (taken.rowCount) return null
      const { rows } = await db.query<UserRow>(
        `insert into auth.users as u (id, email, encrypted_password, raw_app_meta_data, raw_user_meta_data,
           created_at, updated_at)
         values (gen_random_uuid(), $1, extensions.crypt($2, extensions.gen_salt('bf')), $3, $4, now(), now())
         returning ${USER_COLUMNS}`,
        [email, password, APP_META, data],
      )
      return rows[0] ?? null
    })
  }

  async userByPassword(email: string, password: string): Promise<UserRow | null> {
    const { rows } = await this.#pool.query<UserRow>(
      `select ${USER_COLUMNS} from auth.users u
       where lower(u.email) = lower($1) and u.encrypted_password = extensions.crypt($2, u.encrypted_password)`,
      [email, password],
    )
    return rows[0] ?? null
  }

  async userById(id: string): Promise<UserRow | null> {
    const { rows } = await this.#pool.query<UserRow>(`select ${USER_COLUMNS} from auth.users u where u.id = $1`, [id])
    return rows[0] ?? null
  }

  /** False when the new password is the current one (GoTrue refuses that with `same_password`). */
  async setPassword(id: string, password: string): Promise<boolean> {
    const { rowCount } = await this.#pool.query(
      `update auth.users set encrypted_password = extensions.crypt($2, extensions.gen_salt('bf')), updated_at = now()
       where id = $1 and encrypted_password is distinct from extensions.crypt($2, encrypted_password)`,
      [id, password],
    )
    return rowCount === 1
  }

  startSession(user: UserRow): Promise<Grant> {
    return inTransaction(this.#pool, async (db) => {
      const { rows } = await db.query<{ id: string }>(
        `insert into auth.sessions (id, user_id, created_at, updated_at)
         values (gen_random_uuid(), $1, now(), now()) returning id`,
        [user.id],
      )
      const sessionId = (rows[0] as { id: string }).id
      return { user, sessionId, refreshToken: await insertRefreshToken(db, user.id, sessionId, null) }
    })
  }

  refresh(token: string): Promise<RefreshOutcome> {
    return inTransaction(this.#pool, (db) => rotate(db, token))
  }

  async sessionExists(id: string): Promise<boolean> {
    const { rowCount } = await this.#pool.query('select 1 from auth.sessions where id = $1', [id])
    return rowCount === 1
  }

  /** Deleting a session deletes its refresh tokens too (the foreign key cascades). */
  async endSessions(userId: string, sessionId: string, scope: LogoutScope): Promise<void> {
    if (scope === 'global') {
      await this.#pool.query('delete from auth.sessions where user_id = $1', [userId])
      return
    }
    const condition = scope === 'local' ? 'id = $2' : 'id <> $2'
    await this.#pool.query(`delete from auth.sessions where user_id = $1 and ${condition}`, [userId, sessionId])
  }
}

/**
 * Refresh-token rotation: the presented token is revoked and a child issued in the same session.
 * A token that was already rotated is a sign of theft, so — as GoTrue does once its reuse
 * interval has passed (this stand-in has none) — every token of that session is revoked.
 */
async function rotate(db: pg.PoolClient, token: string): Promise<RefreshOutcome> {
  const { rows } = await db.query<{ id: string; user_id: string; session_id: string; revoked: boolean }>(
    'select id, user_id::text, session_id, revoked from auth.refresh_tokens where token = $1 for update',
    [token],
  )
  const row = rows[0]
  if (!row?.session_id) return 'not_found'
  if (row.revoked) {
    await db.query('update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1', [
      row.session_id,
    ])
    return 'already_used'
  }
  const { rows: users } = await db.query<UserRow>(`select ${USER_COLUMNS} from auth.users u where u.id = $1`, [
    row.user_id,
  ])
  const user = users[0]
  if (!user) return 'not_found'
  await db.query('update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1', [row.id])
  await db.query('update auth.sessions set updated_at = now() where id = $1', [row.session_id])
  const refreshToken = await insertRefreshToken(db, user.id, row.session_id, token)
  return { user, sessionId: row.session_id, refreshToken }
}
