/**
 * The application menu. Electron's default menu carries Reload, Force Reload
 * and Toggle DevTools, and accelerators that would shadow the window's own
 * shortcuts; this one keeps only editing (so copy and paste work in text
 * fields, which macOS routes through the menu), zoom and window commands,
 * and adds reload and DevTools in development builds only.
 *
 * A pure function of the platform, so a test can pin it without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron'

export interface AppMenuSettings {
  readonly platform: NodeJS.Platform
  readonly isDev: boolean
  readonly appName: string
}

export function appMenuTemplate({ platform, isDev, appName }: AppMenuSettings): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const menus: MenuItemConstructorOptions[] = [
    { label: 'Edit', submenu: editItems() },
    { label: 'View', submenu: viewItems(isDev) },
    {
      label: 'Window',
      submenu: mac
        ? [{ role: 'minimize' }, { role: 'zoom' }, { role: 'close' }]
        : [{ role: 'minimize' }, { role: 'close' }],
    },
  ]
  if (mac) menus.unshift({ label: appName, submenu: macAppItems() })
  else menus.unshift({ label: 'File', submenu: [{ role: 'quit' }] })
  return menus
}

function macAppItems(): MenuItemConstructorOptions[] {
  return [
    { role: 'about' },
    { type: 'separator' },
    { role: 'hide' },
    { role: 'hideOthers' },
    { role: 'unhide' },
    { type: 'separator' },
    { role: 'quit' },
  ]
}

function editItems(): MenuItemConstructorOptions[] {
  return [
    { role: 'undo' },
    { role: 'redo' },
    { type: 'separator' },
    { role: 'cut' },
    { role: 'copy' },
    { role: 'paste' },
    { role: 'selectAll' },
  ]
}

function viewItems(isDev: boolean): MenuItemConstructorOptions[] {
  const zoom: MenuItemConstructorOptions[] = [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }]
  if (!isDev) return zoom
  return [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }, ...zoom]
}
