/**
 * A "device" for end-to-end sync tests: its own data folder, vault service
 * and sync service (real crypto, real SQLite, unmodified supabase-js against
 * the local stack), with in-memory keychain and token store.
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
  readonly config: { url: string; anonKey: string }
  close(): void
}

const open: TestDevice[] = []

export function newDevice(stack: SupabaseStack): TestDevice {
  const dir = mkdtempSync(join(tmpdir(), 'vault-sync-device-'))
  const store = VaultStore.open(vaultFilePath(dir))
  const vault = new VaultService({ store, keychain: new MemoryKeychain(), kdfCost: KDF_FLOOR })
  const sync = new SyncService({ vault, store, tokens: new MemoryTokens(), deviceLabel: 'Linux' })
  const device: TestDevice = {
    store,
    vault,
    sync,
    config: { url: stack.url, anonKey: stack.anonKey },
    close: () => {
      sync.close()
      vault.lock()
      store.close()
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

export async function joinedDevice(stack: SupabaseStack, email: string, secretKey: string): Promise<TestDevice> {
  const device = newDevice(stack)
  await device.sync.join({ config: device.config, email, secretKey, password: PASSWORD })
  return device
}

export function titles(device: TestDevice): string[] {
  return device.vault
    .listItems({})
    .map((item) => item.title)
    .sort()
}
