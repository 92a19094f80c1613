/**
 * A stand-in for the electron module, just enough for the built main
 * process (out/main/index.js) to run its whole start-up under plain Node.
 * It records what main asked of Electron, for drive-main.ts to inspect.
 */
type Listener = (...args: never[]) => unknown

export interface FakeWindow {
  readonly options: { webPreferences?: Record<string, unknown> }
  loadedUrl?: string
}

export const record = {
  calls: [] as string[],
  privilegedSchemes: [] as unknown[],
  protocolHandler: undefined as ((request: Request) => Promise<Response>) | undefined,
  ipcHandlers: new Map<string, Listener>(),
  permissionRequestHandler: undefined as Listener | undefined,
  permissionCheckHandler: undefined as Listener | undefined,
  windows: [] as FakeWindow[],
  powerEvents: [] as string[],
}

export const app = {
  isPackaged: false,
  enableSandbox: () => void record.calls.push('app.enableSandbox'),
  requestSingleInstanceLock: () => record.calls.push('app.requestSingleInstanceLock') > 0,
  on: (name: string) => {
    record.calls.push(`app.on:${name}`)
    return app
  },
  whenReady: () => {
    record.calls.push('app.whenReady')
    return Promise.resolve()
  },
  getName: () => 'Vault',
  getVersion: () => '0.1.0',
  getPath: (name: string) => `/nonexistent/electron-stub/${name}`,
  quit: () => void record.calls.push('app.quit'),
  exit: (code: number) => void record.calls.push(`app.exit:${code}`),
}

export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => {
    record.calls.push('protocol.registerSchemesAsPrivileged')
    record.privilegedSchemes = schemes
  },
  handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
    record.calls.push(`protocol.handle:${scheme}`)
    record.protocolHandler = handler
  },
}

export const ipcMain = {
  handle: (channel: string, listener: Listener) => void record.ipcHandlers.set(channel, listener),
  removeHandler: (channel: string) => void record.ipcHandlers.delete(channel),
}

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler: Listener) => {
      record.permissionRequestHandler = handler
    },
    setPermissionCheckHandler: (handler: Listener) => {
      record.permissionCheckHandler = handler
    },
  },
}

export class BrowserWindow implements FakeWindow {
  readonly options: FakeWindow['options']
  loadedUrl?: string

  constructor(options: FakeWindow['options']) {
    this.options = options
    record.calls.push('new BrowserWindow')
    record.windows.push(this)
  }

  static getAllWindows(): FakeWindow[] {
    return record.windows
  }

  once(): this {
    return this
  }

  on(): this {
    return this
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url
    return Promise.resolve()
  }
}

export const powerMonitor = {
  on: (event: string) => {
    record.powerEvents.push(event)
    return powerMonitor
  },
  removeListener: () => powerMonitor,
}

export const clipboard = {
  write: async () => undefined,
  readText: () => '',
  clear: () => undefined,
}

export class ClipboardItem {
  readonly items: Record<string, unknown>
  constructor(items: Record<string, unknown>) {
    this.items = items
  }
}

export const shell = {
  openExternal: async (url: string) => void record.calls.push(`shell.openExternal:${url}`),
}

export const dialog = {
  showSaveDialog: async () => {
    record.calls.push('dialog.showSaveDialog')
    return { canceled: true, filePath: '' }
  },
}

export const Menu = {
  buildFromTemplate: (template: unknown[]) => template,
  setApplicationMenu: () => void record.calls.push('Menu.setApplicationMenu'),
}
