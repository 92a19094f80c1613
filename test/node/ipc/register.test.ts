import { describe, expect, it, vi } from 'vitest'
import type { IpcDispatcher } from '../../../src-main/ipc/dispatcher.ts'
import { channelOf, METHODS } from '../../../src-shared/ipc/methods.ts'

type Listener = (event: { senderFrame: unknown }, payload: unknown) => Promise<unknown>

const ipcMain = vi.hoisted(() => {
  const handlers = new Map<string, Listener>()
  return {
    handlers,
    handle: vi.fn((channel: string, listener: Listener) => handlers.set(channel, listener)),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  }
})

vi.mock('electron', () => ({ ipcMain }))

const { registerIpc } = await import('../../../src-main/ipc/register.ts')

function recordingDispatcher(): IpcDispatcher & { dispatch: ReturnType<typeof vi.fn> } {
  return { dispatch: vi.fn(async () => ({ ok: true as const, data: null })) }
}

describe('registerIpc', () => {
  it('registers one channel per method and removes them again', () => {
    const unregister = registerIpc(recordingDispatcher())
    expect([...ipcMain.handlers.keys()]).toEqual(METHODS.map(channelOf))
    unregister()
    expect(ipcMain.handlers.size).toBe(0)
  })

  it.each([
    ['a top frame', { origin: 'app://vault', parent: null }, { origin: 'app://vault', isTopFrame: true }],
    ['a subframe', { origin: 'app://vault', parent: {} }, { origin: 'app://vault', isTopFrame: false }],
    ['a destroyed frame', null, { origin: '', isTopFrame: false }],
  ])('takes the sender from the event frame for %s', async (_label, senderFrame, sender) => {
    const dispatcher = recordingDispatcher()
    const unregister = registerIpc(dispatcher)
    await ipcMain.handlers.get('vault:checkSecretKey')?.({ senderFrame }, { secretKey: 'K1' })
    expect(dispatcher.dispatch).toHaveBeenCalledWith('checkSecretKey', { secretKey: 'K1' }, sender)
    unregister()
  })
})
