/**
 * Hooks for the end-to-end tests that drive the real Electron app: with
 * VAULT_E2E_HOOKS=1 in an unpackaged build, main puts a small control object
 * on globalThis, which Playwright's electronApp.evaluate() can call (it runs
 * in this process). A packaged app never installs them: the check is on
 * app.isPackaged as well as the variable.
 */
import type { LockReason } from '../../src-shared/ipc/events.ts'
import type { SecretKeyStore } from '../keychain/index.ts'
import type { MainServices } from './main-services.ts'

export const E2E_HOOKS_VARIABLE = 'VAULT_E2E_HOOKS'
export const E2E_HOOKS_GLOBAL = '__vaultE2eHooks'

/** The fixed test account; the journeys know it too (test/e2e/support/main-control.ts). */
const SEED = { email: 'ada@example.org', password: 'glacier orbit pamphlet 93 tundra' }

export interface E2eHooks {
  seedAccount(): Promise<{ email: string; password: string; secretKey: string }>
  setClipboardClearMs(ms: number): void
  setAutoLockMs(ms: number): void
  openedUrls(): string[]
  /** Full paths of the files main saved (the Emergency Kit), in order. */
  savedFiles(): string[]
  /** The next open dialog answers with this file (full path); with none queued, it answers Cancel. */
  queueFileToOpen(path: string): void
  forgetSecretKey(): Promise<void>
  lockFromSystem(reason: LockReason): void
}

export function e2eHooksWanted(isPackaged: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  return !isPackaged && env[E2E_HOOKS_VARIABLE] === '1'
}

export function installE2eHooks(
  services: MainServices,
  keychain: SecretKeyStore,
  recorded: {
    readonly openedUrls: readonly string[]
    readonly savedFiles: readonly string[]
    readonly filesToOpen: string[]
  },
): void {
  const hooks: E2eHooks = {
    seedAccount: async () => {
      const created = await services.vault.createAccount(SEED)
      return { ...SEED, secretKey: created.secretKey }
    },
    setClipboardClearMs: (ms) => services.settings.setClipboardClearMs(ms),
    setAutoLockMs: (ms) => services.vault.setAutoLockMs(ms),
    openedUrls: () => [...recorded.openedUrls],
    savedFiles: () => [...recorded.savedFiles],
    queueFileToOpen: (path) => void recorded.filesToOpen.push(path),
    forgetSecretKey: async () => {
      const status = services.vault.status()
      if (status.state !== 'no-account') await keychain.delete(status.accountId)
    },
    lockFromSystem: (reason) => services.vault.lock(reason),
  }
  Object.defineProperty(globalThis, E2E_HOOKS_GLOBAL, { value: Object.freeze(hooks) })
}
