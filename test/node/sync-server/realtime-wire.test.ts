/**
 * The realtime stand-in at the wire, with a bare WebSocket: the Phoenix v2 frames that
 * realtime-js relies on, and Realtime's rules for tokens (checked on join, replaced by
 * access_token pushes, and a channel closed when its token expires).
 */
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { signJwt } from '../../supabase/gateway/jwt.ts'
import { stackPerFile } from './support/stack-hooks.ts'

const stack = stackPerFile()
const sockets: WebSocket[] = []
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.terminate()
})

type Frame = [string | null, string | null, string, string, Record<string, unknown>]

/** A connected socket and a queue of the frames it received. */
async function connect(query = `apikey=${stack().anonKey}&vsn=2.0.0`) {
  const ws = new WebSocket(`${stack().url.replace('http', 'ws')}/realtime/v1/websocket?${query}`)
  sockets.push(ws)
  const frames: Frame[] = []
  ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as Frame))
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  const next = async (event: string, timeoutMs = 3000): Promise<Frame> => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const index = frames.findIndex((frame) => frame[3] === event)
      if (index >= 0) return frames.splice(index, 1)[0] as Frame
      if (Date.now() > deadline) throw new Error(`no ${event} frame; got ${JSON.stringify(frames)}`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }
  return { send: (frame: Frame) => ws.send(JSON.stringify(frame)), next }
}

function userToken(expiresInSeconds: number): string {
  const now = Math.floor(Date.now() / 1000)
  const claims = { aud: 'authenticated', role: 'authenticated', sub: randomUUID(), session_id: randomUUID() }
  return signJwt({ ...claims, iat: now, exp: now + expiresInSeconds }, stack().jwtSecret)
}

const binding = { event: '*', schema: 'public', table: 'items', filter: 'user_id=eq.x' }

function join(topic: string, accessToken: string): Frame {
  const config = { broadcast: { ack: false, self: false }, presence: { enabled: false }, postgres_changes: [binding] }
  return ['1', '1', topic, 'phx_join', { config, access_token: accessToken }]
}

describe('realtime stand-in, Phoenix v2 frames', () => {
  it('answers heartbeats, joins with binding ids, and leaves', async () => {
    const socket = await connect()
    socket.send([null, '5', 'phoenix', 'heartbeat', {}])
    expect(await socket.next('phx_reply')).toEqual([null, '5', 'phoenix', 'phx_reply', { status: 'ok', response: {} }])

    socket.send(join('realtime:a', userToken(60)))
    const [, ref, topic, , payload] = await socket.next('phx_reply')
    expect([ref, topic, payload.status]).toEqual(['1', 'realtime:a', 'ok'])
    const [echoed] = (payload.response as { postgres_changes: Record<string, unknown>[] }).postgres_changes
    expect(echoed).toMatchObject(binding)
    expect(typeof echoed?.id).toBe('number')
    expect((await socket.next('system'))[4]).toMatchObject({ status: 'ok', extension: 'postgres_changes' })

    socket.send(['1', '2', 'realtime:a', 'phx_leave', {}])
    expect((await socket.next('phx_reply'))[4]).toEqual({ status: 'ok', response: {} })
    socket.send(['1', '3', 'realtime:a', 'access_token', { access_token: userToken(60) }])
    expect((await socket.next('phx_reply'))[4]).toEqual({ status: 'error', response: { reason: 'unmatched topic' } })
  })

  it('refuses a join whose token is forged or expired, or whose filter it cannot honour', async () => {
    const socket = await connect()
    const forged = signJwt({ role: 'authenticated', sub: randomUUID() }, 'some other secret, 32+ characters long')
    socket.send(join('realtime:b', forged))
    expect((await socket.next('phx_reply'))[4]).toMatchObject({ status: 'error' })
    socket.send(join('realtime:b', userToken(-1)))
    expect((await socket.next('phx_reply'))[4]).toMatchObject({
      status: 'error',
      response: { reason: 'Token has expired' },
    })
    const unsupported = join('realtime:b', userToken(60))
    ;(unsupported[4].config as { postgres_changes: unknown[] }).postgres_changes = [{ ...binding, filter: 'seq=gt.5' }]
    socket.send(unsupported)
    expect((await socket.next('phx_reply'))[4]).toMatchObject({ status: 'error' })
  })

  it('closes a channel when its token expires, or is replaced by a bad one', async () => {
    const socket = await connect()
    socket.send(join('realtime:c', userToken(1)))
    expect((await socket.next('phx_reply'))[4]).toMatchObject({ status: 'ok' })
    expect((await socket.next('system', 3000))[4]).toMatchObject({ status: 'ok' })
    expect((await socket.next('system', 3000))[4]).toMatchObject({ status: 'error', message: 'Token has expired' })
    expect(await socket.next('phx_close')).toEqual(['1', '1', 'realtime:c', 'phx_close', {}])

    socket.send(join('realtime:d', userToken(60)))
    expect((await socket.next('phx_reply'))[4]).toMatchObject({ status: 'ok' })
    socket.send(['1', '9', 'realtime:d', 'access_token', { access_token: 'garbage' }])
    expect((await socket.next('phx_close'))[2]).toBe('realtime:d')
  })

  it('requires a project apikey and protocol 2.0.0 to connect', async () => {
    await expect(connect('vsn=2.0.0')).rejects.toThrow(/401/)
    await expect(connect(`apikey=${userToken(60)}&vsn=2.0.0`)).rejects.toThrow(/401/)
    await expect(connect(`apikey=${stack().anonKey}&vsn=1.0.0`)).rejects.toThrow(/400/)
  })
})
