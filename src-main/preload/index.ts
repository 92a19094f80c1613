/**
 * The sandboxed preload. It exposes window.vault: one frozen function per
 * IPC method, each forwarding a single request argument on that method's
 * channel. ipcRenderer itself, events and Node never reach the page.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { channelOf, METHODS, type Method } from '../../src-shared/ipc/methods.ts'

function invoker(method: Method): (request?: unknown) => Promise<unknown> {
  const channel = channelOf(method)
  // Exactly one argument crosses, whatever the page passes.
  return Object.freeze((request?: unknown) => ipcRenderer.invoke(channel, request))
}

const vault = Object.freeze(Object.fromEntries(METHODS.map((method) => [method, invoker(method)])))

contextBridge.exposeInMainWorld('vault', vault)
