/**
 * supabase-js clients for the server tests, configured as a Node/Electron-main app must
 * configure them (an explicit session storage, no URL detection, `ws` as the WebSocket),
 * pointed at the local stack. Every client made here is closed by closeClients(), so no
 * realtime socket or timer outlives its test file.
 */
import { randomBytes, randomUUID } from 'node:crypto'
// biome-ignore lint/style/noRestrictedImports: these tests exercise the server through unmodified supabase-js, as the app's sync module does
import { createClient, type Session, type SupabaseClient } from '@supabase/supabase-js'
import { WebSocket } from 'ws'
import type { SupabaseStack } from '../../../supabase/stack.ts'

export type Client = SupabaseClient

const open = new Set<Client>()

function memoryStorage() {
  const data = new Map<string, string>()
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  }
}

export function newClient(stack: SupabaseStack, key = stack.anonKey): Client {
  const client = createClient(stack.url, key, {
    auth: { storage: memoryStorage(), persistSession: true, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as never },
  })
  open.add(client)
  return client
}

/** Removes every channel and closes every realtime socket opened through newClient(). */
export async function closeClients(): Promise<void> {
  for (const client of open) {
    await client.removeAllChannels()
    await client.realtime.disconnect()
  }
  open.clear()
}

/** The password the app uses is the hex AuthSecret, never the master password: so here too. */
export function authSecret(): string {
  return randomBytes(32).toString('hex')
}

export function randomEmail(): string {
  return `sync-test-${randomUUID()}@example.test`
}

export interface SignedIn {
  client: Client
  userId: string
  email: string
  password: string
  session: Session
}

/** A new user, signed up (and so signed in) on a client of its own. */
export async function signUpUser(stack: SupabaseStack): Promise<SignedIn> {
  const client = newClient(stack)
  const email = randomEmail()
  const password = authSecret()
  const { data, error } = await client.auth.signUp({ email, password })
  if (error || !data.session || !data.user) throw error ?? new Error('sign-up returned no session')
  return { client, userId: data.user.id, email, password, session: data.session }
}

/** Another device of the same user: a separate client with a session of its own. */
export async function signInAgain(stack: SupabaseStack, user: SignedIn): Promise<SignedIn> {
  const client = newClient(stack)
  const { data, error } = await client.auth.signInWithPassword({ email: user.email, password: user.password })
  if (error || !data.session) throw error ?? new Error('sign-in returned no session')
  return { ...user, client, session: data.session }
}
