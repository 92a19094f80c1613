/**
 * The vault history with honest servers (sync/vault-history.ts): it must
 * never raise a false alarm, also when another device writes in the middle
 * of a pull, when a vault was synced before histories existed, or when
 * many items go up in several runs. The lying server is in
 * test/node/sync-server/malicious/.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { initCrypto } from '../../../src-main/crypto/index.ts'
import type { RemoteItem, RemoteLogEntry } from '../../../src-main/sync/types.ts'
import { sealedDigest } from '../../../src-main/sync/vault-history.ts'
import { historyCode } from '../../../src-main/vault/index.ts'
import { PASSWORD, type TestVault } from '../vault/support.ts'
import { type Device, twoDevices as makeTwoDevices } from './memory-devices.ts'
import { MemoryServer } from './memory-server.ts'

let vaults: TestVault[] = []

beforeAll(async () => {
  await initCrypto()
})
afterEach(() => {
  for (const vault of vaults) vault.cleanup()
  vaults = []
})

/**
 * A MemoryServer that runs `during` once, inside the next item pull (before or after it reads its
 * page), and `beforeLog` once, before the next history read.
 */
class InterleavingServer extends MemoryServer {
  during: { run: () => Promise<unknown>; when: 'before-page' | 'after-page' } | null = null
  beforeLog: (() => Promise<unknown>) | null = null

  override async pullLog(vaultId: string, fromCounter: number): Promise<RemoteLogEntry[]> {
    const hook = this.beforeLog
    this.beforeLog = null
    await hook?.()
    return super.pullLog(vaultId, fromCounter)
  }

  override async pullItems(afterSeq: number, limit: number): Promise<RemoteItem[]> {
    const hook = this.during
    this.during = null
    if (hook?.when === 'before-page') await hook.run()
    const page = await super.pullItems(afterSeq, limit)
    if (hook?.when === 'after-page') await hook.run()
    return page
  }
}

function vaultIdOf(d: Device): string {
  const vaultId = d.vault.store.listVaults()[0]?.vaultId
  if (vaultId === undefined) throw new Error('no vault')
  return vaultId
}

function titles(d: Device): string[] {
  return d.vault.service.listItems({}).map((item) => item.title)
}

/** Both devices verified the same newest entry, and it is the server's newest. */
function expectSameHead(server: MemoryServer, ...devices: Device[]): void {
  const vaultId = vaultIdOf(devices[0] as Device)
  const newest = server.logs.get(vaultId)?.length ?? 0
  for (const d of devices) expect(d.vault.store.history.head(vaultId).counter).toBe(newest)
  const digests = devices.map((d) => Buffer.from(d.vault.store.history.head(vaultId).digest).toString('hex'))
  expect(new Set(digests).size).toBe(1)
}

describe('the vault history with an honest server', () => {
  it('two machines of one account show the same fingerprint, and the same history code once in step', async () => {
    const { server, a, b } = await makeTwoDevices(new MemoryServer(), vaults)
    const fingerprints = [a, b].map((d) => d.vault.service.security.facts().fingerprint)
    expect(fingerprints[0]).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/)
    expect(fingerprints[1]).toBe(fingerprints[0])
    const vaultId = vaultIdOf(a)
    const codes = [a, b].map((d) => historyCode(d.vault.store.history.head(vaultId).digest))
    expect(codes[0]).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
    expect(codes[1]).toBe(codes[0])
    expectSameHead(server, a, b)
  })

  it('every push adds one entry that vouches for exactly the records the server holds', async () => {
    const { server, a, b } = await makeTwoDevices(new MemoryServer(), vaults)
    a.vault.service.createItem({ type: 'note', title: 'one' })
    a.vault.service.createItem({ type: 'note', title: 'two' })
    await a.sync()
    await b.sync()
    expectSameHead(server, a, b)
    const vaultId = vaultIdOf(a)
    for (const item of server.items.values()) {
      const vouched = b.vault.store.history.vouched(vaultId, item.itemId)
      expect(vouched?.revision).toBe(item.revision)
      expect(vouched?.digest).toEqual(sealedDigest(item.sealed ?? new Uint8Array()))
    }
  })

  it('items deleted, edited and made in several runs of one push stay vouched for on the other device', async () => {
    const { server, a, b } = await makeTwoDevices(new MemoryServer(), vaults)
    const made = Array.from({ length: 450 }, (_, i) => a.vault.service.createItem({ type: 'note', title: `n${i}` }))
    await a.sync()
    const logLength = server.logs.get(vaultIdOf(a))?.length ?? 0
    for (const item of made.slice(0, 10)) a.vault.service.updateItem(item.id, { title: `${item.title}-edited` })
    for (const item of made.slice(10, 20)) a.vault.service.trashItem(item.id)
    expect(a.vault.service.emptyTrash()).toBe(10)
    await a.sync()
    await b.sync()
    expect(server.logs.get(vaultIdOf(a))?.length).toBeGreaterThan(logLength)
    expect(titles(b).sort()).toEqual(titles(a).sort())
    expectSameHead(server, a, b)
  })

  it.each(['before-page', 'after-page'] as const)(
    'another device pushing in the middle of a pull (%s) raises no alarm, and both end in step',
    async (when) => {
      const { server, a, b } = await makeTwoDevices(new InterleavingServer(), vaults)
      const s = server as InterleavingServer
      a.vault.service.createItem({ type: 'note', title: 'first' })
      await a.sync()
      s.during = {
        when,
        run: async () => {
          a.vault.service.createItem({ type: 'note', title: 'written meanwhile' })
          await a.sync()
        },
      }
      await b.sync()
      await b.sync()
      expect(titles(b).sort()).toEqual(['first', 'written meanwhile'])
      expectSameHead(server, a, b)
    },
  )

  it('an entry read after the pull owes its rows to the next pull: withheld then, it halts', async () => {
    const { server, a, b } = await makeTwoDevices(new InterleavingServer(), vaults)
    const s = server as InterleavingServer
    let later = ''
    // A row newer than B's history arrives in the page, so B reads the history again after the pull;
    // just before that, A pushes another item, whose entry B then reads without its row.
    s.during = {
      when: 'before-page',
      run: async () => {
        a.vault.service.createItem({ type: 'note', title: 'written meanwhile' })
        await a.sync()
        s.beforeLog = async () => {
          later = a.vault.service.createItem({ type: 'note', title: 'written later' }).id
          await a.sync()
        }
      },
    }
    await b.sync()
    expect(titles(b)).toContain('written meanwhile')
    expect(titles(b)).not.toContain('written later')
    expect(b.vault.store.history.owed(vaultIdOf(b)).has(later)).toBe(true)
    server.items.delete(later)
    await expect(b.sync()).rejects.toMatchObject({ code: 'SYNC_HALTED' })
  })

  it('a vault synced before histories existed is published once, whole, and then verified', async () => {
    const { server, a, b } = await makeTwoDevices(new MemoryServer(), vaults)
    for (let i = 0; i < 5; i += 1) a.vault.service.createItem({ type: 'note', title: `old ${i}` })
    await a.sync()
    await b.sync()
    // As if both devices and the server predate the history: no entries anywhere.
    server.logs.clear()
    for (const d of [a, b]) d.vault.store.history.forget()

    await b.sync()
    const entries = server.logs.get(vaultIdOf(b)) ?? []
    expect(entries).toHaveLength(1)
    expect(b.vault.store.history.allVouched(vaultIdOf(b))).toHaveLength(server.items.size)
    a.vault.service.createItem({ type: 'note', title: 'new' })
    await a.sync()
    await b.sync()
    expect(titles(b)).toContain('new')
    expectSameHead(server, a, b)
  })

  it('a device that restarts keeps what it verified, and the next sync goes on from there', async () => {
    const { server, a, b } = await makeTwoDevices(new MemoryServer(), vaults)
    a.vault.service.createItem({ type: 'note', title: 'before restart' })
    await a.sync()
    await b.sync()
    const head = b.vault.store.history.head(vaultIdOf(b))
    b.restart()
    expect(b.vault.store.history.head(vaultIdOf(b))).toEqual(head)
    await b.vault.service.unlock({ password: PASSWORD })
    a.vault.service.createItem({ type: 'note', title: 'after restart' })
    await a.sync()
    await b.sync()
    expect(titles(b)).toContain('after restart')
    expectSameHead(server, a, b)
  })
})
