/**
 * What the sync status means for the user, in one of a few shapes the
 * sidebar and the settings both show: off, syncing, synced (or not yet),
 * signed out, paused by an error with a short reason, or halted because the
 * server was caught lying about the vault's history.
 */
import type { SyncStatusView } from '@shared/ipc/views.ts'

export type SyncPhase =
  | { readonly kind: 'off' }
  | { readonly kind: 'syncing' }
  | { readonly kind: 'synced'; readonly at: number | null }
  | { readonly kind: 'signed-out' }
  | { readonly kind: 'paused'; readonly reason: string; readonly message: string }
  /** Main stopped syncing to protect the vault; only the user (Check again, or turning sync off) moves on. */
  | { readonly kind: 'halted'; readonly message: string }

/** Codes that end the session: the way back is to sign in again with the master password. */
const SIGN_IN_CODES = new Set(['SYNC_SESSION_EXPIRED', 'SYNC_DEVICE_REVOKED'])

/** A few words for the sidebar ("Sync paused: offline"); the full message goes in its tooltip. */
const SHORT_REASONS: Readonly<Record<string, string>> = {
  SYNC_UNREACHABLE: 'server unreachable',
  SYNC_AUTH_FAILED: 'sign-in refused',
  SYNC_PROTOCOL: 'server error',
  SYNC_BAD_URL: 'bad server address',
  SYNC_CONFLICT: 'conflict',
  VAULT_LOCKED: 'vault locked',
}

export function syncPhase(status: SyncStatusView | null, running: boolean): SyncPhase {
  if (status === null || status.state === 'off') return { kind: 'off' }
  // Before `running`: checking again does not mean syncing, and the stop stands until main says otherwise.
  // Main reports a halt as this state, always with `halted` (sync-service.ts status()).
  if (status.state === 'halted') return { kind: 'halted', message: status.halted?.message ?? '' }
  if (running || status.state === 'syncing') return { kind: 'syncing' }
  if (status.state === 'signed-out' || (status.error !== null && SIGN_IN_CODES.has(status.error.code))) {
    return { kind: 'signed-out' }
  }
  if (status.state === 'error' && status.error !== null) {
    const { code, message } = status.error
    return { kind: 'paused', reason: SHORT_REASONS[code] ?? 'error', message }
  }
  return { kind: 'synced', at: status.lastSyncAt }
}
