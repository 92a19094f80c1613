/**
 * Sync's own non-secret settings in the vault file: the server address and
 * its public anon key, this device's random id, and the last sync time.
 * The session token is NOT here: it lives in the OS keychain.
 */
import { randomUUID } from 'node:crypto'
import type { VaultStore } from '../store/index.ts'
import type { SupabaseConfig } from './supabase-server.ts'

const SERVER = 'sync.server'
const DEVICE_ID = 'sync.deviceId'
const LAST_SYNC = 'sync.lastSyncAt'

export function readServerConfig(store: VaultStore): SupabaseConfig | null {
  const value = store.getSetting(SERVER) as Partial<SupabaseConfig> | undefined
  if (typeof value?.url !== 'string' || typeof value.anonKey !== 'string') return null
  return { url: value.url, anonKey: value.anonKey }
}

export function writeServerConfig(store: VaultStore, config: SupabaseConfig | null): void {
  store.putSetting(SERVER, config === null ? undefined : { url: config.url, anonKey: config.anonKey })
}

/** A random id made once per device; it names the device to the server and nothing else. */
export function deviceId(store: VaultStore): string {
  const stored = store.getSetting(DEVICE_ID)
  if (typeof stored === 'string') return stored
  const made = randomUUID()
  store.putSetting(DEVICE_ID, made)
  return made
}

export function lastSyncAt(store: VaultStore): number | null {
  const value = store.getSetting(LAST_SYNC)
  return typeof value === 'number' ? value : null
}

export function recordSync(store: VaultStore, at: number): void {
  store.putSetting(LAST_SYNC, at)
}
