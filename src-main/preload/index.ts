/**
 * The sandboxed preload. It exposes window.vault: one frozen function per
 * IPC method, each forwarding a single request argument on that method's
 * channel, and onEvent to hear main's events. ipcRenderer itself, its event
 * objects and Node never reach the page.
 */
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron'
import { channelOf, EVENT_CHANNEL, METHODS, type Method, ON_EVENT } from '../../src-shared/ipc/methods.ts'

function invoker(method: Method): (request?: unknown) => Promise<unknown> {
  const channel = channelOf(method)
  // Exactly one argument crosses, whatever the page passes.
  return Object.freeze((request?: unknown) => ipcRenderer.invoke(channel, request))
}

/** The listener gets the event's payload only, never the IpcRendererEvent (which carries the sender). */
function onEvent(listener: (event: unknown) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('onEvent needs a function')
  const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
  ipcRenderer.on(EVENT_CHANNEL, forward)
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, forward)
  }
}

const vault = Object.freeze({
  ...Object.fromEntries(METHODS.map((method) => [method, invoker(method)])),
  [ON_EVENT]: Object.freeze(onEvent),
})

contextBridge.exposeInMainWorld('vault', vault)
