/**
 * Stands in for the preload when the renderer runs in a plain browser:
 * window.vault is built from the same METHODS list, frozen like the
 * contextBridge's copy, and each call goes to the real main-process
 * dispatcher with the sender taken from the frame that made the call.
 */
import type { Frame, Page } from '@playwright/test'
import type { IpcDispatcher, IpcSender } from '../../../src-main/ipc/dispatcher.ts'
import { originOf } from '../../../src-main/window/app-url.ts'
import { METHODS } from '../../../src-shared/ipc/methods.ts'

const BINDING = '__vaultIpcInvoke'

export async function installVaultBridge(page: Page, dispatcher: IpcDispatcher): Promise<void> {
  await page.exposeBinding(BINDING, ({ frame }, method: string, request: unknown) =>
    dispatcher.dispatch(method, request, senderOf(frame)),
  )
  await page.addInitScript(
    ({ binding, methods }) => {
      const invoke = (globalThis as unknown as Record<string, (m: string, r: unknown) => Promise<unknown>>)[binding]
      if (invoke === undefined) throw new Error(`The ${binding} binding is missing`)
      const entries = methods.map((method) => [method, Object.freeze((request?: unknown) => invoke(method, request))])
      // Like contextBridge.exposeInMainWorld: a frozen object on a read-only, non-configurable property.
      Object.defineProperty(globalThis, 'vault', {
        value: Object.freeze(Object.fromEntries(entries)),
        enumerable: true,
      })
    },
    { binding: BINDING, methods: [...METHODS] },
  )
}

function senderOf(frame: Frame): IpcSender {
  return { origin: originOf(frame.url()) ?? '', isTopFrame: frame.parentFrame() === null }
}
