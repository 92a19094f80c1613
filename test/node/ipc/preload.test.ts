import { beforeAll, describe, expect, it, vi } from 'vitest'
import { METHODS } from '../../../src-shared/ipc/methods.ts'

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, data: null })) },
}))

vi.mock('electron', () => electron)

describe('the preload', () => {
  let exposed: [string, Record<string, (...args: unknown[]) => Promise<unknown>>]

  beforeAll(async () => {
    await import('../../../src-main/preload/index.ts')
    exposed = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as typeof exposed
  })

  it('exposes one frozen window.vault with exactly the METHODS', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
    const [key, api] = exposed
    expect(key).toBe('vault')
    expect(Object.keys(api)).toEqual([...METHODS])
    expect(Object.isFrozen(api)).toBe(true)
    for (const method of METHODS) expect(Object.isFrozen(api[method])).toBe(true)
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
