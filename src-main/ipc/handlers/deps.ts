/** What the IPC handlers need from the rest of the main process, as narrow interfaces so tests can supply their own. */
import type { AppSettings } from '../../app/app-settings.ts'
import type { SyncService } from '../../sync/sync-service.ts'
import type { VaultService } from '../../vault/index.ts'
import type { OpenFile } from '../../window/open-file.ts'

/** Facts about the running build, supplied by the caller (Electron's app in production). */
export interface AppIdentity {
  readonly name: string
  readonly version: string
}

export interface HandlerDeps {
  readonly identity: AppIdentity
  readonly vault: VaultService
  readonly settings: AppSettings
  readonly sync: SyncService
  /** Puts a value on the clipboard and schedules its clearing (see clipboard/clipboard-guard.ts). */
  readonly copyToClipboard: (text: string) => Promise<{ clearsAt: number | null }>
  /** Opens an https URL in the user's browser; refuses anything else with a VaultError. */
  readonly openExternal: (url: string) => Promise<void>
  /**
   * Asks the user where to save a file (the system save dialog, suggesting
   * suggestedName) and writes bytes there and nowhere else; the name saved
   * as, or null when the user cancelled.
   */
  readonly saveFile: (suggestedName: string, bytes: Uint8Array) => Promise<string | null>
  /**
   * Asks the user for a file to read (the system open dialog) and reads it,
   * refusing one larger than maxBytes; null when the user cancelled.
   */
  readonly openFile: OpenFile
}
