import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readAppFile, resolveAppFile } from '../../../src-main/window/app-files.ts'
import { CONTENT_SECURITY_POLICY } from '../../../src-main/window/csp.ts'

let base: string
let root: string

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'vault-app-files-'))
  root = join(base, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Vault</title>')
  writeFileSync(join(root, 'assets/index.js'), 'console.log(1)')
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer')
})

afterAll(() => {
  rmSync(base, { recursive: true, force: true })
})

describe('resolveAppFile', () => {
  it('maps URL paths to files inside the root', () => {
    expect(resolveAppFile(root, '/index.html')).toBe(join(root, 'index.html'))
    expect(resolveAppFile(root, '/assets/index.js')).toBe(join(root, 'assets/index.js'))
    expect(resolveAppFile(root, '/')).toBe(join(root, 'index.html'))
    expect(resolveAppFile(root, '')).toBe(join(root, 'index.html'))
  })

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%2fsecret.txt',
    '/assets/..%5C..%5Csecret.txt',
    '/%00index.html',
    '/%E0%A4%A',
    '/..',
  ])('refuses %s', (path) => {
    expect(resolveAppFile(root, path)).toBeNull()
  })

  it('keeps an absolute-looking path inside the root', () => {
    expect(resolveAppFile(root, '//etc/passwd')).toBe(join(root, 'etc/passwd'))
  })
})

describe('readAppFile', () => {
  it('serves a file with its type and the CSP', async () => {
    const file = await readAppFile(root, '/assets/index.js')
    expect(file.status).toBe(200)
    expect(file.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(file.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(file.headers['x-content-type-options']).toBe('nosniff')
    expect(Buffer.from(file.body).toString()).toBe('console.log(1)')
  })

  it('answers a traversal attempt or a missing file with 404, CSP included', async () => {
    for (const path of ['/../secret.txt', '/missing.js', '/assets']) {
      const file = await readAppFile(root, path)
      expect(file.status).toBe(404)
      expect(file.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
      expect(String(file.body)).not.toContain('outside')
    }
  })
})
