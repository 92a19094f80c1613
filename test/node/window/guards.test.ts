import { EventEmitter } from 'node:events'
import type { Session, WebContents } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { denyAllPermissions, guardWebContents } from '../../../src-main/window/guards.ts'

function fakeContents() {
  const emitter = new EventEmitter()
  const contents = Object.assign(emitter, { setWindowOpenHandler: vi.fn() })
  guardWebContents(contents as unknown as WebContents, ['app://vault'])
  const attempt = (eventName: string, url: string): boolean => {
    const event = { url, preventDefault: vi.fn() }
    emitter.emit(eventName, event, url)
    return event.preventDefault.mock.calls.length === 0
  }
  return { contents, attempt }
}

describe('guardWebContents', () => {
  it.each(['will-navigate', 'will-redirect'])('%s stays inside the app origin', (eventName) => {
    const { attempt } = fakeContents()
    expect(attempt(eventName, 'app://vault/index.html')).toBe(true)
    expect(attempt(eventName, 'https://evil.example/')).toBe(false)
    expect(attempt(eventName, 'app://vault.evil/')).toBe(false)
    expect(attempt(eventName, 'file:///etc/passwd')).toBe(false)
    expect(attempt(eventName, 'javascript:alert(1)')).toBe(false)
  })

  it('prevents every <webview>', () => {
    const { contents } = fakeContents()
    const event = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', event, {}, {})
    expect(event.preventDefault).toHaveBeenCalled()
  })

  it('denies every new window', () => {
    const { contents } = fakeContents()
    const handler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (details: unknown) => unknown
    expect(handler({ url: 'app://vault/index.html' })).toEqual({ action: 'deny' })
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
  })
})

describe('denyAllPermissions', () => {
  it('refuses every permission request and check', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() }
    denyAllPermissions(session as unknown as Session)
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (...args: unknown[]) => void
    const grant = vi.fn()
    for (const permission of ['media', 'notifications', 'clipboard-read', 'openExternal'])
      request({}, permission, grant)
    expect(grant.mock.calls).toEqual([[false], [false], [false], [false]])
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean
    expect(check({}, 'clipboard-read', 'app://vault', {})).toBe(false)
  })
})
