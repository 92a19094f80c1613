import { beforeAll, describe, expect, it, vi } from 'vitest'
import { EVENT_CHANNEL, METHODS, ON_EVENT } from '../../../src-shared/ipc/methods.ts'

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async () => ({ ok: true, data: null })),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}))

vi.mock('electron', () => electron)

describe('the preload', () => {
  let exposed: [string, Record<string, (...args: unknown[]) => Promise<unknown>>]

  beforeAll(async () => {
    await import('../../../src-main/preload/index.ts')
    exposed = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as typeof exposed
  })

  it('exposes one frozen window.vault with exactly the METHODS and onEvent', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
    const [key, api] = exposed
    expect(key).toBe('vault')
    expect(Object.keys(api)).toEqual([...METHODS, ON_EVENT])
    expect(Object.isFrozen(api)).toBe(true)
    for (const name of [...METHODS, ON_EVENT]) expect(Object.isFrozen(api[name])).toBe(true)
  })

  it('onEvent hands the listener the payload only, never the IpcRendererEvent, and unsubscribes', () => {
    const [, api] = exposed
    const heard: unknown[] = []
    const stop = (api[ON_EVENT] as unknown as (listener: (event: unknown) => void) => () => void)((event) =>
      heard.push(event),
    )
    const [channel, forward] = electron.ipcRenderer.on.mock.calls[0] as unknown as [
      string,
      (...args: unknown[]) => void,
    ]
    expect(channel).toBe(EVENT_CHANNEL)
    forward({ sender: 'the IpcRendererEvent' }, { type: 'locked', reason: 'idle' })
    expect(heard).toEqual([{ type: 'locked', reason: 'idle' }])
    stop()
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(EVENT_CHANNEL, forward)
  })

  it('never hands out ipcRenderer', () => {
    const [, api] = exposed
    for (const value of Object.values(api)) expect(value).not.toBe(electron.ipcRenderer)
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true)
  })

  it('sends each call on its own channel with exactly one argument', async () => {
    const [, api] = exposed
    await api.checkSecretKey?.({ secretKey: 'K1' }, 'smuggled')
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('vault:checkSecretKey', { secretKey: 'K1' })
    await api.getAppInfo?.()
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('vault:getAppInfo', undefined)
  })
})
