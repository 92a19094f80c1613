/**
 * Where the renderer lives. In production it is served from the privileged
 * app:// scheme (a standard, secure origin) rather than file://, so it has a
 * real origin that the IPC and navigation checks can compare against.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'vault'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * The origin of a URL as Chromium reports it for a frame: scheme and host.
 * WHATWG URL gives 'null' for schemes it does not know, such as app:, so
 * URL.origin cannot be used here. Null for anything without a host.
 */
export function originOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  return parsed.host === '' ? null : `${parsed.protocol}//${parsed.host}`
}
