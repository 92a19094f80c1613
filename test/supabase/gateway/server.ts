/**
 * The test-only API gateway: one local HTTP server that routes like a Supabase project's URL
 * (Kong in front of GoTrue, PostgREST and Realtime), so unmodified supabase-js can be pointed
 * at it. Every route requires a valid `apikey` (header, or URL parameter for the WebSocket).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import pg from 'pg'
import { WebSocketServer } from 'ws'
import { type AuthContext, handleAuth } from './auth-routes.ts'
import { AuthStore } from './auth-store.ts'
import { sendJson } from './http.ts'
import { apiKey } from './jwt.ts'
import { startChangeFeed } from './realtime-feed.ts'
import { RealtimeHub } from './realtime-hub.ts'
import { proxyRest } from './rest-proxy.ts'

export interface GatewayOptions {
  postgrestUrl: string
  /** A privileged connection: it writes the auth schema and LISTENs for changes. */
  dbUrl: string
  jwtSecret: string
  /** One hour unless a test needs tokens that expire sooner. */
  accessTokenTtlSeconds?: number
}

export interface Gateway {
  url: string
  anonKey: string
  serviceKey: string
  stop(): Promise<void>
}

const KEY_HINT = 'Double check your Supabase `anon` or `service_role` API key.'

/** Kong's key-auth: the key must be one of the project's keys, else 401 before any route runs. */
function apikeyProblem(key: string | undefined, keys: string[]): string | null {
  if (!key) return 'No API key found in request'
  return keys.includes(key) ? null : 'Invalid API key'
}

function rejectUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

interface Routes {
  keys: string[]
  auth: AuthContext
  postgrest: URL
}

async function route(routes: Routes, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://gateway')
  const key = typeof req.headers.apikey === 'string' ? req.headers.apikey : undefined
  const problem = apikeyProblem(key, routes.keys)
  if (problem || !key) return sendJson(res, 401, { message: problem, hint: KEY_HINT })
  if (url.pathname.startsWith('/auth/v1/')) return handleAuth(req, res, url, routes.auth)
  if (url.pathname === '/rest/v1' || url.pathname.startsWith('/rest/v1/')) {
    return proxyRest(req, res, url, routes.postgrest, key)
  }
  sendJson(res, 404, { message: 'no Route matched with those values' })
}

function serve(routes: Routes): Server {
  return createServer((req, res) => {
    route(routes, req, res).catch((error: unknown) => {
      console.error('gateway: request failed', req.method, req.url, error)
      if (!res.headersSent) sendJson(res, 500, { code: 500, error_code: 'unexpected_failure', msg: String(error) })
      else res.destroy()
    })
  })
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const anonKey = apiKey('anon', options.jwtSecret)
  const serviceKey = apiKey('service_role', options.jwtSecret)
  const keys = [anonKey, serviceKey]
  const pool = new pg.Pool({ connectionString: options.dbUrl, max: 4, application_name: 'supabase-test auth' })
  const auth: AuthContext = {
    store: new AuthStore(pool),
    jwtSecret: options.jwtSecret,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
  }
  const hub = new RealtimeHub(options.jwtSecret)
  const feed = await startChangeFeed(options.dbUrl, (change) => hub.deliver(change))
  const server = serve({ keys, auth, postgrest: new URL(options.postgrestUrl) })
  const wss = new WebSocketServer({ noServer: true })
  server.on('upgrade', (req, socket, head) => upgrade(wss, hub, keys, req, socket, head))
  const url = await listen(server)
  const stop = async () => {
    hub.close()
    wss.close()
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await feed.stop()
    await pool.end()
  }
  return { url, anonKey, serviceKey, stop }
}

function upgrade(
  wss: WebSocketServer,
  hub: RealtimeHub,
  keys: string[],
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
) {
  const url = new URL(req.url ?? '/', 'http://gateway')
  if (url.pathname !== '/realtime/v1/websocket') return rejectUpgrade(socket, '404 Not Found')
  const key = url.searchParams.get('apikey') ?? undefined
  if (apikeyProblem(key, keys) || !key) return rejectUpgrade(socket, '401 Unauthorized')
  // Only Phoenix v2's JSON array frames are spoken here (realtime-js's default).
  if (url.searchParams.get('vsn') !== '2.0.0') return rejectUpgrade(socket, '400 Bad Request')
  wss.handleUpgrade(req, socket, head, (ws) => hub.accept(ws, key))
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      if (typeof address === 'object' && address) resolve(`http://127.0.0.1:${address.port}`)
      else reject(new Error('gateway: no listening address'))
    })
  })
}
