/**
 * Hardening for every webContents the app creates, and for the session.
 * Takes Electron objects but imports only their types, so it can be tested
 * with stand-ins.
 */
import type { Session, WebContents } from 'electron'
import { originOf } from './app-url.ts'

/** Stops navigation away from the app, new windows and <webview> in this webContents. */
export function guardWebContents(contents: WebContents, allowedOrigins: Iterable<string>): void {
  const allowed = new Set(allowedOrigins)
  const stayInApp = (event: { url: string; preventDefault(): void }): void => {
    const origin = originOf(event.url)
    if (origin === null || !allowed.has(origin)) event.preventDefault()
  }
  contents.on('will-navigate', stayInApp)
  contents.on('will-redirect', stayInApp)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/** The vault needs no camera, notifications, clipboard reads or anything else a page can ask for. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, grant) => grant(false))
  session.setPermissionCheckHandler(() => false)
}
