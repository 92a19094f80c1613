/** Creates the one application window. */
import { BrowserWindow } from 'electron'
import { mainWindowOptions } from './window-options.ts'

export interface MainWindowSpec {
  readonly preloadPath: string
  readonly rendererUrl: string
  readonly isDev: boolean
}

export function createMainWindow({ preloadPath, rendererUrl, isDev }: MainWindowSpec): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions({ preloadPath, isDev }))
  window.once('ready-to-show', () => window.show())
  void window.loadURL(rendererUrl)
  return window
}
