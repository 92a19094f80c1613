/**
 * Sync end to end: two devices of one account, each with its own data
 * folder, through unmodified supabase-js, the real PostgREST and the real
 * migrations. Nothing here is faked but the auth and realtime stand-ins.
 */
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { initCrypto } from '../../../src-main/crypto/index.ts'
import { closeDevices, firstDevice, joinedDevice, titles } from './support/devices.ts'
import { stackPerFile } from './support/stack-hooks.ts'

const stack = stackPerFile()
const email = () => `ada-${randomUUID()}@example.org`

beforeAll(async () => {
  await initCrypto()
})
afterEach(() => closeDevices())

describe('two devices through the local Supabase stack', () => {
  it('a second machine signs in from scratch and gets the whole vault', async () => {
    const address = email()
    const { device: a, secretKey } = await firstDevice(stack(), address)
    for (let i = 0; i < 5; i += 1)
      a.vault.createItem({ type: 'login', title: `Site ${i}`, fields: { password: `pw-${i}` } })
    await a.sync.syncNow()
    const b = await joinedDevice(stack(), address, secretKey)
    expect(titles(b)).toEqual(titles(a))
    const id = b.vault.listItems({ query: 'Site 3' })[0]?.id ?? ''
    expect(b.vault.revealField(id, 'password')).toBe('pw-3')
  })

  it('offline edits on both, then reconnecting, converge with nothing lost', async () => {
    const address = email()
    const { device: a, secretKey } = await firstDevice(stack(), address)
    const shared = a.vault.createItem({ type: 'login', title: 'Mail', fields: { username: 'ada', password: 'one' } })
    await a.sync.syncNow()
    const b = await joinedDevice(stack(), address, secretKey)
    a.vault.updateItem(shared.id, { title: 'Mail (work)' })
    a.vault.createItem({ type: 'note', title: 'Only on A' })
    b.vault.updateItem(shared.id, { fields: { password: 'two' } })
    b.vault.createItem({ type: 'note', title: 'Only on B' })
    await a.sync.syncNow()
    await b.sync.syncNow()
    await a.sync.syncNow()
    expect(titles(a)).toEqual(['Mail (work)', 'Only on A', 'Only on B'])
    expect(titles(b)).toEqual(titles(a))
    expect(a.vault.revealField(shared.id, 'password')).toBe('two')
  })

  it('deleted on one device while edited on the other: the edit is kept on both', async () => {
    const address = email()
    const { device: a, secretKey } = await firstDevice(stack(), address)
    const item = a.vault.createItem({ type: 'note', title: 'Plans' })
    await a.sync.syncNow()
    const b = await joinedDevice(stack(), address, secretKey)
    a.vault.trashItem(item.id)
    a.vault.emptyTrash()
    b.vault.updateItem(item.id, { notes: 'edited offline' })
    await a.sync.syncNow()
    await b.sync.syncNow()
    await a.sync.syncNow()
    expect(a.vault.getItem(item.id).notes).toBe('edited offline')
    expect(b.vault.getItem(item.id).notes).toBe('edited offline')
  })

  it('a thousand items go up and come down in one sync each', async () => {
    const address = email()
    const { device: a, secretKey } = await firstDevice(stack(), address)
    for (let i = 0; i < 1000; i += 1) a.vault.createItem({ type: 'note', title: `Bulk ${i}` })
    const up = await a.sync.syncNow()
    expect(up.pushed).toBeGreaterThanOrEqual(1000)
    const b = await joinedDevice(stack(), address, secretKey)
    expect(b.vault.listItems({})).toHaveLength(1000)
  }, 120_000)

  it('no canary plaintext reaches any column of any table on the server', async () => {
    const address = email()
    const { device: a, secretKey } = await firstDevice(stack(), address)
    a.vault.createItem({
      type: 'login',
      title: 'canary-title-5b1e',
      tags: ['canary-tag-77aa'],
      fields: { username: 'canary-user-0c3d', password: 'canary-pass-9f2e', urls: ['https://canary-url-4d8c.example'] },
      notes: 'canary-note-1a2b',
    })
    await a.sync.syncNow()
    await joinedDevice(stack(), address, secretKey)
    const dump = await dumpServer(stack().dbUrl)
    for (const canary of [
      'canary-title',
      'canary-tag',
      'canary-user',
      'canary-pass',
      'canary-url',
      'canary-note',
      address,
    ]) {
      expect(dump.includes(canary), canary).toBe(false)
    }
  })

  it('a device signed out from another stops syncing, with a clear error', async () => {
    const address = email()
    const { device: a, secretKey } = await firstDevice(stack(), address)
    const b = await joinedDevice(stack(), address, secretKey)
    const devices = await a.sync.devices()
    expect(devices).toHaveLength(2)
    const other = devices.find((d) => !d.thisDevice)
    if (other === undefined) throw new Error('no second device listed')
    await a.sync.revokeDevice(other.deviceId)
    b.vault.createItem({ type: 'note', title: 'after revoke' })
    await expect(b.sync.syncNow()).rejects.toMatchObject({
      code: expect.stringMatching(/SYNC_(SESSION_EXPIRED|DEVICE_REVOKED)/),
    })
  })
})

/** Every column of every table in public and auth, as text (the email is in auth.users by design, so auth is left out of the email check). */
async function dumpServer(dbUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: dbUrl })
  await client.connect()
  try {
    const tables = await client.query(
      `select table_schema, table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    )
    const parts: string[] = []
    for (const row of tables.rows as { table_schema: string; table_name: string }[]) {
      const result = await client.query(`select * from "${row.table_schema}"."${row.table_name}"`)
      parts.push(JSON.stringify(result.rows))
      for (const record of result.rows as Record<string, unknown>[]) {
        for (const value of Object.values(record)) {
          if (typeof value === 'string' && /^[A-Za-z0-9+/=]{16,}$/.test(value))
            parts.push(Buffer.from(value, 'base64').toString('latin1'))
        }
      }
    }
    return parts.join('\n')
  } finally {
    await client.end()
  }
}
