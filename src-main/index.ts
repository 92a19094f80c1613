/**
 * The Electron main process: application lifecycle only. Security settings
 * live in window/, the IPC boundary in ipc/, and keys in crypto/.
 */
import { join } from 'node:path'
import { app, BrowserWindow, session } from 'electron'
import { initCrypto } from './crypto/index.ts'
import { createIpcDispatcher } from './ipc/dispatcher.ts'
import { createIpcHandlers } from './ipc/handlers.ts'
import { registerIpc } from './ipc/register.ts'
import { registerAppScheme, serveAppProtocol } from './window/app-protocol.ts'
import { APP_ENTRY_URL, APP_ORIGIN, originOf } from './window/app-url.ts'
import { denyAllPermissions, guardWebContents } from './window/guards.ts'
import { createMainWindow } from './window/main-window.ts'

const devServer = findDevServer()
const isDev = devServer !== null
const trustedOrigins = devServer === null ? [APP_ORIGIN] : [APP_ORIGIN, devServer.origin]

const PRELOAD_PATH = join(import.meta.dirname, '../preload/index.cjs')
const RENDERER_DIR = join(import.meta.dirname, '../renderer')

let mainWindow: BrowserWindow | undefined

// Both must happen before 'ready'.
app.enableSandbox()
registerAppScheme()

if (app.requestSingleInstanceLock()) {
  app.on('second-instance', focusMainWindow)
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, trustedOrigins))
  // Quitting on every platform (macOS included) drops all keys from memory with the last window.
  app.on('window-all-closed', () => app.quit())
  app.whenReady().then(start, failToStart)
} else {
  // Two instances would race on the same vault files; the first one gets focus instead.
  app.quit()
}

async function start(): Promise<void> {
  await initCrypto()
  denyAllPermissions(session.defaultSession)
  serveAppProtocol(RENDERER_DIR)
  const handlers = createIpcHandlers({ name: app.getName(), version: app.getVersion() })
  registerIpc(createIpcDispatcher(handlers, { trustedOrigins }))
  openMainWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow()
  })
}

function openMainWindow(): void {
  mainWindow = createMainWindow({ preloadPath: PRELOAD_PATH, rendererUrl: devServer?.url ?? APP_ENTRY_URL, isDev })
  mainWindow.on('closed', () => {
    mainWindow = undefined
  })
}

/** electron-vite dev serves the renderer over http and says where; a packaged app never trusts that. */
function findDevServer(): { url: string; origin: string } | null {
  const url = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
  const origin = url === undefined ? null : originOf(url)
  return url === undefined || origin === null ? null : { url, origin }
}

function focusMainWindow(): void {
  if (mainWindow === undefined) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

function failToStart(error: unknown): void {
  console.error('[main] could not start:', error instanceof Error ? error.message : error)
  app.exit(1)
}
