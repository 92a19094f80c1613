import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, APP_ORIGIN, originOf } from '../../../src-main/window/app-url.ts'

describe('originOf', () => {
  it('gives scheme and host, as Chromium reports a frame origin', () => {
    expect(originOf(APP_ENTRY_URL)).toBe(APP_ORIGIN)
    expect(originOf('app://vault/assets/x.js?y#z')).toBe('app://vault')
    expect(originOf('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173')
    expect(originOf('https://example.com/path')).toBe('https://example.com')
  })

  it('does not confuse look-alikes with the app', () => {
    expect(originOf('app://vault.evil/')).not.toBe(APP_ORIGIN)
    expect(originOf('app://vault@evil/')).toBe('app://evil')
  })

  it('is null where there is no host', () => {
    expect(originOf('about:blank')).toBeNull()
    expect(originOf('data:text/html,hi')).toBeNull()
    expect(originOf('file:///etc/passwd')).toBeNull()
    expect(originOf('not a url')).toBeNull()
  })
})
