/**
 * A stand-in for the preload's window.vault in renderer unit tests: every
 * method a vi.fn answering with a harmless success, overridable per test,
 * and emit() to play main's events.
 */
import type { VaultApi } from '@shared/ipc/contract.ts'
import type { VaultEvent, VaultEventListener } from '@shared/ipc/events.ts'
import { METHODS, type Method } from '@shared/ipc/methods.ts'
import type { IpcFailure } from '@shared/ipc/result.ts'
import type { HealthReportView, SecurityStatusView, SyncStatusView } from '@shared/ipc/views.ts'
import { vi } from 'vitest'

export const APP_INFO = {
  name: 'Vault',
  version: '0.1.0',
  cryptoFormatVersion: 1,
  kdfFloor: { memlimitBytes: 64 * 1024 * 1024, opslimit: 3 },
}

export const ACCOUNT_ID = 'ABC234'
export const SECRET_KEY = 'K1-ABC234-DEF567-GHJ89K-LMN234-PQRST-VWX56'

/** Sync as a fresh vault has it: off. */
export const SYNC_OFF = {
  state: 'off',
  url: null,
  lastSyncAt: null,
  error: null,
  halted: null,
  history: null,
} satisfies SyncStatusView

export const SYNC_URL = 'https://abcdefgh.supabase.co'

/** Sync on and idle, last synced at `lastSyncAt`. */
export const syncOn = (
  lastSyncAt: number | null = Date.now() - 2 * 60_000,
  overrides: Partial<SyncStatusView> = {},
) => ({
  ...({ state: 'idle', url: SYNC_URL, lastSyncAt, error: null, halted: null, history: null } satisfies SyncStatusView),
  ...overrides,
})

export const ANON_KEY = 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.c2lnbmF0dXJl'

const MiB = 1024 * 1024

/** An account at the floor cost, its kit current, nothing pending, no stronger cost offered. */
export const SECURITY_STATUS = {
  kdf: { memlimitBytes: 64 * MiB, opslimit: 3 },
  lastDeriveMs: 420,
  kdfUpgrade: null,
  kitOutdated: false,
  changePending: false,
  signInAddress: null,
  fingerprint: 'H4KQ-PZ7M-3XWA-9TNC-R2VE',
} satisfies SecurityStatusView

/** A sync that moved nothing and found nothing odd. */
export const SYNC_REPORT = { pulled: 0, pushed: 0, conflicts: [], rejected: [], finishedAt: 1_700_000_000_000 }

/** A health report for a vault with nothing to flag. */
export const EMPTY_HEALTH = {
  checkedAt: 1_700_000_000_000,
  counts: { weak: 0, reused: 0, old: 0, noTotp: 0, duplicates: 0, total: 0 },
  weak: [],
  reused: [],
  old: [],
  noTotp: [],
  duplicates: [],
  titles: {},
} satisfies HealthReportView

const DEFAULTS: Partial<Record<Method, unknown>> = {
  getAppInfo: APP_INFO,
  checkSecretKey: { accountId: ACCOUNT_ID },
  getStatus: { state: 'no-account' },
  estimateStrength: { score: 4, crackTime: 'centuries', warning: '', suggestions: [], acceptable: true },
  createAccount: { accountId: ACCOUNT_ID, secretKey: SECRET_KEY, secretKeyInKeychain: true },
  unlock: { itemCount: 0, damagedCount: 0 },
  lock: null,
  noteActivity: null,
  getSettings: { autoLockMs: 600_000, clipboardClearMs: 30_000 },
  updateSettings: { autoLockMs: 600_000, clipboardClearMs: 30_000 },
  generate: { value: 'Xq7#pL2!vR9@mK4$wZ8&', entropyBits: 130.2 },
  listItems: { items: [], total: 0 },
  getSyncStatus: SYNC_OFF,
  enableSync: SYNC_REPORT,
  joinAccount: SYNC_REPORT,
  syncNow: SYNC_REPORT,
  listDevices: { devices: [] },
  revokeDevice: null,
  disableSync: null,
  dismissConflict: null,
  recheckSync: SYNC_REPORT,
  readSetupCode: { server: { url: SYNC_URL, anonKey: ANON_KEY }, email: 'ada@example.org', secretKey: SECRET_KEY },
  saveEmergencyKit: { saved: true, fileName: 'Vault Emergency Kit.pdf' },
  verifyEmergencyKit: { secretKeyMatches: true, emailMatches: null, serverMatches: null },
  getSecurityStatus: SECURITY_STATUS,
  changePassword: { changed: 'password', keysetRevision: 2, kdf: SECURITY_STATUS.kdf },
  changeSecretKey: {
    changed: 'secret-key',
    keysetRevision: 2,
    secretKey: 'K1-ABC234-XYZ789-QRS456-TUV234-WXYZ2-34567',
    secretKeyInKeychain: true,
    kdf: SECURITY_STATUS.kdf,
  },
  upgradeKdf: { changed: 'kdf', keysetRevision: 2, kdf: { memlimitBytes: 256 * MiB, opslimit: 4 } },
  getPasswordHealth: EMPTY_HEALTH,
  exportItems: { saved: true, fileName: 'vault-export-2026-11-22.json' },
  saveBackup: { saved: true, fileName: 'vault-backup-2026-11-22.vaultbak' },
  chooseImportFile: { chosen: false },
  applyImport: { added: 0 },
}

type Answer = (request: never) => Promise<unknown>

export type StubVault = { readonly [M in Method]: ReturnType<typeof vi.fn<Answer>> } & {
  readonly onEvent: (listener: VaultEventListener) => () => void
  /** Delivers one of main's events to every listener, as the preload would. */
  readonly emit: (event: VaultEvent) => void
}

export const ok = <T>(data: T) => ({ ok: true as const, data })
export const fail = (code: IpcFailure['code'], message = `${code} happened`) => ({
  ok: false as const,
  error: { code, message },
})

/** Installs a stub window.vault; overrides answer with full IpcResults. */
export function stubVault(overrides: Partial<Record<Method, Answer>> = {}): StubVault {
  const listeners = new Set<VaultEventListener>()
  const methods = Object.fromEntries(
    METHODS.map((method) => [method, vi.fn<Answer>(overrides[method] ?? (async () => ok(DEFAULTS[method] ?? null)))]),
  )
  const vault = {
    ...methods,
    onEvent: (listener: VaultEventListener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    emit: (event: VaultEvent) => {
      for (const listener of listeners) listener(event)
    },
  } as unknown as StubVault
  vi.stubGlobal('vault', vault as unknown as VaultApi)
  return vault
}
