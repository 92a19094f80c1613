/**
 * The Electron main process: application lifecycle only. Security settings
 * live in window/, the IPC boundary in ipc/, the services in app/, and keys
 * in crypto/ (reached only through the vault service).
 */
import { join } from 'node:path'
import { app, BrowserWindow, ClipboardItem, clipboard, dialog, Menu, powerMonitor, session, shell } from 'electron'
import type { VaultEvent } from '../src-shared/ipc/events.ts'
import { EVENT_CHANNEL } from '../src-shared/ipc/methods.ts'
import { e2eHooksWanted, installE2eHooks } from './app/e2e-hooks.ts'
import { createMainServices, type MainServices } from './app/main-services.ts'
import { electronClipboardPort } from './clipboard/electron-clipboard.ts'
import { initCrypto, KDF_FLOOR } from './crypto/index.ts'
import { createIpcDispatcher } from './ipc/dispatcher.ts'
import { registerIpc } from './ipc/register.ts'
import { createOsKeychain, createOsTokenStore } from './keychain/index.ts'
import { watchLockTriggers } from './system/lock-triggers.ts'
import { defaultDataDir } from './vault/index.ts'
import { appMenuTemplate } from './window/app-menu.ts'
import { registerAppScheme, serveAppProtocol } from './window/app-protocol.ts'
import { APP_ENTRY_URL, APP_ORIGIN, originOf } from './window/app-url.ts'
import { denyAllPermissions, guardWebContents } from './window/guards.ts'
import { createMainWindow } from './window/main-window.ts'
import { openFromQueue, openWithDialog } from './window/open-file.ts'
import { saveToFolder, saveWithDialog } from './window/save-file.ts'

const devServer = findDevServer()
const isDev = devServer !== null
const trustedOrigins = devServer === null ? [APP_ORIGIN] : [APP_ORIGIN, devServer.origin]
const testHooks = e2eHooksWanted(app.isPackaged)

const PRELOAD_PATH = join(import.meta.dirname, '../preload/index.cjs')
const RENDERER_DIR = join(import.meta.dirname, '../renderer')

let mainWindow: BrowserWindow | undefined
let services: MainServices | undefined

// Both must happen before 'ready'.
app.enableSandbox()
registerAppScheme()

if (app.requestSingleInstanceLock()) {
  app.on('second-instance', focusMainWindow)
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, trustedOrigins))
  // Quitting on every platform (macOS included) drops all keys from memory with the last window.
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', finishBeforeQuit)
  app.whenReady().then(start, failToStart)
} else {
  // Two instances would race on the same vault files; the first one gets focus instead.
  app.quit()
}

async function start(): Promise<void> {
  await initCrypto()
  denyAllPermissions(session.defaultSession)
  serveAppProtocol(RENDERER_DIR)
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(appMenuTemplate({ platform: process.platform, isDev, appName: app.getName() })),
  )
  services = startServices()
  registerIpc(createIpcDispatcher(services.handlers, { trustedOrigins }))
  watchLockTriggers(powerMonitor, (reason) => services?.vault.lock(reason))
  openMainWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow()
  })
}

function startServices(): MainServices {
  const openedInTests: string[] = []
  const savedInTests: string[] = []
  const toOpenInTests: string[] = []
  const keychain = createOsKeychain()
  const started = createMainServices({
    dataDir: defaultDataDir(),
    identity: { name: app.getName(), version: app.getVersion() },
    keychain,
    tokens: createOsTokenStore(),
    clipboard: electronClipboardPort({ clipboard, ClipboardItem }),
    // Under test hooks, links are recorded instead of opening a real browser.
    openInBrowser: testHooks ? async (url) => void openedInTests.push(url) : (url) => shell.openExternal(url),
    // Under test hooks, files go to a folder the test names instead of a save dialog.
    saveFile: testHooks
      ? saveToFolder(process.env.VAULT_E2E_SAVE_DIR ?? app.getPath('temp'), savedInTests)
      : saveWithDialog(dialog, () => mainWindow, app.getPath('documents')),
    // Under test hooks, the open dialog answers with the files the test queued (Cancel when none).
    openFile: testHooks
      ? openFromQueue(toOpenInTests)
      : openWithDialog(dialog, () => mainWindow, app.getPath('documents')),
    emit: sendToWindow,
    ...(testHooks ? { kdfCost: KDF_FLOOR } : {}),
  })
  if (testHooks)
    installE2eHooks(started, keychain, {
      openedUrls: openedInTests,
      savedFiles: savedInTests,
      filesToOpen: toOpenInTests,
    })
  return started
}

/**
 * Locks, clears our clipboard entry (an async OS call, so quitting waits for
 * it) and closes the vault file before the process goes.
 */
function finishBeforeQuit(event: { preventDefault(): void }): void {
  const running = services
  if (running === undefined) return
  services = undefined
  event.preventDefault()
  void running.clipboard
    .clearIfOurs()
    .finally(() => running.close())
    .finally(() => app.quit())
}

function sendToWindow(event: VaultEvent): void {
  if (mainWindow === undefined || mainWindow.isDestroyed()) return
  mainWindow.webContents.send(EVENT_CHANNEL, event)
}

function openMainWindow(): void {
  mainWindow = createMainWindow({ preloadPath: PRELOAD_PATH, rendererUrl: devServer?.url ?? APP_ENTRY_URL, isDev })
  // Coming back to the window is when a stale list would show: pull then (missed realtime hints).
  mainWindow.on('focus', () => services?.requestSync())
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
