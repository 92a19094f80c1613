/** The real main-process services on a temp folder, called through the real IPC dispatcher, as the window calls them. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMainServices, type MainServices } from '../../../src-main/app/main-services.ts'
import { KDF_FLOOR } from '../../../src-main/crypto/index.ts'
import { createIpcDispatcher } from '../../../src-main/ipc/dispatcher.ts'
import type { VaultEvent } from '../../../src-shared/ipc/events.ts'
import type { IpcResult } from '../../../src-shared/ipc/result.ts'
import { MemoryClipboard, MemoryKeychain, MemoryTokens } from '../../support/main-fakes.ts'

export const ORIGIN = 'app://vault'
export const EMAIL = 'ada@example.org'
export const PASSWORD = 'glacier orbit pamphlet 93 tundra'

export interface TestMain {
  readonly services: MainServices
  readonly clipboard: MemoryClipboard
  readonly keychain: MemoryKeychain
  readonly events: VaultEvent[]
  readonly opened: string[]
  /** Calls a method as the trusted window would; resolves to its IpcResult. */
  call(method: string, request?: unknown): Promise<IpcResult<unknown>>
  /** Calls and unwraps a success, failing the test with the error code otherwise. */
  ok<T = Record<string, unknown>>(method: string, request?: unknown): Promise<T>
  close(): void
}

export function startTestMain(): TestMain {
  const dataDir = mkdtempSync(join(tmpdir(), 'vault-main-'))
  const clipboard = new MemoryClipboard()
  const keychain = new MemoryKeychain()
  const events: VaultEvent[] = []
  const opened: string[] = []
  const services = createMainServices({
    dataDir,
    identity: { name: 'Vault', version: '0.1.0' },
    keychain,
    tokens: new MemoryTokens(),
    clipboard,
    openInBrowser: async (url) => void opened.push(url),
    emit: (event) => events.push(event),
    kdfCost: KDF_FLOOR,
  })
  const dispatcher = createIpcDispatcher(services.handlers, { trustedOrigins: [ORIGIN] })
  const call = (method: string, request?: unknown) =>
    dispatcher.dispatch(method, request, { origin: ORIGIN, isTopFrame: true })
  const ok = async <T>(method: string, request?: unknown): Promise<T> => {
    const result = await call(method, request)
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`)
    return result.data as T
  }
  const close = () => {
    services.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  return { services, clipboard, keychain, events, opened, call, ok, close }
}
