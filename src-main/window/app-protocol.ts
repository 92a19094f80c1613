/**
 * The app:// protocol that serves the built renderer. The scheme must be
 * registered as privileged before the app is ready, the handler after.
 */
import { protocol } from 'electron'
import { appFileNotFound, readAppFile } from './app-files.ts'
import { APP_HOST, APP_SCHEME } from './app-url.ts'

/** standard: a real origin and relative URLs; secure: treated like https (no mixed-content downgrades). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }])
}

export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file =
      url.host === APP_HOST && request.method === 'GET'
        ? await readAppFile(rendererDir, url.pathname)
        : appFileNotFound()
    return new Response(file.body, { status: file.status, headers: file.headers })
  })
}
