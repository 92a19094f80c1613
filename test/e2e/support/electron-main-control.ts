/**
 * MainControl for the real Electron app: each call runs in its main process
 * (electronApp.evaluate) against the hooks src-main/app/e2e-hooks.ts
 * installs, and the clipboard is the real OS clipboard.
 */
import type { ElectronApplication } from '@playwright/test'
import type { E2eHooks } from '../../../src-main/app/e2e-hooks.ts'
import type { MainControl, SeededAccount } from './main-control.ts'

type HookName = keyof E2eHooks

/** Runs one hook in main. The callback is sent as source text, so it may use only its arguments. */
function callHook<T>(app: ElectronApplication, name: HookName, arg?: unknown): Promise<T> {
  return app.evaluate(
    (_electron, { hook, value }) => {
      const hooks = (globalThis as unknown as Record<string, Record<string, (v: unknown) => unknown>>).__vaultE2eHooks
      if (hooks === undefined) throw new Error('main has no e2e hooks: was VAULT_E2E_HOOKS=1 set?')
      return hooks[hook]?.(value) as T
    },
    { hook: name, value: arg },
  )
}

export function electronMainControl(app: ElectronApplication): MainControl {
  return {
    seedAccount: () => callHook<SeededAccount>(app, 'seedAccount'),
    readClipboard: () => app.evaluate(({ clipboard }) => clipboard.readText()),
    setClipboardClearMs: (ms) => callHook(app, 'setClipboardClearMs', ms),
    setAutoLockMs: (ms) => callHook(app, 'setAutoLockMs', ms),
    openedUrls: () => callHook<string[]>(app, 'openedUrls'),
    savedFiles: () => callHook<string[]>(app, 'savedFiles'),
    queueFileToOpen: (path) => callHook(app, 'queueFileToOpen', path),
    // The OS keychain is real here; the hook forgets this account's entry in it.
    forgetSecretKey: () => callHook(app, 'forgetSecretKey'),
    lockFromSystem: (reason) => callHook(app, 'lockFromSystem', reason),
  }
}
