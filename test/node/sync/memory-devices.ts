/**
 * Test devices syncing through one MemoryServer: each a real vault in its own
 * folder with its own keychain and engine, and the server's side of secret
 * changes wired as main-services.ts wires the real one.
 */
import { SyncEngine } from '../../../src-main/sync/engine.ts'
import { joinFromServer } from '../../../src-main/sync/join.ts'
import type { CredentialServer } from '../../../src-main/vault/index.ts'
import { MemoryKeychain } from '../../support/main-fakes.ts'
import { EMAIL, makeVault, PASSWORD, type TestVault } from '../vault/support.ts'
import type { MemoryServer } from './memory-server.ts'

export interface Device {
  readonly vault: TestVault
  readonly engine: SyncEngine
  sync(): ReturnType<SyncEngine['syncNow']>
  /** After a halt: forget it and check the server again. */
  recheck(): ReturnType<SyncEngine['recheck']>
  /** Closes and reopens the store and service (an app restart), keeping the server port. */
  restart(): void
}

function credentialPort(server: MemoryServer): CredentialServer {
  return {
    currentAccount: async () => server.account?.record ?? null,
    changeCredentials: async (change) => void (await server.changeCredentials(change)),
  }
}

/** A device on server; its vault is pushed to `made` so the caller can clean it up. */
export function device(server: MemoryServer, made: TestVault[]): Device {
  const vault = makeVault({ keychain: new MemoryKeychain() })
  made.push(vault)
  const engine = new SyncEngine(server)
  const connect = () => vault.service.connectCredentialServer(() => credentialPort(server))
  connect()
  return {
    vault,
    engine,
    sync: () => engine.syncNow(() => vault.service.syncAccess()),
    recheck: () => engine.recheck(() => vault.service.syncAccess()),
    restart: () => {
      vault.restart()
      connect()
    },
  }
}

/** A first device that creates the account and pushes it, and a second that joins from the server. */
export async function twoDevices(
  server: MemoryServer,
  made: TestVault[],
): Promise<{ server: MemoryServer; a: Device; b: Device }> {
  const a = device(server, made)
  const { secretKey, accountId } = await a.vault.service.createAccount({ email: EMAIL, password: PASSWORD })
  await a.sync()
  const b = device(server, made)
  await joinFromServer(b.vault.store, server, accountId)
  await b.vault.service.unlock({ password: PASSWORD, secretKey })
  await b.sync()
  return { server, a, b }
}
