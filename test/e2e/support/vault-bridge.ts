/**
 * Stands in for the preload when the renderer runs in a plain browser:
 * window.vault is built from the same METHODS list, frozen like the
 * contextBridge's copy, and each call goes to the real main-process
 * dispatcher with the sender taken from the frame that made the call.
 * Main's events reach the page's onEvent listeners through emitToPage().
 */
import type { Frame, Page } from '@playwright/test'
import type { IpcDispatcher, IpcSender } from '../../../src-main/ipc/dispatcher.ts'
import { originOf } from '../../../src-main/window/app-url.ts'
import type { VaultEvent } from '../../../src-shared/ipc/events.ts'
import { METHODS, ON_EVENT } from '../../../src-shared/ipc/methods.ts'

const BINDING = '__vaultIpcInvoke'
/** A non-enumerable page global the test side calls to deliver an event, as webContents.send would. */
const EMIT = '__vaultEmitEvent'

export async function installVaultBridge(page: Page, dispatcher: IpcDispatcher): Promise<void> {
  await page.exposeBinding(BINDING, ({ frame }, method: string, request: unknown) =>
    dispatcher.dispatch(method, request, senderOf(frame)),
  )
  await page.addInitScript(
    ({ binding, emit, methods, onEventName }) => {
      const page = globalThis as unknown as Record<string, unknown>
      const invoke = page[binding] as ((m: string, r: unknown) => Promise<unknown>) | undefined
      if (invoke === undefined) throw new Error(`The ${binding} binding is missing`)
      const listeners = new Set<(event: unknown) => void>()
      const onEvent = (listener: (event: unknown) => void) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      }
      Object.defineProperty(globalThis, emit, {
        value: (event: unknown) => {
          for (const listener of listeners) listener(event)
        },
      })
      const entries: [string, unknown][] = methods.map((method) => [
        method,
        Object.freeze((request?: unknown) => invoke(method, request)),
      ])
      entries.push([onEventName, Object.freeze(onEvent)])
      // Like contextBridge.exposeInMainWorld: a frozen object on a read-only, non-configurable property.
      Object.defineProperty(globalThis, 'vault', {
        value: Object.freeze(Object.fromEntries(entries)),
        enumerable: true,
      })
    },
    { binding: BINDING, emit: EMIT, methods: [...METHODS], onEventName: ON_EVENT },
  )
}

/** Delivers one of main's events to the page; a page that is closing simply misses it, as a closed window would. */
export async function emitToPage(page: Page, event: VaultEvent): Promise<void> {
  if (page.isClosed()) return
  await page
    .evaluate(({ name, payload }) => (globalThis as unknown as Record<string, (e: unknown) => void>)[name]?.(payload), {
      name: EMIT,
      payload: event,
    })
    .catch(() => undefined)
}

function senderOf(frame: Frame): IpcSender {
  return { origin: originOf(frame.url()) ?? '', isTopFrame: frame.parentFrame() === null }
}
