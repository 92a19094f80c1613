/**
 * Signing in to the sync server and the calls that are not records: the
 * pre-login KDF lookup and the device list. The password given to Supabase
 * Auth is the login secret (AuthSecret), never the master password.
 */
import { VaultError } from '../../src-shared/errors.ts'
import { syncError } from './supabase-errors.ts'
import type { SupabaseSyncServer } from './supabase-server.ts'

export interface DeviceRow {
  readonly deviceId: string
  readonly label: string
  readonly createdAt: number
  readonly lastSeenAt: number
  readonly revoked: boolean
}

/** Signs up, or signs in when the account already exists (the first device, or a retry). */
export async function signUpOrIn(server: SupabaseSyncServer, email: string, loginSecret: string): Promise<void> {
  const { data, error } = await server.client.auth.signUp({ email, password: loginSecret })
  if (!error && data.session !== null) return
  if (error && error.code !== 'user_already_exists') throw syncError(error)
  await signIn(server, email, loginSecret)
}

export async function signIn(server: SupabaseSyncServer, email: string, loginSecret: string): Promise<void> {
  const { data, error } = await server.client.auth.signInWithPassword({ email, password: loginSecret })
  if (error?.code === 'email_not_confirmed') {
    throw new VaultError(
      'SYNC_AUTH_FAILED',
      'The server wants the email address confirmed first: follow the link it sent, then try again.',
    )
  }
  if (error) {
    if (error.code === 'invalid_credentials') {
      throw new VaultError('SYNC_AUTH_FAILED', 'Wrong email, master password or Secret Key for this sync server.')
    }
    throw syncError(error)
  }
  if (data.session === null) throw new VaultError('SYNC_AUTH_FAILED', 'The sync server did not open a session.')
}

/**
 * True when a stored session exists (supabase-js refreshes it when it is
 * near expiry); false when the user must sign in again. A session the
 * server has ended shows up on the next call as SYNC_SESSION_EXPIRED or
 * SYNC_DEVICE_REVOKED.
 */
export async function resumeSession(server: SupabaseSyncServer): Promise<boolean> {
  const { data, error } = await server.client.auth.getSession()
  if (error) {
    const mapped = syncError(error)
    if (mapped.code === 'SYNC_UNREACHABLE') throw mapped
    return false
  }
  return data.session !== null
}

export async function signOut(server: SupabaseSyncServer): Promise<void> {
  // Local scope: this device only; the others keep syncing.
  await server.client.auth.signOut({ scope: 'local' })
}

/** The server's KDF record for the account, as JSON text, before any sign-in (anon). */
export async function prelogin(server: SupabaseSyncServer, accountId: string): Promise<string> {
  const { data, error } = await server.client.rpc('prelogin', { p_account_id: accountId })
  if (error) throw syncError(error)
  if (data === null || data === undefined) {
    throw new VaultError('SYNC_NO_ACCOUNT', `This sync server has no account ${accountId}. Check the server address.`)
  }
  return JSON.stringify(data)
}

export async function registerDevice(server: SupabaseSyncServer, deviceId: string, label: string): Promise<void> {
  const { error } = await server.client.rpc('register_device', {
    p_device_id: deviceId,
    p_sealed_name: Buffer.from(label, 'utf8').toString('base64'),
  })
  if (error) throw syncError(error)
}

export async function touchDevice(server: SupabaseSyncServer, deviceId: string): Promise<void> {
  const { error } = await server.client.rpc('touch_device', { p_device_id: deviceId })
  if (error) throw syncError(error)
}

export async function revokeDevice(server: SupabaseSyncServer, deviceId: string): Promise<void> {
  const { error } = await server.client.rpc('revoke_device', { p_device_id: deviceId })
  if (error) throw syncError(error)
}

export async function listDevices(server: SupabaseSyncServer): Promise<DeviceRow[]> {
  const { data, error } = await server.client.from('devices').select('*').order('created_at')
  if (error) throw syncError(error)
  return (data ?? []).map((row: Record<string, unknown>) => ({
    deviceId: String(row.device_id),
    label: Buffer.from(String(row.sealed_name), 'base64').toString('utf8'),
    createdAt: Date.parse(String(row.created_at)),
    lastSeenAt: Date.parse(String(row.last_seen_at)),
    revoked: row.revoked_at !== null,
  }))
}
