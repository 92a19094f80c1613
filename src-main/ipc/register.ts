/**
 * The thin Electron adapter over the dispatcher: one ipcMain.handle per
 * method, with the sender taken from the frame that actually sent the
 * message (not from anything the renderer claims).
 */
import { type IpcMainInvokeEvent, ipcMain } from 'electron'
import { channelOf, METHODS } from '../../src-shared/ipc/methods.ts'
import type { IpcDispatcher, IpcSender } from './dispatcher.ts'

/** Registers every method's channel; returns a function that removes them again. */
export function registerIpc(dispatcher: IpcDispatcher): () => void {
  for (const method of METHODS) {
    ipcMain.handle(channelOf(method), (event, payload: unknown) =>
      dispatcher.dispatch(method, payload, senderOf(event)),
    )
  }
  return () => {
    for (const method of METHODS) ipcMain.removeHandler(channelOf(method))
  }
}

/** A frame that is gone (navigated away or destroyed) is nobody we trust. */
export function senderOf(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): IpcSender {
  const frame = event.senderFrame
  if (frame === null) return { origin: '', isTopFrame: false }
  return { origin: frame.origin, isTopFrame: frame.parent === null }
}
