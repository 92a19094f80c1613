import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { relaxCspForDevServer } from '../../../electron.vite.config.ts'
import { CONTENT_SECURITY_POLICY_META } from '../../../src-main/window/csp.ts'

const indexHtml = readFileSync(resolve(import.meta.dirname, '../../../src-renderer/index.html'), 'utf8')

function devHtml(): string {
  // The hook is a plain function of the HTML; it needs neither a plugin context nor Vite's ctx.
  const transform = relaxCspForDevServer().transformIndexHtml as unknown as (html: string) => string
  return transform(indexHtml)
}

describe('the dev-server CSP', () => {
  it('applies to `vite dev` only, never to builds', () => {
    expect(relaxCspForDevServer().apply).toBe('serve')
  })

  it('replaces the strict policy in index.html with one React Refresh and HMR can live with', () => {
    const html = devHtml()
    expect(html).not.toContain(CONTENT_SECURITY_POLICY_META)
    expect(html).toMatch(/content="[^"]*script-src 'self' 'unsafe-inline'/)
    expect(html).toMatch(/content="[^"]*default-src 'none'/)
    expect(html).not.toContain('trusted-types')
  })
})
