/**
 * The realtime stand-in's channels: Phoenix join / leave / heartbeat / access_token over one
 * WebSocket per client, and delivery of database changes to the channels allowed to see them.
 * Like real Realtime, a channel whose token expires (or is replaced by an invalid one) is
 * closed with a `system` error, so clients must keep `setAuth` current.
 */
import type { WebSocket } from 'ws'
import { type Claims, verifyJwt } from './jwt.ts'
import {
  type Binding,
  bindingMatches,
  type Change,
  changeMessage,
  type Frame,
  maySee,
  parseBindings,
  parseFrame,
} from './realtime-protocol.ts'

interface Channel {
  joinRef: string | null
  topic: string
  claims: Claims
  bindings: Binding[]
  expiry: NodeJS.Timeout | undefined
}

interface JoinPayload {
  config?: { postgres_changes?: unknown }
  access_token?: unknown
}

interface Connection {
  ws: WebSocket
  /** The apikey from the URL: real Realtime uses it when a join carries no access_token. */
  apikey: string
  channels: Map<string, Channel>
}

function send(conn: Connection, frame: Frame): void {
  if (conn.ws.readyState === conn.ws.OPEN) conn.ws.send(JSON.stringify(frame))
}

function reply(conn: Connection, [joinRef, ref, topic]: Frame, status: 'ok' | 'error', response: object) {
  send(conn, [joinRef, ref, topic, 'phx_reply', { status, response }])
}

function dropChannel(conn: Connection, topic: string): void {
  const channel = conn.channels.get(topic)
  if (channel) clearTimeout(channel.expiry)
  conn.channels.delete(topic)
}

/** Real Realtime's answer to an expired or bad token: a system error, then the channel closes. */
function closeChannel(conn: Connection, channel: Channel, message: string): void {
  const sub = channel.topic.replace(/^realtime:/, '')
  send(conn, [
    channel.joinRef,
    null,
    channel.topic,
    'system',
    { channel: sub, extension: 'system', message, status: 'error' },
  ])
  send(conn, [channel.joinRef, channel.joinRef, channel.topic, 'phx_close', {}])
  dropChannel(conn, channel.topic)
}

function armExpiry(conn: Connection, channel: Channel): void {
  clearTimeout(channel.expiry)
  channel.expiry = undefined
  if (typeof channel.claims.exp !== 'number') return
  const ms = Math.max(0, channel.claims.exp * 1000 - Date.now())
  channel.expiry = setTimeout(() => closeChannel(conn, channel, 'Token has expired'), ms)
  channel.expiry.unref()
}

function tokenError(reason: 'invalid' | 'expired'): string {
  return reason === 'expired' ? 'Token has expired' : 'Invalid JWT: signature verification failed'
}

export class RealtimeHub {
  readonly #jwtSecret: string
  readonly #connections = new Set<Connection>()

  constructor(jwtSecret: string) {
    this.#jwtSecret = jwtSecret
  }

  accept(ws: WebSocket, apikey: string): void {
    const conn: Connection = { ws, apikey, channels: new Map() }
    this.#connections.add(conn)
    ws.on('message', (data, isBinary) => {
      const frame = isBinary ? null : parseFrame(data.toString())
      if (frame) this.#onFrame(conn, frame)
    })
    ws.on('close', () => {
      for (const topic of [...conn.channels.keys()]) dropChannel(conn, topic)
      this.#connections.delete(conn)
    })
  }

  /** Sends a change to every channel whose token may see it and whose bindings match it. */
  deliver(change: Change): void {
    for (const conn of this.#connections) {
      for (const channel of conn.channels.values()) {
        if (!maySee(channel.claims, change)) continue
        const ids = channel.bindings.filter((b) => bindingMatches(b, change)).map((b) => b.id)
        if (ids.length)
          send(conn, [channel.joinRef, null, channel.topic, 'postgres_changes', changeMessage(ids, change)])
      }
    }
  }

  /** Closes every client socket, so a stopping stack leaves no open handles behind. */
  close(): void {
    for (const conn of this.#connections) conn.ws.terminate()
    this.#connections.clear()
  }

  #onFrame(conn: Connection, frame: Frame) {
    const [, , topic, event, payload] = frame
    if (topic === 'phoenix' && event === 'heartbeat') return reply(conn, frame, 'ok', {})
    if (event === 'phx_join') return this.#onJoin(conn, frame)
    const channel = conn.channels.get(topic)
    if (!channel) return reply(conn, frame, 'error', { reason: 'unmatched topic' })
    if (event === 'phx_leave') {
      dropChannel(conn, topic)
      return reply(conn, frame, 'ok', {})
    }
    if (event === 'access_token') return this.#onAccessToken(conn, channel, payload)
    // Broadcast and presence are not used by the vault; acknowledge so a client's push doesn't time out.
    if (frame[1] !== null) reply(conn, frame, 'ok', {})
  }

  #onJoin(conn: Connection, frame: Frame) {
    const [joinRef, , topic, , payload] = frame
    const { config, access_token: token } = (payload ?? {}) as JoinPayload
    const verified = verifyJwt(typeof token === 'string' ? token : conn.apikey, this.#jwtSecret)
    if (!verified.ok) return reply(conn, frame, 'error', { reason: tokenError(verified.reason) })
    const bindings = parseBindings(config?.postgres_changes)
    if (typeof bindings === 'string') return reply(conn, frame, 'error', { reason: bindings })
    dropChannel(conn, topic)
    const channel: Channel = { joinRef, topic, claims: verified.claims, bindings, expiry: undefined }
    conn.channels.set(topic, channel)
    armExpiry(conn, channel)
    reply(conn, frame, 'ok', { postgres_changes: bindings.map((b) => ({ ...b.request, id: b.id })) })
    if (bindings.length === 0) return
    const status = { channel: topic.replace(/^realtime:/, ''), extension: 'postgres_changes', status: 'ok' }
    send(conn, [joinRef, null, topic, 'system', { ...status, message: 'Subscribed to PostgreSQL' }])
  }

  /** realtime-js pushes the refreshed user token to every joined channel; no reply is expected. */
  #onAccessToken(conn: Connection, channel: Channel, payload: unknown) {
    const token = (payload as { access_token?: unknown } | null)?.access_token
    const verified = verifyJwt(typeof token === 'string' ? token : '', this.#jwtSecret)
    if (!verified.ok) return closeChannel(conn, channel, tokenError(verified.reason))
    channel.claims = verified.claims
    armExpiry(conn, channel)
  }
}
