/** The real main-process services on a temp folder, called through the real IPC dispatcher, as the window calls them. */
import type { MainServices } from '../../../src-main/app/main-services.ts'
import { createIpcDispatcher } from '../../../src-main/ipc/dispatcher.ts'
import type { VaultEvent } from '../../../src-shared/ipc/events.ts'
import type { IpcResult } from '../../../src-shared/ipc/result.ts'
import type { MemoryClipboard, MemoryKeychain } from '../../support/main-fakes.ts'
import { startTestMainServices } from '../../support/test-main-services.ts'

export const ORIGIN = 'app://vault'
export const EMAIL = 'ada@example.org'
export const PASSWORD = 'glacier orbit pamphlet 93 tundra'

export interface TestMain {
  readonly services: MainServices
  readonly clipboard: MemoryClipboard
  readonly keychain: MemoryKeychain
  readonly events: VaultEvent[]
  readonly opened: string[]
  /** Files main saved through the (stand-in) save dialog. */
  readonly saved: string[]
  /** Files the next open dialogs answer with (full paths); empty: Cancel. */
  readonly toOpen: string[]
  /** Answer the save dialog with Cancel. */
  cancelSaves: boolean
  /** Calls a method as the trusted window would; resolves to its IpcResult. */
  call(method: string, request?: unknown): Promise<IpcResult<unknown>>
  /** Calls and unwraps a success, failing the test with the error code otherwise. */
  ok<T = Record<string, unknown>>(method: string, request?: unknown): Promise<T>
  close(): void
}

export function startTestMain(): TestMain {
  const events: VaultEvent[] = []
  const main = startTestMainServices({ name: 'Vault', version: '0.1.0' }, (event) => events.push(event))
  const dispatcher = createIpcDispatcher(main.services.handlers, { trustedOrigins: [ORIGIN] })
  const call = (method: string, request?: unknown) =>
    dispatcher.dispatch(method, request, { origin: ORIGIN, isTopFrame: true })
  const ok = async <T>(method: string, request?: unknown): Promise<T> => {
    const result = await call(method, request)
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`)
    return result.data as T
  }
  return Object.assign(main, { events, call, ok })
}
