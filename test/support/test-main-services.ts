/**
 * The real main-process services (src-main/app/main-services.ts, as
 * Electron's main wires them) on a fresh temporary vault folder, with
 * in-memory stand-ins only where Electron would touch the OS: the clipboard,
 * the keychain, the token store and the browser opener. Shared by the IPC
 * integration tests and the end-to-end harness.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMainServices, type MainServices } from '../../src-main/app/main-services.ts'
import { KDF_FLOOR } from '../../src-main/crypto/index.ts'
import type { AppIdentity } from '../../src-main/ipc/handlers/index.ts'
import type { VaultEvent } from '../../src-shared/ipc/events.ts'
import { MemoryClipboard, MemoryKeychain, MemoryTokens } from './main-fakes.ts'

export interface TestMainServices {
  readonly services: MainServices
  readonly clipboard: MemoryClipboard
  readonly keychain: MemoryKeychain
  /** Every URL main handed to the browser, in order. */
  readonly opened: string[]
  /** Closes the services and deletes the folder. */
  close(): void
}

export function startTestMainServices(identity: AppIdentity, emit: (event: VaultEvent) => void): TestMainServices {
  const dataDir = mkdtempSync(join(tmpdir(), 'vault-main-'))
  const clipboard = new MemoryClipboard()
  const keychain = new MemoryKeychain()
  const opened: string[] = []
  const services = createMainServices({
    dataDir,
    identity,
    keychain,
    tokens: new MemoryTokens(),
    clipboard,
    openInBrowser: async (url) => void opened.push(url),
    emit,
    // The floor: the cheapest Argon2id cost the app accepts, so tests stay quick.
    kdfCost: KDF_FLOOR,
  })
  const close = () => {
    services.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  return { services, clipboard, keychain, opened, close }
}
