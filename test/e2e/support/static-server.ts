/**
 * Serves out/renderer over http://127.0.0.1:<random port> with the same
 * file resolution and headers (CSP included) as the app:// protocol, by
 * calling the very function the protocol handler uses.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { appFileNotFound, readAppFile } from '../../../src-main/window/app-files.ts'

export interface RendererServer {
  readonly origin: string
  close(): Promise<void>
}

export async function startRendererServer(rootDir: string): Promise<RendererServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://placeholder').pathname
    const readable = request.method === 'GET' || request.method === 'HEAD'
    void (readable ? readAppFile(rootDir, path) : Promise.resolve(appFileNotFound())).then((file) => {
      response.writeHead(file.status, file.headers)
      response.end(request.method === 'HEAD' ? undefined : file.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${port}`, close: () => closeServer(server) }
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
}
