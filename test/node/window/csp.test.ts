import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../../src-main/window/csp.ts'

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/)
      return [name, values.join(' ')]
    }),
  )
}

describe('the Content Security Policy', () => {
  const header = directives(CONTENT_SECURITY_POLICY)

  it('allows nothing by default and only the app itself for code and styles', () => {
    expect(header.get('default-src')).toBe("'none'")
    expect(header.get('script-src')).toBe("'self'")
    expect(header.get('style-src')).toBe("'self'")
    expect(header.get('connect-src')).toBe("'self'")
    expect(header.get('base-uri')).toBe("'none'")
    expect(header.get('form-action')).toBe("'none'")
    expect(header.get('frame-ancestors')).toBe("'none'")
  })

  it('never allows inline code, eval or remote hosts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|wasm-unsafe-eval|https?:|\*/)
  })

  it('turns on Trusted Types with no policies', () => {
    expect(header.get('require-trusted-types-for')).toBe("'script'")
    expect(header.get('trusted-types')).toBe("'none'")
  })

  it('uses the same policy in the meta tag, minus what only a header can carry', () => {
    const meta = directives(CONTENT_SECURITY_POLICY_META)
    expect(meta.has('frame-ancestors')).toBe(false)
    expect([...meta]).toEqual([...header].filter(([name]) => name !== 'frame-ancestors'))
  })

  it('is the policy in src-renderer/index.html', () => {
    const html = readFileSync(resolve(import.meta.dirname, '../../../src-renderer/index.html'), 'utf8')
    const tag = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/)
    expect(tag?.[1]).toBe(CONTENT_SECURITY_POLICY_META)
  })
})
