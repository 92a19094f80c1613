/**
 * The main process's services, wired together once: the vault file, the
 * vault service, app settings, the clipboard guard and the IPC handlers.
 * Electron-free, so the end-to-end tests drive exactly this composition from
 * Playwright, with a test clipboard and browser opener in place of Electron's.
 */
import { type VaultEvent, vaultEventSchema } from '../../src-shared/ipc/events.ts'
import { ClipboardGuard, type ClipboardPort } from '../clipboard/clipboard-guard.ts'
import type { KdfCost } from '../crypto/index.ts'
import type { IpcHandlers } from '../ipc/dispatcher.ts'
import { type AppIdentity, createIpcHandlers } from '../ipc/handlers/index.ts'
import type { SecretKeyStore, TokenStore } from '../keychain/index.ts'
import { VaultStore } from '../store/index.ts'
import { HINT_DELAY_MS, SyncScheduler } from '../sync/sync-scheduler.ts'
import { SyncService } from '../sync/sync-service.ts'
import { safeOpenExternal } from '../system/safe-open-external.ts'
import { VaultService, vaultFilePath } from '../vault/index.ts'
import type { OpenFile } from '../window/open-file.ts'
import { AppSettings } from './app-settings.ts'

export interface MainServicesOptions {
  readonly dataDir: string
  readonly identity: AppIdentity
  readonly keychain: SecretKeyStore
  /** Where the sync session's tokens are kept (the OS keychain in the app). */
  readonly tokens: TokenStore
  readonly clipboard: ClipboardPort
  /** The platform's opener (Electron's shell.openExternal); only https URLs ever reach it. */
  readonly openInBrowser: (url: string) => Promise<void>
  /** The system save dialog plus the write (Electron's dialog.showSaveDialog); see HandlerDeps.saveFile. */
  readonly saveFile: (suggestedName: string, bytes: Uint8Array) => Promise<string | null>
  /** The system open dialog plus the read (Electron's dialog.showOpenDialog); see HandlerDeps.openFile. */
  readonly openFile: OpenFile
  /** Delivers an event to the window; events are checked against their schema first. */
  readonly emit: (event: VaultEvent) => void
  /** Fixed Argon2id cost for new accounts (tests); calibrated on the device otherwise. */
  readonly kdfCost?: KdfCost
  readonly now?: () => number
}

export interface MainServices {
  readonly vault: VaultService
  readonly settings: AppSettings
  readonly clipboard: ClipboardGuard
  readonly sync: SyncService
  readonly handlers: IpcHandlers
  /** Asks for a sync soon (the window gained focus): a fallback for missed realtime hints. */
  requestSync(): void
  /** Locks, clears our clipboard entry and closes the vault file. */
  close(): void
}

export function createMainServices(options: MainServicesOptions): MainServices {
  const store = VaultStore.open(vaultFilePath(options.dataDir))
  const settings = new AppSettings(store)
  const vault = new VaultService({ store, keychain: options.keychain, ...optional(options) })
  const emit = (event: VaultEvent): void => options.emit(vaultEventSchema.parse(event))
  const clipboard = new ClipboardGuard({
    port: options.clipboard,
    clearAfterMs: () => settings.clipboardClearMs,
    onCleared: () => emit({ type: 'clipboardCleared' }),
  })
  vault.onLock((reason) => {
    // A secret copied from the vault should not outlive the vault being open.
    void clipboard.clearIfOurs()
    emit({ type: 'locked', reason })
  })
  const sync = new SyncService({ vault, store, tokens: options.tokens, deviceLabel: deviceLabel() })
  vault.connectCredentialServer(() => sync.credentialServer())
  const scheduler = new SyncScheduler({
    canSync: () => sync.status().state !== 'off' && vault.status().state === 'unlocked',
    syncNow: () => sync.syncNow(),
    onAttempt: () => emit({ type: 'syncChanged' }),
  })
  scheduler.start()
  sync.onRemoteChange(() => scheduler.request(HINT_DELAY_MS))
  sync.onSynced((report) => {
    emit({ type: 'syncChanged' })
    if (report.pulled > 0) emit({ type: 'itemsChanged' })
  })
  const handlers = withSyncRequests(
    withImportEvent(
      createIpcHandlers({
        identity: options.identity,
        vault,
        settings,
        sync,
        copyToClipboard: (text) => clipboard.copy(text),
        openExternal: (url) => safeOpenExternal(url, options.openInBrowser),
        saveFile: options.saveFile,
        openFile: options.openFile,
      }),
      emit,
    ),
    scheduler,
  )
  const close = (): void => {
    scheduler.stop()
    sync.close()
    vault.lock('user')
    clipboard.dispose()
    store.close()
  }
  return { vault, settings, clipboard, sync, handlers, requestSync: () => scheduler.request(0), close }
}

/** Methods after which local records changed (or the vault opened): each asks for a sync soon. */
const CHANGING_METHODS = [
  'unlock',
  'createItem',
  'updateItem',
  'trashItem',
  'restoreItem',
  'emptyTrash',
  'restoreRevision',
  'applyImport',
] as const

function withSyncRequests(handlers: IpcHandlers, scheduler: SyncScheduler): IpcHandlers {
  const wrapped: Record<string, unknown> = { ...handlers }
  for (const method of CHANGING_METHODS) {
    const handler = handlers[method] as (request: never) => unknown
    wrapped[method] = async (request: never) => {
      const result = await handler(request)
      scheduler.request(method === 'unlock' ? 0 : undefined)
      return result
    }
  }
  return wrapped as IpcHandlers
}

/** An import adds items behind the list's back: the window reloads it on this event, as after a sync. */
function withImportEvent(handlers: IpcHandlers, emit: (event: VaultEvent) => void): IpcHandlers {
  return {
    ...handlers,
    applyImport: async (request) => {
      const result = await handlers.applyImport(request)
      if (result.added > 0) emit({ type: 'itemsChanged' })
      return result
    },
  }
}

/** The OS family only: a host or user name would tell the server who owns the device. */
function deviceLabel(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'macOS'
  if (platform === 'win32') return 'Windows'
  if (platform === 'linux') return 'Linux'
  return platform
}

function optional(options: MainServicesOptions): { kdfCost?: KdfCost; now?: () => number } {
  return {
    ...(options.kdfCost === undefined ? {} : { kdfCost: options.kdfCost }),
    ...(options.now === undefined ? {} : { now: options.now }),
  }
}
