/**
 * The real main-process services (src-main/app/main-services.ts, as
 * Electron's main uses them) in this Node process, on a fresh vault folder,
 * with test stand-ins only where Electron would touch the OS: the clipboard,
 * the browser opener and the keychain (the real keychain adapter has its own
 * tests against gnome-keyring).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMainServices, type MainServices } from '../../../src-main/app/main-services.ts'
import type { VaultEvent } from '../../../src-shared/ipc/events.ts'
import { MemoryClipboard, MemoryKeychain, MemoryTokens } from '../../support/main-fakes.ts'
import { type MainControl, SEED_EMAIL, SEED_PASSWORD } from './main-control.ts'
import { APP_IDENTITY } from './paths.ts'

/** The floor: the cheapest Argon2id cost the app accepts, so journeys stay quick. */
const TEST_KDF_COST = { memlimitBytes: 64 * 1024 * 1024, opslimit: 3 }

export interface MainHarness {
  readonly services: MainServices
  readonly control: MainControl
  close(): void
}

export function startMainHarness(emit: (event: VaultEvent) => void): MainHarness {
  const dataDir = mkdtempSync(join(tmpdir(), 'vault-e2e-'))
  const clipboard = new MemoryClipboard()
  const keychain = new MemoryKeychain()
  const opened: string[] = []
  const services = createMainServices({
    dataDir,
    identity: APP_IDENTITY,
    keychain,
    tokens: new MemoryTokens(),
    clipboard,
    openInBrowser: async (url) => {
      opened.push(url)
    },
    emit,
    kdfCost: TEST_KDF_COST,
  })
  const control: MainControl = {
    seedAccount: async () => {
      const created = await services.vault.createAccount({ email: SEED_EMAIL, password: SEED_PASSWORD })
      return { email: SEED_EMAIL, password: SEED_PASSWORD, secretKey: created.secretKey }
    },
    readClipboard: () => clipboard.readText(),
    setClipboardClearMs: async (ms) => services.settings.setClipboardClearMs(ms),
    setAutoLockMs: async (ms) => services.vault.setAutoLockMs(ms),
    openedUrls: async () => [...opened],
    forgetSecretKey: async () => keychain.clear(),
    lockFromSystem: async (reason) => services.vault.lock(reason),
  }
  return {
    services,
    control,
    close: () => {
      services.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
