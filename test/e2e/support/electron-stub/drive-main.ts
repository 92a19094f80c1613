/**
 * Starts the built main process against the electron stand-in, then pokes
 * what it registered (the app:// protocol, the IPC channels, the permission
 * handlers) and prints a JSON report on stdout. Run with
 *   node --import ./hooks.ts ./drive-main.ts <path of out/main/index.js>
 */
import { pathToFileURL } from 'node:url'
import { record } from './electron.ts'

const TOP_APP_FRAME = { senderFrame: { origin: 'app://vault', parent: null } }
const FOREIGN_FRAME = { senderFrame: { origin: 'https://evil.example', parent: null } }

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5000) throw new Error(`main never opened a window; calls so far: ${record.calls.join(', ')}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

async function fetchApp(url: string): Promise<{ status: number; csp: string | null; type: string | null }> {
  if (record.protocolHandler === undefined) throw new Error('no app:// handler registered')
  const response = await record.protocolHandler(new Request(url))
  return {
    status: response.status,
    csp: response.headers.get('content-security-policy'),
    type: response.headers.get('content-type'),
  }
}

function invoke(channel: string, event: unknown, payload: unknown): unknown {
  const handler = record.ipcHandlers.get(channel) as ((event: unknown, payload: unknown) => unknown) | undefined
  if (handler === undefined) throw new Error(`no handler on ${channel}`)
  return handler(event, payload)
}

const [mainFile] = process.argv.slice(2)
if (mainFile === undefined) throw new Error('usage: drive-main.ts <out/main/index.js>')
await import(pathToFileURL(mainFile).href)
await until(() => record.windows.length > 0)

const grants: boolean[] = []
record.permissionRequestHandler?.(...([{}, 'media', (granted: boolean) => grants.push(granted)] as never[]))

const report = {
  calls: record.calls,
  privilegedSchemes: record.privilegedSchemes,
  channels: [...record.ipcHandlers.keys()],
  window: { webPreferences: record.windows[0]?.options.webPreferences, loadedUrl: record.windows[0]?.loadedUrl },
  index: await fetchApp('app://vault/index.html'),
  traversal: await fetchApp('app://vault/..%2f..%2fpackage.json'),
  otherHost: await fetchApp('app://elsewhere/index.html'),
  fromApp: await invoke('vault:getAppInfo', TOP_APP_FRAME, undefined),
  fromElsewhere: await invoke('vault:getAppInfo', FOREIGN_FRAME, undefined),
  permissionGrants: grants,
  permissionCheck: record.permissionCheckHandler?.(...([{}, 'clipboard-read', 'app://vault', {}] as never[])),
  powerEvents: record.powerEvents,
  status: await invoke('vault:getStatus', TOP_APP_FRAME, undefined),
}
process.stdout.write(JSON.stringify(report))
