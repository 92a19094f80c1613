/**
 * The real main-process services (src-main/app/main-services.ts, as
 * Electron's main wires them) on a fresh temporary vault folder, with
 * in-memory stand-ins only where Electron would touch the OS: the clipboard,
 * the keychain, the token store and the browser opener. Shared by the IPC
 * integration tests and the end-to-end harness.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMainServices, type MainServices } from '../../src-main/app/main-services.ts'
import { KDF_FLOOR } from '../../src-main/crypto/index.ts'
import type { AppIdentity } from '../../src-main/ipc/handlers/index.ts'
import { openFromQueue } from '../../src-main/window/open-file.ts'
import { saveToFolder } from '../../src-main/window/save-file.ts'
import type { VaultEvent } from '../../src-shared/ipc/events.ts'
import { MemoryClipboard, MemoryKeychain, MemoryTokens } from './main-fakes.ts'

export interface TestMainServices {
  readonly services: MainServices
  readonly clipboard: MemoryClipboard
  readonly keychain: MemoryKeychain
  /** Every URL main handed to the browser, in order. */
  readonly opened: string[]
  /** Full paths of the files main saved (as if the user chose this folder in the save dialog). */
  readonly saved: string[]
  /** Full paths the next open dialogs answer with, in order; an empty queue answers Cancel. */
  readonly toOpen: string[]
  /** Set to true to answer the next save dialogs with Cancel. */
  cancelSaves: boolean
  /** Closes the services and deletes the folder. */
  close(): void
}

export function startTestMainServices(identity: AppIdentity, emit: (event: VaultEvent) => void): TestMainServices {
  const dataDir = mkdtempSync(join(tmpdir(), 'vault-main-'))
  const clipboard = new MemoryClipboard()
  const keychain = new MemoryKeychain()
  const opened: string[] = []
  const saved: string[] = []
  const toOpen: string[] = []
  const saveDir = join(dataDir, 'saved-by-user')
  mkdirSync(saveDir)
  const toFolder = saveToFolder(saveDir, saved)
  const control = { cancelSaves: false }
  const services = createMainServices({
    dataDir,
    identity,
    keychain,
    tokens: new MemoryTokens(),
    clipboard,
    openInBrowser: async (url) => void opened.push(url),
    saveFile: (name, bytes) => (control.cancelSaves ? Promise.resolve(null) : toFolder(name, bytes)),
    openFile: openFromQueue(toOpen),
    emit,
    // The floor: the cheapest Argon2id cost the app accepts, so tests stay quick.
    kdfCost: KDF_FLOOR,
  })
  const close = () => {
    services.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  return {
    services,
    clipboard,
    keychain,
    opened,
    saved,
    toOpen,
    get cancelSaves() {
      return control.cancelSaves
    },
    set cancelSaves(value: boolean) {
      control.cancelSaves = value
    },
    close,
  }
}
