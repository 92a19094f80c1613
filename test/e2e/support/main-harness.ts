/**
 * The real main-process services behind the page (test/support/
 * test-main-services.ts), and the MainControl journeys use to play the
 * operating system.
 */
import type { MainServices } from '../../../src-main/app/main-services.ts'
import type { VaultEvent } from '../../../src-shared/ipc/events.ts'
import { startTestMainServices } from '../../support/test-main-services.ts'
import { type MainControl, SEED_EMAIL, SEED_PASSWORD } from './main-control.ts'
import { APP_IDENTITY } from './paths.ts'

export interface MainHarness {
  readonly services: MainServices
  readonly control: MainControl
  close(): void
}

export function startMainHarness(emit: (event: VaultEvent) => void): MainHarness {
  const main = startTestMainServices(APP_IDENTITY, emit)
  const { services, clipboard, keychain, opened, saved, toOpen } = main
  const control: MainControl = {
    seedAccount: async () => {
      const created = await services.vault.createAccount({ email: SEED_EMAIL, password: SEED_PASSWORD })
      return { email: SEED_EMAIL, password: SEED_PASSWORD, secretKey: created.secretKey }
    },
    readClipboard: () => clipboard.readText(),
    setClipboardClearMs: async (ms) => services.settings.setClipboardClearMs(ms),
    setAutoLockMs: async (ms) => services.vault.setAutoLockMs(ms),
    openedUrls: async () => [...opened],
    savedFiles: async () => [...saved],
    queueFileToOpen: async (path) => void toOpen.push(path),
    forgetSecretKey: async () => keychain.clear(),
    lockFromSystem: async (reason) => services.vault.lock(reason),
  }
  return { services, control, close: main.close }
}
