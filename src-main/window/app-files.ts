/**
 * Serves the built renderer (out/renderer) for the app:// protocol, and for
 * the end-to-end tests' local server, so both send identical headers.
 * Electron-free: it maps a URL path to a file and a response, nothing more.
 */
import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve } from 'node:path'
import { CONTENT_SECURITY_POLICY } from './csp.ts'

export interface AppFileResponse {
  readonly status: 200 | 404
  readonly headers: Readonly<Record<string, string>>
  readonly body: Uint8Array | string
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
} as const

/**
 * The file a URL path names inside rootDir, or null when it would escape it
 * (../, encoded %2e%2e%2f, backslashes, absolute or drive paths) or cannot be decoded.
 */
export function resolveAppFile(rootDir: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  // No NUL, and no backslash: a separator on Windows, so never something a URL path should carry.
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const wanted = decoded === '' || decoded.endsWith('/') ? `${decoded}index.html` : decoded
  const root = resolve(rootDir)
  const target = resolve(root, `.${wanted.startsWith('/') ? '' : '/'}${wanted}`)
  const inside = relative(root, target)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null
  return target
}

export async function readAppFile(rootDir: string, urlPath: string): Promise<AppFileResponse> {
  const file = resolveAppFile(rootDir, urlPath)
  if (file === null) return appFileNotFound()
  try {
    const body = await readFile(file)
    const contentType = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
    return { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': contentType }, body }
  } catch {
    return appFileNotFound()
  }
}

/** Also what any request that is not a GET for the app's own host gets. */
export function appFileNotFound(): AppFileResponse {
  return {
    status: 404,
    headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
    body: 'Not found',
  }
}
