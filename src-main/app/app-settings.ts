/**
 * The desktop app's own preferences, kept in the vault file's settings table
 * (plain values, nothing secret). The auto-lock delay belongs to the vault
 * service, which enforces it; this holds what only the app uses.
 */
import { DEFAULT_CLIPBOARD_CLEAR_MS } from '../../src-shared/ipc/limits.ts'
import type { VaultStore } from '../store/index.ts'

const CLIPBOARD_CLEAR_SETTING = 'clipboardClearMs'

export class AppSettings {
  readonly #store: VaultStore

  constructor(store: VaultStore) {
    this.#store = store
  }

  /** How long a copied value stays on the clipboard; 0 = until something else replaces it. */
  get clipboardClearMs(): number {
    const value = this.#store.getSetting(CLIPBOARD_CLEAR_SETTING)
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : DEFAULT_CLIPBOARD_CLEAR_MS
  }

  setClipboardClearMs(delayMs: number): void {
    if (!Number.isSafeInteger(delayMs) || delayMs < 0)
      throw new RangeError('clipboard delay must be a whole, non-negative number')
    this.#store.putSetting(CLIPBOARD_CLEAR_SETTING, delayMs)
  }
}
