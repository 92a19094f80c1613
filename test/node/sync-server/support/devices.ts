/**
 * A "device" for end-to-end sync tests: its own data folder, vault service
 * and sync service (real crypto, real SQLite, unmodified supabase-js against
 * the local stack), with in-memory keychain and token store. Composed as
 * main-services.ts composes the app's: the vault asks sync for the server
 * side of a password or Secret Key change.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { KDF_FLOOR } from '../../../../src-main/crypto/index.ts'
import { VaultStore } from '../../../../src-main/store/index.ts'
import { SyncService } from '../../../../src-main/sync/sync-service.ts'
import { VaultService, vaultFilePath } from '../../../../src-main/vault/index.ts'
import type { SupabaseStack } from '../../../supabase/stack.ts'
import { MemoryKeychain, MemoryTokens } from '../../../support/main-fakes.ts'

export const PASSWORD = 'glacier orbit pamphlet 93 tundra'

export interface TestDevice {
  readonly store: VaultStore
  readonly vault: VaultService
  readonly sync: SyncService
  /** The OS keychain stand-in; it outlives restart(), as the real one outlives the app. */
  readonly keychain: MemoryKeychain
  readonly config: { url: string; anonKey: string }
  /** Quits and starts the app again on the same data folder, keychain and sync tokens: locked. */
  restart(): void
  close(): void
}

const open: TestDevice[] = []

interface Services {
  store: VaultStore
  vault: VaultService
  sync: SyncService
}

function compose(dir: string, keychain: MemoryKeychain, tokens: MemoryTokens): Services {
  const store = VaultStore.open(vaultFilePath(dir))
  const vault = new VaultService({ store, keychain, kdfCost: KDF_FLOOR })
  const sync = new SyncService({ vault, store, tokens, deviceLabel: 'Linux' })
  vault.connectCredentialServer(() => sync.credentialServer())
  return { store, vault, sync }
}

function shutDown(services: Services): void {
  services.sync.close()
  services.vault.lock()
  services.store.close()
}

export function newDevice(stack: SupabaseStack): TestDevice {
  const dir = mkdtempSync(join(tmpdir(), 'vault-sync-device-'))
  const keychain = new MemoryKeychain()
  const tokens = new MemoryTokens()
  let services = compose(dir, keychain, tokens)
  const device: TestDevice = {
    get store() {
      return services.store
    },
    get vault() {
      return services.vault
    },
    get sync() {
      return services.sync
    },
    keychain,
    config: { url: stack.url, anonKey: stack.anonKey },
    restart: () => {
      shutDown(services)
      services = compose(dir, keychain, tokens)
    },
    close: () => {
      shutDown(services)
      rmSync(dir, { recursive: true, force: true })
    },
  }
  open.push(device)
  return device
}

export function closeDevices(): void {
  for (const device of open.splice(0)) device.close()
}

/** A first device with a new account, sync turned on; returns its Secret Key for the others. */
export async function firstDevice(
  stack: SupabaseStack,
  email: string,
): Promise<{ device: TestDevice; secretKey: string }> {
  const device = newDevice(stack)
  const { secretKey } = await device.vault.createAccount({ email, password: PASSWORD })
  await device.sync.enable({ config: device.config, password: PASSWORD })
  return { device, secretKey }
}

export async function joinedDevice(
  stack: SupabaseStack,
  email: string,
  secretKey: string,
  password = PASSWORD,
): Promise<TestDevice> {
  const device = newDevice(stack)
  await device.sync.join({ config: device.config, email, secretKey, password })
  return device
}

export function titles(device: TestDevice): string[] {
  return device.vault
    .listItems({})
    .map((item) => item.title)
    .sort()
}
