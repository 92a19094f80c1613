/**
 * The main window's options, as a pure function so a test can pin every
 * security-relevant webPreference without launching Electron.
 */
import type { BrowserWindowConstructorOptions } from 'electron'

export interface MainWindowSettings {
  /** Absolute path of the CommonJS preload bundle (out/preload/index.cjs). */
  readonly preloadPath: string
  /** Only a development build gets DevTools. */
  readonly isDev: boolean
}

export function mainWindowOptions({ preloadPath, isDev }: MainWindowSettings): BrowserWindowConstructorOptions {
  return {
    title: 'Vault',
    width: 960,
    height: 680,
    minWidth: 420,
    minHeight: 480,
    // Shown on ready-to-show, so the window never flashes an empty frame.
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Spellcheckers may send typed words to a service; typed words here can be secrets.
      spellcheck: false,
      devTools: isDev,
    },
  }
}
