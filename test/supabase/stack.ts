/**
 * The whole local Supabase stand-in for tests: a private copy of the test database, real
 * PostgREST on it, and the in-process gateway (auth and realtime stand-ins, /rest/v1 proxy)
 * in front, so unmodified supabase-js can be pointed at `url` with `anonKey`.
 *
 * Needs the Postgres test cluster: `bash scripts/postgres-test-cluster.sh start`. Without it,
 * startSupabaseStack() rejects with that instruction — tests fail, they never skip.
 */
import { randomBytes } from 'node:crypto'
import { createTestDatabase, type TestDatabase } from './database.ts'
import { type Gateway, startGateway } from './gateway/server.ts'
import { type PostgrestProcess, startPostgrest } from './postgrest.ts'

export interface SupabaseStack {
  /** The project URL to give createClient(). */
  url: string
  anonKey: string
  serviceKey: string
  jwtSecret: string
  /** Superuser connection to this stack's own database, for assertions behind the API. */
  dbUrl: string
  stop(): Promise<void>
}

export interface StackOptions {
  /** Access-token lifetime, one hour by default; expiry tests use a few seconds. */
  accessTokenTtlSeconds?: number
}

export async function startSupabaseStack(options: StackOptions = {}): Promise<SupabaseStack> {
  // Fresh per stack, 64 hex characters: PostgREST wants at least 32.
  const jwtSecret = randomBytes(32).toString('hex')
  const cleanups: (() => Promise<void>)[] = []
  const stopAll = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup()
  }
  try {
    const db: TestDatabase = await createTestDatabase()
    cleanups.push(db.drop)
    const postgrest: PostgrestProcess = await startPostgrest({ dbUri: db.authenticatorUrl, jwtSecret })
    cleanups.push(postgrest.stop)
    const gateway: Gateway = await startGateway({
      postgrestUrl: postgrest.url,
      dbUrl: db.authAdminUrl,
      jwtSecret,
      ...(options.accessTokenTtlSeconds ? { accessTokenTtlSeconds: options.accessTokenTtlSeconds } : {}),
    })
    cleanups.push(gateway.stop)
    const { url, anonKey, serviceKey } = gateway
    return { url, anonKey, serviceKey, jwtSecret, dbUrl: db.superuserUrl, stop: stopAll }
  } catch (error) {
    await stopAll()
    throw error
  }
}
